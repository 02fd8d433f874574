"""Coverage: which recommendations a report answers, and where."""

import pytest
from django.urls import reverse

from recommendations.actions import do_create_midterm_report, do_link_sections
from recommendations.answering import coverage
from recommendations.models import Recommendation
from reportdesk.errors import NotAllowed

pytestmark = pytest.mark.django_db


@pytest.fixture
def midterm(slovenia_cycle, personas):
    return do_create_midterm_report(
        personas.coordinator, state="Slovenia", state_code="SVN", slug="svn-upr4-mtr"
    )


def test_the_midterm_report_answers_all_254(midterm):
    rows = coverage(midterm)
    assert len(rows) == 254
    assert all(row.answered for row in rows)
    assert rows[0].recommendation.number == "140.1"
    assert rows[0].sections[0].heading.startswith("Ratification")


def test_a_report_not_yet_linked_shows_every_recommendation_open(
    report, slovenia_cycle
):
    rows = coverage(report)
    assert len(rows) == 254
    assert not [row for row in rows if row.answered]


def test_linking_a_section_answers_the_recommendation(report, slovenia_cycle, personas):
    section = report.sections.get(key="upr.B")
    row = Recommendation.objects.get(number="140.33")
    do_link_sections(personas.drafter, row, [section])
    answered = [r for r in coverage(report) if r.answered]
    assert [(r.recommendation.number, r.sections) for r in answered] == [
        ("140.33", [section])
    ]


def test_a_ministry_cannot_link_sections(report, slovenia_cycle, personas):
    row = Recommendation.objects.get(number="140.33")
    with pytest.raises(NotAllowed):
        do_link_sections(personas.focal_point, row, [report.sections.get(key="upr.B")])
    assert not row.sections.exists()


def test_the_api_lists_coverage_for_government_only(api_client, midterm, personas):
    url = reverse("api-report-recommendations", args=[midterm.slug])
    api_client.force_authenticate(personas.focal_point)
    rows = api_client.get(url).json()
    assert len(rows) == 254
    assert rows[0]["label"] == "140.1"
    assert rows[0]["answered"] is True
    assert "status" not in rows[0]
    api_client.force_authenticate(personas.cso_reviewer)
    assert api_client.get(url).status_code == 404


def test_the_api_links_sections_for_the_secretariat(
    api_client, report, slovenia_cycle, personas
):
    row = Recommendation.objects.get(number="140.33")
    section = report.sections.get(key="upr.B")
    api_client.force_authenticate(personas.drafter)
    response = api_client.put(
        reverse("api-recommendation-sections", args=[row.pk]),
        {"sections": [section.pk]},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["sections"] == [section.pk]


def test_the_coverage_page_shows_what_is_answered_and_what_is_not(
    client, report, slovenia_cycle, personas
):
    do_link_sections(
        personas.drafter,
        Recommendation.objects.get(number="140.33"),
        [report.sections.get(key="upr.B")],
    )
    client.force_login(personas.drafter)
    page = client.get(reverse("report-coverage", args=[report.slug])).content.decode()
    assert "1 of 254 recommendations answered" in page
    assert "253 not answered yet" in page
    client.force_login(personas.outsider)
    assert client.get(reverse("report-coverage", args=[report.slug])).status_code == 404
