"""Placing changes: exactly where the base's words still stand, otherwise a
conflict; never in the wrong place, never dropped."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contributions.merge import apply, place, proposal_changes

pytestmark = pytest.mark.django_db

BASE_SLICE = slice(0, 12)


def _words(text: str) -> list[str]:
    return text.split(" ")


def _replace_word(text: str, index: int, word: str) -> str:
    words = _words(text)
    words[index % len(words)] = word
    return " ".join(words)


def test_an_unchanged_draft_takes_every_change_where_it_was(slovenian_parts):
    base = slovenian_parts["B"]
    proposal = base.replace("significantly", "considerably")
    placements = place(base, base, proposal_changes(base, proposal))
    assert [(p.conflict, p.draft_words) for p in placements] == [
        (False, "significantly")
    ]
    edits = [(p.start, p.end, p.change.added) for p in placements]
    assert apply(base, edits) == proposal


def test_overlapping_edits_are_refused():
    with pytest.raises(ValueError, match="overlapping"):
        apply("one two three", [(0, 7, "x"), (4, 13, "y")])


def test_two_insertions_at_one_place_keep_their_order():
    assert apply("a c", [(2, 2, "b1 "), (2, 2, "b2 ")]) == "a b1 b2 c"


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    ours=st.integers(min_value=0, max_value=400),
    theirs=st.integers(min_value=0, max_value=400),
)
def test_a_placed_change_lands_exactly_and_the_draft_keeps_its_own_edit(
    slovenian_parts, ours, theirs
):
    base = slovenian_parts["B"]
    proposal = _replace_word(base, ours, "PROPOSED")
    draft = _replace_word(base, theirs, "DRAFTED")
    placements = place(base, draft, proposal_changes(base, proposal))
    placed = [p for p in placements if not p.conflict]
    result = apply(draft, [(p.start, p.end, p.change.added) for p in placed])
    if base == draft or "DRAFTED" not in draft:
        return
    assert "DRAFTED" in result  # the secretariat's edit is never lost
    for placement in placements:
        if placement.conflict:
            # Only where the two edits are close: next to each other, or a
            # word further when the draft's edit joined two paragraphs.
            count = len(_words(base))
            assert abs((ours % count) - (theirs % count)) <= 4
        else:
            assert "PROPOSED" in result
            # Exactly where the proposal put it: the same words either side.
            at = result.index("PROPOSED")
            proposal_at = proposal.index("PROPOSED")
            assert result[at - 1 : at] == proposal[proposal_at - 1 : proposal_at]
