"""The edits that travel on the socket, and their exact application.

A delta is a JSON list read left to right over the text it applies to: a
positive number keeps that many characters, a negative number deletes that
many, a string is inserted. Counts are UTF-16 code units, as the browser
counts (see ``textunits``). Applying a delta is exact: it must cover the
whole text, and it may not cut a character in half, or it is refused.
"""

from __future__ import annotations

from collections.abc import Sequence

from .merge import DELETE, EQUAL, Hunk
from .textunits import SURROGATE, SplitsCharacter, utf16_index, utf16_len

Delta = list[int | str]


class DeltaMismatch(ValueError):
    """The delta does not fit the text: it was made for another one."""


def delta_from_diffs(diffs: Sequence[tuple[int, str]]) -> Delta:
    delta: Delta = []
    for op, text in diffs:
        if not text:
            continue
        if op == EQUAL:
            delta.append(utf16_len(text))
        elif op == DELETE:
            delta.append(-utf16_len(text))
        else:
            delta.append(text)
    return delta


def delta_from_hunks(base: str, hunks: Sequence[Hunk]) -> Delta:
    """The delta that applies ``hunks`` (code-point offsets into ``base``)."""
    index = utf16_index(base)
    delta: Delta = []
    unit = 0
    for hunk in hunks:
        start, end = index.to_utf16(hunk.start), index.to_utf16(hunk.end)
        if start > unit:
            delta.append(start - unit)
        if end > start:
            delta.append(start - end)
        if hunk.text:
            delta.append(hunk.text)
        unit = end
    if index.utf16_length > unit:
        delta.append(index.utf16_length - unit)
    return delta


def is_noop(delta: Delta) -> bool:
    return all(isinstance(op, int) and op > 0 for op in delta)


def apply_delta(base: str, delta: Sequence[object]) -> tuple[str, list[Hunk]]:
    """The text after the delta, and the delta as hunks over ``base``.

    Raises DeltaMismatch when the delta was not made for this text, and
    ValueError subclasses for anything that is not a delta at all.
    """
    index = utf16_index(base)
    parts: list[str] = []
    hunks: list[Hunk] = []
    unit = point = 0
    start: int | None = None
    inserted: list[str] = []
    for op in delta:
        if isinstance(op, str):
            if not op or SURROGATE.search(op):
                raise DeltaMismatch("an inserted text is empty or not valid Unicode")
            if start is None:
                start = point
            inserted.append(op)
            parts.append(op)
            continue
        if isinstance(op, bool) or not isinstance(op, int) or op == 0:
            raise DeltaMismatch("a delta holds numbers other than zero, and texts")
        unit_end = unit + abs(op)
        if unit_end > index.utf16_length:
            raise DeltaMismatch("the delta runs past the end of the text")
        try:
            point_end = index.to_code_points(unit_end)
        except SplitsCharacter as err:
            raise DeltaMismatch("the delta cuts a character in two") from err
        if op > 0:
            if start is not None:
                hunks.append(Hunk(start, point, "".join(inserted)))
                start, inserted = None, []
            parts.append(base[point:point_end])
        elif start is None:
            start = point
        unit, point = unit_end, point_end
    if unit != index.utf16_length:
        raise DeltaMismatch("the delta does not cover the whole text")
    if start is not None:
        hunks.append(Hunk(start, point, "".join(inserted)))
    return "".join(parts), hunks
