"""The frames a browser may send on the live-editing socket, checked.

Every frame is checked here before anything acts on it. A frame that does not
fit gets an error frame with a message a person can act on, and changes
nothing; ``ProtocolError`` is what the consumer turns into that frame.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from .sync import Edit

# A section of a UN report is a few thousand words; the longest whole report
# in the demo is under 300,000 characters. A frame past this is not editing.
MAX_FRAME = 1_000_000
MAX_EDITS = 500
MAX_DELTA_OPS = 50_000
MAX_CONTEXT = 32
MAX_LABEL = 200
MAX_SESSION = 64
CRC_LIMIT = 2**32


class ProtocolError(Exception):
    """A frame the server refuses. ``resync`` asks the browser to start afresh."""

    def __init__(self, code: str, message: str, *, resync: bool = False) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.resync = resync

    def as_frame(self) -> dict[str, Any]:
        return {
            "type": "error",
            "code": self.code,
            "detail": self.message,
            "resync": self.resync,
        }


@dataclass(frozen=True, slots=True)
class SyncFrame:
    ack: int
    edits: list[Edit]
    # The session the browser made these edits in; None from a browser that
    # does not say (it is then taken to be the current one).
    session: str | None = None


@dataclass(frozen=True, slots=True)
class PresenceFrame:
    anchor: int
    head: int
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class CheckpointFrame:
    label: str


@dataclass(frozen=True, slots=True)
class ResyncFrame:
    pass


Frame = SyncFrame | PresenceFrame | CheckpointFrame | ResyncFrame


def _malformed() -> ProtocolError:
    return ProtocolError(
        "malformed",
        _("The editor sent a message the server does not understand. Reload the page."),
    )


def _int(value: Any, *, upper: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _malformed()
    if upper is not None and value >= upper:
        raise _malformed()
    return value


def _text(value: Any, limit: int) -> str:
    if not isinstance(value, str) or len(value) > limit:
        raise _malformed()
    return value


def read_frame(raw: str | None, binary: bytes | None = None) -> Frame:
    """Parse and check one frame from the browser."""
    if binary is not None or raw is None:
        raise _malformed()
    if len(raw) > MAX_FRAME:
        raise ProtocolError(
            "too_large",
            _(
                "That change is too large to send at once. Paste it in smaller "
                "parts, or split the section."
            ),
            resync=True,
        )
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as err:
        raise _malformed() from err
    if not isinstance(data, dict):
        raise _malformed()
    kind = data.get("type")
    if kind == "sync":
        return _sync(data)
    if kind == "presence":
        return PresenceFrame(
            anchor=_int(data.get("anchor")),
            head=_int(data.get("head")),
            before=_text(data.get("before", ""), MAX_CONTEXT),
            after=_text(data.get("after", ""), MAX_CONTEXT),
        )
    if kind == "checkpoint":
        return CheckpointFrame(label=_text(data.get("label", ""), MAX_LABEL).strip())
    if kind == "resync":
        return ResyncFrame()
    raise _malformed()


def _sync(data: dict[str, Any]) -> SyncFrame:
    edits = data.get("edits", [])
    if not isinstance(edits, list) or len(edits) > MAX_EDITS:
        raise _malformed()
    parsed: list[Edit] = []
    for raw in edits:
        if not isinstance(raw, dict):
            raise _malformed()
        delta = raw.get("delta")
        if not isinstance(delta, list) or len(delta) > MAX_DELTA_OPS:
            raise _malformed()
        for op in delta:
            if isinstance(op, bool) or not isinstance(op, int | str):
                raise _malformed()
        parsed.append(
            Edit(_int(raw.get("seq")), _int(raw.get("base"), upper=CRC_LIMIT), delta)
        )
    session = data.get("session")
    if session is not None:
        session = _text(session, MAX_SESSION)
    return SyncFrame(ack=_int(data.get("ack")), edits=parsed, session=session)
