"""Read the OHCHR thematic list of a State's UPR recommendations.

OHCHR publishes, for each review, the recommendations grouped under "Theme:"
headings. Each entry is a line "140.7 Ratify … (Maldives) (Portugal);", then
"Source of Position: A/HRC/59/15/Add.1 - Para.3", the position ("Supported"
or "Noted"), the human-rights themes as "- " lines, "Groups of Persons:"
with more "- " lines, and the Sustainable Development Goals as
"- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS". The list is published with
HTML entities left in ("Refugees &amp; asylum seekers"); we decode them.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from .errors import UnreadableDocument
from .upr_recommendations import NOTED, SUPPORTED, split_states

# Past this size the text is not one thematic list; refusing keeps work bounded.
MAX_CHARS = 3_000_000
MARKERS = ("Thematic List of Recommendations", "Source of Position:")
ENTRY = re.compile(r"(\d{1,3}\.\d{1,3})[ \t]+(\S.*)")
THEME = re.compile(r"Theme:[ \t]*(.+)")
SOURCE = re.compile(r"Source of Position:[ \t]*(.*)")
# "A/HRC/59/15/Add.1 - Para.3" (one published line reads "Para.3vv").
SOURCE_PARTS = re.compile(r"(\S+)\s*-\s*Para\.?\s*(\d+)")
GROUPS = re.compile(r"Groups of Persons:[ \t]*(.*)")
ITEM = re.compile(r"-[ \t]+(\S.*)")
SDG = re.compile(r"(\d{1,2})[ \t]+-[ \t]+([A-Z][A-Z ,&'-]*)")
TITLE = re.compile(r"UPR[ \t]+(\d{1,2})\w*[ \t]+Session[ \t]+-[ \t]+(.+?)[ \t]+-[ \t]+")
POSITIONS = {"supported": SUPPORTED, "noted": NOTED}
SDG_COUNT = 17


@dataclass(slots=True)
class ThematicEntry:
    """One recommendation as the thematic list gives it.

    ``theme`` is the heading it is listed under; ``themes`` are all the
    human-rights themes it is tagged with (the heading's theme among them).
    ``sdgs`` are goal numbers, 1 to 17.
    """

    number: str
    text: str
    theme: str | None
    states: tuple[str, ...] = ()
    position: str | None = None
    position_source: str = ""
    themes: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    sdgs: list[int] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "text": self.text,
            "states": list(self.states),
            "theme": self.theme,
            "position": self.position,
            "position_source": self.position_source,
            "themes": list(self.themes),
            "groups": list(self.groups),
            "sdgs": list(self.sdgs),
        }


@dataclass(slots=True)
class ThematicList:
    """``symbol`` is the Working Group report's, derived from the addendum
    that the entries cite as the source of their position."""

    state: str | None
    session: int | None
    symbol: str | None
    entries: list[ThematicEntry]

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": "upr_thematic_list",
            "state": self.state,
            "session": self.session,
            "symbol": self.symbol,
            "entries": [entry.as_dict() for entry in self.entries],
        }


def looks_like_thematic_list(text: str) -> bool:
    head = text[:4000]
    return MARKERS[0] in head or (
        MARKERS[1] in text[:20000] and "Groups of Persons:" in text[:20000]
    )


def read_thematic_list(text: str) -> ThematicList:
    """Read every entry of the list, in the order published."""
    if len(text) > MAX_CHARS:
        raise UnreadableDocument(
            _("This text is too long (%(size)s characters) for one thematic list.")
            % {"size": len(text)}
        )
    lines = [html.unescape(line).strip() for line in text.splitlines()]
    entries = _entries(lines)
    if not entries:
        raise UnreadableDocument(
            _(
                "No recommendations were found in this thematic list. Expected "
                'lines such as "140.7 Ratify … (Maldives);" followed by '
                '"Source of Position:" and the position.'
            )
        )
    session, state = _title(lines)
    return ThematicList(state, session, _report_symbol(entries), entries)


def _entries(lines: list[str]) -> list[ThematicEntry]:
    entries: list[ThematicEntry] = []
    theme: str | None = None
    current: ThematicEntry | None = None
    # Where the "- " items of the current entry go: themes come before the
    # "Groups of Persons:" line, groups after it; goals are recognised by form.
    in_groups = False
    text_open = False
    for line in lines:
        if not line:
            continue
        if match := THEME.fullmatch(line):
            theme, current, text_open = " ".join(match[1].split()), None, False
        elif (match := ENTRY.fullmatch(line)) and theme is not None:
            current = ThematicEntry(match[1], match[2], theme)
            entries.append(current)
            in_groups, text_open = False, True
        elif current is None:
            continue
        elif match := SOURCE.fullmatch(line):
            text_open = False
            if not current.position_source:
                current.position_source = _source(match[1])
        elif line.lower() in POSITIONS:
            text_open = False
            current.position = POSITIONS[line.lower()]
        elif match := GROUPS.fullmatch(line):
            text_open, in_groups = False, True
            if match[1].strip():
                current.groups.append(match[1].strip())
        elif match := ITEM.fullmatch(line):
            text_open = False
            _add_item(current, match[1], in_groups)
        elif text_open:
            current.text = f"{current.text} {line}"
    for entry in entries:
        body, states = split_states(entry.text.rstrip(" ;.,"))
        entry.text, entry.states = body, tuple(states)
    return entries


def _add_item(entry: ThematicEntry, item: str, in_groups: bool) -> None:
    sdg = SDG.fullmatch(item)
    if sdg and 1 <= int(sdg[1]) <= SDG_COUNT:
        if int(sdg[1]) not in entry.sdgs:
            entry.sdgs.append(int(sdg[1]))
    elif in_groups:
        entry.groups.append(" ".join(item.split()))
    else:
        entry.themes.append(" ".join(item.split()))


def _source(value: str) -> str:
    match = SOURCE_PARTS.search(value)
    if match is None:
        return " ".join(value.split())
    return f"{match[1]}, para. {match[2]}"


def _title(lines: list[str]) -> tuple[int | None, str | None]:
    for line in lines[:20]:
        if match := TITLE.search(line):
            return int(match[1]), match[2].strip()
    return None, None


def _report_symbol(entries: list[ThematicEntry]) -> str | None:
    for entry in entries:
        symbol = entry.position_source.split(",", 1)[0]
        if "/Add." in symbol:
            return symbol.split("/Add.", 1)[0]
    return None
