"""GET /api/recommendations/groups/ and /api/recommendations/progress/."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db
GROUPS = reverse("api-recommendations-groups")


def by_label(response) -> dict:
    return {group["label"]: group for group in response.json()}


def test_grouped_by_theme_with_positions(api_client, personas, slovenia_cycle):
    api_client.force_authenticate(personas.drafter)
    groups = by_label(api_client.get(GROUPS, {"by": "theme"}))
    assert groups["Equality & non-discrimination"]["total"] == 42
    assert groups["Right to education"]["total"] == 33
    first = api_client.get(GROUPS, {"by": "theme"}).json()[0]
    assert first["label"] == "Equality & non-discrimination"


def test_grouped_by_goal_in_goal_order(api_client, personas, slovenia_cycle):
    api_client.force_authenticate(personas.drafter)
    groups = api_client.get(GROUPS, {"by": "sdg"}).json()
    assert [g["label"] for g in groups] == [
        "1", "2", "3", "4", "5", "6", "7", "8", "10", "11", "13", "16",
    ]  # fmt: skip
    assert groups[-1]["total"] == 94


def test_grouped_by_group_of_persons(api_client, personas, slovenia_cycle):
    api_client.force_authenticate(personas.drafter)
    groups = by_label(api_client.get(GROUPS, {"by": "group"}))
    # Every recommendation names its groups; 140.89 alone leaves out
    # public officials.
    assert groups["Public officials"]["total"] == 253
    assert groups["Law enforcement / police & prison officials"]["total"] == 25
    assert "None given" not in groups


def test_grouped_by_responsible_body_with_the_unassigned_last(
    api_client, personas, assigned
):
    api_client.force_authenticate(personas.drafter)
    groups = api_client.get(GROUPS, {"by": "entity"}).json()
    assert [(g["label"], g["total"]) for g in groups] == [
        ("Ministry of Justice", 2),
        ("Ministry of Labour, Family, Social Affairs and Equal Opportunities", 1),
        ("None given", 251),
    ]


def test_a_ministry_groups_only_its_own(api_client, personas, assigned):
    api_client.force_authenticate(personas.focal_point)
    groups = api_client.get(GROUPS, {"by": "entity"}).json()
    assert [(g["label"], g["total"]) for g in groups] == [("Ministry of Justice", 2)]


def test_an_unknown_grouping_is_refused(api_client, personas):
    api_client.force_authenticate(personas.drafter)
    assert api_client.get(GROUPS, {"by": "colour"}).status_code == 400


def test_progress_across_ministries_is_the_secretariats(api_client, personas, assigned):
    from recommendations.models import Recommendation

    Recommendation.objects.filter(number="140.7").update(status="implemented")
    Recommendation.objects.filter(number="140.8").update(status="partial")
    api_client.force_authenticate(personas.coordinator)
    progress = by_label(api_client.get(reverse("api-recommendations-progress")))
    justice = progress["Ministry of Justice"]
    assert justice["by_status"] == {"implemented": 1, "partial": 1}
    assert justice["implemented_share"] == 75
    api_client.force_authenticate(personas.focal_point)
    assert api_client.get(reverse("api-recommendations-progress")).status_code == 403
