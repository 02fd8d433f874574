"""Footnotes: read their texts, and find each one's mark in the body.

PDF extraction leaves a footnote mark as bare digits, glued to the word
before it ("the UN OHCHR1 a voluntary", "illiteracy,5 including") or set
apart by a space ("the victim. 4 An offence", "the EUAA 39 offers"). Digits
that merely belong to the text (years, "Article 14", "140.1", "48/13",
"3 rd cycle") look the same, so the search leans on order: footnote n's mark
is the first plausible mark for n after footnote n-1's mark.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .clean import join_lines
from .model import NoteRef, Paragraph, SubItem

NOTE_START = re.compile(r"(\d{1,3})(?:[ \t]+(\S.*))?")
STAR_NOTE = re.compile(r"\*{1,3}[ \t]+\S.*")
# Words after which a number is a quantity or a reference, not a mark.
NUMBER_WORDS = frozenset(
    {
        "article",
        "articles",
        "art",
        "arts",
        "recommendation",
        "recommendations",
        "resolution",
        "resolutions",
        "paragraph",
        "paragraphs",
        "para",
        "paras",
        "no",
        "n",
        "nos",
        "law",
        "decree",
        "chapter",
        "chapters",
        "rule",
        "rules",
        "session",
        "item",
        "items",
        "annex",
        "page",
        "pages",
        "than",
        "about",
        "around",
        "over",
        "under",
        "some",
        "of",
        "to",
        "from",
        "and",
        "or",
        "by",
        "in",
        "at",
        "the",
        "all",
        "first",
        "last",
        "between",
        "only",
        "with",
        "for",
        "aged",
        "age",
        "nearly",
        "almost",
        "least",
        "approximately",
        "until",
        "since",
        "before",
        "after",
        "per",
        "each",
        "every",
        "number",
        "on",
        "into",
        "within",
        "among",
        "out",
    }
)
MONTHS_AND_ORDINALS = frozenset(
    {
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "st",
        "nd",
        "rd",
        "th",
        "per",
    }
)
CLOSERS = ".,;:)”\"’'"


def read_endnotes(lines: Iterable[str], words: frozenset[str]) -> dict[int, str]:
    """Numbered notes 1, 2, 3… from the lines after "Notes".

    A note opens with its number (the number may stand alone on its line);
    every other line continues the note before it.
    """
    notes: dict[int, list[str]] = {}
    expected = 1
    for line in lines:
        if not line:
            continue
        match = NOTE_START.fullmatch(line)
        if match and int(match[1]) == expected:
            notes[expected] = [match[2] or ""]
            expected += 1
        elif notes:
            notes[expected - 1].append(line)
    return {number: join_lines(parts, words) for number, parts in notes.items()}


def place_notes(holders: Sequence[Paragraph | SubItem], notes: dict[int, str]) -> None:
    """Move each footnote's mark out of the text into the holder's ``notes``.

    Holders are searched in document order; a note whose mark cannot be found
    is left out rather than guessed, and the search for the next note resumes
    from the last mark found.
    """
    position = (0, 0)
    for number in sorted(notes):
        found = _find(holders, number, position)
        if found is None:
            continue
        index, start, end = found
        holder = holders[index]
        cut = start - 1 if start > 0 and holder.text[start - 1] == " " else start
        holder.text = holder.text[:cut] + holder.text[end:]
        holder.notes.append(NoteRef(number, cut, notes[number]))
        position = (index, cut)


def _find(
    holders: Sequence[Paragraph | SubItem], number: int, position: tuple[int, int]
) -> tuple[int, int, int] | None:
    digits = str(number)
    first, offset = position
    for index in range(first, len(holders)):
        text = holders[index].text
        start = text.find(digits, offset if index == first else 0)
        while start >= 0:
            end = start + len(digits)
            if is_mark(text, start, end):
                return index, start, end
            start = text.find(digits, start + 1)
    return None


def is_mark(text: str, start: int, end: int) -> bool:
    """Whether the digits ``text[start:end]`` are a footnote mark."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if after and (after.isalnum() or after in "%/"):
        return False
    if after and after in ".,:–-" and text[end + 1 : end + 2].isdigit():
        return False  # 140.1, 2,500, 2019–2023
    if not before:
        return False
    if before.isdigit():
        return _follows_year(text, start)
    if before.isalpha():
        return True
    if before in CLOSERS:
        # "2,500" and "1.5" are numbers, but "in 2018.29 The" is a year, a full
        # stop and note 29, and "by 2007,9 progress" is note 9.
        if text[start - 2 : start - 1].isdigit():
            return before in ".," and _follows_year(text, start - 1)
        return True
    if before == " ":
        return _spaced_mark(text, start, end)
    return False


def _follows_year(text: str, start: int) -> bool:
    """Whether a four-digit year ends at ``start`` ("January/20221" is 2022
    and note 1)."""
    year_start = start - 4
    if year_start < 0 or not text[year_start:start].isdigit():
        return False
    if year_start > 0 and (
        text[year_start - 1].isdigit() or text[year_start - 1] in ".,"
    ):
        return False
    return text[year_start : year_start + 2] in ("19", "20")


def _spaced_mark(text: str, start: int, end: int) -> bool:
    following = text[end : end + 12].split(" ", 2)
    if len(following) > 1 and following[1].rstrip(",.") in MONTHS_AND_ORDINALS:
        return False  # "17 March", "3 rd cycle"
    word_end = start - 1
    word_start = word_end
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:word_end]
    if not word or word.rstrip(CLOSERS).lower() in NUMBER_WORDS:
        return False
    if word[-1] in CLOSERS:
        return word[-1] != "," and not word[:-1].isdigit()
    if word.isdigit():
        return len(word) == 4 and word[:2] in ("19", "20")
    return word.isalpha() and word.lower() not in NUMBER_WORDS
