"""Differential synchronisation between one browser and the server.

Each side keeps a *shadow*: the text both last agreed on. A side sends the
difference between its shadow and its own text as an edit, numbered in its
own sequence and stamped with the checksum of the shadow it was made from,
then takes its text as the new shadow. Unacknowledged edits stay on a stack
and are sent again with every message until the other side acknowledges
them, so a dropped message is healed by the next one and a duplicated one is
skipped by its number. The server keeps a *backup* of its shadow from before
its last answer: if that answer was lost, the browser's acknowledgement says
so and the server answers again from the backup. Anything else that does not
fit (a gap in the numbers, a checksum that differs, a delta that does not
apply) raises ``Resync``: the browser then takes the server's text afresh and
merges its own unsent work onto it (``ClientPeer.rebase``).

The browser always speaks first and the server answers, so the two never
send edits at the same time; when the section changes, the server only
*pokes* the browser, which then asks. ``ClientPeer`` is the same algorithm as
``frontend/editor/sync/`` and stands in for a browser in tests and benchmarks.

The server's truth is the section text in the database; ``merge_into``
merges a client's edits into it exactly (see ``merge``). The server knows the
exact hunks between the versions of a section (``history``), so it answers
and merges with them instead of diffing whole texts; a diff is the fallback
when they are not known.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from .delta import Delta, DeltaMismatch, apply_delta, delta_from_diffs, delta_from_hunks
from .history import changes_between, compose
from .merge import Differ, Hunk, apply_hunks, merge, merge_hunks
from .textunits import checksum

logger = logging.getLogger(__name__)


class Resync(Exception):
    """The two sides no longer agree on the shadow; start again from the server."""


@dataclass(frozen=True, slots=True)
class Edit:
    seq: int
    base: int
    delta: Delta

    def as_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "base": self.base, "delta": self.delta}


@dataclass(frozen=True, slots=True)
class Change:
    """One client edit, as the server merges it into the section text."""

    base: str
    hunks: list[Hunk]
    result: str


@dataclass(slots=True)
class Step:
    """What a client's message would do to the server's state, not yet kept.

    The consumer keeps it (``ServerPeer.accept``) only once the changes are
    committed, so a failed write leaves the peer as it was.
    """

    shadow: str
    local_seq: int
    remote_seq: int
    stack: list[Edit]
    changes: list[Change]
    # The section version the shadow was before these changes; None when the
    # shadow is not a version of the section (see ServerPeer.shadow_version).
    base_version: int | None = None


def _take(shadow: str, edit: Edit, expected: int) -> tuple[str, list[Hunk]]:
    if edit.seq > expected:
        raise Resync(f"edit {expected} is missing, {edit.seq} arrived")
    if edit.base != checksum(shadow):
        raise Resync(f"edit {edit.seq} was made from another text")
    try:
        return apply_delta(shadow, edit.delta)
    except DeltaMismatch as err:
        raise Resync(f"edit {edit.seq} does not apply: {err}") from err


class ServerPeer:
    """The server's half of the synchronisation with one connected browser."""

    def __init__(
        self, text: str, differ: Differ | None = None, version: int | None = None
    ) -> None:
        self.differ = differ or Differ()
        self.shadow = text
        self.local_seq = 0
        self.remote_seq = 0
        self.stack: list[Edit] = []
        self.backup = text
        self.backup_seq = 0
        # Which version of the section the shadow (and the backup) is, so
        # that the change to a later version can be composed, not diffed.
        # None once the browser's own edits are in it.
        self.shadow_version = version
        self.backup_version = version

    def receive(self, ack: int, edits: list[Edit]) -> Step:
        stack = [edit for edit in self.stack if edit.seq >= ack]
        shadow, local_seq = self.shadow, self.local_seq
        version = self.shadow_version
        if ack != local_seq:
            if ack != self.backup_seq:
                raise Resync(
                    f"the browser acknowledged {ack}, the server is at {local_seq}"
                )
            # Our last answer was lost: answer again from before it. Its edits
            # are recomputed from the backup, so the old ones are dropped.
            shadow, local_seq, stack = self.backup, self.backup_seq, []
            version = self.backup_version
        remote_seq = self.remote_seq
        changes: list[Change] = []
        for edit in edits:
            if edit.seq < remote_seq:
                continue
            result, hunks = _take(shadow, edit, remote_seq)
            changes.append(Change(shadow, hunks, result))
            shadow = result
            remote_seq += 1
        return Step(shadow, local_seq, remote_seq, stack, changes, version)

    def accept(self, step: Step) -> None:
        self.shadow = self.backup = step.shadow
        self.local_seq = self.backup_seq = step.local_seq
        self.remote_seq = step.remote_seq
        self.stack = step.stack
        self.shadow_version = self.backup_version = (
            None if step.changes else step.base_version
        )

    def reply(
        self, truth: str, version: int | None = None, hunks: list[Hunk] | None = None
    ) -> dict[str, Any]:
        """The answer to the browser: its edits acknowledged, ours to apply.

        ``truth`` is the section at ``version``; ``hunks``, when known, turn
        the shadow into it, and spare a diff.
        """
        if truth != self.shadow:
            if hunks is not None and apply_hunks(self.shadow, hunks) != truth:
                logger.warning("known hunks do not lead to the section text; diffing")
                hunks = None
            if hunks is None:
                delta = delta_from_diffs(self.differ.diffs(self.shadow, truth))
            else:
                delta = delta_from_hunks(self.shadow, hunks)
            self.stack.append(Edit(self.local_seq, checksum(self.shadow), delta))
            self.shadow = truth
            self.local_seq += 1
        self.shadow_version = version
        return {
            "ack": self.remote_seq,
            "edits": [edit.as_json() for edit in self.stack],
        }


@dataclass(frozen=True, slots=True)
class Merged:
    """A client's edits merged into the section text.

    ``hunks`` turn the text before into ``text``; ``tail`` turns the result
    of the client's last edit (the server's shadow) into ``text``.
    """

    text: str
    hunks: list[Hunk]
    tail: list[Hunk]


def merge_into(
    truth: str,
    changes: list[Change],
    differ: Differ,
    *,
    since: list[Hunk] | None = None,
) -> Merged:
    """The section text with a client's edits merged in, in order.

    ``since``, when known, are the hunks from the first change's base to
    ``truth`` (everyone else's edits since); without it they are diffed.
    """
    hunks: list[Hunk] = []
    theirs = since
    for change in changes:
        if truth == change.base:
            step, truth, theirs = change.hunks, change.result, []
            hunks = compose(hunks, step)
            continue
        if theirs is not None and apply_hunks(change.base, theirs) != truth:
            logger.warning("known hunks do not lead to the section text; diffing")
            theirs = None
        if theirs is None:
            theirs = differ.hunks(change.base, truth)
        # Someone else's edits reached the section since this client's
        # shadow: merge both against the shadow they share.
        merged = merge_hunks(change.base, theirs, change.hunks)
        step = changes_between(change.base, theirs, merged, differ)
        hunks = compose(hunks, step)
        truth = apply_hunks(change.base, merged)
        theirs = changes_between(change.base, change.hunks, merged, differ)
    return Merged(truth, hunks, theirs or [])


def merge_changes(truth: str, changes: list[Change], differ: Differ) -> str:
    """The section text with a client's edits merged in, in order."""
    return merge_into(truth, changes, differ).text


@dataclass(slots=True)
class Sent:
    edit: Edit
    before: str


@dataclass
class ClientPeer:
    """The browser's half, as ``frontend/editor/sync/peer.ts`` implements it."""

    text: str
    session: str
    version: int
    shadow: str = ""
    local_seq: int = 0
    remote_seq: int = 0
    stack: list[Sent] = field(default_factory=list)
    differ: Differ = field(default_factory=Differ)

    @classmethod
    def welcomed(cls, welcome: dict[str, Any]) -> ClientPeer:
        return cls(
            text=welcome["text"],
            shadow=welcome["text"],
            session=welcome["session"],
            version=welcome["version"],
        )

    def outgoing(self) -> dict[str, Any]:
        if self.text != self.shadow:
            delta = delta_from_diffs(self.differ.diffs(self.shadow, self.text))
            edit = Edit(self.local_seq, checksum(self.shadow), delta)
            self.stack.append(Sent(edit, self.shadow))
            self.shadow = self.text
            self.local_seq += 1
        return {
            "type": "sync",
            "session": self.session,
            "ack": self.remote_seq,
            "edits": [sent.edit.as_json() for sent in self.stack],
        }

    def incoming(self, message: dict[str, Any]) -> None:
        if message.get("session") != self.session:
            return  # an answer in an earlier session, overtaken by a welcome
        ack = message["ack"]
        if ack > self.local_seq:
            raise Resync(
                f"the server acknowledged {ack}, the browser is at {self.local_seq}"
            )
        self.stack = [sent for sent in self.stack if sent.edit.seq >= ack]
        self.version = max(self.version, message.get("version", 0))
        if ack < self.local_seq:
            # An answer to an older message: its edits are made from a shadow
            # without our later edits. The answer to our latest brings them.
            return
        for raw in message["edits"]:
            edit = Edit(raw["seq"], raw["base"], raw["delta"])
            if edit.seq < self.remote_seq:
                continue
            before = self.shadow
            self.shadow, theirs = _take(before, edit, self.remote_seq)
            if self.text == before:
                self.text = self.shadow
            else:
                ours = self.differ.hunks(before, self.text)
                self.text = merge(before, theirs, ours)
            self.remote_seq += 1

    def accepts(self, welcome: dict[str, Any]) -> bool:
        """A welcome on the same socket counts only if it follows our session."""
        return welcome.get("resumed") == self.session

    def rebase(self, welcome: dict[str, Any]) -> None:
        """Start a new session on the server's text, keeping unsent work.

        ``applied`` says how many of this peer's edits the server had taken
        in the old session; the rest, and whatever was typed since, are
        merged onto the fresh text. Edits the server took are in it already,
        so they are neither lost nor doubled.
        """
        applied = welcome.get("applied") or 0
        if welcome.get("resumed") != self.session:
            applied = 0
        unapplied = [sent for sent in self.stack if sent.edit.seq >= applied]
        base = unapplied[0].before if unapplied else self.shadow
        fresh = welcome["text"]
        if self.text == base:
            self.text = fresh
        elif fresh == base:
            pass
        else:
            self.text = merge(
                base, self.differ.hunks(base, fresh), self.differ.hunks(base, self.text)
            )
        self.shadow = fresh
        self.session = welcome["session"]
        self.version = welcome["version"]
        self.local_seq = self.remote_seq = 0
        self.stack = []


__all__ = [
    "ClientPeer",
    "Edit",
    "Merged",
    "Resync",
    "ServerPeer",
    "Step",
    "apply_hunks",
    "merge_changes",
    "merge_into",
]
