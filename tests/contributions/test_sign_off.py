"""Focal points submit, the entity's validating authority signs off, and only
then does the secretariat see the contribution as something to take."""

import pytest

from contributions.actions import (
    do_accept_revision,
    do_create_contribution,
    do_send_back_contribution,
    do_submit_contribution,
    do_validate_contribution,
)
from contributions.models import Contribution, ContributionNote, Entity, Membership
from reportdesk.abilities import contribution_abilities
from reportdesk.errors import DomainError, NotAllowed, StaleWrite
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

TEXT = (
    "In 2021, the Human Rights Ombudsman received “A” status accreditation "
    "according to the Paris Principles."
)


@pytest.fixture
def contribution(personas, report):
    return do_create_contribution(
        personas.focal_point, report.sections.get(key="upr.B"), text=TEXT
    )


def test_justice_has_a_validating_authority_and_labour_has_none(personas):
    assert Entity.objects.get(name="Ministry of Justice").requires_validation()
    labour = personas.other_focal_point.membership.entity
    assert not labour.requires_validation()


def test_an_inactive_validator_does_not_hold_contributions_back(personas):
    personas.validator.is_active = False
    personas.validator.save()
    assert not Entity.objects.get(name="Ministry of Justice").requires_validation()


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("focal_point", {"view": True, "revise": False, "submit": False}),
        ("validator", {"view": True, "validate": True, "send_back": True}),
        ("other_focal_point", {"view": False, "validate": False}),
        ("drafter", {"view": True, "accept": False, "return": False}),
        ("coordinator", {"view": True, "accept": False}),
        ("nhri_reviewer", {"view": False, "accept": False, "validate": False}),
        ("outsider", {"view": False, "accept": False, "validate": False}),
    ],
)
def test_what_each_role_may_do_with_a_submitted_contribution(
    personas, contribution, persona, expected
):
    do_submit_contribution(personas.focal_point, contribution, base_number=1)
    abilities = contribution_abilities(getattr(personas, persona), contribution)
    assert {key: abilities[key] for key in expected} == expected


def test_once_validated_the_secretariat_may_accept_and_the_validator_no_longer_acts(
    personas, contribution
):
    do_submit_contribution(personas.focal_point, contribution, base_number=1)
    do_validate_contribution(personas.validator, contribution, base_number=1)
    contribution.refresh_from_db()
    assert contribution.status == Contribution.Status.VALIDATED
    assert contribution.validated_by == personas.validator
    assert contribution.validated_number == 1
    assert contribution_abilities(personas.drafter, contribution)["accept"]
    assert not contribution_abilities(personas.validator, contribution)["validate"]


def test_a_contribution_of_a_body_without_validator_goes_straight_to_the_secretariat(
    personas, report
):
    labour = do_create_contribution(
        personas.other_focal_point, report.sections.get(key="upr.E"), text=TEXT
    )
    do_submit_contribution(personas.other_focal_point, labour, base_number=1)
    assert contribution_abilities(personas.drafter, labour)["accept"]
    do_accept_revision(
        personas.drafter, labour.revisions.get(), base_version=labour.section.version
    )
    labour.refresh_from_db()
    assert labour.status == Contribution.Status.ACCEPTED


def test_the_secretariat_cannot_take_what_the_validator_has_not_signed(
    personas, contribution
):
    do_submit_contribution(personas.focal_point, contribution, base_number=1)
    with pytest.raises(DomainError, match="validating authority"):
        do_accept_revision(
            personas.drafter,
            contribution.revisions.get(),
            base_version=contribution.section.version,
        )


def test_a_validator_of_another_ministry_cannot_sign_off(personas, contribution):
    labour = personas.other_focal_point.membership.entity
    stranger = UserFactory(username="labour-validator")
    MembershipFactory(user=stranger, entity=labour, role=Membership.Role.VALIDATOR)
    do_submit_contribution(personas.focal_point, contribution, base_number=1)
    with pytest.raises(NotAllowed, match="Ministry of Justice"):
        do_validate_contribution(stranger, contribution, base_number=1)
    contribution.refresh_from_db()
    assert contribution.status == Contribution.Status.SUBMITTED


def test_a_validator_signs_off_only_the_revision_it_saw(personas, contribution):
    do_submit_contribution(personas.focal_point, contribution, base_number=1)
    with pytest.raises(StaleWrite):
        do_validate_contribution(personas.validator, contribution, base_number=2)


def test_sent_back_it_can_be_revised_and_submitted_again(personas, contribution):
    from contributions.actions import do_add_revision

    do_submit_contribution(personas.focal_point, contribution, base_number=1)
    do_send_back_contribution(
        personas.validator, contribution, base_number=1, comment="Cite the Act."
    )
    note = ContributionNote.objects.get(contribution=contribution)
    assert (note.kind, note.author, note.text) == (
        "sent_back",
        personas.validator,
        "Cite the Act.",
    )
    do_add_revision(
        personas.focal_point, contribution, text=TEXT + " (Act)", base_number=1
    )
    do_submit_contribution(personas.focal_point, contribution, base_number=2)
    contribution.refresh_from_db()
    assert contribution.status == Contribution.Status.SUBMITTED
    assert contribution.validated_number is None


def test_sending_back_needs_a_comment(personas, contribution):
    do_submit_contribution(personas.focal_point, contribution, base_number=1)
    with pytest.raises(DomainError, match="what should change"):
        do_send_back_contribution(
            personas.validator, contribution, base_number=1, comment="  "
        )


def test_a_submitted_contribution_cannot_be_revised(personas, contribution):
    from contributions.actions import do_add_revision

    do_submit_contribution(personas.focal_point, contribution, base_number=1)
    with pytest.raises(NotAllowed):
        do_add_revision(personas.focal_point, contribution, text="x", base_number=1)
