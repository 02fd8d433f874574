"""The consultation record: every comment, who made it, the decision and why.

``record_rows`` is the one list the Word, CSV and Excel files are written
from. ``consultation_inputs`` gives the Word submission's "Inputs used" annex
the comments the secretariat took up and the paragraphs where they landed.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

import docx
from django.utils import timezone
from django.utils.translation import gettext as _
from docx.enum.section import WD_ORIENT
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from consultation.anchoring import (
    GONE,
    Anchor,
    SectionText,
    anchor,
    find_passage,
    normalise,
    number_sections,
)
from consultation.models import TAKEN_UP, Comment, Round
from drafting.actions import ordered_sections
from templates_docx.model import CONSULTATION_COMMENT, InputUsed
from templates_docx.redline import ReviewComment

if TYPE_CHECKING:
    from drafting.models import Report

# Comment text in the annex is a reminder of what was said, not the record.
NOTE_LENGTH = 200


def current_texts(report: Report) -> dict[int, SectionText]:
    """The live draft's sections as plain text, numbered as the export will be."""
    return number_sections(
        (section.pk, section.text, section.annex)
        for section, _depth in ordered_sections(report)
    )


@dataclass(frozen=True)
class RecordRow:
    number: int
    section: str
    paragraph: str
    passage: str
    comment: str
    proposed_wording: str
    organisation: str
    received: str
    decision: str
    reason: str
    now_at: str
    carried_in: str

    @staticmethod
    def header() -> tuple[str, ...]:
        return (
            _("No."),
            _("Section"),
            _("Paragraph (shared version)"),
            _("Passage"),
            _("Comment"),
            _("Proposed wording"),
            _("Organisation"),
            _("Received"),
            _("Decision"),
            _("Reason"),
            _("Where the passage is now"),
            _("Carried out in"),
        )

    def cells(self) -> tuple[str, ...]:
        return (
            str(self.number),
            self.section,
            self.paragraph,
            self.passage,
            self.comment,
            self.proposed_wording,
            self.organisation,
            self.received,
            self.decision,
            self.reason,
            self.now_at,
            self.carried_in,
        )


def describe_anchor(found: Anchor) -> str:
    if found.status == GONE:
        return _("no longer in the draft")
    if not found.paragraphs:
        return _("in the section (no numbered paragraph)")
    numbers = ", ".join(str(n) for n in found.paragraphs)
    if found.status == "edited":
        return _("paragraph %(numbers)s (edited since)") % {"numbers": numbers}
    return _("paragraph %(numbers)s") % {"numbers": numbers}


def describe_carried(comment: Comment) -> str:
    parts = []
    if comment.carried_in_section is not None:
        text = comment.carried_in_section.heading
        if comment.carried_in_version:
            text += " " + _("(version %(number)d)") % {
                "number": comment.carried_in_version
            }
        parts.append(text)
    if comment.carried_in_revision is not None:
        revision = comment.carried_in_revision
        parts.append(
            _("contribution of %(entity)s, r%(number)d")
            % {"entity": revision.contribution.entity.name, "number": revision.number}
        )
    return "; ".join(parts)


def record_comments(round: Round):
    return (
        Comment.objects.filter(round=round)
        .select_related(
            "entity",
            "carried_in_section",
            "carried_in_revision__contribution__entity",
        )
        .order_by("created_at", "id")
    )


def record_rows(round: Round) -> list[RecordRow]:
    texts = current_texts(round.report)
    rows = []
    for number, comment in enumerate(record_comments(round), start=1):
        rows.append(
            RecordRow(
                number=number,
                section=comment.section_heading,
                paragraph=str(comment.paragraph or ""),
                passage=comment.quote or _("(whole section)"),
                comment=comment.body,
                proposed_wording=comment.proposed_wording,
                organisation=comment.organisation_name,
                received=timezone.localtime(comment.created_at).date().isoformat(),
                decision=comment.get_decision_display() or _("not yet decided"),
                reason=comment.reason,
                now_at=describe_anchor(anchor(comment, texts)),
                carried_in=describe_carried(comment),
            )
        )
    return rows


def _spreadsheet_safe(value: str) -> str:
    # A cell that starts like a formula would run as one in a spreadsheet;
    # comments through the public link are anyone's text.
    if value[:1] in {"=", "+", "-", "@", "\t", "\r"}:
        return "'" + value
    return value


def record_csv(round: Round) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(RecordRow.header())
    for row in record_rows(round):
        writer.writerow([_spreadsheet_safe(cell) for cell in row.cells()])
    # With the byte-order mark Excel reads the file as UTF-8.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def record_xlsx(round: Round) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Consultation record")[:31]
    sheet.append(list(RecordRow.header()))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in record_rows(round):
        sheet.append([_spreadsheet_safe(c) for c in row.cells()])
    wrap = Alignment(wrap_text=True, vertical="top")
    for column, width in zip(
        "ABCDEFGHIJKL", (6, 28, 10, 40, 50, 40, 28, 12, 16, 40, 22, 28), strict=True
    ):
        sheet.column_dimensions[column].width = width
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            cell.alignment = wrap
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def record_docx(round: Round) -> bytes:
    document = docx.Document()
    section = document.sections[0]
    # A twelve-column table needs the width of a landscape page.
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    document.add_heading(_("Consultation record"), level=1)
    document.add_paragraph(round.report.title)
    document.add_paragraph(
        _(
            "Round “%(title)s”, open from %(opens)s to %(closes)s, on version %(version)d."
        )
        % {
            "title": round.title,
            "opens": timezone.localtime(round.opens_at).date().isoformat(),
            "closes": timezone.localtime(round.closes_at).date().isoformat(),
            "version": round.version.number,
        }
    )
    rows = record_rows(round)
    header = RecordRow.header()
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row.cells(), strict=True):
            cell.text = text
    if not rows:
        document.add_paragraph(_("No comments were received."))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _plain(text: str) -> str:
    """Proposed wording may be written in section text markup: its words."""
    numbered = number_sections([(0, text, False)])
    return numbered[0].text or normalise(text)


def landed_paragraphs(
    comment: Comment, texts: dict[int, SectionText]
) -> tuple[int, ...]:
    """Where a comment the secretariat took up shows in the current draft.

    The proposed wording, where the draft now carries it, is the best
    evidence; otherwise the passage commented on, where it still stands.
    """
    target = comment.carried_in_section_id or comment.section_id
    if comment.proposed_wording and target in texts:
        found = find_passage(texts[target].text, _plain(comment.proposed_wording))
        if found is not None:
            return texts[target].paragraphs_between(found.start, found.end)
    found_anchor = anchor(comment, texts)
    if found_anchor.status == GONE:
        return ()
    return found_anchor.paragraphs


def _shorten(text: str) -> str:
    text = normalise(text)
    if len(text) <= NOTE_LENGTH:
        return text
    return text[: NOTE_LENGTH - 1].rsplit(" ", 1)[0] + "…"


def consultation_inputs(report: Report) -> list[InputUsed]:
    """The comments accepted or partly accepted in the report's rounds, as
    entries of the Word file's "Inputs used" annex, in reading order."""
    texts = current_texts(report)
    order = {pk: index for index, pk in enumerate(texts)}
    headings = dict(report.sections.values_list("pk", "heading"))
    comments = (
        Comment.objects.filter(round__report=report, decision__in=TAKEN_UP)
        .select_related("round", "entity")
        .order_by("decided_at", "id")
    )
    inputs = []
    for comment in comments:
        paragraphs = landed_paragraphs(comment, texts)
        section_id = comment.carried_in_section_id or comment.section_id
        inputs.append(
            (
                order.get(section_id, len(order)),  # type: ignore[arg-type]
                paragraphs,
                InputUsed(
                    section_heading=headings.get(section_id, comment.section_heading),  # type: ignore[arg-type]
                    entity=comment.organisation_name,
                    revision=comment.round.title,
                    accepted_on=timezone.localtime(comment.decided_at).date(),
                    paragraphs=paragraphs,
                    kind=CONSULTATION_COMMENT,
                    note=_shorten(comment.proposed_wording or comment.body),
                ),
            )
        )
    inputs.sort(key=lambda item: (item[0], item[1] or (0,)))
    return [used for _order, _paragraphs, used in inputs]


def review_comments(report: Report) -> list[ReviewComment]:
    """Every comment of the report's rounds as a Word comment for a redline,
    attached to the section its passage stands in today (or was made on).

    Reviewers' names are not given: the organisation (or "anonymous") is the
    author, as in the record.
    """
    texts = current_texts(report)
    headings = dict(report.sections.values_list("pk", "heading"))
    comments = (
        Comment.objects.filter(round__report=report)
        .select_related("entity")
        .order_by("created_at", "id")
    )
    result = []
    for comment in comments:
        found = anchor(comment, texts)
        section_id = found.section_id or comment.section_id
        parts = [comment.body]
        if comment.proposed_wording:
            parts.append(
                _("Proposed wording: %(text)s") % {"text": comment.proposed_wording}
            )
        if comment.quote:
            parts.insert(0, f"“{comment.quote}”")
        result.append(
            ReviewComment(
                section_heading=headings.get(section_id or 0, comment.section_heading),
                author=comment.organisation_name,
                date=comment.created_at,
                text="\n".join(p for p in parts if p),
            )
        )
    return result
