"""Differential synchronisation between one browser and the server.

Each side keeps a *shadow*: the text both last agreed on. A side sends the
difference between its shadow and its own text as an edit, numbered in its
own sequence and stamped with the checksum of the shadow it was made from,
then takes its text as the new shadow. Unacknowledged edits stay on a stack
and are sent again with every message until the other side acknowledges
them, so a dropped message is healed by the next one and a duplicated one is
skipped by its number. Anything that does not fit (a gap in the numbers, a
checksum that differs, a delta that does not apply) raises ``Resync``: the
browser then takes the server's text afresh and merges its own unsent work
onto it (``ClientPeer.rebase``).

The browser speaks when its person types, and the server answers. When the
section changes, the server also *pushes* the change to every other browser
at once, unasked, so both sides may send at the same time. Two rules keep
that safe. A browser applies the server's edits only from a message that
acknowledges all of its own (``ack``): a message made before the server had
the browser's latest edits is set aside, and the answer to those edits brings
the change again. And the server remembers its shadow at each of its numbers
since the browser last spoke: the browser's next message says which of the
server's edits it had applied, its new edits are taken from the shadow it had
then, and the server's edits from there on are computed again. A message
with no new edits only acknowledges, and the server's edits stand. A lost
answer is healed the same way: the browser's next message acknowledges less
than was sent.

``ClientPeer`` is the same algorithm as ``frontend/editor/sync/`` and stands
in for a browser in tests and benchmarks.

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
    # The browser's acknowledgement: how many of our edits it had applied.
    ack: int = 0


def _take(shadow: str, edit: Edit, expected: int) -> tuple[str, list[Hunk]]:
    if edit.seq > expected:
        raise Resync(f"edit {expected} is missing, {edit.seq} arrived")
    if edit.base != checksum(shadow):
        raise Resync(f"edit {edit.seq} was made from another text")
    try:
        return apply_delta(shadow, edit.delta)
    except DeltaMismatch as err:
        raise Resync(f"edit {edit.seq} does not apply: {err}") from err


# Shadows the server keeps of the edits it sent since the browser last spoke:
# a browser that stays silent longer than this many changes is resynced.
SHADOWS_KEPT = 256


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
        # Which version of the section the shadow is, so that the change to a
        # later version can be composed, not diffed. None once the browser's
        # own edits are in it.
        self.shadow_version = version
        # The shadow as it stood at each number since the browser last spoke,
        # with its version: the browser's next message says which of our
        # edits it had applied, and its own edits are made from that shadow.
        self.shadows: dict[int, tuple[str, int | None]] = {0: (text, version)}
        # The highest number a push has carried: pushes carry only new edits.
        self.pushed = 0

    def receive(self, ack: int, edits: list[Edit]) -> Step:
        remote_seq = self.remote_seq
        new = [edit for edit in edits if edit.seq >= remote_seq]
        if ack not in self.shadows:
            raise Resync(
                f"the browser acknowledged {ack}, the server is at {self.local_seq}"
            )
        shadow, local_seq = self.shadow, self.local_seq
        version = self.shadow_version
        stack = [edit for edit in self.stack if edit.seq >= ack]
        if new and ack != local_seq:
            # The browser made these edits before it had our edits from
            # ``ack`` on (an answer or a push it had not received, or had set
            # aside because its own edits were on the way): take them from
            # the shadow it had, and compute our edits again from there.
            shadow, version = self.shadows[ack]
            local_seq, stack = ack, []
        changes: list[Change] = []
        for edit in new:
            result, hunks = _take(shadow, edit, remote_seq)
            changes.append(Change(shadow, hunks, result))
            shadow = result
            remote_seq += 1
        return Step(shadow, local_seq, remote_seq, stack, changes, version, ack)

    def accept(self, step: Step) -> None:
        self.shadow = step.shadow
        self.local_seq = step.local_seq
        self.remote_seq = step.remote_seq
        self.stack = step.stack
        self.shadow_version = None if step.changes else step.base_version
        kept = {
            seq: shadow
            for seq, shadow in self.shadows.items()
            if step.ack <= seq < step.local_seq
        }
        kept[step.local_seq] = (step.shadow, self.shadow_version)
        self.shadows = kept
        self.pushed = min(self.pushed, step.local_seq)

    def reply(
        self, truth: str, version: int | None = None, hunks: list[Hunk] | None = None
    ) -> dict[str, Any]:
        """The answer to the browser: its edits acknowledged, ours to apply.

        ``truth`` is the section at ``version``; ``hunks``, when known, turn
        the shadow into it, and spare a diff.
        """
        self._catch_up(truth, version, hunks)
        self.pushed = self.local_seq
        return {
            "ack": self.remote_seq,
            "edits": [edit.as_json() for edit in self.stack],
        }

    def push(
        self, truth: str, version: int | None = None, hunks: list[Hunk] | None = None
    ) -> dict[str, Any] | None:
        """Our edits the browser has not been sent, unasked; None when none.

        A push carries only new edits; the browser applies it only when it
        has no edits of its own on the way (its ``ack`` says so), and an
        answer repeats every unacknowledged edit.
        """
        self._catch_up(truth, version, hunks)
        edits = [edit for edit in self.stack if edit.seq >= self.pushed]
        if not edits:
            return None
        self.pushed = self.local_seq
        return {
            "ack": self.remote_seq,
            "edits": [edit.as_json() for edit in edits],
            "push": True,
        }

    def _catch_up(
        self, truth: str, version: int | None, hunks: list[Hunk] | None
    ) -> None:
        """Turn the shadow into ``truth`` with an edit on the stack, if they differ."""
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
        self.shadows[self.local_seq] = (truth, version)
        if len(self.shadows) > SHADOWS_KEPT:
            del self.shadows[min(self.shadows)]


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


@dataclass(frozen=True, slots=True)
class Waiting:
    """One socket session's edits, waiting to be merged with others' at once.

    ``since`` are the hunks from the first change's base to the section text
    the batch starts from, when known.
    """

    changes: list[Change]
    since: list[Hunk] | None = None


@dataclass(frozen=True, slots=True)
class Batch:
    """Several sessions' edits merged into the section text one after another.

    ``tails[i]`` turns the result of session ``i``'s last edit into ``text``;
    it is None for a session whose edits were refused (``refused``), which
    leaves the text as the sessions before it made it.
    """

    text: str
    hunks: list[Hunk]
    tails: list[list[Hunk] | None]
    refused: list[bool]


def merge_batch(
    truth: str,
    waiting: list[Waiting],
    differ: Differ,
    *,
    longest: int | None = None,
) -> Batch:
    """Merge each session's edits in turn; refuse those that make ``truth`` too long.

    One session's merge sees the sessions before it as everyone else's edits,
    exactly as if each had been written in a transaction of its own.
    """
    text, done = truth, list[Hunk]()
    merged: list[Merged | None] = []
    for item in waiting:
        since = compose(item.since, done) if item.since is not None else None
        result = merge_into(text, item.changes, differ, since=since)
        if longest is not None and len(result.text) > longest:
            merged.append(None)
            continue
        merged.append(result)
        text, done = result.text, compose(done, result.hunks)
    # Each session's tail runs on through every later session's hunks.
    tails: list[list[Hunk] | None] = [None] * len(merged)
    later: list[Hunk] = []
    for index in range(len(merged) - 1, -1, -1):
        kept = merged[index]
        if kept is not None:
            tails[index] = compose(kept.tail, later)
            later = compose(kept.hunks, later)
    return Batch(text, done, tails, [item is None for item in merged])


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

    def incoming(self, message: dict[str, Any]) -> bool:
        """Apply the server's message; False when the browser should ask again.

        A push that skips a number (an earlier push was lost) is set aside
        and the browser asks: the answer repeats every edit not acknowledged.
        """
        if message.get("session") != self.session:
            return True  # an answer in an earlier session, overtaken by a welcome
        ack = message["ack"]
        if ack > self.local_seq:
            raise Resync(
                f"the server acknowledged {ack}, the browser is at {self.local_seq}"
            )
        self.stack = [sent for sent in self.stack if sent.edit.seq >= ack]
        self.version = max(self.version, message.get("version", 0))
        if ack < self.local_seq:
            # Made before the server had our latest edits: its edits are made
            # from a shadow without them. The answer to our latest brings them.
            return True
        for raw in message["edits"]:
            edit = Edit(raw["seq"], raw["base"], raw["delta"])
            if edit.seq < self.remote_seq:
                continue
            if edit.seq > self.remote_seq and message.get("push"):
                return False
            before = self.shadow
            self.shadow, theirs = _take(before, edit, self.remote_seq)
            if self.text == before:
                self.text = self.shadow
            else:
                ours = self.differ.hunks(before, self.text)
                self.text = merge(before, theirs, ours)
            self.remote_seq += 1
        return True

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
    "Batch",
    "ClientPeer",
    "Edit",
    "Merged",
    "Resync",
    "ServerPeer",
    "Step",
    "Waiting",
    "apply_hunks",
    "merge_batch",
    "merge_changes",
    "merge_into",
]
