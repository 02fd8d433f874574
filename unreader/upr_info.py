"""Read a CSV export of the UPR Info database of recommendations.

One row is one recommendation from one recommending State: "To" (the State
under review), "Text", "From" (the recommending State), "Response"
("Accepted" or "Noted"), "Action" (UPR Info's category 1 to 5, from a minimal
to a specific action), "Issue" (comma-separated themes) and "Session" (the
UPR Working Group session). Fields may carry HTML entities ("&#40;Unknown&#41;").
"""

from __future__ import annotations

import csv
import html
import io
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from .errors import UnreadableDocument
from .upr_recommendations import NOTED, SUPPORTED

REQUIRED = ("To", "Text", "From", "Response", "Issue", "Session")
# A bound on the work one upload can cause; the whole UPR Info database of a
# State is a few thousand rows.
MAX_ROWS = 20_000
MAX_CHARS = 20_000_000
RESPONSES = {"accepted": SUPPORTED, "supported": SUPPORTED, "noted": NOTED}
UNKNOWN_STATE = "(unknown)"


@dataclass(frozen=True, slots=True)
class UprInfoRecommendation:
    """``session`` is the UPR Working Group session; ``position`` is None
    when the response is missing or not one we know."""

    state: str
    text: str
    recommending_state: str | None
    position: str | None
    action_category: int | None
    issues: tuple[str, ...]
    session: int | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "text": self.text,
            "recommending_state": self.recommending_state,
            "position": self.position,
            "action_category": self.action_category,
            "issues": list(self.issues),
            "session": self.session,
        }


def looks_like_upr_info(text: str) -> bool:
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    return all(column in first for column in ("To,", "Text", "Response", "Session"))


def read_upr_info_csv(text: str) -> list[UprInfoRecommendation]:
    """Every row of the export, in file order. Rows without a text are skipped."""
    if len(text) > MAX_CHARS:
        raise UnreadableDocument(_("This CSV file is too large to be one export."))
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
    if missing:
        raise UnreadableDocument(
            _(
                "This is not a UPR Info export: the columns %(missing)s are missing. "
                "Expected the header To, To-Rgrp, To-Org, Text, From, From-Rgrp, "
                "From-Org, Response, Action, Issue, Session."
            )
            % {"missing": ", ".join(missing)}
        )
    found: list[UprInfoRecommendation] = []
    try:
        for index, row in enumerate(reader):
            if index >= MAX_ROWS:
                raise UnreadableDocument(
                    _("This export has more than %(limit)s rows; split it.")
                    % {"limit": MAX_ROWS}
                )
            item = _row(row)
            if item is not None:
                found.append(item)
    except csv.Error as err:
        raise UnreadableDocument(
            _("The CSV file is malformed near row %(row)s: %(error)s")
            % {"row": reader.line_num, "error": err}
        ) from err
    if not found:
        raise UnreadableDocument(_("This UPR Info export holds no recommendation."))
    return found


def _row(row: dict[str, str | None]) -> UprInfoRecommendation | None:
    def field(name: str) -> str:
        return " ".join(html.unescape(row.get(name) or "").split())

    text = field("Text")
    state = field("To")
    if not text or not state:
        return None
    source = field("From")
    action = field("Action")
    session = field("Session")
    return UprInfoRecommendation(
        state=state,
        text=text,
        recommending_state=None
        if not source or source.lower() == UNKNOWN_STATE
        else source,
        position=RESPONSES.get(field("Response").lower()),
        action_category=int(action) if action.isdigit() else None,
        issues=tuple(i.strip() for i in field("Issue").split(",") if i.strip()),
        session=int(session) if session.isdigit() else None,
    )
