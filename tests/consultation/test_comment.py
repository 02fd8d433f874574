import pytest

from consultation.actions import do_set_anonymous
from consultation.models import Comment
from consultation.reviewing import do_comment
from reportdesk.abilities.consultation import visible_comments
from reportdesk.errors import DomainError, NotAllowed
from tests.consultation.conftest import PASSAGE, section_id

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("persona", ["nhri_reviewer", "cso_reviewer"])
def test_an_invited_reviewer_comments_on_a_passage_for_their_organisation(
    personas, consultation_round, persona
):
    user = getattr(personas, persona)
    comment = do_comment(
        user,
        consultation_round,
        section_id=section_id(consultation_round, "upr.A"),
        quote=PASSAGE,
        body="Say when the consultation took place.",
        proposed_wording="The draft was shared with the NGOs and the Ombudsman.",
    )
    comment.refresh_from_db()
    assert comment.entity == user.membership.entity
    assert comment.author == user
    assert comment.quote == PASSAGE
    assert comment.quote_prefix.endswith("During the drafting of the report, ")
    assert comment.quote_suffix.startswith(" were briefed")
    # The section's second paragraph: paragraph 2 of the frozen version.
    assert comment.paragraph == 2
    assert (
        comment.section_heading == "Methodology and broad national consultation process"
    )


def test_a_passage_with_a_slip_is_stored_as_the_frozen_text_says_it(
    personas, consultation_round
):
    # As selected in a browser: a doubled space, a footnote mark glued on.
    typed = "the NGOs,  the Ombudsman1 and the Advocate of the Principle of Equality"
    comment = do_comment(
        personas.nhri_reviewer,
        consultation_round,
        section_id=section_id(consultation_round, "upr.A"),
        quote=typed,
        body="Name the date.",
    )
    assert comment.quote == PASSAGE


def test_a_comment_on_a_whole_section_has_no_passage(personas, consultation_round):
    comment = do_comment(
        personas.cso_reviewer,
        consultation_round,
        section_id=section_id(consultation_round, "upr.A"),
        body="This section says too little about civil society.",
    )
    assert comment.quote == ""
    assert comment.paragraph is None


def test_a_passage_that_is_not_in_the_section_is_refused(personas, consultation_round):
    with pytest.raises(DomainError, match="not in this section"):
        do_comment(
            personas.cso_reviewer,
            consultation_round,
            section_id=section_id(consultation_round, "upr.A"),
            quote="Slovenia abolished the death penalty in 1989 and ratified",
            body="Check this.",
        )
    assert not Comment.objects.exists()


def test_an_empty_comment_is_refused(personas, consultation_round):
    with pytest.raises(DomainError, match="both are empty"):
        do_comment(
            personas.cso_reviewer,
            consultation_round,
            section_id=section_id(consultation_round, "upr.A"),
            quote=PASSAGE,
        )


@pytest.mark.parametrize(
    "persona", ["coordinator", "drafter", "focal_point", "validator", "outsider"]
)
def test_only_invited_organisations_comment(personas, consultation_round, persona):
    with pytest.raises(NotAllowed):
        do_comment(
            getattr(personas, persona),
            consultation_round,
            section_id=section_id(consultation_round, "upr.A"),
            body="A comment.",
        )


def test_an_organisation_not_invited_cannot_comment(
    uninvited_reviewer, consultation_round
):
    with pytest.raises(NotAllowed):
        do_comment(
            uninvited_reviewer,
            consultation_round,
            section_id=section_id(consultation_round, "upr.A"),
            body="A comment.",
        )


def test_nobody_adds_to_a_round_after_it_closed(personas, consultation_round, clock):
    clock.advance(days=21)
    with pytest.raises(NotAllowed):
        do_comment(
            personas.nhri_reviewer,
            consultation_round,
            section_id=section_id(consultation_round, "upr.A"),
            body="Too late.",
        )
    assert not Comment.objects.exists()


def test_a_section_the_round_does_not_share_cannot_be_commented(
    personas, report, clock
):
    import datetime as dt

    from consultation.actions import do_open_round

    shared = report.sections.get(key="upr.D")
    round = do_open_round(
        personas.drafter,
        report,
        title="One section",
        opens_at=clock.now,
        closes_at=clock.now + dt.timedelta(days=3),
        sections=[shared.pk],
        organisations=[personas.cso_reviewer.membership.entity],
    )
    with pytest.raises(DomainError, match="not part of this round"):
        do_comment(
            personas.cso_reviewer,
            round,
            section_id=section_id(round, "upr.A"),
            body="About the introduction.",
        )


def _two_comments(personas, round):
    upr_a = section_id(round, "upr.A")
    ours = do_comment(personas.cso_reviewer, round, section_id=upr_a, body="Ours.")
    theirs = do_comment(personas.nhri_reviewer, round, section_id=upr_a, body="Theirs.")
    return ours, theirs


def test_reviewers_see_only_their_own_comments_by_default(personas, consultation_round):
    ours, _theirs = _two_comments(personas, consultation_round)
    seen = visible_comments(personas.cso_reviewer, consultation_round)
    assert list(seen) == [ours]


def test_reviewers_see_each_other_when_the_round_says_so(personas, consultation_round):
    consultation_round.reviewers_see_each_other = True
    consultation_round.save()
    ours, theirs = _two_comments(personas, consultation_round)
    seen = visible_comments(personas.cso_reviewer, consultation_round)
    assert set(seen) == {ours, theirs}


@pytest.mark.parametrize("persona", ["focal_point", "outsider"])
def test_people_outside_the_round_see_no_comments(
    personas, consultation_round, persona
):
    _two_comments(personas, consultation_round)
    assert not visible_comments(getattr(personas, persona), consultation_round).exists()


def test_an_organisation_that_asks_not_to_be_named_is_anonymous_in_the_record(
    personas, consultation_round
):
    upr_a = section_id(consultation_round, "upr.A")
    before = do_comment(
        personas.cso_reviewer, consultation_round, section_id=upr_a, body="First."
    )
    do_set_anonymous(personas.cso_reviewer, consultation_round, anonymous=True)
    after = do_comment(
        personas.cso_reviewer, consultation_round, section_id=upr_a, body="Second."
    )
    before.refresh_from_db()
    assert before.anonymous and after.anonymous
    assert after.organisation_name == "anonymous"
    # The secretariat still knows who it was.
    assert after.entity == personas.cso_reviewer.membership.entity
