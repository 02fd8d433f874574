"""Pick the recommendations out of a treaty body's concluding observations.

A committee sets out each concern, then its recommendation in the next
paragraph: "The Committee recommends that the State party: (a) …". Only the
paragraphs in which the committee itself recommends, urges, encourages or
requests count; a paragraph that quotes a treaty article that "calls upon
States" is a concern. The paragraphs that ask for follow-up, point to the
recommendations of particular importance and set the next report are
procedure, not recommendations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .concluding_observations import ConcludingObservations
from .model import Paragraph

# The committee (or "It", or "The State party should") as the subject of the
# recommending verb; adverbs such as "also" or "strongly" may stand between.
RECOMMENDS = re.compile(
    r"\b(?:(?:the )?Committee|It)\s+(?:(?:also|further|strongly|again)\s+)*"
    r"(?:recommends|urges|encourages|requests|calls (?:up)?on|invites|"
    r"reiterates its (?:previous )?recommendations?)\b"
    r"|\bThe State party should\b"
)


@dataclass(frozen=True, slots=True)
class TreatyRecommendation:
    """A recommendation paragraph: its number, the heading it stands under,
    its opening text and its (a), (b) sub-items as (label, text) pairs."""

    number: int
    heading: str | None
    text: str
    subitems: tuple[tuple[str, str], ...]
    follow_up: tuple[str, ...] | None
    particular_importance: tuple[str, ...] | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "heading": self.heading,
            "text": self.text,
            "subitems": [{"label": label, "text": t} for label, t in self.subitems],
            "follow_up": list(self.follow_up) if self.follow_up is not None else None,
            "particular_importance": list(self.particular_importance)
            if self.particular_importance is not None
            else None,
        }


def treaty_recommendations(
    observations: ConcludingObservations,
) -> list[TreatyRecommendation]:
    """The recommendation paragraphs, in order.

    ``follow_up`` is None when the paragraph is not selected for follow-up,
    else the sub-items selected (empty: the whole paragraph); the same for
    ``particular_importance``.
    """
    procedural = {
        ref.paragraph
        for ref in (observations.follow_up, observations.next_report)
        if ref is not None
    }
    important_paragraph = _particular_importance_paragraph(observations)
    if important_paragraph is not None:
        procedural.add(important_paragraph)
    follow_up = _selected(
        observations.follow_up.references if observations.follow_up else ()
    )
    important = _selected(observations.particular_importance)
    found: list[TreatyRecommendation] = []
    for paragraph in observations.numbered_paragraphs():
        number = paragraph.number
        if number is None or number in procedural or not _recommends(paragraph):
            continue
        found.append(
            TreatyRecommendation(
                number=number,
                heading=paragraph.heading,
                text=paragraph.text,
                subitems=tuple((s.label, s.text) for s in paragraph.subitems),
                follow_up=follow_up.get(number),
                particular_importance=important.get(number),
            )
        )
    return found


def _recommends(paragraph: Paragraph) -> bool:
    return RECOMMENDS.search(paragraph.text) is not None


def _selected(references: Any) -> dict[int, tuple[str, ...]]:
    return {ref.paragraph: tuple(ref.subitems) for ref in references}


def _particular_importance_paragraph(
    observations: ConcludingObservations,
) -> int | None:
    for paragraph in observations.numbered_paragraphs():
        if "particular importance" in paragraph.text:
            return paragraph.number
    return None
