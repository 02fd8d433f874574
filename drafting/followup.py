"""Sections of a follow-up report, made from the concluding observations.

The paragraph that asks for follow-up (CERD/C/BRA/CO/18-20, para. 68) names
the recommendations to answer. Each named paragraph becomes one section,
headed as States head them ("Information relating to paragraph 36 (a)–(d)"),
with the committee's words as guidance.
"""

from __future__ import annotations

from dataclasses import dataclass

from unreader.concluding_observations import ConcludingObservations
from unreader.references import Reference


@dataclass(frozen=True)
class FollowUpSection:
    key: str
    heading: str
    guidance: str


def follow_up_sections(observations: ConcludingObservations) -> list[FollowUpSection]:
    """One section per paragraph the follow-up request selects, in its order."""
    request = observations.follow_up
    if request is None:
        return []
    return [
        FollowUpSection(
            key=f"co.{reference.paragraph}",
            heading=f"Information relating to paragraph {_label(reference)}",
            guidance=_guidance(observations, reference),
        )
        for reference in request.references
    ]


def _label(reference: Reference) -> str:
    """``36 (a)–(d)`` for a run of letters, ``36 (b) and (c)`` for two, ``17``."""
    letters = list(reference.subitems)
    if not letters:
        return str(reference.paragraph)
    runs: list[list[str]] = []
    for letter in letters:
        if runs and len(letter) == 1 and ord(letter) == ord(runs[-1][-1]) + 1:
            runs[-1].append(letter)
        else:
            runs.append([letter])
    parts = [
        f"({run[0]})–({run[-1]})"
        if len(run) > 2
        else " and ".join(f"({x})" for x in run)
        for run in runs
    ]
    return f"{reference.paragraph} " + ", ".join(parts)


def _guidance(observations: ConcludingObservations, reference: Reference) -> str:
    """The committee's paragraph: its opening words and the selected sub-items."""
    paragraph = observations.body.paragraph(reference.paragraph)
    chosen = [
        f"({item.label}) {item.text}"
        for item in paragraph.subitems
        if not reference.subitems or item.label in reference.subitems
    ]
    topic = f"[{reference.topic}] " if reference.topic else ""
    return " ".join([f"{topic}{reference.paragraph}. {paragraph.text}", *chosen])
