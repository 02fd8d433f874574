"""The canonical form of a section's text.

One plain-text markup is what the editor edits, what diff-match-patch diffs and
what the Word exporter reads. ``docs/section-text.md`` is its specification;
this package parses it into a small tree (``nodes``), writes the tree back
(``serialize``), counts words and renders safe HTML.
"""

from .nodes import (
    Block,
    Break,
    BulletList,
    Footnote,
    Heading,
    Inline,
    NumberedList,
    PageBreak,
    Paragraph,
    Run,
    SubItem,
    Table,
)
from .parse import parse
from .serialize import serialize

__all__ = [
    "Block",
    "Break",
    "BulletList",
    "Footnote",
    "Heading",
    "Inline",
    "NumberedList",
    "PageBreak",
    "Paragraph",
    "Run",
    "SubItem",
    "Table",
    "parse",
    "serialize",
]
