"""Word-level comparison of two section texts, in bounded time.

diff-match-patch compares characters; on long texts that are much rewritten
its time limit runs out and the rest of the text comes back as one deletion
and one insertion ("everything replaced"). Two things keep it readable and
fast here. First the texts are compared block by block (blocks are what the
section text separates with empty lines), so an unchanged paragraph is never
part of a change. Then the blocks that differ are compared word by word: each
distinct word, run of spaces or punctuation mark is one symbol, so the
engine's work is counted in words, not letters, and a change is always whole
words. The result is cleaned up semantically, so a reworded phrase reads as
one deletion and one insertion.

``compare`` keeps every result in ``TextDiff`` keyed by the hashes of both
texts: a revision is compared with its predecessor when it is saved, and a
comparison asked for later (a revision against the current draft) is
computed once within ``TIME_LIMIT`` seconds and then read back.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass

from diff_match_patch import diff_match_patch
from rapidfuzz import fuzz

DELETE, EQUAL, INSERT = -1, 0, 1
Diffs = list[tuple[int, str]]

# Seconds one comparison may spend in the engine before it settles for a
# coarser (still correct) answer for what is left.
TIME_LIMIT = 1.0

# Two blocks at least this alike (0 to 1) are one block that was edited.
SIMILAR = 0.4
# Runs of replaced blocks longer than this (old × new) are paired in order.
MAX_ALIGNMENT = 40_000

# A block and the empty lines after it; a word; spaces; any other character.
BLOCK = re.compile(r".+?(?:\n[ \t]*\n\s*|\Z)", re.S)
WORD = re.compile(r"\w+|[ \t]+|\n|.", re.S)
# Symbols start above the control characters and skip the surrogate range,
# which is not a valid character on its own.
_FIRST_SYMBOL = 0x100
_SURROGATES = range(0xD800, 0xE000)


def _symbol(index: int) -> str:
    point = _FIRST_SYMBOL + index
    if point >= _SURROGATES.start:
        point += len(_SURROGATES)
    return chr(point)


def _encode(pieces: Sequence[str], table: dict[str, str]) -> str:
    for piece in pieces:
        if piece not in table:
            table[piece] = _symbol(len(table))
    return "".join(table[piece] for piece in pieces)


def _decode(diffs: Diffs, table: dict[str, str]) -> Diffs:
    reverse = {symbol: piece for piece, symbol in table.items()}
    return [(op, "".join(reverse[symbol] for symbol in text)) for op, text in diffs]


def word_diff(old: str, new: str, *, time_limit: float = TIME_LIMIT) -> Diffs:
    """The differences from ``old`` to ``new``, in whole words.

    Always a valid diff: the equal and deleted parts give ``old``, the equal
    and inserted parts give ``new``. Everything, the semantic cleanup too,
    runs on word symbols, so no change ever starts or ends inside a word.
    """
    if old == new:
        return [(EQUAL, old)] if old else []
    engine = diff_match_patch()
    # One deadline for the whole comparison, blocks and words together.
    deadline = time.time() + time_limit
    blocks: dict[str, str] = {}
    by_block = engine.diff_main(
        _encode(BLOCK.findall(old), blocks),
        _encode(BLOCK.findall(new), blocks),
        False,
        deadline,
    )
    block_text = {symbol: piece for piece, symbol in blocks.items()}
    words: dict[str, str] = {}

    def encoded(symbols: str) -> str:
        return _encode(WORD.findall("".join(block_text[s] for s in symbols)), words)

    diffs: Diffs = []
    pending = {DELETE: "", INSERT: ""}

    def flush() -> None:
        removed, added = pending[DELETE], pending[INSERT]
        for old_symbols, new_symbols in _pair_blocks(removed, added, block_text):
            old_words, new_words = encoded(old_symbols), encoded(new_symbols)
            if old_words and new_words:
                diffs.extend(engine.diff_main(old_words, new_words, False, deadline))
            elif old_words:
                diffs.append((DELETE, old_words))
            elif new_words:
                diffs.append((INSERT, new_words))
        pending[DELETE] = pending[INSERT] = ""

    for op, symbols in by_block:
        if op == EQUAL:
            flush()
            diffs.append((EQUAL, encoded(symbols)))
        else:
            pending[op] += symbols
    flush()
    engine.diff_cleanupSemantic(diffs)
    return _joined(_decode(diffs, words))


def _pair_blocks(
    removed: str, added: str, text: dict[str, str]
) -> list[tuple[str, str]]:
    """Pair each replaced block with the new block it became.

    A run of replaced blocks is compared pair by pair, not as one long text:
    when every paragraph of a long section was touched, one comparison of the
    whole run would run out of time and come back as "everything replaced".
    Blocks are paired in order by similarity (a monotone alignment that
    maximises the summed similarity of pairs at least ``SIMILAR`` alike);
    unpaired blocks are plain deletions or insertions. Returns (old, new)
    symbol strings in reading order, either side possibly empty.
    """
    if not removed or not added:
        return [(removed, added)]
    rows, cols = len(removed), len(added)
    if rows * cols > MAX_ALIGNMENT:
        # Too many to weigh against each other: take them in order.
        in_order = [(removed[i], added[i]) for i in range(min(rows, cols))]
        return [*in_order, (removed[cols:], added[rows:])]
    alike = [
        [fuzz.ratio(text[r], text[a], processor=None) / 100 for a in added]
        for r in removed
    ]
    best = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        for j in range(cols - 1, -1, -1):
            paired = best[i + 1][j + 1] + alike[i][j] if alike[i][j] >= SIMILAR else 0
            best[i][j] = max(best[i + 1][j], best[i][j + 1], paired)
    pairs: list[tuple[str, str]] = []
    i = j = 0
    while i < rows and j < cols:
        if alike[i][j] >= SIMILAR and best[i][j] == best[i + 1][j + 1] + alike[i][j]:
            pairs.append((removed[i], added[j]))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            pairs.append((removed[i], ""))
            i += 1
        else:
            pairs.append(("", added[j]))
            j += 1
    pairs.append((removed[i:], added[j:]))
    return pairs


def _joined(diffs: Diffs) -> Diffs:
    """Neighbours with the same operation as one (block seams leave some)."""
    joined: Diffs = []
    for op, text in diffs:
        if not text:
            continue
        if joined and joined[-1][0] == op:
            joined[-1] = (op, joined[-1][1] + text)
        else:
            joined.append((op, text))
    return joined


def _key(old: str, new: str) -> str:
    def digest(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    return f"{digest(old)}:{digest(new)}"


def compare(old: str, new: str) -> Diffs:
    """``word_diff`` through the store: computed once per pair of texts."""
    from contributions.models import TextDiff

    key = _key(old, new)
    stored = TextDiff.objects.filter(key=key).values_list("diffs", flat=True).first()
    if stored is not None:
        return [(int(op), str(text)) for op, text in stored]
    diffs = word_diff(old, new)
    # Two requests may compute the same pair at once; the second keeps the
    # first's row, which is the same comparison.
    TextDiff.objects.get_or_create(key=key, defaults={"diffs": diffs})
    return diffs


@dataclass(frozen=True)
class Change:
    """One change: ``old[start:end]`` becomes ``new`` (an insertion when
    start == end). ``number`` counts the changes from 1 in reading order."""

    number: int
    start: int
    end: int
    removed: str
    added: str


def changes_of(diffs: Diffs) -> list[Change]:
    """The diff grouped into changes: each run of deletions and insertions
    between two unchanged stretches is one change."""
    changes: list[Change] = []
    position = 0
    start: int | None = None
    removed: list[str] = []
    added: list[str] = []

    def close() -> None:
        nonlocal start
        if start is not None:
            changes.append(
                Change(
                    len(changes) + 1,
                    start,
                    position,
                    "".join(removed),
                    "".join(added),
                )
            )
        start = None
        removed.clear()
        added.clear()

    for op, text in diffs:
        if op == EQUAL:
            close()
            position += len(text)
            continue
        if start is None:
            start = position
        if op == DELETE:
            removed.append(text)
            position += len(text)
        else:
            added.append(text)
    close()
    return changes


def changed_share(diffs: Diffs) -> float:
    """How much of the longer text a diff marks as changed, from 0 to 1."""
    old = sum(len(text) for op, text in diffs if op != INSERT)
    new = sum(len(text) for op, text in diffs if op != DELETE)
    changed = sum(len(text) for op, text in diffs if op != EQUAL)
    return changed / max(old + new, 1)
