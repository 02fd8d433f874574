"""What the pages need to know about a section's text without rendering it.

A section page numbers its paragraphs and footnotes as Word will, so it needs
the counts of every earlier section; the report page shows every section's
words. Parsing and rendering every section on every page view is the slow
part of both pages, so the counts are kept per text: a text that has not
changed since the last view is not parsed again.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from drafting.sectiontext import parse
from drafting.sectiontext.html import Numbering, render_blocks
from drafting.sectiontext.wordcount import count_blocks

# Sections of a few reports; a text is a few kilobytes, so this stays small.
CACHED_TEXTS = 4096


@dataclass(frozen=True, slots=True)
class TextFacts:
    paragraphs: int
    footnotes: int
    words: int
    words_with_footnotes: int

    def words_counted(self, *, footnotes: bool) -> int:
        return self.words_with_footnotes if footnotes else self.words


@lru_cache(maxsize=CACHED_TEXTS)
def text_facts(text: str) -> TextFacts:
    """Counts as the renderer makes them, so numbers match the page and Word."""
    blocks = parse(text)
    numbering = Numbering()
    render_blocks(blocks, numbering)
    return TextFacts(
        paragraphs=numbering.paragraph,
        footnotes=numbering.footnote,
        words=count_blocks(blocks, footnotes=False),
        words_with_footnotes=count_blocks(blocks, footnotes=True),
    )
