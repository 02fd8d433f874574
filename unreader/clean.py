"""Clean the text that PDF extraction gives for a UN document.

Every reader starts here: split the text into pages at form feeds, drop the
running header (the document symbol), page numbers and the job number
("GE.24-19950 (E)"), then rejoin the wrapped lines of a block.

The rule for a hyphen at the end of a line: keep it. In UN English nearly
every such hyphen is a real one ("Inter-Ministerial", "awareness-raising",
"Afro-Brazilian", "COVID-19"); in the real files we read, every single one is.
The hyphen is dropped only when the document itself proves the break: the
joined word occurs elsewhere in the same document as one word, and the
hyphenated form never occurs on one line. A soft hyphen (U+00AD) at a line
end is always a break. A dash at a line end ("2019–" then "2023") joins
without a space.

All functions are pure and run in time linear in the input.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

MONTHS = (
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
)
DATE = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})\b")

# A UN symbol: a body prefix and two or more slash-separated parts. Each part
# starts after a "/" that the part itself cannot contain, so matching is linear.
SYMBOL = re.compile(
    r"(?<![\w/])((?:A|E|S|CERD|CCPR|CESCR|CRC|CEDAW|CAT|CRPD|CED|CMW|HRI)"
    r"(?:/[A-Za-z0-9.\-]+){2,8})"
)
JOB_NUMBER = re.compile(
    r"(?:\d{1,3}[ \t]+)?GE\.\d{2}-\d{5}[ \t]*(?:\([A-Z]\))?(?:[ \t]+\d{1,6}){0,3}"
)
PAGE_NUMBER = re.compile(r"\d{1,3}")
WHITESPACE = re.compile(r"\s+")
WORD = re.compile(r"[^\W\d_]+")
# A hyphenated compound; each repeated part starts with "-", which the letters
# before it cannot match, so there is one way to match and no backtracking.
COMPOUND = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
DASHES = "–—"
SOFT_HYPHEN = "\u00ad"
# How many lines at the top and bottom of a page may be page furniture.
EDGE_LINES = 3


@dataclass(frozen=True, slots=True)
class Line:
    """One line of body text, stripped; ``text == ""`` for a blank line."""

    text: str
    page: int

    @property
    def blank(self) -> bool:
        return not self.text


def normalise_whitespace(text: str) -> str:
    """Collapse every run of white space (no-break spaces too) to one space."""
    return WHITESPACE.sub(" ", text.replace("\u00a0", " ")).strip()


def find_symbol(text: str) -> str | None:
    """The document's own symbol, as its masthead gives it.

    The masthead puts it on the line that reads "United Nations"; failing
    that, the running header repeats it alone on a line, so the symbol that
    stands alone most often wins.
    """
    head = text[:6000]
    for line in head.splitlines():
        if "United Nations" in line and (match := SYMBOL.search(line)):
            return _tidy_symbol(match.group(1))
    counts: dict[str, int] = {}
    for line in text.splitlines():
        stripped = line.strip().rstrip("*")
        if (match := SYMBOL.fullmatch(stripped)) is not None:
            symbol = _tidy_symbol(match.group(1))
            counts[symbol] = counts.get(symbol, 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda symbol: counts[symbol])


def _tidy_symbol(symbol: str) -> str:
    return symbol.rstrip(".-*")


def find_date(text: str) -> str | None:
    """The issue date of the masthead ("Distr.: General 30 October 2024"),
    as an ISO date."""
    head = normalise_whitespace(text[:6000])
    distr = head.find("Distr.:")
    match = DATE.search(head, distr if distr >= 0 else 0)
    if match is None:
        return None
    day, month, year = match.groups()
    return f"{year}-{MONTHS.index(month) + 1:02d}-{int(day):02d}"


def is_job_number(line: str) -> bool:
    return JOB_NUMBER.fullmatch(line.strip()) is not None


def page_lines(text: str, symbol: str | None) -> list[Line]:
    """The lines of every page, without page furniture, blank lines kept.

    A page number is dropped only at the top or bottom of its page and only
    when it is that page's number, so a footnote number standing alone on a
    line ("10") survives.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines: list[Line] = []
    for index, page in enumerate(text.split("\f")):
        number = index + 1
        raw = [line.strip(" \t\u00a0") for line in page.split("\n")]
        keep = [not _is_furniture_anywhere(line, symbol) for line in raw]
        for position in _edge_positions(raw):
            if _is_page_number(raw[position], number):
                keep[position] = False
        lines.extend(
            Line(line, number) for line, kept in zip(raw, keep, strict=True) if kept
        )
    return lines


def _is_furniture_anywhere(line: str, symbol: str | None) -> bool:
    if symbol is not None and line.rstrip("*").strip() == symbol:
        return True
    return is_job_number(line)


def _is_page_number(line: str, number: int) -> bool:
    return PAGE_NUMBER.fullmatch(line) is not None and int(line) == number


def _edge_positions(raw: list[str]) -> list[int]:
    filled = [i for i, line in enumerate(raw) if line]
    return filled[:EDGE_LINES] + filled[-EDGE_LINES:]


def vocabulary(text: str) -> frozenset[str]:
    """Lower-case words and hyphenated compounds that stand on one line of the
    text, for deciding whether a line-end hyphen is a break."""
    found = WORD.findall(text) + COMPOUND.findall(text)
    return frozenset(word.lower() for word in found)


def join_lines(lines: Iterable[str], words: frozenset[str] = frozenset()) -> str:
    """Join the wrapped lines of one block into one line of text.

    ``words`` is the document's vocabulary (see ``vocabulary``); without it
    every line-end hyphen is kept.
    """
    out = ""
    for raw in lines:
        line = normalise_whitespace(raw)
        if not line:
            continue
        if not out:
            out = line
        elif out.endswith(SOFT_HYPHEN) or _is_word_break(out, line, words):
            out = out[:-1] + line
        elif out.endswith("-") or out[-1] in DASHES or _inside_address(out, line):
            out += line
        else:
            out += " " + line
    return out.replace(SOFT_HYPHEN, "")


def _is_word_break(before: str, after: str, words: frozenset[str]) -> bool:
    if not before.endswith("-"):
        return False
    head = _trailing_word(before[:-1])
    tail = WORD.match(after)
    if not head or tail is None or not tail.group(0).islower():
        return False
    joined = (head + tail.group(0)).lower()
    hyphenated = f"{head}-{tail.group(0)}".lower()
    return joined in words and hyphenated not in words


def _trailing_word(text: str) -> str:
    start = len(text)
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return text[start:]


def _inside_address(before: str, line: str) -> bool:
    """A web address broken over two lines continues without a space."""
    last = before.rsplit(" ", 1)[-1]
    return "://" in last and not last.endswith(".") and line[:1] in "-_/.?=&#%"
