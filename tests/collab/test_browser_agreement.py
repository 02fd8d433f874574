"""The browser's TypeScript and the server's Python agree: on word counts of
the real texts, and on text positions for every kind of character."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from collab.delta import apply_delta
from collab.textunits import checksum
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
