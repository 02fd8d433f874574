"""What changed between two texts, from the edits that made them, not by diffing.

Diffing two versions of a section that many people have typed into costs
time in proportion to the length times the number of scattered changes, and
under load that is most of the server's work. The server already knows every
change exactly: each committed version comes with its hunks. So the change
from one version to a later one is the composition of the hunks between, and
the change between two texts made from the same base by known hunks is found
by comparing only the stretches those hunks touch.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from .merge import Differ, Hunk

# Versions kept per section: a browser further behind than this is answered
# by a diff, as before.
VERSIONS_KEPT = 1_000

# An op reads the text left to right: keep or delete so many characters, or
# insert a text. (kind, length, inserted text)
KEEP, DELETE, INSERT = 0, 1, 2
Op = tuple[int, int, str]
ENDLESS = -1


def _ops(hunks: Sequence[Hunk]) -> list[Op]:
    """The hunks as ops; an endless keep is understood after the last."""
    ops: list[Op] = []
    position = 0
    for hunk in hunks:
        if hunk.start > position:
            ops.append((KEEP, hunk.start - position, ""))
        if hunk.end > hunk.start:
            ops.append((DELETE, hunk.end - hunk.start, ""))
        if hunk.text:
            ops.append((INSERT, len(hunk.text), hunk.text))
        position = hunk.end
    return ops


def _hunks(ops: Sequence[Op]) -> list[Hunk]:
    hunks: list[Hunk] = []
    position = 0
    start: int | None = None
    inserted: list[str] = []
    for kind, length, text in ops:
        if kind == KEEP:
            if start is not None:
                hunks.append(Hunk(start, position, "".join(inserted)))
                start, inserted = None, []
            position += length
            continue
        if start is None:
            start = position
        if kind == DELETE:
            position += length
        else:
            inserted.append(text)
    if start is not None:
        hunks.append(Hunk(start, position, "".join(inserted)))
    return hunks


def compose(first: Sequence[Hunk], second: Sequence[Hunk]) -> list[Hunk]:
    """One set of hunks doing ``first`` and then ``second`` (made over its result)."""
    ones, twos = _ops(first), _ops(second)
    out: list[Op] = []
    i = j = 0
    one: Op | None = ones[0] if ones else None
    two: Op | None = twos[0] if twos else None
    while one is not None or two is not None:
        if one is not None and one[0] == DELETE:
            out.append(one)
            i += 1
            one = ones[i] if i < len(ones) else None
            continue
        if two is not None and two[0] == INSERT:
            out.append(two)
            j += 1
            two = twos[j] if j < len(twos) else None
            continue
        # Both read the text between: the first keeps or inserts it, the
        # second keeps or deletes it. Past its last op, a side keeps.
        a = one or (KEEP, ENDLESS, "")
        b = two or (KEEP, ENDLESS, "")
        if a[1] == ENDLESS:
            step = b[1]
        elif b[1] == ENDLESS:
            step = a[1]
        else:
            step = min(a[1], b[1])
        if a[0] == KEEP:
            out.append((KEEP if b[0] == KEEP else DELETE, step, ""))
        elif b[0] == KEEP:
            out.append((INSERT, step, a[2][:step]))
        # An insertion the second set deletes again leaves nothing.
        if one is not None:
            one = _rest(one, step)
            if one is None:
                i += 1
                one = ones[i] if i < len(ones) else None
        if two is not None:
            two = _rest(two, step)
            if two is None:
                j += 1
                two = twos[j] if j < len(twos) else None
    return _hunks(out)


def _rest(op: Op, used: int) -> Op | None:
    kind, length, text = op
    if used >= length:
        return None
    return (kind, length - used, text[used:])


def changes_between(
    base: str, first: Sequence[Hunk], second: Sequence[Hunk], differ: Differ
) -> list[Hunk]:
    """Hunks over ``base`` with ``first`` applied that give ``base`` with ``second``.

    Both texts equal ``base`` outside the stretches either set of hunks
    touches, so only those stretches are compared, and only where both
    changed the same stretch is it diffed (letter by letter, as it is short).
    """
    tagged = sorted(
        [(h.start, h.end, 0, h) for h in first]
        + [(h.start, h.end, 1, h) for h in second],
        key=lambda item: (item[0], item[1], item[2]),
    )
    windows: list[tuple[int, int, list[Hunk], list[Hunk]]] = []
    for start, end, side, hunk in tagged:
        if windows and start <= windows[-1][1]:
            low, high, ones, twos = windows[-1]
            windows[-1] = (low, max(high, end), ones, twos)
        else:
            windows.append((start, end, [], []))
        (windows[-1][2] if side == 0 else windows[-1][3]).append(hunk)
    out: list[Hunk] = []
    shift = 0  # how much longer the first text is than base, before the window
    for low, high, ones, twos in windows:
        ours = _apply_within(base, low, high, ones)
        theirs = _apply_within(base, low, high, twos)
        at = low + shift
        if ours != theirs:
            if ours and theirs:
                out.extend(
                    Hunk(h.start + at, h.end + at, h.text)
                    for h in differ.hunks(ours, theirs)
                )
            else:
                out.append(Hunk(at, at + len(ours), theirs))
        shift += len(ours) - (high - low)
    return out


def _apply_within(base: str, low: int, high: int, hunks: list[Hunk]) -> str:
    parts: list[str] = []
    position = low
    for hunk in hunks:
        parts.append(base[position : hunk.start])
        parts.append(hunk.text)
        position = hunk.end
    parts.append(base[position:high])
    return "".join(parts)


class History:
    """The hunks of each recent version of one section, over the version before.

    Written by the event loop (broadcast changes) and by the database thread
    (changes it commits), so every access holds the lock.
    """

    def __init__(self) -> None:
        self._steps: dict[int, list[Hunk]] = {}
        self._lock = threading.Lock()

    def record(self, version: int, hunks: list[Hunk]) -> None:
        """``hunks`` turn version ``version - 1`` into ``version``."""
        with self._lock:
            self._steps[version] = hunks
            self._steps.pop(version - VERSIONS_KEPT, None)

    def between(self, since: int | None, until: int) -> list[Hunk] | None:
        """The hunks from version ``since`` to ``until``; None when not all known."""
        if since is None or since > until:
            return None
        with self._lock:
            steps = [self._steps.get(v) for v in range(since + 1, until + 1)]
        combined: list[Hunk] = []
        for step in steps:
            if step is None:
                return None
            combined = compose(combined, step) if combined else list(step)
        return combined
