import pytest

from consultation.demo import ROUND_TITLE, SECOND_NGO, load_consultation_demo
from consultation.models import Comment, Round
from contributions.models import Membership
from drafting.demo import load_demo

pytestmark = pytest.mark.django_db


def test_the_demo_round_invites_the_ombudsman_and_two_ngos_and_runs_twice_unchanged():
    load_demo()
    round = load_consultation_demo()
    assert round.title == ROUND_TITLE and round.is_open()
    assert sorted(round.participants.values_list("entity__name", flat=True)) == sorted(
        ["Human Rights Ombudsman", "Legal-Informational Centre for NGOs", SECOND_NGO]
    )
    assert Membership.objects.get(user__username="ngo2").entity.name == SECOND_NGO
    comments = list(round.comments.order_by("id"))
    assert [c.entity.name for c in comments] == [
        "Human Rights Ombudsman",
        "Legal-Informational Centre for NGOs",
    ]
    assert comments[0].paragraph == 3 and comments[1].paragraph == 2
    assert comments[1].decision == "noted"

    assert load_consultation_demo() == round
    assert Round.objects.count() == 1
    assert Comment.objects.count() == 2


def test_without_the_demo_report_the_step_does_nothing(db):
    assert load_consultation_demo() is None
    assert not Round.objects.exists()
