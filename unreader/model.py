"""What the readers return: headings, paragraphs, sub-items and footnotes.

These are plain records of what the document says. ``sections`` turns them
into the project's canonical section text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class NoteRef:
    """A footnote placed in a text: ``offset`` is where its mark stood."""

    number: int
    offset: int
    text: str


@dataclass(slots=True)
class SubItem:
    """An (a), (b) item of a paragraph, or one bullet of it (label "•")."""

    label: str
    text: str
    notes: list[NoteRef] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"label": self.label, "text": self.text, "footnotes": _notes(self.notes)}


@dataclass(slots=True)
class Paragraph:
    """A numbered paragraph (``number`` as the document gave it) or an
    unnumbered line (``number is None``)."""

    number: int | None
    text: str
    notes: list[NoteRef] = field(default_factory=list)
    subitems: list[SubItem] = field(default_factory=list)
    bullets: list[SubItem] = field(default_factory=list)
    heading_path: tuple[str, ...] = ()

    @property
    def heading(self) -> str | None:
        """The innermost heading the paragraph falls under."""
        return self.heading_path[-1] if self.heading_path else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "heading": self.heading,
            "heading_path": list(self.heading_path),
            "text": self.text,
            "footnotes": _notes(self.notes),
            "subitems": [item.as_dict() for item in self.subitems],
            "bullets": [item.as_dict() for item in self.bullets],
        }


@dataclass(slots=True)
class Heading:
    """A heading and what it holds, in document order.

    ``label`` is "II" for a chapter, "A" for a part and None for an unlettered
    subheading; ``text`` gives the heading exactly as printed ("II. Title").
    """

    label: str | None
    title: str
    level: int
    paragraphs: list[Paragraph] = field(default_factory=list)
    children: list[Heading] = field(default_factory=list)

    @property
    def text(self) -> str:
        return f"{self.label}. {self.title}" if self.label else self.title

    def walk(self) -> list[Heading]:
        """This heading and every heading under it, in document order."""
        found = [self]
        for child in self.children:
            found.extend(child.walk())
        return found

    def as_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "title": self.title,
            "text": self.text,
            "level": self.level,
            "paragraph_numbers": [p.number for p in self.paragraphs],
            "children": [child.as_dict() for child in self.children],
        }


@dataclass(slots=True)
class Body:
    """The body of a document: headings, and the paragraphs before the first."""

    preamble: list[Paragraph]
    headings: list[Heading]
    notes: dict[int, str]

    def all_headings(self) -> list[Heading]:
        found: list[Heading] = []
        for heading in self.headings:
            found.extend(heading.walk())
        return found

    def paragraphs(self) -> list[Paragraph]:
        """Every paragraph and unnumbered line, in document order."""
        found = list(self.preamble)
        for heading in self.all_headings():
            found.extend(heading.paragraphs)
        return found

    def numbered(self) -> list[Paragraph]:
        return [p for p in self.paragraphs() if p.number is not None]

    def paragraph(self, number: int) -> Paragraph:
        for paragraph in self.paragraphs():
            if paragraph.number == number:
                return paragraph
        raise KeyError(number)


def _notes(notes: list[NoteRef]) -> list[dict[str, Any]]:
    return [{"number": n.number, "offset": n.offset, "text": n.text} for n in notes]
