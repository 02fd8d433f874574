"""Build the body of the report (sections, then annexes) as WordprocessingML.

All numbers are written as literal text followed by a tab, the way UN editors
type them: they look the same in every word processor and never renumber
themselves when a secretariat pastes the text elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.utils.translation import gettext as _
from docx.opc.part import Part
from lxml import etree

from drafting.sectiontext.nodes import (
    Block,
    BulletList,
    Heading,
    Inline,
    NumberedList,
    PageBreak,
    Paragraph,
    Run,
    SubItem,
    Table,
)

from . import styles
from .inline import InlineWriter
from .language import Language
from .layout import COLUMN_INDENT
from .model import ExportReport, ExportSection, InputUsed
from .numbering import heading_number, letters, roman
from .ooxml import el


class BodyBuilder:
    """Appends the body to ``container``; numbering state lives here."""

    def __init__(
        self,
        container: etree._Element,
        inline: InlineWriter,
        document_part: Part,
        language: Language,
        table_width: int,
    ) -> None:
        self.container = container
        self.inline = inline
        self.ids = inline.style_ids
        self.part = document_part
        self.language = language
        self.table_width = table_width
        self._restart_numbering()

    def build(self, report: ExportReport) -> None:
        for section in report.sections:
            if not section.annex:
                self._section(section)

        annexes = _group_annexes(report.sections)
        total = len(annexes) + (1 if report.inputs_used else 0)
        for index, group in enumerate(annexes, start=1):
            self._annex(group, _annex_label(index, total))
        if report.inputs_used:
            self._inputs_used(report, _annex_label(total, total))

    def _restart_numbering(self) -> None:
        self.paragraph_number = 0
        self.heading_counts = [0, 0, 0]
        self.sub_item = 0

    # Sections and headings

    def _section(self, section: ExportSection) -> None:
        self.inline.cleaner.place = section.heading
        if section.heading.strip():
            self._heading(section.level, (Run(section.heading),))
        for block in section.blocks:
            self._block(block)

    def _heading(self, level: int, content: Sequence[Inline]) -> None:
        level = min(max(level, 1), 3)
        self.heading_counts[level - 1] += 1
        for deeper in range(level, 3):
            self.heading_counts[deeper] = 0
        self.sub_item = 0
        number = heading_number(level, self.heading_counts[level - 1])
        self._numbered(styles.HEADINGS[level - 1], number, content)

    def _annex(self, group: list[ExportSection], label: str) -> None:
        self._restart_numbering()
        first = group[0]
        self.inline.cleaner.place = first.heading
        title = (Run(first.heading),) if first.level == 1 else ()
        self._annex_heading(label, title)
        if first.level != 1:
            self._section(first)
        else:
            for block in first.blocks:
                self._block(block)
        for section in group[1:]:
            self._section(section)

    def _annex_heading(self, label: str, title: Sequence[Inline]) -> None:
        paragraph = self._paragraph(styles.ANNEX_HEADING)
        self.inline.text_run(paragraph, label)
        if title and "".join(r.text for r in title if isinstance(r, Run)).strip():
            el(el(paragraph, "w:r"), "w:br")
            self.inline.write(paragraph, title, self.part)

    # Blocks

    def _block(self, block: Block) -> None:
        if isinstance(block, Paragraph):
            self.sub_item = 0
            if block.numbered:
                self.paragraph_number += 1
                number = f"{self.paragraph_number}."
                self._numbered(styles.PARA, number, block.content)
            else:
                paragraph = self._paragraph(styles.PARA_UNNUMBERED)
                self.inline.write(paragraph, block.content, self.part)
        elif isinstance(block, SubItem):
            self.sub_item += 1
            label = f"({letters(self.sub_item)})"
            self._numbered(styles.SUB_ITEM, label, block.content)
        elif isinstance(block, Heading):
            self._heading(block.level, block.content)
        elif isinstance(block, BulletList):
            for item in block.items:
                self._numbered(styles.BULLET, "\u2022", item)
        elif isinstance(block, NumberedList):
            for position, item in enumerate(block.items, start=1):
                self._numbered(styles.NUMBERED, f"{position}.", item)
        elif isinstance(block, Table):
            self._table(block.rows, header=block.header)
        elif isinstance(block, PageBreak):
            run = el(el(self.container, "w:p"), "w:r")
            el(run, "w:br", type="page")

    def _paragraph(self, style: str) -> etree._Element:
        paragraph = el(self.container, "w:p")
        el(el(paragraph, "w:pPr"), "w:pStyle", val=self.ids[style])
        return paragraph

    def _numbered(self, style: str, number: str, content: Iterable[Inline]) -> None:
        paragraph = self._paragraph(style)
        self.inline.text_run(paragraph, number)
        self.inline.tab(paragraph)
        self.inline.write(paragraph, content, self.part)

    def _table(
        self, rows: Sequence[Sequence[Sequence[Inline]]], *, header: bool
    ) -> None:
        columns = max((len(row) for row in rows), default=0)
        if not columns:
            return
        width = self.table_width // columns
        table = el(self.container, "w:tbl")
        props = el(table, "w:tblPr")
        el(props, "w:tblStyle", val=self.ids[styles.TABLE])
        if self.language.right_to_left:
            el(props, "w:bidiVisual")
        el(props, "w:tblW", w=str(width * columns), type="dxa")
        el(props, "w:tblInd", w=str(COLUMN_INDENT), type="dxa")
        el(props, "w:tblLayout", type="fixed")
        el(props, "w:tblLook", val="04A0", firstRow="1" if header else "0")
        grid = el(table, "w:tblGrid")
        for _column in range(columns):
            el(grid, "w:gridCol", w=str(width))

        for index, row in enumerate(rows):
            is_header = header and index == 0
            table_row = el(table, "w:tr")
            if is_header:
                # Repeated at the top of every page the table runs onto.
                el(el(table_row, "w:trPr"), "w:tblHeader")
            style = styles.TABLE_HEADER if is_header else styles.TABLE_TEXT
            padded = list(row) + [()] * (columns - len(row))
            for cell_content in padded:
                cell = el(table_row, "w:tc")
                el(el(cell, "w:tcPr"), "w:tcW", w=str(width), type="dxa")
                paragraph = el(cell, "w:p")
                el(el(paragraph, "w:pPr"), "w:pStyle", val=self.ids[style])
                self.inline.write(paragraph, cell_content, self.part)
        # Two tables in a row would merge in Word without a paragraph between.
        self._paragraph(styles.PARA_UNNUMBERED)

    # The annex of contributions

    def _inputs_used(self, report: ExportReport, label: str) -> None:
        self._restart_numbering()
        title = _("Inputs used")
        self.inline.cleaner.place = title
        self._annex_heading(label, (Run(title),))
        header = [
            _("Section"),
            _("Contributing entity"),
            _("Revision"),
            _("Accepted on"),
            _("Paragraphs"),
        ]
        rows: list[list[tuple[Inline, ...]]] = [[(Run(text),) for text in header]]
        previous_section = None
        for used in _in_section_order(report):
            section_cell = (
                "" if used.section_heading == previous_section else used.section_heading
            )
            previous_section = used.section_heading
            cells = [
                section_cell,
                used.entity,
                used.revision,
                self.language.format_date(used.accepted_on),
                ", ".join(str(number) for number in used.paragraphs),
            ]
            rows.append([(Run(text),) if text else () for text in cells])
        self._table(rows, header=True)


def _group_annexes(sections: Iterable[ExportSection]) -> list[list[ExportSection]]:
    """Each level-1 annex section opens an annex; deeper ones belong to it."""
    groups: list[list[ExportSection]] = []
    for section in sections:
        if not section.annex:
            continue
        if section.level == 1 or not groups:
            groups.append([section])
        else:
            groups[-1].append(section)
    return groups


def _annex_label(index: int, total: int) -> str:
    # A lone annex is just "Annex", as in UN documents.
    if total == 1:
        return _("Annex")
    return _("Annex %(number)s") % {"number": roman(index)}


def _in_section_order(report: ExportReport) -> list[InputUsed]:
    order = {section.heading: index for index, section in enumerate(report.sections)}
    return sorted(
        report.inputs_used,
        key=lambda used: order.get(used.section_heading, len(order)),
    )
