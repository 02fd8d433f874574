"""Build the renderer's input from a report in the database, and export it."""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from contributions.models import AcceptedInput
from drafting.actions import ordered_sections
from drafting.models import Report, Section
from drafting.sectiontext import Block, Heading, Paragraph, Run, parse
from reportdesk.abilities import report_abilities
from reportdesk.errors import NotAllowed
from templates_docx.families import family_for
from templates_docx.model import CONTRIBUTION, ExportReport, ExportSection, InputUsed

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
        section.pk: tuple(_place_headings(parse(section.text), depth))
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
    numbers = _paragraph_numbers([(s, parsed[s.pk]) for s, _depth in tree])
    reading_order = {section.pk: index for index, (section, _depth) in enumerate(tree)}
    accepted = AcceptedInput.objects.filter(section__report=report).select_related(
        "section", "revision__contribution__entity"
    )
    inputs = tuple(
        InputUsed(
            section_heading=item.section.heading,
            entity=item.revision.contribution.entity.name,
            revision=f"r{item.revision.number}",
            accepted_on=timezone.localtime(item.accepted_at).date(),
            paragraphs=_carried(item.revision.text, numbers.get(item.section_id, {})),
            kind=CONTRIBUTION,
        )
        for item in sorted(
            accepted, key=lambda a: (reading_order[a.section_id], a.accepted_at, a.pk)
        )
    )
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
        family=family_for(report.skeleton.kind, report.mechanism),
    )


def _place_headings(blocks: list[Block], depth: int) -> list[Block]:
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


def _paragraph_numbers(
    sections: list[tuple[Section, tuple[Block, ...]]],
) -> dict[int, dict[Paragraph, int]]:
    """For each section, its numbered paragraphs and the number each will print.

    Numbering runs through the body; annexes stand outside it, as in the
    renderer.
    """
    numbers: dict[int, dict[Paragraph, int]] = {}
    counter = 0
    for section, blocks in sections:
        own: dict[Paragraph, int] = {}
        if not section.annex:
            for block in blocks:
                if isinstance(block, Paragraph) and block.numbered:
                    counter += 1
                    own.setdefault(block, counter)
        numbers[section.pk] = own
    return numbers


def _carried(
    revision_text: str, section_numbers: dict[Paragraph, int]
) -> tuple[int, ...]:
    # A paragraph counts as the revision's while the draft still carries it
    # word for word; which words of an edited paragraph came from where is
    # provenance tracking (issue #4).
    found = {
        section_numbers[block]
        for block in parse(revision_text)
        if isinstance(block, Paragraph) and block in section_numbers
    }
    return tuple(sorted(found))


def do_export_report(user: User | AnonymousUser, report: Report) -> RenderResult:
    """Render the report to Word for a person allowed to export it."""
    from templates_docx.render import render_report

    if not report_abilities(user, report)["export"]:
        raise NotAllowed(_("You may not export this report."))
    result = render_report(build_export(report))
    logger.info("exported report %s for user %s", report.slug, user.pk)
    return result
