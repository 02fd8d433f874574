"""Word-level comparison stays readable and bounded on the real long sections."""

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contributions.diffing import (
    DELETE,
    EQUAL,
    INSERT,
    changed_share,
    changes_of,
    compare,
    word_diff,
)
from contributions.models import TextDiff

LONG_PARTS = ["C", "E", "G", "K", "N"]


def _old(diffs):
    return "".join(text for op, text in diffs if op != INSERT)


def _new(diffs):
    return "".join(text for op, text in diffs if op != DELETE)


def _edit_every_paragraph(text: str) -> str:
    """What a ministry does to a long section: a word changed in every
    paragraph, one paragraph dropped, one added."""
    blocks = text.split("\n\n")
    edited = []
    for block in blocks:
        words = block.split(" ")
        if len(words) > 6:
            words[len(words) // 2] = "substantially"
        edited.append(" ".join(words))
    del edited[len(edited) // 3]
    edited.insert(
        len(edited) // 2,
        "The Government adopted a new resolution on the national programme.",
    )
    return "\n\n".join(edited)


@pytest.mark.parametrize("label", LONG_PARTS)
def test_a_long_section_edited_everywhere_is_never_shown_as_everything_replaced(
    slovenian_parts, label
):
    old = slovenian_parts[label]
    assert len(old) > 4000  # really long
    new = _edit_every_paragraph(old)
    started = time.perf_counter()
    diffs = word_diff(old, new)
    assert time.perf_counter() - started < 2.0
    assert (_old(diffs), _new(diffs)) == (old, new)
    assert changed_share(diffs) < 0.25
    inserted = [text for op, text in diffs if op == INSERT]
    assert "substantially" in inserted
    assert any("new resolution" in text for text in inserted)


@pytest.mark.parametrize("label", LONG_PARTS)
def test_a_change_is_whole_words(slovenian_parts, label):
    old = slovenian_parts[label]
    year = re.search(r"\b20[12]\d\b", old).group()
    later = str(int(year) + 1)
    new = re.sub(rf"\b{year}\b", later, old, count=1)
    new = re.sub(r"\bSlovenia\b", "The Republic", new, count=1)
    changes = changes_of(word_diff(old, new))
    assert {(c.removed, c.added) for c in changes} >= {(year, later)}
    for change in changes:
        assert old[change.start - 1 : change.start].isalnum() is False
        assert old[change.end : change.end + 1].isalnum() is False


def test_a_reworded_phrase_reads_as_one_deletion_and_one_insertion():
    diffs = word_diff(
        "the allocated funds have increased significantly.",
        "the funds allocated to it grew markedly.",
    )
    assert len(changes_of(diffs)) == 1


def test_the_time_limit_bounds_even_a_complete_rewrite(slovenian_parts):
    old = slovenian_parts["K"]
    new = " ".join(reversed(old.split(" ")))
    started = time.perf_counter()
    diffs = word_diff(old, new, time_limit=0.2)
    assert time.perf_counter() - started < 1.5
    assert (_old(diffs), _new(diffs)) == (old, new)


@pytest.mark.django_db
def test_a_pair_is_compared_once_and_then_read_back(slovenian_parts):
    old = slovenian_parts["C"]
    new = old.replace("hate speech", "hateful speech")
    first = compare(old, new)
    assert TextDiff.objects.count() == 1
    assert compare(old, new) == first
    assert TextDiff.objects.count() == 1


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="ab \n.,čž", max_size=60),
    st.text(alphabet="ab \n.,čž", max_size=60),
)
def test_every_diff_gives_back_both_texts(old, new):
    diffs = word_diff(old, new)
    assert (_old(diffs), _new(diffs)) == (old, new)
    assert all(op in (DELETE, EQUAL, INSERT) and text for op, text in diffs)
