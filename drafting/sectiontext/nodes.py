"""The tree that section text parses into.

Inline content is flat: a sequence of runs (text with bold, italic and an
optional link address), line breaks and footnotes. Flat runs map one to one
onto Word runs, which keeps the exporter and the word counter simple.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None

    def same_format(self, other: Run) -> bool:
        return (self.bold, self.italic, self.href) == (
            other.bold,
            other.italic,
            other.href,
        )


@dataclass(frozen=True, slots=True)
class Break:
    """A line break inside a block (a new line in the same Word paragraph)."""


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote, written where its reference mark stands.

    Footnotes cannot contain footnotes; their content is runs and breaks.
    """

    content: tuple[Run | Break, ...]


Inline = Run | Break | Footnote


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A body paragraph. Numbered ones get the next paragraph number on export."""

    content: tuple[Inline, ...]
    numbered: bool = True


@dataclass(frozen=True, slots=True)
class SubItem:
    """An (a), (b) item of the numbered paragraph before it.

    ``label`` is what the author typed; the exporter letters the items of each
    paragraph afresh from (a), so a deleted item never leaves a gap.
    """

    content: tuple[Inline, ...]
    label: str = "a"


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading inside a section's text (level 2 or 3 below the section's own)."""

    content: tuple[Inline, ...]
    level: int = 2


@dataclass(frozen=True, slots=True)
class BulletList:
    items: tuple[tuple[Inline, ...], ...]


@dataclass(frozen=True, slots=True)
class NumberedList:
    """A numbered list; it always restarts at 1, whatever numbers were typed."""

    items: tuple[tuple[Inline, ...], ...]


@dataclass(frozen=True, slots=True)
class Table:
    rows: tuple[tuple[tuple[Inline, ...], ...], ...]
    header: bool = False


@dataclass(frozen=True, slots=True)
class PageBreak:
    pass


Block = Paragraph | SubItem | Heading | BulletList | NumberedList | Table | PageBreak


def plain_text(content: tuple[Inline, ...], *, footnotes: bool = False) -> str:
    """The visible text of inline content; footnote text only when asked."""
    parts: list[str] = []
    for item in content:
        if isinstance(item, Run):
            parts.append(item.text)
        elif isinstance(item, Break):
            parts.append("\n")
        elif footnotes:
            parts.append(" " + plain_text(item.content) + " ")
    return "".join(parts)
