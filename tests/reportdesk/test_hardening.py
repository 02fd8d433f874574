"""Headers on every answer, the size of requests, and methods pages refuse."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_every_answer_carries_a_strict_content_security_policy(client, personas):
    client.force_login(personas.drafter)

    response = client.get(reverse("report-list"))

    policy = response["Content-Security-Policy"]
    assert "script-src 'self';" in policy
    assert "style-src 'self' 'nonce-" in policy
    nonce = policy.split("'nonce-")[1].split("'")[0]
    assert f'<meta name="csp-nonce" content="{nonce}">' in response.content.decode()
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy
    assert "connect-src 'self' ws://testserver" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_each_answer_gets_its_own_style_nonce(client, personas):
    client.force_login(personas.drafter)

    first = client.get(reverse("report-list"))["Content-Security-Policy"]
    second = client.get(reverse("report-list"))["Content-Security-Policy"]

    assert first != second


def test_the_policy_allows_the_secure_socket_over_https(client, personas):
    client.force_login(personas.drafter)

    response = client.get(reverse("report-list"), secure=True)

    assert "wss://testserver" in response["Content-Security-Policy"]


def test_a_request_larger_than_the_limit_is_refused_before_it_is_read(
    client, personas, settings
):
    settings.MAX_REQUEST_BYTES = 1024
    client.force_login(personas.drafter)

    page = client.post(reverse("report-list"), {"text": "x" * 2048})
    api = client.post(
        reverse("api-contributions"), "x" * 2048, content_type="application/json"
    )

    assert page.status_code == 413
    assert api.status_code == 413 and api.json()["error"] == "too_large"


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_pages_take_only_get_and_post(client, personas, method):
    client.force_login(personas.drafter)

    response = getattr(client, method)(reverse("report-list"))

    assert response.status_code == 405


def test_a_number_too_large_for_the_database_is_not_a_server_error(client, personas):
    client.force_login(personas.drafter)
    huge = "9" * 30

    assert client.get(f"/sections/{huge}/").status_code == 404
    assert client.get(f"/api/sections/{huge}/").status_code in {400, 404}
    assert client.get("/api/reports/", {"limit": huge}).status_code == 200


def test_an_address_with_a_nul_character_names_nothing(client, personas):
    client.force_login(personas.drafter)

    api = client.get("/api/recommendations/", {"state": "Slovenia\x00"})
    page = client.get("/recommendations/", {"q": "\x00"})

    assert api.status_code == 404 and api.json()["error"] == "not_found"
    assert page.status_code == 404
