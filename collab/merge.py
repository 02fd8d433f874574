"""Three-way merge of two sets of edits made to the same base text.

Differential synchronisation as published applies a peer's edits with fuzzy
patching, which can fail and drop words when the context has changed. Each
side here knows the exact base both edits started from (the shadow), so the
edits are merged exactly instead: every character either side deleted is
deleted, every text either side inserted is kept. Nothing typed is lost, and
the result does not depend on how similar the surrounding text still is.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from diff_match_patch import diff_match_patch

DELETE, EQUAL, INSERT = -1, 0, 1


@dataclass(frozen=True, slots=True)
class Hunk:
    """Replace ``base[start:end]`` with ``text`` (an insertion when start == end)."""

    start: int
    end: int
    text: str


Diffs = Sequence[tuple[int, str]]


def hunks_from_diffs(diffs: Diffs) -> list[Hunk]:
    hunks: list[Hunk] = []
    position = 0
    start: int | None = None
    inserted: list[str] = []
    for op, text in diffs:
        if op == EQUAL:
            if start is not None:
                hunks.append(Hunk(start, position, "".join(inserted)))
                start, inserted = None, []
            position += len(text)
            continue
        if start is None:
            start = position
        if op == DELETE:
            position += len(text)
        else:
            inserted.append(text)
    if start is not None:
        hunks.append(Hunk(start, position, "".join(inserted)))
    return hunks


def apply_hunks(base: str, hunks: Iterable[Hunk]) -> str:
    parts: list[str] = []
    position = 0
    for hunk in hunks:
        parts.append(base[position : hunk.start])
        parts.append(hunk.text)
        position = hunk.end
    parts.append(base[position:])
    return "".join(parts)


def merge(base: str, first: Sequence[Hunk], second: Sequence[Hunk]) -> str:
    """``base`` with both sets of hunks applied.

    Deletions are united; insertions at the same place keep ``first``'s text
    before ``second``'s, so the server (which passes its own text first) and
    the browser (which passes the server's edits first) order them alike.
    Where hunks of both sides overlap, both replaced the same words: that
    stretch is merged again letter by letter (``_refine``), so that text both
    sides kept is written once, not once from each side.
    """
    return apply_hunks(base, merge_hunks(base, first, second))


def merge_hunks(base: str, first: Sequence[Hunk], second: Sequence[Hunk]) -> list[Hunk]:
    """The merge (see ``merge``) as hunks over ``base``, so it need not be diffed."""
    first, second = _refine(base, first, second)
    return _merge_simple_hunks(first, second)


def _merge_simple(base: str, first: Sequence[Hunk], second: Sequence[Hunk]) -> str:
    return apply_hunks(base, _merge_simple_hunks(first, second))


def _merge_simple_hunks(first: Sequence[Hunk], second: Sequence[Hunk]) -> list[Hunk]:
    """Both sides' deletions united and every insertion kept, as hunks.

    At the same place ``first``'s insertion comes before ``second``'s; one
    inside a stretch the other side deleted stays, and the stretch goes.
    """
    deleted = _union(
        [(h.start, h.end) for h in first if h.end > h.start]
        + [(h.start, h.end) for h in second if h.end > h.start]
    )
    inserts = sorted(
        [(h.start, 0, i, h.text) for i, h in enumerate(first) if h.text]
        + [(h.start, 1, i, h.text) for i, h in enumerate(second) if h.text]
    )
    # Deletions and insertions in order of place; those that touch make one
    # hunk. At the same place the insertion is taken first: the text reads
    # the same either way.
    items = sorted(
        [(low, 1, n, high, "") for n, (low, high) in enumerate(deleted)]
        + [(at, 0, n, at, text) for n, (at, _side, _i, text) in enumerate(inserts)]
    )
    hunks: list[Hunk] = []
    start = end = -1
    texts: list[str] = []
    for low, _kind, _order, high, text in items:
        if start >= 0 and low <= end:
            end = max(end, high)
            texts.append(text)
            continue
        if start >= 0:
            hunks.append(Hunk(start, end, "".join(texts)))
        start, end, texts = low, high, [text]
    if start >= 0:
        hunks.append(Hunk(start, end, "".join(texts)))
    return hunks


def _overlap(a: Hunk, b: Hunk) -> bool:
    if a.start < b.end and b.start < a.end:
        return True
    # An insertion strictly inside the other side's replaced stretch.
    return (a.start == a.end and b.start < a.start < b.end) or (
        b.start == b.end and a.start < b.start < a.end
    )


def _refine(
    base: str, first: Sequence[Hunk], second: Sequence[Hunk]
) -> tuple[list[Hunk], list[Hunk]]:
    tagged = sorted(
        [(h.start, h.end, 0, h) for h in first]
        + [(h.start, h.end, 1, h) for h in second],
        key=lambda item: (item[0], item[1], item[2]),
    )
    clusters: list[list[tuple[int, Hunk]]] = []
    for _start, _end, side, hunk in tagged:
        if clusters and any(_overlap(hunk, other) for _s, other in clusters[-1]):
            clusters[-1].append((side, hunk))
        else:
            clusters.append([(side, hunk)])
    out_first: list[Hunk] = []
    out_second: list[Hunk] = []
    for cluster in clusters:
        sides = {side for side, _hunk in cluster}
        if len(sides) == 1:
            (out_first if 0 in sides else out_second).extend(h for _s, h in cluster)
            continue
        low = min(h.start for _s, h in cluster)
        high = max(h.end for _s, h in cluster)
        stretch = base[low:high]
        mine = _shifted([h for s, h in cluster if s == 0], low)
        theirs = _shifted([h for s, h in cluster if s == 1], low)
        merged = _merge_simple(
            stretch,
            _letters.hunks(stretch, apply_hunks(stretch, mine)),
            _letters.hunks(stretch, apply_hunks(stretch, theirs)),
        )
        out_first.append(Hunk(low, high, merged))
    return out_first, out_second


def _shifted(hunks: list[Hunk], by: int) -> list[Hunk]:
    return [Hunk(h.start - by, h.end - by, h.text) for h in hunks]


def _union(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    united: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if united and start <= united[-1][1]:
            united[-1] = (united[-1][0], max(united[-1][1], end))
        else:
            united.append((start, end))
    return united


class Differ:
    """diff-match-patch set up the same way as in the browser.

    ``timeout`` bounds the search for a minimal diff; past it the diff is
    still correct, only longer, so a huge paste never holds the event loop.
    ``letters`` keeps every unchanged letter apart (no semantic clean-up),
    as the second, finer pass of a merge needs.
    """

    def __init__(self, timeout: float = 0.04, *, letters: bool = False) -> None:
        self._dmp = diff_match_patch()
        self._dmp.Diff_Timeout = timeout
        self.letters = letters

    def diffs(self, before: str, after: str) -> list[tuple[int, str]]:
        if before == after:
            return [(EQUAL, before)] if before else []
        diffs = self._dmp.diff_main(before, after)
        if self.letters:
            self._dmp.diff_cleanupSemanticLossless(diffs)
            return diffs
        # A raw diff lines up letters that merely happen to match ("2022" →
        # "‹0003›" keeps the "0"), and a merge would then put another
        # person's words inside the new word. Semantic clean-up keeps what
        # was typed together in one piece.
        self._dmp.diff_cleanupSemantic(diffs)
        return diffs

    def hunks(self, before: str, after: str) -> list[Hunk]:
        return hunks_from_diffs(self.diffs(before, after))


_letters = Differ(letters=True)
