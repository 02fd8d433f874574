"""What the editor needs to know about the rest of the report.

Paragraph numbers and footnote numbers run through the whole report, so the
editor is told how many come before this section; the word count is shown
against the report's limit, so it is told how many words the other sections
hold. Both are counted when the editor opens.

Counting means parsing every other section, about 7 ms each: a crowd
opening a 20-section report at once waited seconds for it. The counts of a
text are therefore kept (``_counts``), keyed by the text itself, so a section
is parsed again only once it has changed.
"""

from __future__ import annotations

import functools
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
        counts = _counts(other.text, report.count_footnotes)
        words += counts.words
        if before:
            paragraphs += counts.paragraphs
            notes += counts.footnotes
    return EditorContext(
        paragraphs_before=paragraphs,
        footnotes_before=notes,
        words_elsewhere=words,
        word_limit=report.word_limit,
        count_footnotes=report.count_footnotes,
        annex=section.annex,
    )


@dataclass(frozen=True, slots=True)
class _Counts:
    words: int
    paragraphs: int
    footnotes: int


# Enough for every section of a few busy reports; each entry holds its text.
@functools.lru_cache(maxsize=512)
def _counts(text: str, count_footnotes: bool) -> _Counts:
    blocks = parse(text)
    return _Counts(
        words=count_blocks(blocks, footnotes=count_footnotes),
        paragraphs=sum(1 for b in blocks if isinstance(b, Paragraph) and b.numbered),
        footnotes=sum(_footnotes(b) for b in blocks),
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
