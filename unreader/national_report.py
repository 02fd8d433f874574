"""Read a State's UPR national report (e.g. A/HRC/WG.6/48/SVN/1).

The report has roman chapters, lettered parts under chapter II, numbered
paragraphs, unnumbered lines such as "(Recommendations 1, 5, 7–9)" under a
part, and endnotes under "Notes" whose marks are digits glued to words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from .errors import UnreadableDocument
from .model import Body, Heading, Paragraph
from .reader import front_text, read, title_lines
from .sections import section_text, section_texts

__all__ = ["NationalReport", "read_national_report", "section_text", "section_texts"]

TITLE_START = re.compile(r"National report\b")


@dataclass(slots=True)
class NationalReport:
    symbol: str | None
    date: str | None
    title: str
    state: str | None
    body: Body

    @property
    def headings(self) -> list[Heading]:
        return self.body.headings

    @property
    def footnotes(self) -> dict[int, str]:
        return self.body.notes

    def numbered_paragraphs(self) -> list[Paragraph]:
        return self.body.numbered()

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": "upr_national_report",
            "symbol": self.symbol,
            "date": self.date,
            "title": self.title,
            "state": self.state,
            "headings": [heading.as_dict() for heading in self.headings],
            "paragraphs": [p.as_dict() for p in self.body.paragraphs()],
            "footnotes": [
                {"number": number, "text": text}
                for number, text in sorted(self.footnotes.items())
            ],
        }


def read_national_report(text: str) -> NationalReport:
    """Read a UPR national report into its masthead, headings and footnotes."""
    reading = read(text)
    front = front_text(reading.front)
    title, after = title_lines(front, TITLE_START)
    if title is None:
        raise UnreadableDocument(
            _(
                "This is not a UPR national report: its title should begin "
                '"National report submitted pursuant to Human Rights Council '
                'resolutions".'
            )
        )
    state = next((line for line in front[after:] if not line.startswith("*")), None)
    return NationalReport(reading.symbol, reading.date, title, state, reading.body)
