"""What the editor needs to know about the rest of the report.

Paragraph numbers and footnote numbers run through the whole report, so the
editor is told how many come before this section; the word count is shown
against the report's limit, so it is told how many words the other sections
hold. Both are counted when the editor opens.
"""

from __future__ import annotations

from dataclasses import dataclass

from drafting.actions import ordered_sections
from drafting.models import Section
from drafting.sectiontext import (
    Block,
    BulletList,
    Footnote,
    Heading,
    NumberedList,
    Paragraph,
    SubItem,
    Table,
    parse,
)
from drafting.sectiontext.wordcount import count_blocks


@dataclass(frozen=True, slots=True)
class EditorContext:
    paragraphs_before: int
    footnotes_before: int
    words_elsewhere: int
    word_limit: int | None
    count_footnotes: bool
    annex: bool

    def as_json(self) -> dict[str, object]:
        return {
            "paragraphs_before": self.paragraphs_before,
            "footnotes_before": self.footnotes_before,
            "words_elsewhere": self.words_elsewhere,
            "word_limit": self.word_limit,
            "count_footnotes": self.count_footnotes,
            "annex": self.annex,
        }


def editor_context(section: Section) -> EditorContext:
    report = section.report
    paragraphs = notes = words = 0
    before = True
    for other, _depth in ordered_sections(report):
        if other.pk == section.pk:
            before = False
            continue
        if other.annex:
            continue
        blocks = parse(other.text)
        words += count_blocks(blocks, footnotes=report.count_footnotes)
        if before:
            paragraphs += sum(
                1 for b in blocks if isinstance(b, Paragraph) and b.numbered
            )
            notes += sum(_footnotes(b) for b in blocks)
    return EditorContext(
        paragraphs_before=paragraphs,
        footnotes_before=notes,
        words_elsewhere=words,
        word_limit=report.word_limit,
        count_footnotes=report.count_footnotes,
        annex=section.annex,
    )


def _footnotes(block: Block) -> int:
    if isinstance(block, BulletList | NumberedList):
        groups = list(block.items)
    elif isinstance(block, Table):
        groups = [cell for row in block.rows for cell in row]
    elif isinstance(block, Paragraph | SubItem | Heading):
        groups = [block.content]
    else:
        groups = []
    return sum(isinstance(item, Footnote) for group in groups for item in group)
