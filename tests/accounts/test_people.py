"""Inviting government officials with a one-time link, and deactivating a
person, which ends their sessions, API token and open sockets at once."""

from __future__ import annotations

import re

import pytest
from asgiref.sync import sync_to_async
from channels.routing import URLRouter
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core import mail, signing
from django.urls import reverse
from rest_framework.authtoken.models import Token

from audit.models import AuditEvent, Verb
from collab.routing import websocket_urlpatterns
from contributions.models import Entity, Membership
from tests.collab.conftest import WebsocketCommunicator, in_own_loop

pytestmark = pytest.mark.django_db


def _invite(client, personas, **fields):
    justice = Entity.objects.get(name="Ministry of Justice")
    data = {
        "name": "Ana Novak",
        "email": "ana.novak@gov.example",
        "entity": justice.pk,
        "role": Membership.Role.FOCAL_POINT,
        **fields,
    }
    client.force_login(personas.coordinator)
    return client.post(reverse("people-invite"), data)


def _link(message) -> str:
    found = re.search(r"http://testserver(/account/invitation/\S+/)", message.body)
    assert found is not None
    return found[1]


def test_an_invitation_link_creates_the_account_and_membership_once(
    client, personas, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, personas)
    (message,) = mail.outbox
    link = _link(message)
    client.logout()

    form = client.get(link)
    joined = client.post(
        link,
        {
            "username": "ana-novak",
            "password": "a long and unusual passphrase",
            "password_again": "a long and unusual passphrase",
        },
    )
    again = client.get(link)

    assert "Ministry of Justice" in form.content.decode()
    assert joined.status_code == 302 and joined["Location"] == reverse("login")
    person = get_user_model().objects.get(username="ana-novak")
    assert person.email == "ana.novak@gov.example" and person.first_name == "Ana"
    assert person.membership.role == Membership.Role.FOCAL_POINT
    assert again.status_code == 400 and "used already" in again.content.decode()
    verbs = set(AuditEvent.objects.values_list("verb", flat=True))
    assert {Verb.INVITE, Verb.JOIN, Verb.PERMISSION_CHANGE} <= verbs


def test_an_invitation_expires_after_seven_days(
    client, personas, monkeypatch, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, personas)
    link = _link(mail.outbox[0])
    later = signing.time.time() + 8 * 24 * 3600
    monkeypatch.setattr(signing.time, "time", lambda: later)

    response = client.get(link)

    assert response.status_code == 400 and "expired" in response.content.decode()


def test_a_weak_password_is_refused_and_the_link_stays_good(
    client, personas, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, personas)
    link = _link(mail.outbox[0])
    client.logout()

    weak = client.post(
        link, {"username": "ana", "password": "12345678", "password_again": "12345678"}
    )

    assert weak.status_code == 200
    assert "too short" in weak.content.decode() or "too common" in weak.content.decode()
    assert client.get(link).status_code == 200


@pytest.mark.parametrize(
    ("entity", "role", "message"),
    [
        ("Human Rights Ombudsman", "reviewer", "consultation round"),
        ("Ministry of Justice", "coordinator", "belong to the secretariat"),
    ],
)
def test_invitations_are_for_government_staff_in_fitting_roles(
    client, personas, entity, role, message
):
    response = _invite(
        client, personas, entity=Entity.objects.get(name=entity).pk, role=role
    )

    assert response.status_code == 302
    assert not mail.outbox
    # An invalid choice never reaches the action; a refused one says why.
    page = client.get(reverse("people")).content.decode()
    assert message in page or "Fill in every field" in page


@pytest.mark.parametrize("persona", ["drafter", "focal_point", "cso_reviewer"])
def test_only_the_coordinator_invites_and_deactivates(client, personas, persona):
    client.force_login(getattr(personas, persona))

    assert client.post(reverse("people-invite"), {}).status_code == 403
    assert (
        client.post(
            reverse("people-deactivate", args=[personas.focal_point.pk])
        ).status_code
        == 403
    )
    assert get_user_model().objects.get(pk=personas.focal_point.pk).is_active


def test_deactivating_ends_the_persons_sessions_and_token(
    client, personas, django_capture_on_commit_callbacks
):
    theirs = type(client)()
    theirs.force_login(personas.focal_point)
    Token.objects.create(user=personas.focal_point)
    assert theirs.get(reverse("report-list")).status_code == 200

    client.force_login(personas.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("people-deactivate", args=[personas.focal_point.pk]))

    assert not Token.objects.filter(user=personas.focal_point).exists()
    remaining = [s.get_decoded().get("_auth_user_id") for s in Session.objects.all()]
    assert str(personas.focal_point.pk) not in remaining
    assert str(personas.coordinator.pk) in remaining
    assert theirs.get(reverse("report-list")).status_code == 302
    assert AuditEvent.objects.filter(
        verb=Verb.DEACTIVATE, actor=personas.coordinator
    ).exists()


@pytest.mark.django_db(transaction=True)
@in_own_loop
async def test_deactivating_closes_the_persons_open_sockets_at_once(personas, report):
    from accounts.actions import do_deactivate_person

    section = await sync_to_async(report.sections.get)(key="upr.A")
    socket = WebsocketCommunicator(
        URLRouter(websocket_urlpatterns), f"/ws/sections/{section.pk}/"
    )
    socket.scope["user"] = personas.drafter
    assert await socket.connect()
    assert (await socket.receive_json_from())["type"] == "welcome"

    await sync_to_async(do_deactivate_person)(personas.coordinator, personas.drafter)

    frames = []
    while True:
        frame = await socket.receive_json_from(timeout=5)
        frames.append(frame)
        if frame["type"] == "closed":
            break
    assert frames[-1] == {"type": "closed", "code": 4401}
    assert any(f.get("code") == "not_signed_in" for f in frames)
