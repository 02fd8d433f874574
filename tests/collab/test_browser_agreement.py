"""The browser's TypeScript and the server's Python agree: on word counts of
the real texts, on text positions for every kind of character, and on which
characters of a text are markup."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from collab.delta import apply_delta
from collab.textunits import checksum
from drafting.sectiontext import (
    Block,
    BulletList,
    Footnote,
    Inline,
    NumberedList,
    PageBreak,
    Run,
    Table,
    parse,
)
from drafting.sectiontext.wordcount import count_words
from tests.collab.conftest import real_paragraphs
from tests.conftest import DATA

DIGIT_WORD = re.compile(r"(?:^|(?<=\s))\d")
FRONTEND = Path(__file__).resolve().parents[2] / "frontend"
TOOL = FRONTEND / "static-tests" / "tools" / "stdio.js"


def node(task: str, items: list) -> list:
    if not TOOL.exists():
        subprocess.run(
            ["node", "editor/build.mjs", "--tests"], cwd=FRONTEND, check=True
        )
    done = subprocess.run(
        ["node", str(TOOL), task],
        input=json.dumps(items),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


pytestmark = pytest.mark.skipif(
    shutil.which("node") is None, reason="Node.js is needed (./dev installs the editor)"
)


def real_texts() -> list[str]:
    texts = []
    for path in sorted(DATA.glob("*/*.txt")):
        whole = path.read_text(encoding="utf-8")
        # Whole documents and each blank-line block alone.
        texts.append(whole)
        texts.extend(whole.split("\n\n")[:200])
    texts.append(real_paragraphs(20))
    return texts


def test_the_editor_counts_the_words_of_every_real_text_as_the_server_does():
    texts = real_texts()
    items = [[text, notes] for text in texts for notes in (False, True)]

    counted = node("wordcount", items)

    expected = [count_words(text, footnotes=notes) for text, notes in items]
    mismatches = [
        (text[:60], got, want)
        for (text, _), got, want in zip(items, counted, expected, strict=True)
        if got != want
    ]
    assert not mismatches


def real_lines() -> list[str]:
    lines = set()
    for path in sorted(DATA.glob("*/*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                lines.add(line)
    return sorted(lines)


REAL_LINES = real_lines()
# Whether a line opens a numbered-list item is the rule the two sides most
# easily read differently ("100. On the basis…" does, "2024. Carried out…"
# does not). Real lines cut before each word that starts with a digit, as
# when someone presses Enter there, put such lines in front far more often.
NUMBER_LED = sorted(
    {
        line[match.start() :]
        for line in REAL_LINES
        for match in DIGIT_WORD.finditer(line)
    }
)
real_line = st.sampled_from(REAL_LINES) | st.sampled_from(NUMBER_LED)
reordered = st.lists(
    st.tuples(real_line, st.sampled_from(["\n", "\n\n"])),
    min_size=3,
    max_size=15,
).map(lambda parts: "".join(line + end for line, end in parts))


@settings(max_examples=60, deadline=None)
@given(st.lists(reordered, min_size=10, max_size=30), st.booleans())
def test_the_editor_counts_real_lines_in_any_order_as_the_server_does(texts, notes):
    counted = node("wordcount", [[t, notes] for t in texts])

    assert counted == [count_words(t, footnotes=notes) for t in texts]


MARKUP = (
    "**bold** *it* ^[a note with [link](https://www.ohchr.org)] \\* | (a) ## - 1. > "
)
PIECES = [
    *MARKUP,
    "\n",
    "\n\n",
    "😀",
    "e\u0301",
    "حقوق",
    "人权",
    "𠀋",
    "٣. ",
    " ",
    "word",
]
characters = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(characters, min_size=1, max_size=20))
def test_the_editor_counts_markup_and_every_script_as_the_server_does(texts):
    counted = node("wordcount", [[t, True] for t in texts])

    assert counted == [count_words(t, footnotes=True) for t in texts]


alphabet = st.sampled_from(
    ["a", " ", "é", "e\u0301", "ح", "人", "😀", "😁", "🅰", "🅱", "𠀋", "\n"]
)
texts = st.lists(alphabet, max_size=25).map("".join)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(texts, texts), min_size=1, max_size=30))
def test_a_delta_made_in_the_browser_applies_exactly_on_the_server(pairs):
    deltas = node("delta", [list(pair) for pair in pairs])

    for (before, after), delta in zip(pairs, deltas, strict=True):
        assert apply_delta(before, delta)[0] == after


@settings(max_examples=50, deadline=None)
@given(st.lists(texts, min_size=1, max_size=30))
def test_both_sides_compute_the_same_checksum(samples):
    assert node("crc", samples) == [checksum(s) for s in samples]


# The live preview hides exactly the marks the exporter reads as markup. Both
# sides are read as what a person sees: each character with its bold, italic
# and link address, and each footnote between "<note>" and "</note>".
Seen = str | tuple[str, bool, bool, str | None]


@dataclass(frozen=True, slots=True)
class Shown:
    kind: str
    start: int
    words_from: int
    words_to: int
    end: int
    href: str | None


def as_exported(text: str) -> list[Seen]:
    reading: list[Seen] = []
    for block in parse(text):
        for content in inline_contents(block):
            reading.extend(runs(content))
    return reading


def inline_contents(block: Block) -> list[tuple[Inline, ...]]:
    if isinstance(block, BulletList | NumberedList):
        return list(block.items)
    if isinstance(block, Table):
        return [cell for row in block.rows for cell in row]
    if isinstance(block, PageBreak):
        return []
    return [block.content]


def runs(content: tuple[Inline, ...]) -> Iterator[Seen]:
    for item in content:
        if isinstance(item, Footnote):
            yield "<note>"
            yield from runs(item.content)
            yield "</note>"
        elif isinstance(item, Run):
            for char in item.text:
                yield (char, item.bold, item.italic, item.href)


def as_previewed(text: str, found: list[dict]) -> list[Seen]:
    # The browser counts UTF-16 units; Python indexes characters.
    index = [i for i, char in enumerate(text) for _ in range(1 + (ord(char) > 0xFFFF))]
    index.append(len(text))
    spans = [
        Shown(
            span["kind"],
            index[span["from"]],
            index[span["from"] + span["open"]],
            index[span["to"] - span["close"]],
            index[span["to"]],
            span.get("href"),
        )
        for span in found
    ]
    notes = [span for span in spans if span.kind == "note"]
    hidden = {
        i
        for span in spans
        for i in (*range(span.start, span.words_from), *range(span.words_to, span.end))
    }

    def note_at(i: int) -> Shown | None:
        return next((note for note in notes if note.start <= i < note.end), None)

    def style(i: int) -> tuple[bool, bool, str | None]:
        # A footnote's words take the styles of the spans in the note only.
        note = note_at(i)
        over = {
            span.kind: span
            for span in spans
            if span.words_from <= i < span.words_to and note_at(span.start) is note
        }
        link = over.get("link")
        return "bold" in over, "italic" in over, link.href if link else None

    reading: list[Seen] = []
    for i in range(len(text) + 1):
        reading.extend("</note>" for note in notes if note.end == i)
        reading.extend("<note>" for note in notes if note.start == i)
        if i < len(text) and i not in hidden:
            reading.append((text[i], *style(i)))
    return reading


INLINE_PIECES = [
    "a", "ب", " ", "*", "**", "***", "****", "[", "]", "(", ")", "^[", "\\",
    "https://x.org", "](https://y.org/a_(b))", "mailto:z", "😀", "e\u0301",
]  # fmt: skip
paragraphs = st.lists(st.sampled_from(INLINE_PIECES), max_size=40).map(
    lambda pieces: ("x " + "".join(pieces)).rstrip(" ")
)


@settings(max_examples=100, deadline=None)
@given(st.lists(paragraphs, min_size=1, max_size=20))
def test_the_editor_hides_exactly_the_marks_the_exporter_reads_in_a_paragraph(texts):
    found = node("markup", texts)

    for text, spans in zip(texts, found, strict=True):
        assert as_previewed(text, spans) == as_exported(text)


# Across blocks, list items and table cells, spaces at the ends of lines and
# block markers ("- ", "(a) ") are not the exporter's words; the characters
# compared are those no block marker is made of.
COMPARED = set("بé*[]^\\")
MARKERS = ["", "", "", "- ", "1. ", "## ", "> ", "(a) ", "| "]
line = st.one_of(
    st.tuples(
        st.sampled_from(MARKERS),
        st.lists(st.sampled_from([*INLINE_PIECES, "é", " | ", "|"]), max_size=12).map(
            "".join
        ),
    ).map("".join),
    st.just("|---|---|"),
)
blocks = st.lists(
    st.lists(line, min_size=1, max_size=4).map("\n".join), min_size=1, max_size=4
).map("\n\n".join)


def compared(reading: list[Seen]) -> list[Seen]:
    return [item for item in reading if isinstance(item, str) or item[0] in COMPARED]


@settings(max_examples=100, deadline=None)
@given(st.lists(blocks, min_size=1, max_size=20))
def test_the_editor_reads_markup_per_block_item_and_cell_as_the_exporter(texts):
    found = node("markup", texts)

    for text, spans in zip(texts, found, strict=True):
        assert compared(as_previewed(text, spans)) == compared(as_exported(text))
