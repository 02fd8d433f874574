"""GET /api/recommendations/ and /api/recommendations/{id}/: who sees what."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db
LIST = reverse("api-recommendations")


def numbers(response) -> list[str]:
    return [row["number"] for row in response.json()["results"]]


@pytest.mark.parametrize("persona", ["coordinator", "drafter"])
def test_the_secretariat_sees_every_recommendation(
    api_client, personas, assigned, persona
):
    api_client.force_authenticate(getattr(personas, persona))
    response = api_client.get(LIST, {"limit": 300})
    assert response.json()["count"] == 254


def test_a_ministry_sees_only_what_is_assigned_to_it(api_client, personas, assigned):
    api_client.force_authenticate(personas.focal_point)
    assert numbers(api_client.get(LIST)) == ["140.7", "140.8"]
    api_client.force_authenticate(personas.other_focal_point)
    assert numbers(api_client.get(LIST)) == ["140.11"]
    other = assigned["140.11"].pk
    api_client.force_authenticate(personas.focal_point)
    assert (
        api_client.get(reverse("api-recommendation", args=[other])).status_code == 404
    )


@pytest.mark.parametrize("persona", ["nhri_reviewer", "cso_reviewer", "outsider"])
def test_reviewers_and_outsiders_see_nothing(api_client, personas, assigned, persona):
    api_client.force_authenticate(getattr(personas, persona))
    assert api_client.get(LIST).json()["count"] == 0
    detail = reverse("api-recommendation", args=[assigned["140.7"].pk])
    assert api_client.get(detail).status_code == 404


def test_a_recommendation_answers_with_everything_it_keeps(
    api_client, personas, assigned
):
    api_client.force_authenticate(personas.drafter)
    body = api_client.get(reverse("api-recommendation", args=[assigned["140.7"].pk]))
    data = body.json()
    assert data["label"] == "140.7"
    assert data["recommending_states"] == ["Maldives", "Portugal"]
    assert data["position"] == "supported"
    assert data["position_source"] == "A/HRC/59/15/Add.1, para. 3"
    assert data["sdgs"] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert data["groups"] == ["Public officials"]
    assert data["responsible_entities"][0]["name"] == "Ministry of Justice"
    assert data["status"] == "not_started"
    assert data["abilities"] == {
        "view": True,
        "track": True,
        "edit": True,
        "assign": True,
        "link_sections": True,
    }


def test_a_validator_of_the_ministry_reads_but_does_not_track(
    api_client, personas, assigned
):
    api_client.force_authenticate(personas.validator)
    data = api_client.get(
        reverse("api-recommendation", args=[assigned["140.7"].pk])
    ).json()
    assert data["abilities"]["view"] is True
    assert data["abilities"]["track"] is False


def test_the_list_filters_by_theme_goal_position_and_words(
    api_client, personas, assigned
):
    from recommendations.models import Theme

    api_client.force_authenticate(personas.drafter)
    theme = Theme.objects.get(name="Right to education")
    assert api_client.get(LIST, {"theme": theme.pk}).json()["count"] == 33
    assert api_client.get(LIST, {"sdg": 16}).json()["count"] == 94
    assert api_client.get(LIST, {"position": "noted"}).json()["count"] == 37
    assert numbers(api_client.get(LIST, {"q": "Optional Protocol Cultural"})) == [
        "140.7",
        "140.8",
        "140.9",
        "140.10",
    ]
    assert api_client.get(LIST, {"sdg": "x", "theme": "drop"}).json()["count"] == 254


def test_the_list_takes_a_fixed_number_of_queries(
    api_client, personas, assigned, django_assert_max_num_queries
):
    api_client.force_authenticate(personas.drafter)
    with django_assert_max_num_queries(16):
        api_client.get(LIST, {"limit": 100})
