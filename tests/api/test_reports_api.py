import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

GOVERNMENT = ["coordinator", "drafter", "focal_point", "validator"]
NOT_GOVERNMENT = ["nhri_reviewer", "cso_reviewer", "outsider"]


def test_anonymous_users_read_nothing(api_client, report):
    for url in (
        reverse("api-reports"),
        reverse("api-report", args=[report.slug]),
        reverse("api-report-sections", args=[report.slug]),
        reverse("api-skeletons"),
    ):
        assert api_client.get(url).status_code in {401, 403}


@pytest.mark.parametrize("persona", GOVERNMENT)
def test_government_members_see_the_report(api_client, personas, report, persona):
    api_client.force_authenticate(getattr(personas, persona))
    listed = api_client.get(reverse("api-reports")).json()["results"]
    assert [item["slug"] for item in listed] == [report.slug]
    sections = api_client.get(reverse("api-report-sections", args=[report.slug])).json()
    assert [s["key"] for s in sections][:2] == ["upr.A", "upr.B"]
    assert sections[0]["word_count"] == 33  # 11 + 22, counted by hand


@pytest.mark.parametrize("persona", NOT_GOVERNMENT)
def test_reviewers_and_outsiders_cannot_reach_internal_drafts(
    api_client, personas, report, persona
):
    api_client.force_authenticate(getattr(personas, persona))
    assert api_client.get(reverse("api-reports")).json()["results"] == []
    assert api_client.get(reverse("api-report", args=[report.slug])).status_code == 404
    section = report.sections.first()
    assert api_client.get(reverse("api-section", args=[section.pk])).status_code == 404
    assert (
        api_client.get(reverse("api-report-export", args=[report.slug])).status_code
        == 404
    )


def test_the_coordinator_creates_a_report_from_a_skeleton(api_client, personas):
    api_client.force_authenticate(personas.coordinator)
    response = api_client.post(
        reverse("api-reports"),
        {
            "slug": "bra-upr5",
            "skeleton": "upr-national-report",
            "state": "Brazil",
            "state_code": "bra",
            "symbol": "A/HRC/WG.6/55/BRA/1",
            "language": "en",
            "title": "",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["state_code"], body["word_limit"], body["mechanism"]) == (
        "BRA",
        10700,
        "UPR",
    )
    sections = api_client.get(reverse("api-report-sections", args=["bra-upr5"])).json()
    assert len(sections) == 7  # the optional annex is left out until asked for


@pytest.mark.parametrize("persona", ["drafter", "focal_point", "cso_reviewer"])
def test_only_the_coordinator_creates_reports(api_client, personas, persona):
    api_client.force_authenticate(getattr(personas, persona))
    response = api_client.post(
        reverse("api-reports"),
        {
            "slug": "x",
            "skeleton": "upr-national-report",
            "state": "Brazil",
            "state_code": "BRA",
        },
        format="json",
    )
    assert response.status_code == 403
    assert response.json()["error"] == "not_allowed"


def test_a_taken_short_name_is_refused_with_a_reason(api_client, personas, report):
    api_client.force_authenticate(personas.coordinator)
    response = api_client.post(
        reverse("api-reports"),
        {
            "slug": report.slug,
            "skeleton": "upr-national-report",
            "state": "Slovenia",
            "state_code": "SVN",
        },
        format="json",
    )
    assert response.status_code == 400
