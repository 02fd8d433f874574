"""implementation_matrix(report): the annex table for the Word export."""

import pytest

from recommendations.actions import do_create_midterm_report
from recommendations.export import implementation_matrix
from recommendations.models import Recommendation
from templates_docx.model import AnnexTable

pytestmark = pytest.mark.django_db


@pytest.fixture
def midterm(assigned, personas):
    return do_create_midterm_report(
        personas.coordinator, state="Slovenia", state_code="SVN", slug="svn-upr4-mtr"
    )


def test_it_has_a_row_for_each_of_the_254_recommendations(midterm):
    table = implementation_matrix(midterm)
    assert isinstance(table, AnnexTable)
    assert table.title == "Implementation matrix"
    assert table.header == (
        "Recommendation",
        "Text",
        "Recommending States",
        "Position",
        "Responsible bodies",
        "Implementation status",
        "Answered in",
    )
    assert len(table.rows) == 254
    assert [row[0] for row in table.rows[:3]] == ["140.1", "140.2", "140.3"]
    assert all(isinstance(cell, str) for row in table.rows for cell in row)


def test_a_row_shows_states_position_bodies_status_and_section(midterm):
    Recommendation.objects.filter(number="140.7").update(status="in_progress")
    rows = {row[0]: row for row in implementation_matrix(midterm).rows}
    assert rows["140.7"][2:] == (
        "Maldives, Portugal",
        "Supported",
        "Ministry of Justice",
        "In progress",
        "Ratification of & accession to international instruments",
    )
    assert rows["140.1"][3] == "Noted"
    assert rows["140.1"][4] == "—"


def test_a_report_that_answers_no_recommendation_has_no_matrix(report):
    assert implementation_matrix(report) is None
