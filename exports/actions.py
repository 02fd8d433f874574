"""Exporting a report to Word, keeping the file, and comparing two versions.

Every export is stored with the frozen report version it came from and the
SHA-256 of its bytes. Rendering is deterministic, so exporting the same
version again gives the same digest and the stored row is reused instead of
duplicated.
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import logging
import re
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit import Verb, record, record_denied
from consultation.export import review_comments
from contributions.models import AcceptedInput, Contribution, membership_of
from drafting.actions import do_freeze_version, ordered_sections
from drafting.export import build_export, place_headings
from drafting.models import Report, ReportVersion, Section
from drafting.sectiontext import parse
from exports.models import Export
from reportdesk.abilities.exports import export_abilities
from reportdesk.errors import DomainError, NotAllowed
from templates_docx.families import INTERNAL_DRAFT
from templates_docx.model import ExportReport, Outstanding
from templates_docx.redline import Redline, RedlineSection, Source, render_redline
from templates_docx.render import RenderResult, render_report

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User
    from django.utils.functional import _StrOrPromise as StrOrPromise

logger = logging.getLogger(__name__)

# Anything but letters, digits, dots and hyphens becomes "_" in a file name.
_UNSAFE_IN_NAMES = re.compile(r"[^A-Za-z0-9.\-]")
_OWED: dict[str, StrOrPromise] = {
    Contribution.Status.DRAFT: _("draft not yet submitted"),
    Contribution.Status.SUBMITTED: _("submitted, awaiting validation or review"),
    Contribution.Status.VALIDATED: _("validated, awaiting the secretariat"),
    Contribution.Status.RETURNED: _("returned for revision"),
}


def do_export_report(user: User, report: Report, *, internal: bool = False) -> Export:
    """Export the report's current text to Word and store the file.

    Locks the report row while its text is read, so the version the export is
    stored with is exactly the text that was rendered. If the text changed
    since the last frozen version, a new version is frozen first (the
    secretariat's right); others may export only text that is frozen.
    ``internal`` gives the internal draft (DRAFT watermark, section status,
    contributions still owed) instead of the UN document.
    """
    abilities = export_abilities(user, report)
    if not abilities["export"]:
        raise NotAllowed(_("You may not export this report."))
    with transaction.atomic():
        Report.objects.select_for_update().get(pk=report.pk)
        version = _current_version(user, report, freeze=abilities["freeze"])
        model = build_export(report)
        if internal:
            model = _internal_draft(report, model)
    # Rendering is slow; the lock is not held for it.
    result = render_report(model)
    suffix = "-draft" if internal else ""
    return _store(
        user,
        report,
        result,
        kind=Export.Kind.REPORT,
        family=model.family,
        version=version,
        filename=f"{_file_stem(report)}-v{version.number}{suffix}.docx",
    )


def do_export_redline(
    user: User, report: Report, *, base: ReportVersion, target: ReportVersion
) -> Export:
    """The changes from ``base`` to ``target`` as Word tracked changes, stored.

    Inserted text that an accepted contribution brought in is attributed to
    the contribution's author and entity; everything else to the person who
    froze ``target``.
    """
    if not export_abilities(user, report)["redline"]:
        raise NotAllowed(_("You may not compare the versions of this report."))
    if base.report_id != report.pk or target.report_id != report.pk:
        raise DomainError(_("Both versions must belong to this report."))
    if base.number == target.number:
        raise DomainError(_("Choose two different versions to compare."))
    if base.number > target.number:
        base, target = target, base
    model = build_export(report)
    sources = _sources(report, target)
    redline = Redline(
        report=dataclasses.replace(model, sections=(), inputs_used=()),
        sections=_compare(base.snapshot, target.snapshot, sources),
        author=_person(target.created_by),
        date=target.created_at,
        comments=tuple(review_comments(report)),
    )
    result = render_redline(redline)
    return _store(
        user,
        report,
        result,
        kind=Export.Kind.REDLINE,
        family=model.family,
        version=target,
        base_version=base,
        filename=f"{_file_stem(report)}-v{base.number}-v{target.number}-changes.docx",
    )


def access_export(user: User | AnonymousUser, pk: int) -> Export:
    """A stored export the person may download; refused like a missing one."""
    export = Export.objects.select_related("report").filter(pk=pk).first()
    if export is None or not export_abilities(user, export.report)["download"]:
        # A guessed number is written down, whichever way it was asked.
        record_denied(
            user,
            target=("exports.export", pk),
            report=export.report if export else None,
            via="download",
        )
        raise NotAllowed(_("There is no export you may download with this number."))
    record(user, Verb.DOWNLOAD, target=export, details={"sha256": export.sha256})
    return export


def live_snapshot(report: Report) -> dict[str, Any]:
    """The report's sections as ``do_freeze_version`` would freeze them now.

    Must stay in step with the snapshot written there, so that an unchanged
    report is recognised as its latest version.
    """
    return {
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


def _current_version(user: User, report: Report, *, freeze: bool) -> ReportVersion:
    latest = report.versions.order_by("-number").first()
    if latest is not None and latest.snapshot == live_snapshot(report):
        return latest
    if freeze:
        return do_freeze_version(user, report, label=str(_("Exported to Word")))
    if latest is None:
        raise DomainError(
            _(
                "No version of this report has been frozen yet, and only the "
                "secretariat can freeze one. Ask the secretariat to export it."
            )
        )
    raise DomainError(
        _(
            "The draft has changed since version %(number)s was frozen, and only "
            "the secretariat can freeze a new version. Download the export of "
            "version %(number)s, or ask the secretariat for a new one."
        )
        % {"number": latest.number}
    )


def _store(
    user: User,
    report: Report,
    result: RenderResult,
    *,
    kind: str,
    family: str,
    version: ReportVersion,
    filename: str,
    base_version: ReportVersion | None = None,
) -> Export:
    digest = hashlib.sha256(result.content).hexdigest()
    with transaction.atomic():
        export = _find_or_create(
            user,
            report,
            result,
            kind=kind,
            family=family,
            version=version,
            filename=filename,
            base_version=base_version,
            digest=digest,
        )
        record(
            user,
            Verb.EXPORT,
            target=export,
            details={"kind": kind, "version": version.number, "sha256": digest},
        )
    return export


def _find_or_create(
    user: User,
    report: Report,
    result: RenderResult,
    *,
    kind: str,
    family: str,
    version: ReportVersion,
    filename: str,
    base_version: ReportVersion | None,
    digest: str,
) -> Export:
    existing = Export.objects.filter(
        report=report,
        version=version,
        base_version=base_version,
        kind=kind,
        sha256=digest,
    ).first()
    if existing is not None:
        return existing
    export = Export.objects.create(
        report=report,
        version=version,
        base_version=base_version,
        kind=kind,
        family=family,
        filename=filename,
        sha256=digest,
        size=len(result.content),
        content=result.content,
        warnings=list(result.warnings),
        created_by=user,
        created_at=timezone.now(),
    )
    logger.info(
        "stored export %s of report %s v%s (%s)",
        export.pk,
        report.slug,
        version.number,
        digest[:12],
    )
    return export


def _internal_draft(report: Report, model: ExportReport) -> ExportReport:
    statuses = dict(Section.objects.filter(report=report).values_list("pk", "status"))
    ordered = [section for section, _depth in ordered_sections(report)]
    sections = tuple(
        dataclasses.replace(export_section, status=statuses.get(section.pk, ""))
        for export_section, section in zip(model.sections, ordered, strict=True)
    )
    owed = (
        Contribution.objects.filter(section__report=report, status__in=list(_OWED))
        .select_related("section", "entity")
        .order_by("section__position", "entity__name", "pk")
    )
    reading = {section.pk: index for index, section in enumerate(ordered)}
    outstanding = tuple(
        Outstanding(
            section_heading=contribution.section.heading,
            entity=contribution.entity.name,
            status=str(_OWED[contribution.status]),
        )
        for contribution in sorted(owed, key=lambda c: reading.get(c.section_id, 0))
    )
    return dataclasses.replace(
        model, family=INTERNAL_DRAFT, sections=sections, outstanding=outstanding
    )


def _sources(report: Report, target: ReportVersion) -> dict[int, tuple[Source, ...]]:
    """Per section id, the accepted contributions frozen into ``target``."""
    accepted = (
        AcceptedInput.objects.filter(
            section__report=report, accepted_at__lte=target.created_at
        )
        .select_related("revision__author", "revision__contribution__entity")
        .order_by("-accepted_at", "-pk")
    )
    sources: dict[int, list[Source]] = {}
    for item in accepted:
        revision = item.revision
        author = revision.author.get_full_name() or revision.author.get_username()
        sources.setdefault(item.section_id, []).append(
            Source(
                author=f"{author} ({revision.contribution.entity.name})",
                date=item.accepted_at,
                text=revision.text,
            )
        )
    return {key: tuple(value) for key, value in sources.items()}


def _compare(
    base: dict[str, Any], target: dict[str, Any], sources: dict[int, tuple[Source, ...]]
) -> tuple[RedlineSection, ...]:
    """The sections of both snapshots, matched by id, in the later order."""
    old = {item["id"]: item for item in base["sections"]}
    new = {item["id"]: item for item in target["sections"]}
    old_ids = [item["id"] for item in base["sections"]]
    new_ids = [item["id"] for item in target["sections"]]
    matcher = difflib.SequenceMatcher(a=old_ids, b=new_ids, autojunk=False)
    order: list[int] = []
    for _tag, i1, i2, j1, j2 in matcher.get_opcodes():
        order.extend(i for i in old_ids[i1:i2] if i not in new)
        order.extend(new_ids[j1:j2])
    sections = []
    for section_id in order:
        before, after = old.get(section_id), new.get(section_id)
        current = after or before
        if current is None:  # every id comes from one snapshot or both
            continue
        sections.append(
            RedlineSection(
                heading=current["heading"],
                level=min(current["depth"], 3),
                old=_blocks(before),
                new=_blocks(after),
                annex=current["annex"],
                old_heading=before["heading"] if before else "",
                sources=sources.get(section_id, ()),
            )
        )
    return tuple(sections)


def _blocks(item: dict[str, Any] | None) -> tuple | None:
    if item is None:
        return None
    return tuple(place_headings(parse(item["text"]), item["depth"]))


def _file_stem(report: Report) -> str:
    """Files are named after the UN symbol, as they are filed in Geneva
    (A/HRC/WG.6/48/SVN/1 gives A_HRC_WG.6_48_SVN_1), or the short name."""
    stem = _UNSAFE_IN_NAMES.sub("_", report.symbol.strip())
    return stem or report.slug


def _person(user: User) -> str:
    name = user.get_full_name() or user.get_username()
    membership = membership_of(user)
    return f"{name} ({membership.entity.name})" if membership else name
