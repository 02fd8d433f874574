"""Turn a source text into the recommendations it gives, free of the database.

Each kind of source says different things about the same recommendations:
the Working Group report gives the text and the recommending States; the
addendum gives the positions; the OHCHR thematic list gives themes, groups
of persons and SDGs (and text and positions too). ``read_source`` detects
the kind and returns plain records; ``recommendations.actions.importing``
writes them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from drafting.models import Mechanism
from unreader.co_recommendations import treaty_recommendations
from unreader.concluding_observations import (
    ordinal_value,
    read_concluding_observations,
)
from unreader.detect import (
    CONCLUDING_OBSERVATIONS,
    NATIONAL_REPORT,
    VIEWS,
    WORKING_GROUP_REPORT,
    detect_kind,
)
from unreader.errors import UnreadableDocument
from unreader.thematic_list import looks_like_thematic_list, read_thematic_list
from unreader.upr_info import looks_like_upr_info, read_upr_info_csv
from unreader.upr_recommendations import (
    read_views_on_recommendations,
    read_working_group_report,
)

THEMATIC_LIST = "upr_thematic_list"
UPR_INFO = "upr_info_csv"
KINDS = (WORKING_GROUP_REPORT, VIEWS, THEMATIC_LIST, CONCLUDING_OBSERVATIONS, UPR_INFO)
SESSION = re.compile(r"held its ([a-z]+(?:-[a-z]+)?) session")
# The first UPR Working Group session of each cycle: 1 (2008), 13 (2012),
# 27 (2017), 41 (2022).
CYCLE_STARTS = (1, 13, 27, 41)
# The symbol's first part names the treaty body, except the CESCR's "E/C.12".
TREATY_PREFIXES = {
    "CERD": Mechanism.CERD,
    "CCPR": Mechanism.CCPR,
    "E/C.12": Mechanism.CESCR,
    "CEDAW": Mechanism.CEDAW,
    "CAT": Mechanism.CAT,
    "CRC": Mechanism.CRC,
    "CMW": Mechanism.CMW,
    "CRPD": Mechanism.CRPD,
    "CED": Mechanism.CED,
}


@dataclass(slots=True)
class Incoming:
    """What one source says about one recommendation.

    ``fields`` are set on every import; ``fill`` only where the row has no
    value yet (the thematic list's text gives way to the Working Group
    report's). Lists of names left as None are not touched. ``update_only``
    records never create a row (the addendum knows numbers, not texts).
    """

    source_key: str
    fields: dict[str, Any]
    fill: dict[str, Any] = field(default_factory=dict)
    main_theme: str | None = None
    themes: list[str] | None = None
    groups: list[str] | None = None
    sdgs: list[int] | None = None
    update_only: bool = False


@dataclass(slots=True)
class Source:
    kind: str
    symbol: str
    state: str
    items: list[Incoming]


def detect_source_kind(text: str) -> str | None:
    if looks_like_upr_info(text):
        return UPR_INFO
    if looks_like_thematic_list(text):
        return THEMATIC_LIST
    kind = detect_kind(text)
    return kind if kind in KINDS or kind == NATIONAL_REPORT else None


def read_source(text: str, kind: str | None = None) -> Source:
    """Read a source of recommendations; raises ``UnreadableDocument`` with a
    message a person can act on."""
    kind = kind or detect_source_kind(text)
    if kind == NATIONAL_REPORT:
        raise UnreadableDocument(
            _(
                "This is a national report: it answers recommendations but gives "
                "none to import. Import the Working Group report, its addendum, "
                "the OHCHR thematic list, concluding observations or a UPR Info "
                "export."
            )
        )
    if kind not in READERS:
        raise UnreadableDocument(
            _(
                "This is not a source of recommendations we read. Expected a UPR "
                "Working Group report or its addendum with the State's views, the "
                "OHCHR thematic list of recommendations, a treaty body's "
                "concluding observations, or a UPR Info CSV export."
            )
        )
    return READERS[kind](text)


def upr_key(symbol: str, number: str) -> str:
    return f"{symbol} {number}"


def cycle_of(session: int | None) -> int | None:
    if session is None:
        return None
    return sum(1 for start in CYCLE_STARTS if session >= start) or None


def _working_group_report(text: str) -> Source:
    report = read_working_group_report(text)
    symbol = _required_symbol(report.symbol)
    session = _session(report.body.numbered()[:3])
    items = [
        Incoming(
            upr_key(symbol, item.number),
            {
                "mechanism": Mechanism.UPR,
                "state": report.state or "",
                "session": session,
                "cycle": cycle_of(session),
                "symbol": symbol,
                "number": item.number,
                "text": item.text,
                "recommending_states": list(item.states),
            },
        )
        for item in report.recommendations
    ]
    return Source(WORKING_GROUP_REPORT, symbol, report.state or "", items)


def _session(paragraphs: list[Any]) -> int | None:
    for paragraph in paragraphs:
        match = SESSION.search(paragraph.text)
        if match:
            return ordinal_value(match[1])
    return None


def _views(text: str) -> Source:
    views = read_views_on_recommendations(text)
    symbol = _required_symbol(views.symbol)
    report_symbol = symbol.split("/Add.", 1)[0]
    items = [
        Incoming(
            upr_key(report_symbol, number),
            {"position": position, "explanation": views.explanations.get(number, "")},
            fill={"position_source": symbol},
            update_only=True,
        )
        for number, position in views.positions.items()
    ]
    return Source(VIEWS, symbol, views.state or "", items)


def _thematic_list(text: str) -> Source:
    listing = read_thematic_list(text)
    if not listing.symbol:
        raise UnreadableDocument(
            _(
                "This thematic list does not say which addendum gave the "
                'positions ("Source of Position: A/HRC/…/Add.1"), so its '
                "recommendations cannot be matched to the Working Group report."
            )
        )
    symbol = listing.symbol
    items = [
        Incoming(
            upr_key(symbol, entry.number),
            {
                "position": entry.position or "",
                "position_source": entry.position_source,
            },
            fill={
                "mechanism": Mechanism.UPR,
                "state": listing.state or "",
                "session": listing.session,
                "cycle": cycle_of(listing.session),
                "symbol": symbol,
                "number": entry.number,
                "text": entry.text,
                "recommending_states": list(entry.states),
            },
            main_theme=entry.theme,
            themes=entry.themes,
            groups=entry.groups,
            sdgs=entry.sdgs,
        )
        for entry in listing.entries
    ]
    return Source(THEMATIC_LIST, symbol, listing.state or "", items)


def _concluding_observations(text: str) -> Source:
    observations = read_concluding_observations(text)
    symbol = _required_symbol(observations.symbol)
    mechanism = treaty_mechanism(symbol)
    items = []
    for item in treaty_recommendations(observations):
        priority: dict[str, list[str]] = {}
        if item.follow_up is not None:
            priority["follow_up"] = list(item.follow_up)
        if item.particular_importance is not None:
            priority["particular_importance"] = list(item.particular_importance)
        themes = [item.heading] if item.heading else []
        items.append(
            Incoming(
                upr_key(symbol, str(item.number)),
                {
                    "mechanism": mechanism,
                    "state": observations.state or "",
                    "symbol": symbol,
                    "number": str(item.number),
                    "text": item.text,
                    "subitems": [
                        {"label": label, "text": t} for label, t in item.subitems
                    ],
                    "priority": priority,
                },
                main_theme=item.heading,
                themes=themes,
            )
        )
    return Source(CONCLUDING_OBSERVATIONS, symbol, observations.state or "", items)


def treaty_mechanism(symbol: str) -> str:
    for prefix, mechanism in TREATY_PREFIXES.items():
        if symbol.startswith(prefix + "/"):
            return mechanism
    raise UnreadableDocument(
        _("The symbol %(symbol)s does not name a treaty body we know.")
        % {"symbol": symbol}
    )


def _upr_info(text: str) -> Source:
    rows = read_upr_info_csv(text)
    items = []
    for row in rows:
        digest = hashlib.sha256(
            "\n".join((row.recommending_state or "", row.text)).encode()
        ).hexdigest()[:24]
        items.append(
            Incoming(
                f"upr-info {row.state} {row.session or 0} {digest}",
                {
                    "mechanism": Mechanism.UPR,
                    "state": row.state,
                    "session": row.session,
                    "cycle": cycle_of(row.session),
                    "text": row.text,
                    "recommending_states": [row.recommending_state]
                    if row.recommending_state
                    else [],
                    "position": row.position or "",
                    "action_category": row.action_category,
                },
                main_theme=row.issues[0] if row.issues else None,
                themes=list(row.issues),
            )
        )
    states = sorted({row.state for row in rows})
    return Source(UPR_INFO, "", ", ".join(states), items)


def _required_symbol(symbol: str | None) -> str:
    if not symbol:
        raise UnreadableDocument(
            _(
                "The document's symbol (such as A/HRC/59/15) was not found on its "
                "first page; without it the recommendations cannot be identified."
            )
        )
    return symbol


READERS = {
    WORKING_GROUP_REPORT: _working_group_report,
    VIEWS: _views,
    THEMATIC_LIST: _thematic_list,
    CONCLUDING_OBSERVATIONS: _concluding_observations,
    UPR_INFO: _upr_info,
}
