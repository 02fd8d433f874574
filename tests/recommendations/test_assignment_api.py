"""PUT /api/recommendations/{id}/assignment/: the responsible bodies."""

import pytest
from django.urls import reverse

from contributions.models import Entity

pytestmark = pytest.mark.django_db


def put(api_client, recommendation, entities, version=1):
    return api_client.put(
        reverse("api-recommendation-assignment", args=[recommendation.pk]),
        {"entities": [e.pk for e in entities], "base_version": version},
        format="json",
    )


def test_the_secretariat_assigns_ministries(api_client, personas, assigned):
    labour = Entity.objects.get(name__startswith="Ministry of Labour")
    justice = Entity.objects.get(name="Ministry of Justice")
    api_client.force_authenticate(personas.drafter)
    response = put(api_client, assigned["140.9"], [justice, labour])
    assert response.status_code == 200, response.json()
    assert {e["name"] for e in response.json()["responsible_entities"]} == {
        justice.name,
        labour.name,
    }
    api_client.force_authenticate(personas.other_focal_point)
    listed = api_client.get(reverse("api-recommendations")).json()["results"]
    assert [r["number"] for r in listed] == ["140.9", "140.11"]


def test_bodies_outside_government_cannot_be_made_responsible(
    api_client, personas, assigned
):
    ombudsman = Entity.objects.get(name="Human Rights Ombudsman")
    api_client.force_authenticate(personas.drafter)
    response = put(api_client, assigned["140.9"], [ombudsman])
    assert response.status_code == 400
    assert "Human Rights Ombudsman" in response.json()["detail"]
    assert not assigned["140.9"].responsible_entities.exists()


def test_a_ministry_cannot_assign(api_client, personas, assigned):
    labour = Entity.objects.get(name__startswith="Ministry of Labour")
    api_client.force_authenticate(personas.focal_point)
    response = put(api_client, assigned["140.7"], [labour])
    assert response.status_code == 403
    assert list(
        assigned["140.7"].responsible_entities.values_list("name", flat=True)
    ) == ["Ministry of Justice"]


def test_an_unknown_body_is_refused(api_client, personas, assigned):
    api_client.force_authenticate(personas.drafter)
    response = api_client.put(
        reverse("api-recommendation-assignment", args=[assigned["140.9"].pk]),
        {"entities": [999999], "base_version": 1},
        format="json",
    )
    assert response.status_code == 400
