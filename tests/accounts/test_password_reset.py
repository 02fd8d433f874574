"""Password reset by e-mail: a link that works once, in our pages."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from audit.models import AuditEvent, Verb

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_counts():
    cache.clear()


def test_a_person_resets_their_password_through_the_link_sent_to_them(client, personas):
    personas.drafter.email = "drafter@gov.example"
    personas.drafter.save()

    client.post(reverse("password-reset"), {"email": "drafter@gov.example"})
    (message,) = mail.outbox
    link = re.search(r"http://testserver(/account/reset/\S+/)", message.body)[1]
    form = client.get(link, follow=True)
    new = "another long and unusual passphrase"
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}
    )

    assert "Reset your Reportdesk password" in message.subject
    assert "drafter" in message.body
    assert done.status_code == 302
    assert client.login(username="drafter", password=new)
    assert AuditEvent.objects.filter(
        verb=Verb.PASSWORD_RESET, actor=personas.drafter
    ).exists()
    assert "not valid any more" in client.get(link, follow=True).content.decode()


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, personas):
    response = client.post(reverse("password-reset"), {"email": "nobody@example.org"})

    assert response["Location"] == reverse("password-reset-done")
    assert not mail.outbox


def test_asking_for_resets_again_and_again_is_slowed_down(client, personas):
    answers = [
        client.post(reverse("password-reset"), {"email": "x@example.org"}).status_code
        for _ in range(6)
    ]

    assert answers == [302] * 5 + [429]
