"""PUT /api/recommendations/{id}/classification/: themes, groups, SDGs."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def put(api_client, recommendation, **data):
    return api_client.put(
        reverse("api-recommendation-classification", args=[recommendation.pk]),
        {"base_version": 1, **data},
        format="json",
    )


def test_the_secretariat_sets_goals_and_targets(api_client, personas, assigned):
    api_client.force_authenticate(personas.drafter)
    response = put(
        api_client,
        assigned["140.11"],
        themes=["Refugees & asylum seekers"],
        groups=["Stateless persons"],
        sdgs=[16, 10],
        sdg_targets=["16.9", "10.7"],
    )
    assert response.status_code == 200, response.json()
    data = response.json()
    assert (data["themes"], data["groups"], data["sdgs"]) == (
        ["Refugees & asylum seekers"],
        ["Stateless persons"],
        [10, 16],
    )
    assert data["sdg_targets"] == ["10.7", "16.9"]
    assert data["version"] == 2


def test_a_malformed_target_is_refused(api_client, personas, assigned):
    api_client.force_authenticate(personas.drafter)
    response = put(
        api_client,
        assigned["140.11"],
        themes=[],
        groups=[],
        sdgs=[16],
        sdg_targets=["16.x9"],
    )
    assert response.status_code == 400
    assert "16.x9" in response.json()["detail"]


def test_a_ministry_may_not_classify(api_client, personas, assigned):
    api_client.force_authenticate(personas.focal_point)
    response = put(
        api_client,
        assigned["140.7"],
        themes=["Other"],
        groups=[],
        sdgs=[],
        sdg_targets=[],
    )
    assert response.status_code == 403
