"""Finding a commented passage again, in the frozen text and in today's draft.

A comment keeps the passage it was made on, with a little text on either
side. The draft moves on after the round: paragraphs are inserted before the
passage, words inside it change, or it is deleted. Here the passage is looked
for in the section's plain text: first word for word, then with
diff-match-patch's fuzzy ``match_main``, and the candidate is accepted only
if it is still close enough to what was quoted. The answer says where the
passage is now (its paragraph number in the current draft) or that it is gone.

Plain text is the visible words of each block, spaces collapsed, blocks one
per line: what a reader selects on the page, without the markup.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from diff_match_patch import diff_match_patch

from drafting.sectiontext import (
    Block,
    BulletList,
    Heading,
    NumberedList,
    Paragraph,
    SubItem,
    Table,
    parse,
)
from drafting.sectiontext.nodes import plain_text

if TYPE_CHECKING:
    from consultation.models import Comment

# How much of the text either side of a passage is kept to tell apart two
# places that say the same words.
CONTEXT = 40
# bitap in diff-match-patch handles patterns up to this many characters.
CHUNK = 32
# A fuzzy find of a chunk may differ from it by this share of its length.
MATCH_THRESHOLD = 0.35
# A found passage may differ from the quoted one by at most this share of the
# quoted length (edit distance); beyond it the passage counts as gone.
SIMILARITY_FLOOR = 0.45


@dataclass(frozen=True)
class Unit:
    """One block of a section in its plain text, with the paragraph number it
    counts under: its own for a numbered paragraph, the paragraph it follows
    for sub-items, lists and tables, None for headings."""

    start: int
    end: int
    paragraph: int | None


@dataclass(frozen=True)
class SectionText:
    text: str
    units: tuple[Unit, ...]

    def paragraph_at(self, offset: int) -> int | None:
        for unit in self.units:
            if offset <= unit.end:
                return unit.paragraph
        return self.units[-1].paragraph if self.units else None

    def paragraphs_between(self, start: int, end: int) -> tuple[int, ...]:
        found = {
            unit.paragraph
            for unit in self.units
            if unit.paragraph is not None and unit.start <= end and unit.end >= start
        }
        return tuple(sorted(found))


def _block_text(block: Block) -> str:
    if isinstance(block, Paragraph | SubItem | Heading):
        text = plain_text(block.content)
    elif isinstance(block, BulletList | NumberedList):
        text = "\n".join(plain_text(item) for item in block.items)
    elif isinstance(block, Table):
        text = "\n".join(
            " ".join(plain_text(cell) for cell in row) for row in block.rows
        )
    else:
        text = ""
    return " ".join(text.split())


def number_sections(
    sections: Iterable[tuple[int, str, bool]],
) -> dict[int, SectionText]:
    """Plain text of each section, its paragraphs numbered through the report.

    ``sections`` are (id, section text, annex) in reading order. Numbering
    follows the Word export: numbered paragraphs count, annexes stand outside.
    """
    result: dict[int, SectionText] = {}
    counter = 0
    for section_id, source, annex in sections:
        parts: list[str] = []
        units: list[Unit] = []
        offset = 0
        current: int | None = None
        for block in parse(source):
            text = _block_text(block)
            if not text:
                continue
            if isinstance(block, Paragraph) and block.numbered and not annex:
                counter += 1
                current = counter
                number: int | None = counter
            elif isinstance(block, Heading) or (
                isinstance(block, Paragraph) and not block.numbered
            ):
                number = None
            else:
                number = current
            units.append(Unit(offset, offset + len(text), number))
            parts.append(text)
            offset += len(text) + 1
        result[section_id] = SectionText("\n".join(parts), tuple(units))
    return result


def normalise(quote: str) -> str:
    return " ".join(quote.split())


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    exact: bool


def _matcher() -> diff_match_patch:
    dmp = diff_match_patch()
    dmp.Match_Threshold = MATCH_THRESHOLD
    # Insertions before a passage move it far; where it was matters little.
    dmp.Match_Distance = 100_000
    return dmp


def _distance(dmp: diff_match_patch, a: str, b: str) -> int:
    return int(dmp.diff_levenshtein(dmp.diff_main(a, b, False)))


def _context_score(text: str, start: int, end: int, prefix: str, suffix: str) -> int:
    before = text[max(0, start - len(prefix)) : start]
    after = text[end : end + len(suffix)]
    score = sum(
        1 for a, b in zip(reversed(before), reversed(prefix), strict=False) if a == b
    )
    return score + sum(1 for a, b in zip(after, suffix, strict=False) if a == b)


def find_passage(
    text: str, quote: str, *, prefix: str = "", suffix: str = "", near: int = 0
) -> Found | None:
    """Where ``quote`` stands in ``text`` now, or None if it is gone.

    Among several word-for-word occurrences the one whose surroundings best
    match ``prefix`` and ``suffix`` wins, then the one nearest ``near``.
    """
    quote = normalise(quote)
    if not quote or not text:
        return None
    exact = _exact(text, quote, prefix, suffix, near)
    if exact is not None:
        return exact
    return _fuzzy(text, quote, near)


def _exact(text: str, quote: str, prefix: str, suffix: str, near: int) -> Found | None:
    starts = []
    at = text.find(quote)
    while at != -1:
        starts.append(at)
        at = text.find(quote, at + 1)
    if not starts:
        return None
    best = max(
        starts,
        key=lambda s: (
            _context_score(text, s, s + len(quote), prefix, suffix),
            -abs(s - near),
        ),
    )
    return Found(best, best + len(quote), exact=True)


def _fuzzy(text: str, quote: str, near: int) -> Found | None:
    dmp = _matcher()
    near = max(0, min(near, len(text)))
    if len(quote) <= CHUNK:
        candidates = [(dmp.match_main(text, quote, near), len(quote))]
        spans = [(s, s + length) for s, length in candidates if s != -1]
    else:
        spans = _spans_from_ends(dmp, text, quote, near)
    best: Found | None = None
    best_distance = len(quote) + 1
    for start, end in spans:
        start, end = max(0, start), min(len(text), end)
        if end <= start:
            continue
        distance = _distance(dmp, quote, text[start:end])
        if distance < best_distance:
            best, best_distance = Found(start, end, exact=False), distance
    if best is None or best_distance > SIMILARITY_FLOOR * len(quote):
        return None
    return best


def _spans_from_ends(
    dmp: diff_match_patch, text: str, quote: str, near: int
) -> list[tuple[int, int]]:
    """Candidate spans found from the passage's first and last characters.

    A long passage is matched by its two ends, so an edit in the middle still
    leaves both to be found, and an edit at one end leaves the other.
    """
    head, tail = quote[:CHUNK], quote[-CHUNK:]
    tail_offset = len(quote) - CHUNK
    head_at = dmp.match_main(text, head, near)
    tail_at = dmp.match_main(text, tail, near + tail_offset)
    spans = []
    if head_at != -1:
        tail_after = dmp.match_main(text, tail, head_at + tail_offset)
        if tail_after != -1 and tail_after + CHUNK > head_at:
            spans.append((head_at, tail_after + CHUNK))
        spans.append((head_at, head_at + len(quote)))
    if tail_at != -1:
        spans.append((tail_at + CHUNK - len(quote), tail_at + CHUNK))
    return spans


@dataclass(frozen=True)
class Anchor:
    """Where a comment's passage is in the current draft.

    ``status``: "unchanged" (word for word, same section), "edited" (found
    with changes), "moved" (word for word, in another section), "gone", or
    "section" for a comment on a whole section that still exists.
    """

    status: str
    section_id: int | None
    paragraphs: tuple[int, ...] = ()
    passage: str = ""

    @property
    def paragraph(self) -> int | None:
        return self.paragraphs[0] if self.paragraphs else None


GONE = "gone"


def anchor(comment: Comment, current: dict[int, SectionText]) -> Anchor:
    """Find the comment's passage in ``current`` (from ``number_sections``
    over the live draft)."""
    own = current.get(comment.section_id) if comment.section_id else None
    if not comment.quote:
        if own is None:
            return Anchor(GONE, None)
        return Anchor(
            "section", comment.section_id, own.paragraphs_between(0, len(own.text))
        )
    if own is not None:
        found = find_passage(
            own.text,
            comment.quote,
            prefix=comment.quote_prefix,
            suffix=comment.quote_suffix,
            near=comment.quote_offset or 0,
        )
        if found is not None:
            return Anchor(
                "unchanged" if found.exact else "edited",
                comment.section_id,
                own.paragraphs_between(found.start, found.end),
                own.text[found.start : found.end],
            )
    # Whole paragraphs sometimes move to another section when the report is
    # reshaped; only a word-for-word find counts there.
    for section_id, other in current.items():
        if section_id == comment.section_id:
            continue
        at = other.text.find(comment.quote)
        if at != -1:
            end = at + len(comment.quote)
            return Anchor(
                "moved", section_id, other.paragraphs_between(at, end), comment.quote
            )
    return Anchor(GONE, None)
