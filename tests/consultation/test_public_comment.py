import pytest
from django.contrib.auth.models import AnonymousUser

from consultation.models import Comment
from consultation.reviewing import PUBLIC_COMMENTS_PER_HOUR, do_public_comment
from reportdesk.abilities.consultation import round_abilities
from reportdesk.errors import DomainError, NotAllowed
from tests.consultation.conftest import PASSAGE, section_id

pytestmark = pytest.mark.django_db


def _post(round, token, address="192.0.2.10", **kwargs):
    kwargs.setdefault("name", "Marta Kranjc")
    kwargs.setdefault("organisation", "individual")
    kwargs.setdefault("body", "Please say how the public could take part.")
    return do_public_comment(
        round,
        token,
        address=address,
        section_id=section_id(round, "upr.A"),
        **kwargs,
    )


def test_anyone_with_the_public_link_reads_and_comments(consultation_round):
    token = consultation_round.public_token
    can = round_abilities(AnonymousUser(), consultation_round, public_token=token)
    assert can["view"] and can["comment"]
    assert not can["upload"] and not can["see_all_comments"]
    comment = _post(consultation_round, token, quote=PASSAGE)
    assert comment.entity is None and comment.author is None
    assert comment.organisation_name == "individual"
    assert comment.quote == PASSAGE
    # The address itself is never stored.
    assert "192.0.2.10" not in comment.source_key


@pytest.mark.parametrize("token", ["", "wrong-token"])
def test_without_the_right_link_nothing_is_shown_or_taken(consultation_round, token):
    can = round_abilities(AnonymousUser(), consultation_round, public_token=token)
    assert not any(can.values())
    with pytest.raises(NotAllowed):
        _post(consultation_round, token)


def test_a_round_without_a_public_link_takes_no_public_comments(
    personas, consultation_round
):
    from consultation.actions import do_update_round

    token = consultation_round.public_token
    do_update_round(personas.drafter, consultation_round, public_link=False)
    consultation_round.refresh_from_db()
    with pytest.raises(NotAllowed):
        _post(consultation_round, token)


def test_a_public_comment_needs_a_name_and_an_organisation(consultation_round):
    with pytest.raises(DomainError, match="name and your organisation"):
        _post(consultation_round, consultation_round.public_token, organisation=" ")


def test_public_comments_are_limited_per_address_and_hour(consultation_round, clock):
    token = consultation_round.public_token
    for _ in range(PUBLIC_COMMENTS_PER_HOUR):
        _post(consultation_round, token)
    with pytest.raises(DomainError, match="many comments in the last hour"):
        _post(consultation_round, token)
    # Another address is not held back, and an hour later this one is free.
    _post(consultation_round, token, address="198.51.100.7")
    clock.advance(hours=1)
    _post(consultation_round, token)
    assert Comment.objects.count() == PUBLIC_COMMENTS_PER_HOUR + 2


def test_the_public_link_takes_nothing_after_the_round_closed(
    consultation_round, clock
):
    clock.advance(days=22)
    with pytest.raises(NotAllowed):
        _post(consultation_round, consultation_round.public_token)


def test_a_public_commenter_may_ask_not_to_be_named(consultation_round):
    comment = _post(consultation_round, consultation_round.public_token, anonymous=True)
    assert comment.organisation_name == "anonymous"
