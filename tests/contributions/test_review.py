"""The secretariat takes a proposal's changes one by one into a draft that
may have moved on; where a change cannot be placed with confidence it is a
conflict the reviewer resolves; nothing is put in the wrong place or lost."""

import pytest

from contributions.actions import (
    do_accept_revision,
    do_review_contribution,
    review_plan,
)
from contributions.actions.review import Decision
from contributions.models import AcceptedInput, Contribution, InputRequest
from drafting.actions import do_update_section_text
from drafting.provenance import spans_for
from reportdesk.errors import DomainError, NotAllowed, StaleWrite
from tests.contributions.conftest import propose, send

pytestmark = pytest.mark.django_db

# Three edits a ministry makes to part C of the real report.
EDITS = [
    ("hate speech", "hateful speech"),
    ("Slovenia", "The Republic of Slovenia"),
    ("2023", "2024"),
]


def _edited(text: str) -> str:
    for old, new in EDITS:
        text = text.replace(old, new, 1)
    return text


@pytest.fixture
def proposal(personas, long_section):
    contribution = propose(
        personas.focal_point, long_section, _edited(long_section.text)
    )
    send(personas, contribution)
    return contribution


def _plan(proposal):
    proposal.section.refresh_from_db()
    return review_plan(proposal, proposal.section)


def _review(personas, proposal, decisions, *, number=1):
    plan = _plan(proposal)
    return do_review_contribution(
        personas.drafter,
        proposal,
        base_version=plan.section_version,
        base_number=number,
        decisions=decisions,
    )


def test_the_changes_are_the_ministry_s_edits_in_reading_order(proposal):
    plan = _plan(proposal)
    found = {(p.change.removed, p.change.added) for p in plan.placements}
    assert ("2023", "2024") in found
    assert not plan.conflicts
    starts = [p.change.start for p in plan.placements]
    assert starts == sorted(starts)


def test_accepting_some_rejecting_others_and_editing_one(personas, proposal):
    plan = _plan(proposal)
    base = proposal.base_text
    decisions = {}
    for placement in plan.placements:
        change = placement.change
        if change.added == "2024":
            decisions[change.number] = Decision("edit", "2025")
        elif "hateful" in change.added:
            decisions[change.number] = Decision("reject")
        else:
            decisions[change.number] = Decision("accept")
    accepted = _review(personas, proposal, decisions)
    section = proposal.section
    section.refresh_from_db()
    expected = base
    for placement in sorted(plan.placements, key=lambda p: -p.start):
        decision = decisions[placement.change.number]
        if decision.action == "reject":
            continue
        text = decision.text if decision.action == "edit" else placement.change.added
        expected = expected[: placement.start] + text + expected[placement.end :]
    assert section.text == expected
    assert "hate speech" in section.text
    assert sorted(d["action"] for d in accepted.decisions).count("reject") == 1
    proposal.refresh_from_db()
    assert proposal.status == Contribution.Status.ACCEPTED


def test_a_change_lands_exactly_when_the_draft_moved_on_elsewhere(personas, proposal):
    section = proposal.section
    section.refresh_from_db()
    paragraphs = section.text.split("\n\n")
    last = paragraphs[-1]
    paragraphs[-1] = "The secretariat rewrote this closing paragraph entirely."
    do_update_section_text(
        personas.drafter,
        section,
        text="\n\n".join(paragraphs),
        base_version=section.version,
    )
    plan = _plan(proposal)
    touched_last = [
        p for p in plan.placements if proposal.base_text.rfind(last) <= p.change.start
    ]
    assert not plan.conflicts or touched_last
    decisions = {
        p.change.number: Decision("reject" if p.conflict else "accept")
        for p in plan.placements
    }
    section.refresh_from_db()
    expected = section.text
    for placement in sorted(plan.placements, key=lambda p: -p.start):
        if not placement.conflict:
            expected = (
                expected[: placement.start]
                + placement.change.added
                + expected[placement.end :]
            )
    _review(personas, proposal, decisions)
    section.refresh_from_db()
    assert section.text == expected
    assert "The secretariat rewrote this closing paragraph entirely." in section.text
    assert "hateful speech" in section.text


def test_a_change_the_draft_rewrote_around_is_a_conflict_to_resolve(personas, proposal):
    section = proposal.section
    section.refresh_from_db()
    target = next(p for p in _plan(proposal).placements if p.change.added == "2024")
    # The secretariat rewrites the words around the same place meanwhile.
    start, end = target.start - 20, target.end + 20
    rewritten = (
        section.text[:start] + "[a phrase the secretariat rewrote]" + section.text[end:]
    )
    do_update_section_text(
        personas.drafter, section, text=rewritten, base_version=section.version
    )
    plan = _plan(proposal)
    conflict = next(p for p in plan.placements if p.change.added == "2024")
    assert conflict.conflict
    assert "a phrase the secretariat rewrote" in conflict.draft_words
    accept_all = {p.change.number: Decision("accept") for p in plan.placements}
    with pytest.raises(
        DomainError, match="cannot be placed in the draft with confidence"
    ):
        _review(personas, proposal, accept_all)
    with pytest.raises(DomainError, match="conflict"):
        do_accept_revision(
            personas.drafter,
            proposal.latest_revision(),
            base_version=plan.section_version,
        )
    resolved = dict(accept_all)
    resolved[conflict.change.number] = Decision(
        "resolve", conflict.draft_words.replace("rewrote", "rewrote in 2024")
    )
    _review(personas, proposal, resolved)
    section.refresh_from_db()
    assert "a phrase the secretariat rewrote in 2024" in section.text
    assert "hateful speech" in section.text


def test_every_change_needs_a_decision(personas, proposal):
    with pytest.raises(DomainError, match="still open: 1"):
        _review(personas, proposal, {})
    assert not AcceptedInput.objects.exists()


def test_rejecting_everything_asks_to_return_it_instead(personas, proposal):
    decisions = {
        p.change.number: Decision("reject") for p in _plan(proposal).placements
    }
    with pytest.raises(DomainError, match="return the contribution"):
        _review(personas, proposal, decisions)


def test_a_review_of_an_older_draft_version_is_refused(personas, proposal):
    plan = _plan(proposal)
    with pytest.raises(StaleWrite):
        do_review_contribution(
            personas.drafter,
            proposal,
            base_version=plan.section_version - 1,
            base_number=1,
            decisions={p.change.number: Decision("accept") for p in plan.placements},
        )


@pytest.mark.parametrize("persona", ["focal_point", "validator", "other_focal_point"])
def test_only_the_secretariat_reviews(personas, proposal, persona):
    plan = _plan(proposal)
    with pytest.raises(NotAllowed):
        do_review_contribution(
            getattr(personas, persona),
            proposal,
            base_version=plan.section_version,
            base_number=1,
            decisions={p.change.number: Decision("accept") for p in plan.placements},
        )


def test_accepted_words_are_credited_to_the_revision_until_someone_rewrites_them(
    personas, proposal
):
    plan = _plan(proposal)
    _review(
        personas,
        proposal,
        {p.change.number: Decision("accept") for p in plan.placements},
    )
    section = proposal.section
    section.refresh_from_db()
    revision_id = proposal.latest_revision().pk
    credited = {
        section.text[s:e]
        for s, e, r in spans_for(section.pk, section.text)
        if r == revision_id
    }
    assert "2024" in credited
    at = section.text.index("2024")
    do_update_section_text(
        personas.drafter,
        section,
        text=section.text[:at] + "2025" + section.text[at + 4 :],
        base_version=section.version,
    )
    section.refresh_from_db()
    credited = {
        section.text[s:e]
        for s, e, r in spans_for(section.pk, section.text)
        if r == revision_id
    }
    assert "2024" not in credited
    assert "2025" not in credited
    assert any("hateful" in words for words in credited)


def test_the_request_follows_its_contribution(personas, long_section):
    import datetime as dt

    from contributions.actions import do_request_input

    (request,) = do_request_input(
        personas.coordinator,
        long_section,
        entities=[personas.focal_point.membership.entity],
        instructions="Update part C.",
        due_date=dt.date(2099, 1, 1),
    )
    contribution = propose(
        personas.focal_point, long_section, _edited(long_section.text)
    )
    request.refresh_from_db()
    assert (contribution.request, request.status) == (request, "in_progress")
    send(personas, contribution)
    request.refresh_from_db()
    assert request.status == InputRequest.Status.VALIDATED
    _review(
        personas,
        contribution,
        {p.change.number: Decision("accept") for p in _plan(contribution).placements},
    )
    request.refresh_from_db()
    assert request.status == InputRequest.Status.ACCEPTED
