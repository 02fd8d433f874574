"""The links anyone may open without an account (a round's public link, an
invitation) answer 429 after too many requests from one address, and serve
again in the next minute."""

from __future__ import annotations

import pytest
from django.urls import reverse

from accounts import ratelimit
from tests.consultation.conftest import section_id

pytestmark = pytest.mark.django_db

LIMIT = 3


@pytest.fixture
def minute(monkeypatch, settings):
    """The rate limiter's clock, 20 seconds into a one-minute window."""
    settings.PUBLIC_LINK_REQUESTS_PER_MINUTE = LIMIT
    settings.INVITATION_REQUESTS_PER_MINUTE = LIMIT
    now = {"t": 60.0 * 1_000_000 + 20}
    monkeypatch.setattr(ratelimit, "now", lambda: now["t"])
    return now


def _statuses(send, times):
    return [send().status_code for _ in range(times)]


def test_the_public_page_is_refused_after_too_many_requests_and_serves_again_later(
    client, consultation_round, minute
):
    url = reverse("consultation-public", args=[consultation_round.public_token])

    assert _statuses(lambda: client.get(url), LIMIT + 1) == [200] * LIMIT + [429]

    refused = client.get(url, HTTP_ACCEPT_LANGUAGE="fr")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "40"
    assert "Trop de requêtes" in refused.content.decode()
    assert client.get(url, REMOTE_ADDR="192.0.2.99").status_code == 200
    minute["t"] += 40
    assert client.get(url).status_code == 200


def test_public_comments_through_the_api_are_refused_with_a_translated_message(
    api_client, consultation_round, minute
):
    url = reverse(
        "api-public-consultation-comments", args=[consultation_round.public_token]
    )
    comment = {
        "section": section_id(consultation_round, "upr.A"),
        "name": "Marta Kranjc",
        "organisation": "individual",
        "body": "Please say how the public could take part.",
    }

    answers = _statuses(lambda: api_client.post(url, comment, format="json"), LIMIT)
    refused = api_client.post(url, comment, format="json", HTTP_ACCEPT_LANGUAGE="fr")

    assert answers == [201] * LIMIT
    assert refused.status_code == 429
    assert refused.json()["error"] == "too_many_requests"
    assert refused.json()["retry_after"] == 40
    assert refused["Retry-After"] == "40"
    assert refused.json()["detail"] == (
        "Trop de requêtes venant de votre adresse en peu de temps. Patientez une "
        "minute, puis réessayez."
    )


def test_reading_the_public_api_counts_with_the_public_page(
    client, api_client, consultation_round, minute
):
    token = consultation_round.public_token
    page = reverse("consultation-public", args=[token])
    api = reverse("api-public-consultation", args=[token])

    assert _statuses(lambda: client.get(page), LIMIT) == [200] * LIMIT
    assert api_client.get(api).status_code == 429


def test_trying_invitation_links_is_refused_after_too_many_from_one_address(
    client, minute
):
    url = reverse("consultation-invitation", args=["a-guessed-token"])

    assert _statuses(lambda: client.get(url), LIMIT + 1) == [410] * LIMIT + [429]


def test_accepting_invitations_through_the_api_is_limited_too(api_client, minute):
    url = reverse("api-consultation-invitation-accept")
    guess = {"token": "a-guessed-token", "username": "x", "password": "y"}

    answers = _statuses(lambda: api_client.post(url, guess, format="json"), LIMIT + 1)

    assert answers == [400] * LIMIT + [429]
