"""Operations on reports and sections. Views and commands call these."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from drafting.models import Report, ReportVersion, Section, Skeleton
from reportdesk.abilities import (
    can_create_reports,
    report_abilities,
    section_abilities,
)
from reportdesk.errors import DomainError, NotAllowed, StaleWrite

if TYPE_CHECKING:
    from django.contrib.auth.models import User


@transaction.atomic
def do_create_report(
    user: User,
    skeleton: Skeleton,
    *,
    slug: str,
    title: str = "",
    state: str,
    state_code: str,
    symbol: str = "",
    language: str = Report.Language.ENGLISH,
    due_date: dt.date | None = None,
    period_start: dt.date | None = None,
    period_end: dt.date | None = None,
    include_optional: bool = False,
) -> Report:
    """Create a report and its section tree from a skeleton."""
    if not can_create_reports(user):
        raise NotAllowed(_("Only the secretariat coordinator can start a report."))
    if Report.objects.filter(slug=slug).exists():
        raise DomainError(
            _("A report with the short name %(slug)s exists already; choose another.")
            % {"slug": slug}
        )
    structure = skeleton.structure
    report = Report.objects.create(
        slug=slug,
        title=title or skeleton.title,
        skeleton=skeleton,
        mechanism=skeleton.mechanism,
        kind=skeleton.kind,
        state=state,
        state_code=state_code.upper(),
        symbol=symbol,
        language=language,
        due_date=due_date,
        period_start=period_start,
        period_end=period_end,
        organ=structure.get("organ", ""),
        body_lines=list(structure.get("body_lines", [])),
        word_limit=skeleton.word_limit,
        count_footnotes=skeleton.count_footnotes,
        created_by=user,
    )
    _create_sections(report, None, structure["sections"], include_optional)
    return report


def _create_sections(
    report: Report,
    parent: Section | None,
    specs: list[dict[str, Any]],
    include_optional: bool,
) -> None:
    position = 0
    for spec in specs:
        if spec.get("optional") and not include_optional:
            continue
        section = Section.objects.create(
            report=report,
            parent=parent,
            position=position,
            key=spec["key"],
            heading=spec["heading"],
            guidance=" ".join(str(spec.get("guidance", "")).split()),
            annex=bool(spec.get("annex", False)),
        )
        position += 1
        _create_sections(report, section, spec.get("children", []), include_optional)


def add_section(
    report: Report,
    *,
    heading: str,
    parent: Section | None = None,
    text: str = "",
    guidance: str = "",
    key: str = "",
    annex: bool = False,
) -> Section:
    """Append a section under ``parent`` (or at the top level)."""
    siblings = Section.objects.filter(report=report, parent=parent)
    last = siblings.order_by("-position").values_list("position", flat=True).first()
    return Section.objects.create(
        report=report,
        parent=parent,
        position=0 if last is None else last + 1,
        heading=heading,
        text=text,
        guidance=guidance,
        key=key,
        annex=annex,
        status=Section.Status.DRAFTING if text else Section.Status.NOT_STARTED,
    )


def do_update_section_text(
    user: User, section: Section, *, text: str, base_version: int
) -> Section:
    """Replace a section's text if it is still at ``base_version``.

    Takes the section's row lock, so two writers based on the same version
    cannot both succeed: the second gets ``StaleWrite``.
    """
    if not section_abilities(user, section)["edit"]:
        raise NotAllowed(_("You may read this section but not edit it."))
    with transaction.atomic():
        locked = Section.objects.select_for_update().get(pk=section.pk)
        if locked.version != base_version:
            raise StaleWrite(locked.version)
        locked.text = text
        locked.version += 1
        if locked.status == Section.Status.NOT_STARTED and text.strip():
            locked.status = Section.Status.DRAFTING
        locked.save(update_fields=["text", "version", "status", "updated_at"])
    return locked


def ordered_sections(report: Report) -> list[tuple[Section, int]]:
    """The report's sections in reading order, each with its depth (1 = top)."""
    by_parent: dict[int | None, list[Section]] = {}
    for section in report.sections.order_by("position"):
        by_parent.setdefault(section.parent_id, []).append(section)
    ordered: list[tuple[Section, int]] = []

    def walk(parent_id: int | None, depth: int) -> None:
        for section in by_parent.get(parent_id, []):
            ordered.append((section, depth))
            walk(section.pk, depth + 1)

    walk(None, 1)
    return ordered


def do_freeze_version(user: User, report: Report, *, label: str = "") -> ReportVersion:
    """Freeze the report's current text as its next numbered version.

    Takes the report row lock so that two freezes never get the same number.
    """
    if not report_abilities(user, report)["edit"]:
        raise NotAllowed(_("Only the secretariat can freeze a version of the report."))
    with transaction.atomic():
        Report.objects.select_for_update().get(pk=report.pk)
        last = (
            report.versions.order_by("-number").values_list("number", flat=True).first()
        )
        snapshot = {
            "sections": [
                {
                    "id": section.pk,
                    "parent": section.parent_id,
                    "heading": section.heading,
                    "depth": depth,
                    "key": section.key,
                    "annex": section.annex,
                    "text": section.text,
                    "version": section.version,
                }
                for section, depth in ordered_sections(report)
            ]
        }
        return ReportVersion.objects.create(
            report=report,
            number=(last or 0) + 1,
            label=label,
            snapshot=snapshot,
            created_by=user,
            created_at=timezone.now(),
        )
