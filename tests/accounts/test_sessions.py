"""Sessions end after an idle time and, however busy, some hours after sign-in."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.signals import SEEN_AT, SIGNED_IN_AT
from audit.models import AuditEvent, Verb

pytestmark = pytest.mark.django_db


def _age(client, **seconds_ago):
    session = client.session
    now = timezone.now().timestamp()
    session[SIGNED_IN_AT] = now - seconds_ago.get("signed_in", 0)
    session[SEEN_AT] = now - seconds_ago.get("seen", 0)
    session.save()


def test_a_session_used_within_the_idle_time_goes_on(client, personas, settings):
    client.force_login(personas.drafter)
    _age(client, signed_in=3600, seen=settings.SESSION_IDLE_SECONDS - 60)

    assert client.get(reverse("report-list")).status_code == 200


def test_an_idle_session_ends_and_asks_to_sign_in_again(client, personas, settings):
    client.force_login(personas.drafter)
    _age(client, signed_in=3600, seen=settings.SESSION_IDLE_SECONDS + 1)

    response = client.get(reverse("report-list"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(
        verb=Verb.SESSION_EXPIRED, actor=personas.drafter
    ).exists()


def test_a_busy_session_still_ends_at_the_absolute_limit(client, personas, settings):
    client.force_login(personas.drafter)
    _age(client, signed_in=settings.SESSION_ABSOLUTE_SECONDS + 1, seen=5)

    response = client.get(reverse("api-reports"))

    assert response.status_code in {401, 403}
    assert "_auth_user_id" not in client.session


def test_signing_in_starts_the_clocks(client, personas):
    client.force_login(personas.drafter)

    assert client.session[SIGNED_IN_AT] == pytest.approx(
        timezone.now().timestamp(), abs=5
    )
