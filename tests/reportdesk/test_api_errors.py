"""Every API error has the documented shape."""

import logging

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_an_unknown_api_address_answers_in_json(api_client, personas):
    api_client.force_authenticate(personas.drafter)
    response = api_client.get("/api/contributions/-1/")
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


def test_missing_credentials_are_a_json_error(api_client):
    response = api_client.get(reverse("api-reports"))
    assert response.status_code == 401
    assert response.json()["error"] == "not_authenticated"


def test_validation_errors_name_each_field(api_client, personas, report):
    api_client.force_authenticate(personas.drafter)
    response = api_client.patch(
        reverse("api-section", args=[report.sections.first().pk]), {}, format="json"
    )
    body = response.json()
    assert response.status_code == 400
    assert body["error"] == "invalid"
    assert set(body["fields"]) == {"text", "base_version"}


def test_a_body_that_is_not_json_says_so(api_client, personas):
    api_client.force_authenticate(personas.coordinator)
    response = api_client.post(
        reverse("api-reports"), "{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["error"] == "parse_error"


def test_failed_sign_ins_reach_the_security_log(client, personas, caplog):
    with caplog.at_level(logging.WARNING, logger="security"):
        client.post(reverse("login"), {"username": "coordinator", "password": "wrong"})
    assert "failed sign-in for 'coordinator'" in caplog.text
