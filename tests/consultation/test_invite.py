import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from consultation.actions import (
    do_accept_invitation,
    do_close_round,
    do_invite,
)
from consultation.models import Invitation
from contributions.models import Entity, Membership
from reportdesk.abilities.consultation import visible_rounds
from reportdesk.errors import DomainError, NotAllowed

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8000"


def _invite(personas, round, **kwargs):
    kwargs.setdefault("email", "info@example.org")
    with_commit = kwargs.pop("capture")
    with with_commit(execute=True):
        return do_invite(personas.drafter, round, site=SITE, **kwargs)


def test_an_invitation_e_mails_a_link_that_holds_the_token(
    personas, consultation_round, django_capture_on_commit_callbacks
):
    invitation, token = _invite(
        personas,
        consultation_round,
        organisation_name="Amnesty International Slovenia",
        capture=django_capture_on_commit_callbacks,
    )
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["info@example.org"]
    assert f"{SITE}/consultation/invitations/{token}/" in sent.body
    # Only the hash is kept.
    assert token not in invitation.token_hash
    entity = invitation.participant.entity
    assert (entity.name, entity.kind) == ("Amnesty International Slovenia", "cso")
    assert consultation_round.participants.filter(entity=entity).exists()


def test_no_e_mail_leaves_when_the_invitation_is_rolled_back(
    personas, consultation_round, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        do_invite(
            personas.drafter,
            consultation_round,
            email="info@example.org",
            site=SITE,
            organisation_name="Amnesty International Slovenia",
        )
    assert len(callbacks) == 1
    assert mail.outbox == []


def test_accepting_creates_an_account_tied_to_the_organisation(
    personas, consultation_round, django_capture_on_commit_callbacks
):
    invitation, token = _invite(
        personas,
        consultation_round,
        organisation_name="Amnesty International Slovenia",
        capture=django_capture_on_commit_callbacks,
    )
    person = do_accept_invitation(
        token,
        username="ana.amnesty",
        password="a long passphrase 2024",
        full_name="Ana Kos",
    )
    membership = Membership.objects.get(user=person)
    assert membership.entity.name == "Amnesty International Slovenia"
    assert membership.role == Membership.Role.REVIEWER
    assert person.email == "info@example.org"
    assert person.check_password("a long passphrase 2024")
    assert list(visible_rounds(person)) == [consultation_round]
    invitation.refresh_from_db()
    assert invitation.used_by == person


def test_an_invitation_link_works_once(
    personas, consultation_round, django_capture_on_commit_callbacks
):
    _invitation, token = _invite(
        personas,
        consultation_round,
        organisation_name="Amnesty International Slovenia",
        capture=django_capture_on_commit_callbacks,
    )
    do_accept_invitation(token, username="first", password="a long passphrase 2024")
    with pytest.raises(DomainError, match="used already"):
        do_accept_invitation(
            token, username="second", password="a long passphrase 2024"
        )
    assert not get_user_model().objects.filter(username="second").exists()


def test_an_invitation_link_expires(
    personas, consultation_round, clock, django_capture_on_commit_callbacks
):
    _invitation, token = _invite(
        personas,
        consultation_round,
        entity=personas.cso_reviewer.membership.entity,
        capture=django_capture_on_commit_callbacks,
    )
    clock.advance(days=14)
    with pytest.raises(DomainError, match="expired"):
        do_accept_invitation(token, username="late", password="a long passphrase 2024")


def test_a_made_up_token_is_refused():
    with pytest.raises(DomainError, match="does not exist"):
        do_accept_invitation("not-a-token", username="x", password="a long passphrase")


def test_a_weak_password_is_refused_with_the_reason(
    personas, consultation_round, django_capture_on_commit_callbacks
):
    _invitation, token = _invite(
        personas,
        consultation_round,
        entity=personas.cso_reviewer.membership.entity,
        capture=django_capture_on_commit_callbacks,
    )
    with pytest.raises(DomainError, match="too short"):
        do_accept_invitation(token, username="newcomer", password="short")
    assert Invitation.objects.get().used_at is None


def test_someone_signed_in_for_another_organisation_cannot_take_the_link(
    personas, consultation_round, django_capture_on_commit_callbacks
):
    _invitation, token = _invite(
        personas,
        consultation_round,
        entity=personas.cso_reviewer.membership.entity,
        capture=django_capture_on_commit_callbacks,
    )
    with pytest.raises(NotAllowed, match="signed in for Human Rights Ombudsman"):
        do_accept_invitation(token, user=personas.nhri_reviewer)


def test_a_reviewer_of_the_organisation_confirms_the_link_while_signed_in(
    personas, consultation_round, django_capture_on_commit_callbacks
):
    invitation, token = _invite(
        personas,
        consultation_round,
        entity=personas.cso_reviewer.membership.entity,
        capture=django_capture_on_commit_callbacks,
    )
    assert (
        do_accept_invitation(token, user=personas.cso_reviewer) == personas.cso_reviewer
    )
    invitation.refresh_from_db()
    assert invitation.used_at is not None


@pytest.mark.parametrize("persona", ["focal_point", "nhri_reviewer", "outsider"])
def test_only_the_secretariat_invites(personas, consultation_round, persona):
    with pytest.raises(NotAllowed):
        do_invite(
            getattr(personas, persona),
            consultation_round,
            email="x@example.org",
            site=SITE,
            organisation_name="Someone",
        )


def test_a_government_body_cannot_be_invited_by_name(personas, consultation_round):
    with pytest.raises(DomainError, match="government body"):
        do_invite(
            personas.drafter,
            consultation_round,
            email="x@example.org",
            site=SITE,
            organisation_name="Ministry of Justice",
        )
    assert Entity.objects.get(name="Ministry of Justice").kind == "ministry"


def test_nobody_is_invited_to_a_closed_round(personas, consultation_round):
    do_close_round(personas.drafter, consultation_round)
    with pytest.raises(DomainError, match="closed"):
        do_invite(
            personas.drafter,
            consultation_round,
            email="x@example.org",
            site=SITE,
            organisation_name="Late NGO",
        )


def test_the_link_in_the_mail_is_the_only_copy_of_the_token(
    personas, consultation_round, django_capture_on_commit_callbacks
):
    _invitation, token = _invite(
        personas,
        consultation_round,
        organisation_name="Amnesty International Slovenia",
        capture=django_capture_on_commit_callbacks,
    )
    found = re.search(r"/consultation/invitations/([^/]+)/", mail.outbox[0].body)
    assert found.group(1) == token
    assert not Invitation.objects.filter(token_hash=token).exists()
