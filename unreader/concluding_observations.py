"""Read a treaty body's concluding observations (e.g. CERD/C/BRA/CO/18-20).

Besides headings and numbered paragraphs with their (a), (b) sub-items, two
paragraphs near the end matter to a drafting office: the follow-up request
("within one year … paragraphs 17 (a), 19 (c) …") and the paragraph that sets
the next periodic report, its due date and its word limit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from .clean import DATE, MONTHS
from .errors import UnreadableDocument
from .model import Body, Heading, Paragraph
from .reader import front_text, read, title_lines
from .references import Reference, references_after

TITLE_START = re.compile(r"Concluding observations\b")
WITHIN = re.compile(
    r"\bwithin (one|two|three|four|six|twelve|\d{1,2}) (years?|months?)\b"
)
SUBMIT = re.compile(
    r"submit its (?:(combined) )?([a-z]+(?:-[a-z]+)?)(?: to ([a-z]+(?:-[a-z]+)?))? "
    r"periodic reports?"
)
DUE_YEAR = re.compile(r"\bby (\d{4})\b")
WORD_LIMIT = re.compile(r"\blimit of (\d{1,3}(?:,\d{3})*|\d+) words\b")
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "six": 6, "twelve": 12}
UNITS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
)
TENS = {"twent": 20, "thirt": 30, "fort": 40, "fift": 50}


@dataclass(frozen=True, slots=True)
class FollowUpRequest:
    """The paragraph asking for information within a period, and on what."""

    paragraph: int
    within: str
    months: int | None
    references: tuple[Reference, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "paragraph": self.paragraph,
            "within": self.within,
            "months": self.months,
            "references": [r.as_dict() for r in self.references],
        }


@dataclass(frozen=True, slots=True)
class NextReport:
    """What the committee set for the next periodic report.

    ``symbol`` is derived, not printed: the committee names the reports by
    their ordinals ("twentieth to twenty-second"), and the secretariat will
    issue them as the State's prefix plus "first-last" ("CERD/C/BRA/20-22").
    """

    paragraph: int
    first: int
    last: int
    combined: bool
    due: str | None
    word_limit: int | None
    symbol: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "paragraph": self.paragraph,
            "first": self.first,
            "last": self.last,
            "combined": self.combined,
            "due": self.due,
            "word_limit": self.word_limit,
            "symbol": self.symbol,
        }


@dataclass(slots=True)
class ConcludingObservations:
    symbol: str | None
    date: str | None
    title: str
    state: str | None
    body: Body
    follow_up: FollowUpRequest | None
    particular_importance: tuple[Reference, ...]
    next_report: NextReport | None

    @property
    def headings(self) -> list[Heading]:
        return self.body.headings

    def numbered_paragraphs(self) -> list[Paragraph]:
        return self.body.numbered()

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": "concluding_observations",
            "symbol": self.symbol,
            "date": self.date,
            "title": self.title,
            "state": self.state,
            "headings": [heading.as_dict() for heading in self.headings],
            "paragraphs": [p.as_dict() for p in self.body.paragraphs()],
            "footnotes": [
                {"number": number, "text": text}
                for number, text in sorted(self.body.notes.items())
            ],
            "follow_up": self.follow_up.as_dict() if self.follow_up else None,
            "particular_importance": [r.as_dict() for r in self.particular_importance],
            "next_report": self.next_report.as_dict() if self.next_report else None,
        }


def read_concluding_observations(text: str) -> ConcludingObservations:
    """Read concluding observations: masthead, headings, paragraphs, and the
    follow-up request and next-report paragraphs as structured values."""
    reading = read(text)
    front = front_text(reading.front)
    title, _after = title_lines(front, TITLE_START)
    if title is None:
        raise UnreadableDocument(
            _(
                "These are not concluding observations: the title should begin "
                '"Concluding observations on the … periodic report(s) of …".'
            )
        )
    state = title.rsplit(" of ", 1)[-1].strip() if " of " in title else None
    numbered = reading.body.numbered()
    return ConcludingObservations(
        symbol=reading.symbol,
        date=reading.date,
        title=title,
        state=state,
        body=reading.body,
        follow_up=find_follow_up(numbered),
        particular_importance=find_particular_importance(numbered),
        next_report=find_next_report(numbered, reading.symbol),
    )


def find_follow_up(paragraphs: list[Paragraph]) -> FollowUpRequest | None:
    """The paragraph that asks for information within a period on the
    recommendations in named paragraphs."""
    for paragraph in paragraphs:
        match = WITHIN.search(paragraph.text)
        if match is None or "paragraphs" not in paragraph.text[match.end() :]:
            continue
        references = references_after(paragraph.text[match.end() :])
        if references and paragraph.number is not None:
            return FollowUpRequest(
                paragraph.number,
                match.group(0).removeprefix("within "),
                _months(match.group(1), match.group(2)),
                tuple(references),
            )
    return None


def find_particular_importance(paragraphs: list[Paragraph]) -> tuple[Reference, ...]:
    for paragraph in paragraphs:
        if "particular importance" in paragraph.text:
            return tuple(references_after(paragraph.text))
    return ()


def find_next_report(
    paragraphs: list[Paragraph], symbol: str | None
) -> NextReport | None:
    for paragraph in reversed(paragraphs):
        match = SUBMIT.search(paragraph.text)
        if match is None or paragraph.number is None:
            continue
        first = ordinal_value(match.group(2))
        last = ordinal_value(match.group(3)) if match.group(3) else first
        if first is None or last is None:
            continue
        limit = WORD_LIMIT.search(paragraph.text)
        return NextReport(
            paragraph=paragraph.number,
            first=first,
            last=last,
            combined=match.group(1) is not None,
            due=_due(paragraph.text[match.end() :]),
            word_limit=int(limit.group(1).replace(",", "")) if limit else None,
            symbol=_next_symbol(symbol, first, last),
        )
    return None


def ordinal_value(word: str) -> int | None:
    """ "eighteenth" → 18, "twenty-second" → 22, "twentieth" → 20."""
    word = word.lower()
    if word in UNITS:
        return UNITS.index(word) + 1
    tens_part, _dash, unit_part = word.partition("-")
    for stem, value in TENS.items():
        if tens_part.startswith(stem):
            if not unit_part and tens_part.endswith("ieth"):
                return value
            if tens_part == stem + "y" and unit_part in UNITS[:9]:
                return value + UNITS.index(unit_part) + 1
    return None


def _months(amount: str, unit: str) -> int | None:
    count = int(amount) if amount.isdigit() else NUMBER_WORDS.get(amount)
    if count is None:
        return None
    return count * 12 if unit.startswith("year") else count


def _due(text: str) -> str | None:
    """The due date that follows "by": a full date when given, else the year."""
    window = text[:80]
    date = DATE.search(window)
    if date is not None and window[: date.start()].rstrip().endswith("by"):
        day, month, year = date.groups()
        return f"{year}-{MONTHS.index(month) + 1:02d}-{int(day):02d}"
    year = DUE_YEAR.search(window)
    return year.group(1) if year else None


def _next_symbol(symbol: str | None, first: int, last: int) -> str | None:
    if not symbol or "/CO/" not in symbol:
        return None
    prefix = symbol.split("/CO/", 1)[0]
    return f"{prefix}/{first}-{last}" if first != last else f"{prefix}/{first}"
