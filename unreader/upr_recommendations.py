"""Read the UPR Working Group report and the State's views on it.

The report (e.g. A/HRC/59/15) lists the recommendations as "140.1 Ratify …
(Algeria) (Cabo Verde);": a number, the text, then each recommending State in
its own brackets. The addendum (A/HRC/59/15/Add.1) gives the State's position
on each recommendation as lists of numbers after "accepts the following
recommendations" or "takes note of recommendations".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from .blocks import CHAPTER, PARAGRAPH
from .clean import Line, join_lines
from .errors import UnreadableDocument
from .model import Body, Paragraph
from .reader import front_text, read, title_lines

RECOMMENDATION = re.compile(r"(\d{1,3})\.(\d{1,3})[ \t]+(\S.*)")
REPORT_TITLE = re.compile(r"Report of the Working Group on the Universal Periodic")
NUMBER = re.compile(r"(\d{1,3})\.(\d{1,3})")
# A header line over a State's explanation: "140.82-85, 87" or "140.120, 209".
GROUP_HEADER = re.compile(
    r"(\d{1,3})\.(\d{1,3}(?:[-–]\d{1,3})?(?:, ?\d{1,3}(?:[-–]\d{1,3})?)*)"
)
SUPPORTED = "supported"
NOTED = "noted"
POSITION_PHRASES = (
    ("accepts the following recommendations", SUPPORTED),
    ("supports the following recommendations", SUPPORTED),
    ("takes note of", NOTED),
    ("notes the following recommendations", NOTED),
)
MAX_STATE_LENGTH = 80


@dataclass(frozen=True, slots=True)
class Recommendation:
    """One recommendation: ``number`` as printed ("140.12"), its text without
    the States, and the recommending States in the order given."""

    number: str
    text: str
    states: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"number": self.number, "text": self.text, "states": list(self.states)}


@dataclass(slots=True)
class WorkingGroupReport:
    symbol: str | None
    date: str | None
    title: str
    state: str | None
    body: Body
    recommendations: list[Recommendation]

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": "upr_working_group_report",
            "symbol": self.symbol,
            "date": self.date,
            "title": self.title,
            "state": self.state,
            "headings": [heading.as_dict() for heading in self.body.headings],
            "paragraphs": [p.as_dict() for p in self.body.paragraphs()],
            "recommendations": [r.as_dict() for r in self.recommendations],
        }


@dataclass(slots=True)
class ViewsOnRecommendations:
    symbol: str | None
    date: str | None
    state: str | None
    body: Body
    positions: dict[str, str]
    explanations: dict[str, str]

    def totals(self) -> dict[str, int]:
        counts = {SUPPORTED: 0, NOTED: 0}
        for position in self.positions.values():
            counts[position] += 1
        return counts

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": "upr_views_on_recommendations",
            "symbol": self.symbol,
            "date": self.date,
            "state": self.state,
            "headings": [heading.as_dict() for heading in self.body.headings],
            "paragraphs": [p.as_dict() for p in self.body.paragraphs()],
            "positions": dict(sorted(self.positions.items(), key=_order)),
            "totals": self.totals(),
            "explanations": dict(sorted(self.explanations.items(), key=_order)),
        }


def read_working_group_report(text: str) -> WorkingGroupReport:
    """Read the Working Group report and its numbered recommendations."""
    reading = read(text)
    front = front_text(reading.front)
    title, after = title_lines(front, REPORT_TITLE)
    if title is None:
        raise UnreadableDocument(
            _(
                "This is not a UPR Working Group report: its title should read "
                '"Report of the Working Group on the Universal Periodic Review".'
            )
        )
    recommendations = read_recommendations(reading.lines, reading.words)
    if recommendations:
        _trim_to_introduction(reading.body, recommendations[0].number)
    state = next((line for line in front[after:] if not line.startswith("*")), None)
    return WorkingGroupReport(
        reading.symbol, reading.date, title, state, reading.body, recommendations
    )


def read_recommendations(
    lines: list[Line], words: frozenset[str]
) -> list[Recommendation]:
    """Recommendations numbered N.1, N.2, … in sequence, each up to the next
    one or to the next numbered paragraph."""
    found: list[tuple[str, list[str]]] = []
    parent: str | None = None
    for line in lines:
        if line.blank:
            continue
        match = RECOMMENDATION.fullmatch(line.text)
        if match and (parent in (None, match[1])) and int(match[2]) == len(found) + 1:
            parent = match[1]
            found.append((f"{match[1]}.{match[2]}", [match[3]]))
        elif found and (PARAGRAPH.fullmatch(line.text) or CHAPTER.fullmatch(line.text)):
            break
        elif found:
            found[-1][1].append(line.text)
    return [
        _recommendation(number, join_lines(parts, words)) for number, parts in found
    ]


def _recommendation(number: str, text: str) -> Recommendation:
    body, states = split_states(text.rstrip(" ;.,"))
    return Recommendation(number, body, tuple(states))


def split_states(text: str) -> tuple[str, list[str]]:
    """Peel the bracketed States off the end of a recommendation.

    Brackets are matched by counting, so "(Venezuela (Bolivarian Republic
    of))" is one State. Peeling stops at a bracket that cannot be a State's
    name (digits, a lower-case start), which keeps "(OHCHR)"-like parts of the
    text only when they are followed by a State.
    """
    states: list[str] = []
    rest = text.rstrip()
    while rest.endswith(")"):
        opening = _opening_bracket(rest)
        if opening is None:
            break
        name = " ".join(rest[opening + 1 : -1].split())
        if not _could_be_state(name) or not rest[:opening].strip():
            break
        states.insert(0, name)
        rest = rest[:opening].rstrip()
    return rest, states


def _opening_bracket(text: str) -> int | None:
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        if text[i] == ")":
            depth += 1
        elif text[i] == "(":
            depth -= 1
            if depth == 0:
                return i
    return None


def _could_be_state(name: str) -> bool:
    return (
        0 < len(name) <= MAX_STATE_LENGTH
        and name[0].isupper()
        and not any(char.isdigit() for char in name)
        and not any(mark in name for mark in ";:/")
    )


def _trim_to_introduction(body: Body, first_number: str) -> None:
    """The paragraph that introduces the list keeps only its own sentence;
    the recommendations are returned one by one instead."""
    for paragraph in body.paragraphs():
        cut = paragraph.text.find(f" {first_number} ")
        if cut >= 0:
            paragraph.text = paragraph.text[:cut]
            paragraph.notes = [n for n in paragraph.notes if n.offset <= cut]
            return


def read_views_on_recommendations(text: str) -> ViewsOnRecommendations:
    """Read the State's position (supported or noted) on each recommendation,
    and the explanation it gives for some of them."""
    reading = read(text)
    front = front_text(reading.front)
    if not any("Addendum" in line for line in front):
        raise UnreadableDocument(
            _(
                "This is not the addendum with the State's views on UPR "
                'recommendations: its masthead should say "Addendum".'
            )
        )
    positions: dict[str, str] = {}
    for paragraph in reading.body.numbered():
        position, start = _position_of(paragraph)
        if position is None:
            continue
        # The list starts at the first number after the phrase ("… and
        # provides some additional information about the implementation: 140.11").
        first = NUMBER.search(paragraph.text, start)
        if first is None:
            continue
        for number in number_list(paragraph.text[first.start() :]):
            positions.setdefault(number, position)
    if not positions:
        raise UnreadableDocument(
            _(
                "No positions on recommendations were found. Expected paragraphs "
                'that say "accepts the following recommendations: 140.1, …" or '
                '"takes note of recommendations 140.2, …".'
            )
        )
    _title, after = title_lines(front, REPORT_TITLE)
    state = next((line for line in front[after:] if not line.startswith("*")), None)
    return ViewsOnRecommendations(
        reading.symbol,
        reading.date,
        state,
        reading.body,
        positions,
        read_explanations(reading.lines, reading.words),
    )


def _position_of(paragraph: Paragraph) -> tuple[str | None, int]:
    for phrase, position in POSITION_PHRASES:
        start = paragraph.text.find(phrase)
        if start >= 0:
            return position, start + len(phrase)
    return None, 0


def number_list(text: str) -> list[str]:
    """ "140.7, 140.8. 140.9 and 140.10 and wishes" → the four numbers.

    Commas, full stops (the addendum has "140.35. 140.36") and "and" separate
    numbers; the list ends at any other word, or at a number that opens a
    range ("140.11-14"), which begins the explanations.
    """
    numbers: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char in " ,.:;\n\t":
            i += 1
            continue
        if text.startswith("and ", i) and numbers:
            i += 4
            continue
        match = NUMBER.match(text, i)
        if match is None:
            break
        end = match.end()
        if end < len(text) and text[end] in "-–":
            break
        if end < len(text) and text[end].isdigit():
            break
        numbers.append(f"{int(match[1])}.{int(match[2])}")
        i = end
    return numbers


def read_explanations(lines: list[Line], words: frozenset[str]) -> dict[str, str]:
    """The State's explanation for each recommendation, from the blocks headed
    "140.82-85, 87" in the addendum. A block runs to the next header, the next
    numbered paragraph or chapter, or the end."""
    explanations: dict[str, str] = {}
    numbers: list[str] = []
    current: list[str] = []

    def close() -> None:
        if numbers and current:
            text = join_lines(current, words)
            explanations.update((number, text) for number in numbers)

    for line in lines:
        if line.blank:
            continue
        if header := GROUP_HEADER.fullmatch(line.text):
            close()
            numbers, current = expand_group(header[1], header[2]), []
        elif PARAGRAPH.fullmatch(line.text) or CHAPTER.fullmatch(line.text):
            close()
            numbers, current = [], []
        elif numbers:
            current.append(line.text)
    close()
    return explanations


def expand_group(parent: str, spec: str) -> list[str]:
    """ "140", "82-85, 87" → 140.82 … 140.85 and 140.87."""
    numbers: list[str] = []
    for part in spec.replace("–", "-").split(","):
        low, _dash, high = part.strip().partition("-")
        first = int(low)
        last = int(high) if high else first
        if last < first or last - first > 300:
            continue
        numbers.extend(f"{int(parent)}.{n}" for n in range(first, last + 1))
    return numbers


def _order(item: tuple[str, Any]) -> tuple[int, ...]:
    return tuple(int(part) for part in item[0].split("."))
