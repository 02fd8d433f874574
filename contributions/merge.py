"""Placing a contribution's changes into a draft that has moved on.

A proposal's changes are made against the text it started from (the base).
The draft may have changed since. Each change is placed by comparing the
base with the draft: where the words a change touches, and the word on
either side of it, are still in the draft exactly as in the base, the change
goes there, exactly. Otherwise it is a conflict, shown to the reviewer with
the base's words, the proposal's and the draft's, to resolve by hand. The
rule never guesses, so no text is put in the wrong place and none is dropped:
a change is placed exactly, or the reviewer decides.

New text (a contribution that is not a proposal) is one change: it goes at
the end of the draft, after an empty line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from contributions.diffing import (
    DELETE,
    EQUAL,
    INSERT,
    Change,
    Diffs,
    changes_of,
    compare,
)

# A word (letters or digits) next to which a change is anchored.
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Placement:
    """Where one change lands in the draft.

    For a placed change, ``draft[start:end]`` is replaced by the change's new
    text. For a conflict, ``draft[start:end]`` are the draft's words around
    the same place, which the reviewer replaces with the text they choose.
    """

    change: Change
    start: int
    end: int
    conflict: bool
    draft_words: str


def newlines(text: str) -> str:
    """Line ends as one \\n. A browser sends a textarea's lines ended with
    \\r\\n; compared as they come, every line end of a section edited in a
    form would read as a change and every change near one as a conflict."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def proposal_changes(base: str, proposal: str) -> list[Change]:
    return changes_of(compare(newlines(base), newlines(proposal)))


def new_text_change(text: str) -> Change:
    return Change(1, 0, 0, "", text.strip())


def _anchor(base: str, change: Change) -> tuple[int, int]:
    """The change widened by one word on each side (its anchor in the base)."""
    before = [m.start() for m in WORD.finditer(base, 0, change.start)]
    after = WORD.search(base, change.end)
    low = before[-1] if before else 0
    high = after.end() if after else len(base)
    return low, high


@dataclass(frozen=True)
class _Stretch:
    """A stretch of the base that the draft kept unchanged, and where it is."""

    base_start: int
    base_end: int
    draft_start: int


def _kept(diffs: Diffs) -> list[_Stretch]:
    stretches = []
    base_at = draft_at = 0
    for op, text in diffs:
        if op == EQUAL:
            stretches.append(_Stretch(base_at, base_at + len(text), draft_at))
        if op != DELETE:
            draft_at += len(text)
        if op != INSERT:
            base_at += len(text)
    return stretches


@dataclass(frozen=True)
class _Edit:
    """A stretch the draft changed: ``base[base_start:base_end]`` became
    ``draft[draft_start:draft_end]``."""

    base_start: int
    base_end: int
    draft_start: int
    draft_end: int


def _draft_edits(diffs: Diffs) -> list[_Edit]:
    edits = []
    base_at = draft_at = 0
    open_edit: list[int] | None = None
    for op, text in diffs:
        if op == EQUAL:
            if open_edit is not None:
                edits.append(_Edit(open_edit[0], base_at, open_edit[1], draft_at))
                open_edit = None
            base_at += len(text)
            draft_at += len(text)
            continue
        if open_edit is None:
            open_edit = [base_at, draft_at]
        if op == DELETE:
            base_at += len(text)
        else:
            draft_at += len(text)
    if open_edit is not None:
        edits.append(_Edit(open_edit[0], base_at, open_edit[1], draft_at))
    return edits


def _touches(edit: _Edit, change: Change, low: int, high: int) -> bool:
    """Whether the draft's edit is too close to the change to place it.

    Too close: it overlaps the change or the word on either side, or it
    inserts text inside that stretch, or at the very place the change
    inserts or replaces (two insertions at one point have no order).
    """
    if edit.base_start < edit.base_end:
        return edit.base_start < high and edit.base_end > low
    point = edit.base_start
    return low < point < high or change.start <= point <= change.end


def _conflict_range(
    kept: list[_Stretch], edits: list[_Edit], low: int, high: int
) -> tuple[int, int]:
    """The draft's words where the base's ``low:high`` was: the kept words
    mapped exactly, widened over every draft edit that touches the range."""
    start = end = None
    for stretch in kept:
        if stretch.base_start <= low <= stretch.base_end:
            start = stretch.draft_start + low - stretch.base_start
        if stretch.base_start <= high <= stretch.base_end:
            end = stretch.draft_start + high - stretch.base_start
    for edit in edits:
        if edit.base_start <= high and edit.base_end >= low:
            start = edit.draft_start if start is None else min(start, edit.draft_start)
            end = edit.draft_end if end is None else max(end, edit.draft_end)
    start = 0 if start is None else start
    return start, max(start, end if end is not None else start)


def place(base: str, draft: str, changes: list[Change]) -> list[Placement]:
    """Place each change of a proposal against ``base`` into ``draft``.

    Both texts are taken with their line ends made one \\n (``newlines``):
    positions are in the draft so normalised.
    """
    base, draft = newlines(base), newlines(draft)
    diffs = compare(base, draft)
    # An unchanged draft keeps all of the base, even an empty one.
    kept = [_Stretch(0, len(base), 0)] if base == draft else _kept(diffs)
    edits = _draft_edits(diffs)
    placements = []
    for change in changes:
        low, high = _anchor(base, change)
        stretch = next(
            (s for s in kept if s.base_start <= low and high <= s.base_end), None
        )
        if stretch is not None and not any(
            _touches(edit, change, low, high) for edit in edits
        ):
            shift = stretch.draft_start - stretch.base_start
            start, end = change.start + shift, change.end + shift
            placements.append(Placement(change, start, end, False, draft[start:end]))
            continue
        start, end = _conflict_range(kept, edits, low, high)
        placements.append(Placement(change, start, end, True, draft[start:end]))
    return placements


def place_new_text(draft: str, change: Change) -> Placement:
    end = len(draft)
    return Placement(change, end, end, False, "")


def apply(draft: str, edits: list[tuple[int, int, str]]) -> str:
    """Replace ``draft[start:end]`` by each text; the edits may not overlap.

    Raises ValueError naming the overlap; the caller turns it into a message.
    """
    ordered = sorted(edits, key=lambda edit: (edit[0], edit[1]))
    for (_s1, end1, _t1), (start2, _e2, _t2) in pairwise(ordered):
        if start2 < end1:
            raise ValueError("overlapping edits")
    result = draft
    for start, end, text in reversed(ordered):
        result = result[:start] + text + result[end:]
    return result


def append_block(draft: str, text: str) -> str:
    """New text at the end of the draft, as its own block(s)."""
    return "\n\n".join(part for part in (draft.strip(), text.strip()) if part)
