"""The reading steps every kind of UN document shares.

clean pages → find the body → lift page-bottom footnotes out → cut blocks →
build the heading tree → put each footnote at its mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from . import blocks as blockmod
from .clean import Line, find_date, find_symbol, join_lines, page_lines, vocabulary
from .errors import UnreadableDocument
from .footnotes import NOTE_START, STAR_NOTE, place_notes, read_endnotes
from .model import Body, Heading, Paragraph, SubItem

# Past this size a file is not one UN document; refusing keeps work bounded.
MAX_CHARS = 3_000_000
# The page-one masthead ("United Nations CERD/C/BRA/CO/18-20*") can follow
# the first page's footnotes; it ends them.
MASTHEAD_START = re.compile(
    r"United Nations[ \t]+(?:A|E|S|CERD|CCPR|CESCR|CRC|CEDAW|CAT|CRPD|CED|CMW|HRI)/"
)


@dataclass(slots=True)
class Reading:
    """A document read up to its body; the kind-specific readers go on from here."""

    symbol: str | None
    date: str | None
    front: list[Line]
    body: Body
    words: frozenset[str]
    # The body's cleaned lines, for readers that need line starts (the UPR
    # recommendations "140.12 …" begin lines but are not paragraphs).
    lines: list[Line]


def read(text: str) -> Reading:
    """Read the masthead and body of a UN document text."""
    if not isinstance(text, str):
        raise UnreadableDocument(
            _("Expected the text of a UN document, not %s.") % type(text).__name__
        )
    if len(text) > MAX_CHARS:
        raise UnreadableDocument(
            _(
                "This text is %(size)s characters long; one UN document is at most "
                "%(limit)s. Give the text of a single document."
            )
            % {"size": len(text), "limit": MAX_CHARS}
        )
    symbol = find_symbol(text)
    words = vocabulary(text)
    lines = page_lines(text, symbol)
    start, end = blockmod.body_bounds(lines)
    if start >= len(lines):
        raise UnreadableDocument(
            _(
                "No numbered paragraph 1 was found. Expected the text of a UN "
                "document whose paragraphs are numbered 1., 2., 3. …"
            )
        )
    body_lines, page_notes = split_page_notes(lines[start:end], words)
    notes = page_notes or read_endnotes((line.text for line in lines[end + 1 :]), words)
    preamble, headings = build_tree(blockmod.segment(body_lines), words)
    body = Body(preamble, headings, notes)
    place_notes(text_holders(body), notes)
    return Reading(symbol, find_date(text), lines[:start], body, words, body_lines)


def split_page_notes(
    lines: list[Line], words: frozenset[str]
) -> tuple[list[Line], dict[int, str]]:
    """Take the footnotes printed at the foot of each page out of the body.

    They sit after a blank line at the end of a page and start with the next
    note number (or a "*" for a title note); everything from there to the end
    of the page is notes, or the page-one masthead.
    """
    next_filled = _next_filled(lines)
    kept: list[Line] = []
    notes: dict[int, list[str]] = {}
    i = 0
    while i < len(lines):
        line = lines[i]
        j = next_filled[i]
        if (
            line.blank
            and j < len(lines)
            and lines[j].page == line.page
            and _opens_notes(lines[j].text, len(notes) + 1)
        ):
            k = j
            while k < len(lines) and lines[k].page == line.page:
                k += 1
            _collect_notes(lines[j:k], notes)
            i = k
            continue
        kept.append(line)
        i += 1
    return kept, {n: join_lines(parts, words) for n, parts in notes.items()}


def _next_filled(lines: list[Line]) -> list[int]:
    """For each index, the index of the next non-blank line (len when none)."""
    result = [len(lines)] * (len(lines) + 1)
    for i in range(len(lines) - 1, -1, -1):
        result[i] = i if not lines[i].blank else result[i + 1]
    return result


def _opens_notes(text: str, expected: int) -> bool:
    if STAR_NOTE.fullmatch(text):
        return True
    match = NOTE_START.fullmatch(text)
    return bool(match and match[2] and int(match[1]) == expected)


def _collect_notes(lines: list[Line], notes: dict[int, list[str]]) -> None:
    current: list[str] | None = None
    for line in lines:
        if line.blank:
            continue
        if MASTHEAD_START.match(line.text):
            return
        match = NOTE_START.fullmatch(line.text)
        if match and int(match[1]) == len(notes) + 1:
            current = notes[int(match[1])] = [match[2] or ""]
        elif STAR_NOTE.fullmatch(line.text):
            current = None
        elif current is not None:
            current.append(line.text)


def build_tree(
    raw: list[blockmod.RawBlock], words: frozenset[str]
) -> tuple[list[Paragraph], list[Heading]]:
    """Nest the blocks: chapters hold parts, parts hold subheadings, and each
    heading holds the paragraphs that follow it."""
    preamble: list[Paragraph] = []
    roots: list[Heading] = []
    chapter: Heading | None = None
    part: Heading | None = None
    sub: Heading | None = None
    last: Paragraph | None = None
    for block in raw:
        text = join_lines(block.lines, words)
        if block.kind == "chapter":
            chapter = Heading(block.label, text, 1)
            roots.append(chapter)
            part = sub = None
        elif block.kind == "part":
            part = Heading(block.label, text, chapter.level + 1 if chapter else 1)
            (chapter.children if chapter else roots).append(part)
            sub = None
        elif block.kind == "subheading":
            parent = part or chapter
            sub = Heading(None, text, parent.level + 1 if parent else 1)
            (parent.children if parent else roots).append(sub)
        elif block.kind in ("subitem", "bullet") and last is not None:
            label = block.label or "•"
            items = last.subitems if block.kind == "subitem" else last.bullets
            items.append(SubItem(label, text))
        else:
            number = (
                int(block.label) if block.kind == "paragraph" and block.label else None
            )
            target = sub or part or chapter
            path = tuple(h.text for h in (chapter, part, sub) if h is not None)
            last = Paragraph(number, text, heading_path=path)
            (target.paragraphs if target else preamble).append(last)
    return preamble, roots


def text_holders(body: Body) -> list[Paragraph | SubItem]:
    """Every text that may carry a footnote mark, in document order."""
    holders: list[Paragraph | SubItem] = []
    for paragraph in body.paragraphs():
        holders.append(paragraph)
        holders.extend(paragraph.subitems)
        holders.extend(paragraph.bullets)
    return holders


def front_text(front: list[Line]) -> list[str]:
    """The masthead and title lines, blank lines dropped."""
    return [line.text for line in front if not line.blank]


def title_lines(front: list[str], first: re.Pattern[str]) -> tuple[str | None, int]:
    """The title that starts at the first line matching ``first`` and runs to
    the line ending with its "*" mark (at most four lines); and the index of
    the line after it."""
    for index, line in enumerate(front):
        if first.match(line):
            end = index
            while (
                end < len(front) - 1
                and end - index < 3
                and not front[end].endswith("*")
            ):
                end += 1
            title = join_lines(front[index : end + 1]).rstrip("*").strip()
            return title, end + 1
    return None, 0
