"""The implementation matrix: the annex table of a report's Word export."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _

from drafting.models import Report
from recommendations.answering import coverage
from templates_docx.model import AnnexTable


def implementation_matrix(report: Report) -> AnnexTable | None:
    """A row for every recommendation the report answers: its number, text,
    recommending States, position, responsible bodies, implementation status
    and the sections of this report that answer it. None when the report
    answers no recommendation.

    Written in the report's language where we have translations, since the
    table goes into the report itself.
    """
    rows = coverage(report)
    if not rows:
        return None
    with translation.override(report.language):
        header = (
            _("Recommendation"),
            _("Text"),
            _("Recommending States"),
            _("Position"),
            _("Responsible bodies"),
            _("Implementation status"),
            _("Answered in"),
        )
        body = tuple(
            (
                str(row.recommendation.label),
                row.recommendation.text,
                ", ".join(row.recommendation.recommending_states),
                str(row.recommendation.get_position_display())
                if row.recommendation.position
                else "—",
                ", ".join(
                    entity.short_name or entity.name
                    for entity in row.recommendation.responsible_entities.all()
                )
                or "—",
                str(row.recommendation.get_status_display()),
                "; ".join(section.heading for section in row.sections) or "—",
            )
            for row in rows
        )
        title = _("Implementation matrix")
    return AnnexTable(title=title, header=header, rows=body)
