"""PATCH /api/recommendations/{id}/: the implementation status."""

import pytest
from django.urls import reverse

from recommendations.models import Recommendation

pytestmark = pytest.mark.django_db


def patch(api_client, recommendation, **data):
    return api_client.patch(
        reverse("api-recommendation", args=[recommendation.pk]), data, format="json"
    )


def test_the_responsible_focal_point_updates_the_status(api_client, personas, assigned):
    api_client.force_authenticate(personas.focal_point)
    response = patch(
        api_client,
        assigned["140.7"],
        status="in_progress",
        status_note="The draft ratification act is with the Government.",
        base_version=1,
    )
    assert response.status_code == 200, response.json()
    row = Recommendation.objects.get(pk=assigned["140.7"].pk)
    assert (row.status, row.version, row.status_updated_by) == (
        "in_progress",
        2,
        personas.focal_point,
    )
    assert row.status_note.startswith("The draft ratification act")


def test_a_stale_update_is_refused_and_overwrites_nothing(
    api_client, personas, assigned
):
    api_client.force_authenticate(personas.focal_point)
    patch(api_client, assigned["140.7"], status="in_progress", base_version=1)
    api_client.force_authenticate(personas.drafter)
    stale = patch(api_client, assigned["140.7"], status="implemented", base_version=1)
    assert stale.status_code == 409
    assert stale.json()["current_version"] == 2
    assert Recommendation.objects.get(pk=assigned["140.7"].pk).status == "in_progress"


def test_another_ministry_cannot_reach_it(api_client, personas, assigned):
    api_client.force_authenticate(personas.other_focal_point)
    response = patch(
        api_client, assigned["140.7"], status="implemented", base_version=1
    )
    assert response.status_code == 404


def test_a_validator_may_not_change_the_status(api_client, personas, assigned):
    api_client.force_authenticate(personas.validator)
    response = patch(
        api_client, assigned["140.7"], status="implemented", base_version=1
    )
    assert response.status_code == 403
    assert Recommendation.objects.get(pk=assigned["140.7"].pk).status == "not_started"


def test_an_unknown_status_is_refused(api_client, personas, assigned):
    api_client.force_authenticate(personas.drafter)
    response = patch(api_client, assigned["140.7"], status="done", base_version=1)
    assert response.status_code == 400
