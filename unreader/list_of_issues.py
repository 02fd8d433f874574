"""Read a list of issues, or a list of issues prior to reporting.

Both are numbered questions under headings, the shape the shared reader
already handles; what is particular is the title and that every numbered
paragraph is a question to answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from .errors import UnreadableDocument
from .model import Body
from .reader import front_text, read, title_lines

TITLE_START = re.compile(r"List of issues\b")


@dataclass(slots=True)
class ListOfIssues:
    symbol: str | None
    date: str | None
    title: str
    prior_to_reporting: bool
    body: Body

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": "list_of_issues",
            "symbol": self.symbol,
            "date": self.date,
            "title": self.title,
            "prior_to_reporting": self.prior_to_reporting,
            "headings": [heading.as_dict() for heading in self.body.headings],
            "paragraphs": [p.as_dict() for p in self.body.paragraphs()],
        }


def read_list_of_issues(text: str) -> ListOfIssues:
    reading = read(text)
    front = front_text(reading.front)
    title, _after = title_lines(front, TITLE_START)
    if title is None:
        raise UnreadableDocument(
            _('This is not a list of issues: its title should begin "List of issues".')
        )
    if not reading.body.numbered():
        raise UnreadableDocument(
            _("No numbered questions were found in this list of issues.")
        )
    return ListOfIssues(
        reading.symbol,
        reading.date,
        title,
        "prior to" in title.lower(),
        reading.body,
    )
