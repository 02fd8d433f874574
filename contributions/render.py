"""Comparisons as HTML for the pages: kept words plain, <del> and <ins>."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from contributions.diffing import DELETE, INSERT, Diffs

# Long unchanged stretches are shortened to this many characters each side,
# so a change in a long section is easy to find.
CONTEXT = 300


def diff_html(diffs: Diffs, *, shorten: bool = True) -> SafeString:
    parts = []
    last = len(diffs) - 1
    for index, (op, text) in enumerate(diffs):
        if op == DELETE:
            parts.append(f"<del>{escape(text)}</del>")
        elif op == INSERT:
            parts.append(f"<ins>{escape(text)}</ins>")
        else:
            parts.append(
                escape(_shortened(text, index == 0, index == last) if shorten else text)
            )
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped above


def _shortened(text: str, first: bool, last: bool) -> str:
    if len(text) <= 2 * CONTEXT:
        return text
    head = "" if first else text[:CONTEXT]
    tail = "" if last else text[-CONTEXT:]
    return f"{head} … {tail}"


def around(text: str, start: int, end: int, words: int = 12) -> tuple[str, str]:
    """A few words before ``start`` and after ``end``, for showing a change."""
    before = text[:start].split(" ")
    after = text[end:].split(" ")
    return " ".join(before[-words:]), " ".join(after[:words])
