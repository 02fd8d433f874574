"""The server's record of each version's hunks gives the same texts as diffing
would: composed across versions, compared between two edits of one base, and
turned into a delta."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from collab.delta import apply_delta, delta_from_hunks
from collab.history import History, changes_between, compose
from collab.merge import Differ, Hunk, apply_hunks
from tests.collab.conftest import real_paragraphs

REAL = real_paragraphs(3)
differ = Differ()

# What people type: words of the report, an emoji, a combining accent,
# Arabic and Chinese.
typed = st.sampled_from(["", "Slovenia ", "😀", "e\u0301", "حقوق", "人权", "\n\n"])
bases = st.tuples(st.integers(0, len(REAL)), st.integers(0, 400)).map(
    lambda span: REAL[span[0] : span[0] + span[1]]
)


@st.composite
def hunks_over(draw: st.DrawFn, text: str) -> list[Hunk]:
    """Sorted hunks over ``text`` that neither overlap nor touch."""
    cuts = sorted(draw(st.sets(st.integers(0, len(text)), max_size=8)) if text else {0})
    hunks: list[Hunk] = []
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        if hunks and start <= hunks[-1].end:
            continue
        end = draw(st.sampled_from([start, end]))
        replacement = draw(typed)
        if end > start or replacement:
            hunks.append(Hunk(start, end, replacement))
    return hunks


@st.composite
def history_case(draw: st.DrawFn) -> tuple[str, list[list[Hunk]], list[str]]:
    text = draw(bases)
    texts, steps = [text], []
    for _ in range(draw(st.integers(1, 6))):
        step = draw(hunks_over(texts[-1]))
        steps.append(step)
        texts.append(apply_hunks(texts[-1], step))
    return text, steps, texts


@settings(max_examples=300)
@given(history_case())
def test_composed_hunks_lead_from_each_version_to_every_later_one(case):
    _first, steps, texts = case
    history = History()
    for version, step in enumerate(steps, start=1):
        history.record(version, step)

    for since in range(len(texts)):
        for until in range(since, len(texts)):
            hunks = history.between(since, until)
            assert hunks is not None
            assert apply_hunks(texts[since], hunks) == texts[until]


def test_a_version_missing_from_the_history_gives_no_hunks():
    history = History()
    history.record(1, [Hunk(0, 0, "Slovenia ")])
    history.record(3, [Hunk(0, 0, "Slovenia ")])

    assert history.between(0, 1) == [Hunk(0, 0, "Slovenia ")]
    assert history.between(0, 3) is None
    assert history.between(None, 3) is None
    assert history.between(3, 1) is None


@settings(max_examples=300)
@given(st.data())
def test_two_edits_of_one_base_are_compared_without_diffing_it_all(data):
    base = data.draw(bases)
    first = data.draw(hunks_over(base))
    second = data.draw(hunks_over(base))

    hunks = changes_between(base, first, second, differ)

    assert apply_hunks(apply_hunks(base, first), hunks) == apply_hunks(base, second)


@settings(max_examples=300)
@given(st.data())
def test_a_composition_does_both_edits(data):
    base = data.draw(bases)
    first = data.draw(hunks_over(base))
    middle = apply_hunks(base, first)
    second = data.draw(hunks_over(middle))

    assert apply_hunks(base, compose(first, second)) == apply_hunks(middle, second)


@settings(max_examples=300)
@given(st.data())
def test_a_delta_made_from_hunks_applies_exactly(data):
    base = data.draw(bases) + data.draw(typed)
    hunks = data.draw(hunks_over(base))

    text, applied = apply_delta(base, delta_from_hunks(base, hunks))

    assert text == apply_hunks(base, hunks)
    assert apply_hunks(base, applied) == text
