"""Cut the cleaned lines of a UN document body into blocks.

A block is a heading (roman chapter, lettered part, or an unlettered
subheading), a numbered paragraph, an (a) sub-item, a bullet, or an
unnumbered line such as "(Recommendations 1, 5, 7–9)".

Numbers are trusted only in sequence: a line that starts "12." opens a
paragraph only when paragraph 11 came before it, "B." opens a part only after
"A.", "(c)" opens a sub-item only after "(b)". That one rule keeps dates,
amounts and inline lists such as "(ii)" from being read as structure.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field

from .clean import Line

ROMAN = (
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
    "XVI",
    "XVII",
    "XVIII",
    "XIX",
    "XX",
)
LETTERS = string.ascii_uppercase
PARAGRAPH = re.compile(r"(\d{1,3})\.[ \t]+(\S.*)")
CHAPTER = re.compile(r"([IVX]{1,5})\.[ \t]+(\S.*)")
PART = re.compile(r"([A-Z])\.[ \t]+(\S.*)")
SUB_ITEM = re.compile(r"\(([a-z])\)[ \t]+(\S.*)")
BULLET = re.compile(r"[•▪◦][ \t]*(\S.*)")
NOTES_LINE = re.compile(r"(?:End)?[Nn]otes")
ANNEX_LINE = re.compile(r"Annex(?:es)?(?: [IVX]{1,5})?")
# Words that leave a heading line unfinished, so the next line continues it.
CONNECTORS = frozenset(
    {
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
        "against",
    }
)
# The end of a sentence, perhaps with a footnote mark after it ("first.4").
SENTENCE_END = re.compile(r"[.!?;][\"”’')\]]*\d{0,3}$")
MAX_HEADING_LINES = 3
MAX_HEADING_LENGTH = 200

HEADING_KINDS = frozenset({"chapter", "part", "subheading"})
TEXT_KINDS = frozenset({"paragraph", "subitem", "bullet", "unnumbered"})


@dataclass(slots=True)
class RawBlock:
    kind: str
    label: str | None
    lines: list[str] = field(default_factory=list)
    blank_before: bool = False


def body_bounds(lines: list[Line]) -> tuple[int, int]:
    """Where the body begins (at the heading over paragraph 1, or paragraph 1
    itself) and where it ends (a "Notes" or "Annex" line, or the end)."""
    first = next(
        (
            i
            for i, line in enumerate(lines)
            if (match := PARAGRAPH.fullmatch(line.text)) and match.group(1) == "1"
        ),
        None,
    )
    if first is None:
        return len(lines), len(lines)
    start = first
    looked = 0
    i = first - 1
    while i >= 0 and looked < MAX_HEADING_LINES:
        text = lines[i].text
        i -= 1
        if not text:
            continue
        looked += 1
        if not _opens_body(text):
            break
        start = i + 1
    end = next(
        (
            i
            for i in range(first, len(lines))
            if NOTES_LINE.fullmatch(lines[i].text)
            or ANNEX_LINE.fullmatch(lines[i].text)
        ),
        len(lines),
    )
    return start, end


def _opens_body(text: str) -> bool:
    """A heading line that may stand between the masthead and paragraph 1.

    The title ends with a "*" footnote mark and the contents list has dot
    leaders; neither belongs to the body.
    """
    if text.endswith("*") or "....." in text:
        return False
    if CHAPTER.fullmatch(text) or PART.fullmatch(text):
        return True
    return _looks_like_heading([text])


def segment(lines: list[Line]) -> list[RawBlock]:
    """Cut body lines into blocks, in document order."""
    blocks: list[RawBlock] = []
    next_paragraph = 1
    chapters = parts = 0
    next_item = "a"
    blank_before = False
    for line in lines:
        if line.blank:
            blank_before = True
            continue
        text = line.text
        current = blocks[-1] if blocks else None
        if (match := PARAGRAPH.fullmatch(text)) and int(match[1]) == next_paragraph:
            blocks.append(RawBlock("paragraph", match[1], [match[2]], blank_before))
            next_paragraph += 1
            next_item = "a"
        elif (
            (match := CHAPTER.fullmatch(text))
            and chapters < len(ROMAN)
            and (match[1] == ROMAN[chapters])
        ):
            blocks.append(RawBlock("chapter", match[1], [match[2]], blank_before))
            chapters += 1
            parts = 0
        elif (match := PART.fullmatch(text)) and match[1] == LETTERS[parts % 26]:
            blocks.append(RawBlock("part", match[1], [match[2]], blank_before))
            parts += 1
        elif (
            current is not None
            and current.kind in ("paragraph", "subitem", "bullet")
            and (match := SUB_ITEM.fullmatch(text))
            and match[1] == next_item
        ):
            blocks.append(RawBlock("subitem", match[1], [match[2]], blank_before))
            next_item = chr(ord(next_item) + 1) if next_item < "z" else "z"
        elif (
            current is not None
            and current.kind in ("paragraph", "subitem", "bullet")
            and (match := BULLET.fullmatch(text))
        ):
            blocks.append(RawBlock("bullet", None, [match[1]], blank_before))
        elif current is None or _opens_unnumbered(current, text, blank_before):
            blocks.append(RawBlock("unnumbered", None, [text], blank_before))
        else:
            current.lines.append(text)
        blank_before = False
    return _split_subheadings(blocks)


def _opens_unnumbered(current: RawBlock, text: str, blank_before: bool) -> bool:
    """A line that follows a heading without continuing it, or an unnumbered
    line after a blank line, starts an unnumbered block."""
    if current.kind in HEADING_KINDS:
        return blank_before or not continues_heading(current.lines, text)
    return current.kind == "unnumbered" and blank_before


def continues_heading(heading_lines: list[str], text: str) -> bool:
    """Whether ``text`` is the second line of a heading that wrapped."""
    if not text[:1].isalpha() or text.startswith("("):
        return False
    previous = heading_lines[-1]
    last_word = previous.rsplit(" ", 1)[-1].lower()
    joined = " ".join(heading_lines)
    return (
        text[0].islower()
        or previous.endswith((",", ":", "-", "–"))
        or last_word in CONNECTORS
        or joined.count("(") > joined.count(")")
    )


def _looks_like_heading(lines: list[str]) -> bool:
    if not lines or len(lines) > MAX_HEADING_LINES:
        return False
    if sum(len(line) for line in lines) > MAX_HEADING_LENGTH:
        return False
    if not lines[0][:1].isupper():
        return False
    if lines[-1][-1:].isdigit() and not lines[-1][-2:-1].isalpha():
        return False  # a paragraph that ends on a footnote mark: "mechanisms. 25"
    return not any(
        ". " in line or line.endswith((".", ",", ";", ":", "*")) for line in lines
    )


def _split_subheadings(blocks: list[RawBlock]) -> list[RawBlock]:
    """Find the unlettered subheadings that the first pass left inside text.

    A subheading has no marker, so the first pass reads it as the tail of the
    paragraph before it (or as an unnumbered line after a heading). It shows
    itself by its place: lines without closing punctuation, after a finished
    sentence, right before a numbered paragraph.
    """
    result: list[RawBlock] = []
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        before_paragraph = following is not None and following.kind == "paragraph"
        if (
            block.kind == "unnumbered"
            and before_paragraph
            and _looks_like_heading(block.lines)
        ):
            result.extend(_subheadings(block.lines))
            continue
        if block.kind in ("paragraph", "subitem", "bullet") and before_paragraph:
            count = _heading_tail(block.lines)
            if count:
                tail = block.lines[-count:]
                block.lines = block.lines[:-count]
                result.append(block)
                result.extend(_subheadings(tail))
                continue
        result.append(block)
    return result


def _heading_tail(lines: list[str]) -> int:
    """How many of the last lines form a subheading (0 when none do).

    The line before them must end a sentence, so the tail of a paragraph
    whose last line merely lacks a full stop ("... (camara.leg.br)") stays
    with its paragraph.
    """
    for count in range(1, min(MAX_HEADING_LINES, len(lines) - 1) + 1):
        tail = lines[-count:]
        if tail[0].endswith((".", ",", ";", ":")) or len(tail[0]) > MAX_HEADING_LENGTH:
            return 0
        if _looks_like_heading(tail) and SENTENCE_END.search(lines[-count - 1]):
            return count
    return 0


def _subheadings(lines: list[str]) -> list[RawBlock]:
    """One or more stacked subheadings ("Other recommendations" directly over
    "Ratification of other treaties") from lines known to be headings."""
    headings: list[RawBlock] = []
    for text in lines:
        if headings and continues_heading(headings[-1].lines, text):
            headings[-1].lines.append(text)
        else:
            headings.append(RawBlock("subheading", None, [text]))
    return headings
