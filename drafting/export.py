"""Build the renderer's input from a report in the database, and export it."""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit import Verb, record
from contributions.models import AcceptedInput
from drafting.actions import ordered_sections
from drafting.models import Report, Section
from drafting.provenance import revisions_by_block, spans_for
from drafting.sectiontext import Block, Heading, Paragraph, Run, parse
from reportdesk.abilities import report_abilities
from reportdesk.errors import NotAllowed
from templates_docx.families import family_for
from templates_docx.model import (
    CONTRIBUTION,
    AnnexTable,
    ExportReport,
    ExportSection,
    InputUsed,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

    from templates_docx.render import RenderResult

logger = logging.getLogger(__name__)

MAX_HEADING_LEVEL = 3
LANGUAGE_NAMES = {
    "en": "English",
    "fr": "French",
    "es": "Spanish",
    "ar": "Arabic",
    "zh": "Chinese",
    "ru": "Russian",
}


def build_export(report: Report, *, issued_on: dt.date | None = None) -> ExportReport:
    """The report as the renderer sees it: masthead fields and parsed sections."""
    tree = ordered_sections(report)
    parsed = {
        section.pk: tuple(place_headings(parse(section.text), depth))
        for section, depth in tree
    }
    sections = tuple(
        ExportSection(
            heading=section.heading,
            level=min(depth, 3),
            blocks=parsed[section.pk],
            annex=section.annex,
            key=section.key,
        )
        for section, depth in tree
    )
    inputs = _inputs_used(report, tree, parsed) + _consultation_inputs(report)
    return ExportReport(
        symbol=report.symbol,
        title=report.title,
        state=report.state,
        issued_on=issued_on or report.due_date or timezone.localdate(),
        original_language=LANGUAGE_NAMES.get(report.language, report.language),
        language_code=report.language,
        organ=report.organ,
        body_lines=tuple(report.body_lines),
        sections=sections,
        inputs_used=inputs,
        annex_tables=_annex_tables(report),
        family=family_for(report.skeleton.kind, report.mechanism),
    )


def _consultation_inputs(report: Report) -> tuple[InputUsed, ...]:
    # Imported here: consultation depends on drafting, not the reverse.
    from consultation.export import consultation_inputs

    return tuple(consultation_inputs(report))


def _annex_tables(report: Report) -> tuple[AnnexTable, ...]:
    # Imported here: recommendations depends on drafting, not the reverse.
    from recommendations.export import implementation_matrix

    matrix = implementation_matrix(report)
    return (matrix,) if matrix is not None else ()


def place_headings(blocks: list[Block], depth: int) -> list[Block]:
    """Make in-text headings relative to their section's own level.

    ``##`` is one level below the section's heading and ``###`` two. Word
    numbers three levels (I., A., 1.); a heading deeper than that is written
    as an unnumbered bold line, so it never renumbers the chapters after it.
    """
    placed: list[Block] = []
    for block in blocks:
        if not isinstance(block, Heading):
            placed.append(block)
            continue
        level = depth + block.level - 1
        if level <= MAX_HEADING_LEVEL:
            placed.append(Heading(block.content, level=level))
        else:
            bold = tuple(
                Run(item.text, True, item.italic, item.href)
                if isinstance(item, Run)
                else item
                for item in block.content
            )
            placed.append(Paragraph(bold, numbered=False))
    return placed


def _inputs_used(
    report: Report,
    tree: list[tuple[Section, int]],
    parsed: dict[int, tuple[Block, ...]],
) -> tuple[InputUsed, ...]:
    """The "Inputs used" annex: each accepted revision, with the numbered
    paragraphs whose words it gave (``drafting.provenance``).

    A paragraph lists every revision that gave any of its words that are
    still there, so a paragraph shaped by two ministries appears under both.
    An accepted revision whose words have all been edited away is still
    listed, with no paragraph.
    """
    numbers = _paragraph_numbers([(s, parsed[s.pk]) for s, _depth in tree])
    shaped: dict[int, set[int]] = {}  # revision id → paragraph numbers
    for section, _depth in tree:
        spans = spans_for(section.pk, section.text)
        if not spans:
            continue
        for index, revisions in enumerate(revisions_by_block(section.text, spans)):
            number = numbers[section.pk].get(index)
            if number is None:
                continue
            for revision_id in revisions:
                shaped.setdefault(revision_id, set()).add(number)
    reading_order = {section.pk: index for index, (section, _depth) in enumerate(tree)}
    accepted = AcceptedInput.objects.filter(section__report=report).select_related(
        "section", "revision__contribution__entity"
    )
    return tuple(
        InputUsed(
            section_heading=item.section.heading,
            entity=item.revision.contribution.entity.name,
            revision=f"r{item.revision.number}",
            accepted_on=timezone.localtime(item.accepted_at).date(),
            paragraphs=tuple(sorted(shaped.get(item.revision_id, ()))),
            kind=CONTRIBUTION,
        )
        for item in sorted(
            accepted, key=lambda a: (reading_order[a.section_id], a.accepted_at, a.pk)
        )
    )


def _paragraph_numbers(
    sections: list[tuple[Section, tuple[Block, ...]]],
) -> dict[int, dict[int, int]]:
    """For each section, block index → the number its paragraph will print.

    Numbering runs through the body; annexes stand outside it, as in the
    renderer. Block indexes are those of ``parse(section.text)``, which
    ``place_headings`` keeps one for one.
    """
    numbers: dict[int, dict[int, int]] = {}
    counter = 0
    for section, blocks in sections:
        own: dict[int, int] = {}
        if not section.annex:
            for index, block in enumerate(blocks):
                if isinstance(block, Paragraph) and block.numbered:
                    counter += 1
                    own[index] = counter
        numbers[section.pk] = own
    return numbers


def do_export_report(user: User | AnonymousUser, report: Report) -> RenderResult:
    """Render the report to Word for a person allowed to export it."""
    from templates_docx.render import render_report

    if not report_abilities(user, report)["export"]:
        raise NotAllowed(_("You may not export this report."))
    result = render_report(build_export(report))
    logger.info("exported report %s for user %s", report.slug, user.pk)
    record(
        user, Verb.EXPORT, target=report, details={"kind": "report", "stored": False}
    )
    return result
