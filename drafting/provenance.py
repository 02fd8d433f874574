"""Which words of a section's text came from which contribution revision.

Every writer of ``Section.text`` calls ``record_text_change`` with the text
before and after, inside the transaction that holds the section's row lock,
and says where the change came from: an accepted revision (its words are
credited to it) or a person editing the draft (their words are credited to
nobody: they are the secretariat's own). Words that survive an edit keep
their credit; words that are rewritten lose it. So the draft keeps knowing,
through any number of later edits by anyone, which words each revision gave.

The credit is stored as character spans over the text
(``contributions.SectionProvenance``). A writer that forgot to call this
module is caught up the next time: the stored copy of the text is compared
with the text the next caller had, and the spans are carried over first.

Callers: ``drafting.actions.do_update_section_text``, the contribution review
actions, and the live editor (``collab``), which calls ``record_text_change``
with ``revision_id=None`` after each merged batch of edits.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass

from contributions.diffing import DELETE, EQUAL, INSERT, Diffs, word_diff

logger = logging.getLogger(__name__)

Span = tuple[int, int, int]  # start, end, revision id

LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


def record_text_change(
    section_id: int, old_text: str, new_text: str, *, revision_id: int | None = None
) -> None:
    """Carry the section's provenance from ``old_text`` to ``new_text``.

    ``revision_id`` is the contribution revision the new words came from, or
    None when a person wrote them in the draft. Call it inside the
    transaction that writes the text, while holding the section's row lock,
    so that changes are recorded in the order they were made.
    """
    from contributions.models import SectionProvenance

    stored = SectionProvenance.objects.filter(section_id=section_id).first()
    if stored is None and revision_id is None:
        return  # nothing credited yet, and nothing to credit now
    spans: list[Span] = []
    if stored is not None:
        spans = [(int(a), int(b), int(c)) for a, b, c in stored.spans]
        if stored.text != old_text:
            logger.info("section %s changed unrecorded; catching up", section_id)
            spans = carry_spans(spans, word_diff(stored.text, old_text), None)
    spans = carry_spans(spans, word_diff(old_text, new_text), revision_id)
    SectionProvenance.objects.update_or_create(
        section_id=section_id,
        defaults={"text": new_text, "spans": [list(span) for span in spans]},
    )


def carry_spans(
    spans: Iterable[Span], diffs: Diffs, revision_id: int | None
) -> list[Span]:
    """The spans over the diff's old text, moved onto its new text.

    Unchanged stretches keep their credit, deleted ones lose it, inserted
    ones go to ``revision_id`` (or to nobody when it is None).
    """
    ordered = sorted(spans)
    carried: list[Span] = []
    old_at = new_at = 0
    for op, text in diffs:
        size = len(text)
        if op == EQUAL:
            shift = new_at - old_at
            for start, end, source in ordered:
                low, high = max(start, old_at), min(end, old_at + size)
                if low < high:
                    carried.append((low + shift, high + shift, source))
            old_at += size
            new_at += size
        elif op == DELETE:
            old_at += size
        elif op == INSERT:
            if revision_id is not None:
                carried.append((new_at, new_at + size, revision_id))
            new_at += size
    return _merged(carried)


def _merged(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end, source in sorted(spans):
        if merged and merged[-1][2] == source and merged[-1][1] >= start:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]), source)
        else:
            merged.append((start, end, source))
    return merged


def spans_for(section_id: int, text: str) -> list[Span]:
    """The spans over ``text`` (the section's current text)."""
    from contributions.models import SectionProvenance

    stored = SectionProvenance.objects.filter(section_id=section_id).first()
    if stored is None:
        return []
    spans: list[Span] = [(int(a), int(b), int(c)) for a, b, c in stored.spans]
    if stored.text != text:
        spans = carry_spans(spans, word_diff(stored.text, text), None)
    return spans


@dataclass(frozen=True)
class BlockRange:
    """Where one block of the section text lies, as ``parse`` splits it."""

    index: int
    start: int
    end: int


def block_ranges(text: str) -> list[BlockRange]:
    """The character range of each block, in the order ``parse`` returns them.

    ``parse`` makes one block of each run of non-empty lines (a line holding
    only spaces, tabs or no-break spaces is empty); this finds the same runs
    with their offsets.
    """
    ranges: list[BlockRange] = []
    start: int | None = None
    end = 0
    for match in LINE.finditer(text):
        line = match.group()
        if not line:
            break
        if line.strip(" \t\u00a0\r\n"):
            if start is None:
                start = match.start()
            end = match.start() + len(line.rstrip("\r\n"))
        elif start is not None:
            ranges.append(BlockRange(len(ranges), start, end))
            start = None
    if start is not None:
        ranges.append(BlockRange(len(ranges), start, end))
    return ranges


def revisions_by_block(text: str, spans: list[Span]) -> list[set[int]]:
    """For each block of ``text``, the revisions that gave any of its words."""
    ranges = block_ranges(text)
    credited: list[set[int]] = [set() for _ in ranges]
    for start, end, source in spans:
        for block in ranges:
            low, high = max(start, block.start), min(end, block.end)
            if low < high and text[low:high].strip():
                credited[block.index].add(source)
    return credited
