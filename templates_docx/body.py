"""Build the body of the report (sections, then annexes) as WordprocessingML.

All numbers are written as literal text followed by a tab, the way UN editors
type them: they look the same in every word processor and never renumber
themselves when a secretariat pastes the text elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from docx.opc.part import Part
from docx.oxml.ns import qn
from lxml import etree

from drafting.sectiontext.nodes import (
    Block,
    Break,
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
from .labels import Labels, labels_for
from .language import Language
from .layout import COLUMN_INDENT
from .model import (
    CONSULTATION_COMMENT,
    AnnexTable,
    ExportReport,
    ExportSection,
    InputUsed,
)
from .numbering import heading_number, letters, roman
from .ooxml import el

Cell = tuple[Inline, ...]
# Written for every paragraph and table cell; resolved once.
_SUB = etree.SubElement
_P = qn("w:p")
_PPR = qn("w:pPr")
_PSTYLE = qn("w:pStyle")
_TC = qn("w:tc")
_VAL = qn("w:val")


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
        self.labels: Labels = labels_for(language)
        self.table_width = table_width
        self._restart_numbering()

    def build(self, report: ExportReport, *, internal: bool = False) -> None:
        if internal:
            self._draft_status(report)
        for section in report.sections:
            if not section.annex:
                self._section(section)
        self.build_annexes(report)

    def build_annexes(self, report: ExportReport) -> None:
        """Annexed sections, annexed tables, then the record of inputs used.

        Each stands outside the paragraph numbering and starts on a new page.
        """
        annexes = _group_annexes(report.sections)
        total = len(annexes) + len(report.annex_tables)
        total += 1 if report.inputs_used else 0
        for index, group in enumerate(annexes, start=1):
            self._annex(group, self._annex_label(index, total))
        for offset, table in enumerate(report.annex_tables, start=1):
            self._annex_table(table, self._annex_label(len(annexes) + offset, total))
        if report.inputs_used:
            self._inputs_used(report, self._annex_label(total, total))

    def _annex_label(self, index: int, total: int) -> str:
        # A lone annex is just "Annex", as in UN documents.
        if total == 1:
            return self.labels.annex
        return self.labels.annex_numbered % roman(index)

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
        paragraph = _SUB(self.container, _P)
        _SUB(_SUB(paragraph, _PPR), _PSTYLE, {_VAL: self.ids[style]})
        return paragraph

    def _numbered(self, style: str, number: str, content: Iterable[Inline]) -> None:
        paragraph = self._paragraph(style)
        # Number and tab share one run: one run fewer per paragraph, and the
        # export is made of little else.
        run = self.inline.text_run(paragraph, number)
        el(run, "w:tab")
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
            style_id = self.ids[style]
            padded = list(row) + [()] * (columns - len(row))
            for cell_content in padded:
                # No w:tcW: with a fixed layout the grid gives every cell its
                # width, and a table of many rows is mostly cells.
                paragraph = _SUB(_SUB(table_row, _TC), _P)
                _SUB(_SUB(paragraph, _PPR), _PSTYLE, {_VAL: style_id})
                self.inline.write(paragraph, cell_content, self.part)
        # Two tables in a row would merge in Word without a paragraph between.
        self._paragraph(styles.PARA_UNNUMBERED)

    # Annexed tables, the record of inputs, the internal draft's status

    def _annex_table(self, table: AnnexTable, label: str) -> None:
        self._restart_numbering()
        self.inline.cleaner.place = table.title
        self._annex_heading(label, (Run(table.title),))
        rows: list[list[Cell]] = [[_cell(text) for text in table.header]]
        rows += [[_cell(text) for text in row] for row in table.rows]
        self._table(rows, header=bool(table.header))

    def _inputs_used(self, report: ExportReport, label: str) -> None:
        """Per numbered paragraph, the contributions and comments that shaped it.

        Inputs whose text no paragraph carries word for word any more (it was
        edited after acceptance) are listed under their section, without a
        paragraph number, so that no input disappears from the record.
        """
        self._restart_numbering()
        labels = self.labels
        self.inline.cleaner.place = labels.inputs_used
        self._annex_heading(label, (Run(labels.inputs_used),))
        rows: list[list[Cell]] = [
            [
                _cell(labels.paragraph),
                _cell(labels.section),
                _cell(labels.contributions),
                _cell(labels.consultation_comments),
            ]
        ]
        for key, inputs in _by_paragraph(report):
            number, heading = key
            contributions = [
                self._describe(used) for used in inputs if not _is_comment(used)
            ]
            comments = [self._describe(used) for used in inputs if _is_comment(used)]
            rows.append(
                [
                    _cell(str(number) if number else labels.not_in_a_paragraph),
                    _cell(heading),
                    _lines(contributions),
                    _lines(comments),
                ]
            )
        self._table(rows, header=True)

    def _describe(self, used: InputUsed) -> str:
        when = self.language.format_date(used.accepted_on)
        # An Arabic comma keeps "r1" and the day apart when the line is laid
        # out right to left; a Latin one would join them into one stretch.
        comma = "، " if self.language.right_to_left else ", "
        described = f"{used.entity} ({used.revision}{comma}{when})"
        if _is_comment(used) and used.note:
            described += f": “{used.note}”"
        return described

    def _draft_status(self, report: ExportReport) -> None:
        """Where each section stands and who still owes what, before the text."""
        labels = self.labels
        self.inline.cleaner.place = labels.section_status
        heading = self._paragraph(styles.HEADING_1)
        self.inline.text_run(heading, labels.section_status)
        rows: list[list[Cell]] = [[_cell(labels.section), _cell(labels.status)]]
        for section in report.sections:
            status = labels.statuses.get(section.status, section.status)
            rows.append([_cell(section.heading), _cell(status)])
        self._table(rows, header=True)
        if not report.outstanding:
            return
        heading = self._paragraph(styles.HEADING_1)
        self.inline.text_run(heading, labels.outstanding)
        rows = [
            [_cell(labels.entity), _cell(labels.section), _cell(labels.what_stands)]
        ]
        for owed in report.outstanding:
            rows.append(
                [_cell(owed.entity), _cell(owed.section_heading), _cell(owed.status)]
            )
        self._table(rows, header=True)


def _cell(text: str) -> Cell:
    return (Run(text),) if text else ()


def _lines(texts: list[str]) -> Cell:
    """Several entries in one table cell, one per line."""
    content: list[Inline] = []
    for text in texts:
        if content:
            content.append(Break())
        content.append(Run(text))
    return tuple(content)


def _is_comment(used: InputUsed) -> bool:
    return used.kind == CONSULTATION_COMMENT


def _by_paragraph(
    report: ExportReport,
) -> list[tuple[tuple[int, str], list[InputUsed]]]:
    """Inputs grouped by (paragraph number, section), in reading order."""
    order = {section.heading: index for index, section in enumerate(report.sections)}
    groups: dict[tuple[int, str], list[InputUsed]] = {}
    for used in report.inputs_used:
        for number in used.paragraphs or (0,):
            groups.setdefault((number, used.section_heading), []).append(used)

    def reading_order(key: tuple[int, str]) -> tuple[int, int]:
        # Paragraph numbers run in reading order; inputs no paragraph carries
        # follow the paragraphs of their section.
        number, heading = key
        return order.get(heading, len(order)), number or 10**9

    keyed = sorted(groups, key=reading_order)
    return [(key, groups[key]) for key in keyed]


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
