"""Planned actions: /api/recommendations/{id}/actions/ and /api/planned-actions/{id}/."""

import pytest
from django.urls import reverse

from contributions.models import Entity
from recommendations.models import PlannedAction

pytestmark = pytest.mark.django_db

ACTION = {
    "description": "Submit the ratification act of the Optional Protocol to the National Assembly.",
    "start": "2025-09-01",
    "due": "2026-06-30",
    "indicator": "Act adopted by the National Assembly",
}


def add(api_client, recommendation, **extra):
    return api_client.post(
        reverse("api-planned-actions", args=[recommendation.pk]),
        {**ACTION, **extra},
        format="json",
    )


def test_a_focal_point_plans_an_action_for_its_ministry(api_client, personas, assigned):
    api_client.force_authenticate(personas.focal_point)
    response = add(api_client, assigned["140.7"])
    assert response.status_code == 201, response.json()
    action = PlannedAction.objects.get()
    assert action.entity.name == "Ministry of Justice"
    assert (str(action.start), str(action.due)) == ("2025-09-01", "2026-06-30")
    assert action.created_by == personas.focal_point
    listed = api_client.get(reverse("api-planned-actions", args=[assigned["140.7"].pk]))
    assert [a["indicator"] for a in listed.json()] == [ACTION["indicator"]]


def test_a_focal_point_cannot_plan_for_another_body(api_client, personas, assigned):
    labour = Entity.objects.get(name__startswith="Ministry of Labour")
    api_client.force_authenticate(personas.focal_point)
    response = add(api_client, assigned["140.7"], entity=labour.pk)
    assert response.status_code == 403
    assert not PlannedAction.objects.exists()


def test_the_secretariat_plans_only_for_a_responsible_body(
    api_client, personas, assigned
):
    labour = Entity.objects.get(name__startswith="Ministry of Labour")
    api_client.force_authenticate(personas.drafter)
    refused = add(api_client, assigned["140.7"], entity=labour.pk)
    assert refused.status_code == 400
    assert "assign it first" in refused.json()["detail"]
    accepted = add(api_client, assigned["140.11"], entity=labour.pk)
    assert accepted.status_code == 201


def test_an_action_due_before_it_starts_is_refused(api_client, personas, assigned):
    api_client.force_authenticate(personas.focal_point)
    response = add(api_client, assigned["140.7"], start="2026-01-01", due="2025-01-01")
    assert response.status_code == 400


def test_its_body_updates_and_removes_it_and_others_cannot(
    api_client, personas, assigned
):
    api_client.force_authenticate(personas.focal_point)
    created = add(api_client, assigned["140.7"]).json()
    url = reverse("api-planned-action", args=[created["id"]])
    response = api_client.patch(url, {"status": "under_way"}, format="json")
    assert response.status_code == 200, response.json()
    assert PlannedAction.objects.get().status == "under_way"
    api_client.force_authenticate(personas.validator)
    assert api_client.delete(url).status_code == 403
    api_client.force_authenticate(personas.other_focal_point)
    assert api_client.delete(url).status_code == 404
    api_client.force_authenticate(personas.focal_point)
    assert api_client.delete(url).status_code == 204
    assert not PlannedAction.objects.exists()
