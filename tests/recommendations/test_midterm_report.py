"""do_create_midterm_report: Slovenia's voluntary mid-term report, by theme."""

import pytest
from django.urls import reverse

from drafting.models import Report
from recommendations.actions import do_create_midterm_report
from recommendations.actions.answering import theme_sections
from recommendations.models import Recommendation
from reportdesk.errors import DomainError, NotAllowed

pytestmark = pytest.mark.django_db


@pytest.fixture
def midterm(slovenia_cycle, personas):
    return do_create_midterm_report(
        personas.coordinator, state="Slovenia", state_code="SVN", slug="svn-upr4-mtr"
    )


def test_there_is_one_section_per_theme_under_the_themes_chapter(midterm):
    sections = theme_sections(midterm)
    assert len(sections) == 43
    assert sections[0].heading == (
        "Ratification of & accession to international instruments"
    )
    assert {s.parent.key for s in sections} == {"mtr.themes"}
    assert midterm.skeleton.key == "upr-midterm-report"


def test_every_recommendation_is_linked_to_its_theme_section(midterm):
    rows = Recommendation.objects.filter(state="Slovenia")
    for row in rows.select_related("main_theme").prefetch_related("sections"):
        linked = [s for s in row.sections.all() if s.report_id == midterm.pk]
        assert [s.heading for s in linked] == [row.main_theme.name], row.number
    linked_total = sum(len(s.recommendations.all()) for s in theme_sections(midterm))
    assert linked_total == 254


def test_a_theme_section_names_its_recommendations_as_guidance(midterm):
    first = theme_sections(midterm)[0]
    assert first.guidance.startswith("Recommendations 140.1, 140.2, 140.3")


def test_only_the_coordinator_creates_it(slovenia_cycle, personas):
    with pytest.raises(NotAllowed):
        do_create_midterm_report(
            personas.drafter, state="Slovenia", state_code="SVN", slug="svn-mtr"
        )
    assert not Report.objects.filter(slug="svn-mtr").exists()


def test_without_imported_recommendations_it_says_what_to_import(personas):
    with pytest.raises(DomainError, match="import the Working Group report"):
        do_create_midterm_report(
            personas.coordinator, state="Slovenia", state_code="SVN", slug="svn-mtr"
        )
    assert not Report.objects.filter(slug="svn-mtr").exists()


def test_the_api_creates_it(api_client, slovenia_cycle, personas):
    api_client.force_authenticate(personas.coordinator)
    response = api_client.post(
        reverse("api-midterm-reports"),
        {"state": "Slovenia", "state_code": "SVN", "slug": "svn-upr4-mtr"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    report = Report.objects.get(slug="svn-upr4-mtr")
    assert len(theme_sections(report)) == 43
    again = api_client.post(
        reverse("api-midterm-reports"),
        {"state": "Slovenia", "state_code": "SVN", "slug": "svn-upr4-mtr"},
        format="json",
    )
    assert again.status_code == 400
