"""Which recommendations a report answers, and where.

A report is taken to answer the recommendations made to its State by its
mechanism (for the UPR, those of the latest cycle imported), plus any
recommendation that one of its sections has been linked to.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Max, QuerySet

from drafting.actions import ordered_sections
from drafting.models import Mechanism, Report, Section
from recommendations.models import Recommendation


@dataclass
class CoverageRow:
    recommendation: Recommendation
    sections: list[Section]

    @property
    def answered(self) -> bool:
        return bool(self.sections)


def latest_upr_cycle(state: str) -> int | None:
    found = Recommendation.objects.filter(
        state__iexact=state, mechanism=Mechanism.UPR
    ).aggregate(latest=Max("cycle"))
    return found["latest"]


def recommendations_for(report: Report) -> QuerySet[Recommendation]:
    """The recommendations in scope for the report, in the order they were made."""
    scope = Recommendation.objects.filter(
        state__iexact=report.state, mechanism=report.mechanism
    )
    if report.mechanism == Mechanism.UPR:
        cycle = latest_upr_cycle(report.state)
        if cycle is not None:
            scope = scope.filter(cycle=cycle)
    linked = Recommendation.objects.filter(sections__report=report)
    ids = set(scope.values_list("pk", flat=True)) | set(
        linked.values_list("pk", flat=True)
    )
    return Recommendation.objects.filter(pk__in=ids).order_by(
        "mechanism", "symbol", "sort_key", "id"
    )


def coverage(report: Report) -> list[CoverageRow]:
    """Each recommendation in scope with the sections of this report that
    answer it, in the report's reading order (empty: not answered yet)."""
    order = {
        section.pk: i for i, (section, _depth) in enumerate(ordered_sections(report))
    }
    links: dict[int, list[Section]] = {}
    through = Recommendation.sections.through.objects.filter(
        section__report=report
    ).select_related("section")
    for link in through:
        links.setdefault(link.recommendation_id, []).append(link.section)
    rows = []
    for recommendation in recommendations_for(report).prefetch_related(
        "responsible_entities"
    ):
        sections = sorted(
            links.get(recommendation.pk, []), key=lambda s: order.get(s.pk, 0)
        )
        rows.append(CoverageRow(recommendation, sections))
    return rows
