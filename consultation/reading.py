"""A round's shared text as the reader sees it: the frozen sections, rendered
with the paragraph numbers the frozen version had."""

from __future__ import annotations

from dataclasses import dataclass

from consultation.models import Round
from drafting.sectiontext import parse
from drafting.sectiontext.html import Numbering, render_blocks


@dataclass(frozen=True)
class SharedSection:
    id: int
    heading: str
    depth: int
    text: str
    html: str
    notes: tuple[tuple[int, str], ...]


def shared_sections(round: Round) -> list[SharedSection]:
    """The sections the round shares, in reading order.

    Unshared sections are rendered too, and thrown away, only so that the
    numbers of the shared paragraphs are those of the frozen version; their
    text never leaves this function. Annexes are numbered on their own, as in
    the Word file.
    """
    shared = {s["id"] for s in round.shared_snapshot()}
    numbering = Numbering(prefix="r-fn")
    result = []
    for section in round.version.snapshot["sections"]:
        if section.get("annex"):
            own = Numbering(prefix=f"a{section['id']}-fn")
            html = render_blocks(parse(section["text"]), own)
            notes = own.notes
        else:
            numbering.notes = []
            html = render_blocks(parse(section["text"]), numbering)
            notes = numbering.notes
        if section["id"] in shared:
            result.append(
                SharedSection(
                    id=section["id"],
                    heading=section["heading"],
                    depth=section["depth"],
                    text=section["text"],
                    html=html,
                    notes=tuple(notes),
                )
            )
    return result
