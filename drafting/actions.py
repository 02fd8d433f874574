"""Operations on reports and sections. Views and commands call these."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit import Verb, record
from drafting.mechanisms import TREATY_BODIES, masthead_for
from drafting.models import Obligation, Report, ReportVersion, Section, Skeleton
from drafting.provenance import record_text_change
from reportdesk.abilities import (
    can_create_reports,
    report_abilities,
    section_abilities,
)
from reportdesk.errors import DomainError, NotAllowed, StaleWrite

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from drafting.planning import Plan


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
    plan: Plan | None = None,
    carry_over_from: Report | None = None,
    mechanism: str = "",
) -> Report:
    """Create a report and its section tree from a skeleton.

    ``plan`` (from ``drafting.planning.plan_from_document``, read before the
    transaction because reading is slow) adds the sections the committee's
    document calls for, and records what that document says the State owes.
    ``carry_over_from`` copies the text of the State's previous report into
    the sections with the same skeleton key, marked as carried over.
    """
    if not can_create_reports(user):
        raise NotAllowed(_("Only the secretariat coordinator can start a report."))
    if Report.objects.filter(slug=slug).exists():
        raise DomainError(
            _("A report with the short name %(slug)s exists already; choose another.")
            % {"slug": slug}
        )
    structure = skeleton.structure
    mechanism = _mechanism_for(skeleton, mechanism)
    masthead = masthead_for(
        mechanism, structure.get("organ", ""), list(structure.get("body_lines", []))
    )
    report = Report.objects.create(
        slug=slug,
        # Skeleton titles are repository data; "{state}" is the one slot.
        title=title or skeleton.title.replace("{state}", state),
        skeleton=skeleton,
        mechanism=mechanism,
        kind=skeleton.kind,
        state=state,
        state_code=state_code.upper(),
        symbol=symbol,
        language=language,
        due_date=due_date,
        period_start=period_start,
        period_end=period_end,
        organ=masthead.organ,
        body_lines=list(masthead.body_lines),
        word_limit=skeleton.word_limit,
        count_footnotes=skeleton.count_footnotes,
        created_by=user,
    )
    _create_sections(report, None, structure["sections"], include_optional)
    if plan is not None:
        _apply_plan(report, plan)
    if carry_over_from is not None:
        _carry_over(report, carry_over_from)
    record(
        user,
        Verb.CREATE,
        target=report,
        details={
            "skeleton": skeleton.key,
            "carried_over_from": carry_over_from.slug if carry_over_from else None,
        },
    )
    return report


def _mechanism_for(skeleton: Skeleton, asked: str) -> str:
    """A skeleton for any treaty body (mechanism HRI) takes the committee asked."""
    if not asked or asked == skeleton.mechanism:
        return skeleton.mechanism
    if skeleton.mechanism == "HRI" and asked in TREATY_BODIES:
        return asked
    raise DomainError(
        _("This skeleton is for %(mechanism)s only; leave the mechanism out.")
        % {"mechanism": skeleton.mechanism}
    )


REPORT_DETAILS = (
    "title",
    "symbol",
    "organ",
    "body_lines",
    "state",
    "state_code",
    "language",
    "due_date",
    "period_start",
    "period_end",
)


def do_update_report(
    user: User, report: Report, *, base_version: int, **details: Any
) -> Report:
    """Change the report's details (masthead, dates, language).

    Locks the report row; an edit based on an older version is refused.
    """
    if not report_abilities(user, report)["edit"]:
        raise NotAllowed(_("Only the secretariat can change the report's details."))
    unknown = set(details) - set(REPORT_DETAILS)
    if unknown:
        raise DomainError(
            _("These details cannot be changed here: %(names)s.")
            % {"names": ", ".join(sorted(unknown))}
        )
    with transaction.atomic():
        locked = Report.objects.select_for_update().get(pk=report.pk)
        if locked.version != base_version:
            raise StaleWrite(locked.version)
        for name, value in details.items():
            setattr(locked, name, value)
        locked.version += 1
        locked.save(update_fields=[*details, "version"])
        record(user, Verb.EDIT, target=locked, details={"fields": sorted(details)})
    return locked


def _apply_plan(report: Report, plan: Plan) -> None:
    container = report.sections.filter(key=plan.container).first()
    if container is None:
        raise DomainError(_("The skeleton has no section to hold these sections."))
    for planned in plan.sections:
        add_section(
            report,
            heading=planned.heading,
            parent=container,
            guidance=planned.guidance,
            key=planned.key,
        )
    for owed in plan.obligations:
        Obligation.objects.update_or_create(
            source_symbol=owed.source_symbol,
            source_paragraph=owed.source_paragraph,
            kind=owed.kind,
            defaults={
                "mechanism": report.mechanism,
                "title": owed.title,
                "due_date": owed.due_date,
                "due_text": owed.due_text,
            },
        )
    # The report answers the follow-up request it was built from.
    if report.kind == "follow_up_report":
        Obligation.objects.filter(
            source_symbol=plan.source_symbol, kind=Obligation.Kind.FOLLOW_UP
        ).update(report=report)


def _carry_over(report: Report, previous: Report) -> None:
    if previous.state_code != report.state_code:
        raise DomainError(_("Carry text over only from a report of the same State."))
    previous_text = {
        section.key: section.text
        for section in previous.sections.exclude(key="").exclude(text="")
    }
    for section in report.sections.exclude(key=""):
        text = previous_text.get(section.key)
        if text:
            section.text = text
            section.carried_over = True
            section.status = Section.Status.DRAFTING
            section.save(update_fields=["text", "carried_over", "status", "updated_at"])


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
        # The words a person writes are the secretariat's own; words they
        # leave keep the contribution that gave them (drafting.provenance).
        record_text_change(locked.pk, locked.text, text, revision_id=None)
        tell_live_editors(locked, old=locked.text, new=text)
        locked.text = text
        locked.version += 1
        locked.carried_over = False
        if locked.status == Section.Status.NOT_STARTED and text.strip():
            locked.status = Section.Status.DRAFTING
        locked.save(
            update_fields=["text", "version", "status", "carried_over", "updated_at"]
        )
        record(user, Verb.EDIT, target=locked, details={"version": locked.version})
    return locked


def tell_live_editors(section: Section, *, old: str, new: str) -> None:
    """After commit, send the change to the browsers editing the section live.

    Call it inside the transaction that writes ``new``, before the version
    is raised: the browsers follow the change from ``section.version`` to
    the next one instead of reading the whole text again.
    """
    # collab builds on drafting; the import stays local to keep that one-way.
    from collab.actions import broadcast_change

    section_id, before = section.pk, section.version
    transaction.on_commit(
        lambda: broadcast_change(
            section_id,
            old=old,
            new=new,
            from_version=before,
            version=before + 1,
        )
    )


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
        version = ReportVersion.objects.create(
            report=report,
            number=(last or 0) + 1,
            label=label,
            snapshot=snapshot,
            created_by=user,
            created_at=timezone.now(),
        )
        record(user, Verb.FREEZE, target=version, details={"number": version.number})
    return version


def do_set_section_status(user: User, section: Section, *, status: str) -> Section:
    if not section_abilities(user, section)["edit"]:
        raise NotAllowed(_("Only the secretariat sets a section's status."))
    if status not in Section.Status.values:
        raise DomainError(
            _("Unknown status %(status)s; use one of: %(choices)s.")
            % {"status": status, "choices": ", ".join(Section.Status.values)}
        )
    with transaction.atomic():
        Section.objects.filter(pk=section.pk).update(status=status)
        section.status = status
        record(user, Verb.EDIT, target=section, details={"status": status})
    return section
