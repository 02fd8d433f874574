"""The implementation plan as XLSX, from the API and the page."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from recommendations.actions import do_add_planned_action
from recommendations.models import Recommendation

pytestmark = pytest.mark.django_db


def sheets(content: bytes):
    book = load_workbook(io.BytesIO(content))
    return [list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets]


def test_the_secretariat_exports_every_recommendation_and_action(
    api_client, personas, assigned
):
    do_add_planned_action(
        personas.focal_point,
        assigned["140.7"],
        description="Submit the ratification act to the National Assembly.",
        indicator="Act adopted",
    )
    api_client.force_authenticate(personas.drafter)
    response = api_client.get(reverse("api-recommendations-plan"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    recommendations, actions = sheets(response.content)
    assert len(recommendations) == 255
    assert recommendations[0][:2] == ("Recommendation", "Mechanism")
    first = next(row for row in recommendations if row[0] == "140.7")
    assert first[4] == "Maldives, Portugal"
    assert first[10] == "Ministry of Justice"
    assert actions[1][:3] == (
        "140.7",
        "Ministry of Justice",
        "Submit the ratification act to the National Assembly.",
    )


def test_a_ministry_exports_only_its_own(client, personas, assigned):
    client.force_login(personas.other_focal_point)
    response = client.get(reverse("recommendation-plan"))
    recommendations, _actions = sheets(response.content)
    assert [row[0] for row in recommendations[1:]] == ["140.11"]


def test_text_that_looks_like_a_formula_stays_text(api_client, personas, assigned):
    Recommendation.objects.filter(number="140.7").update(
        status_note='=HYPERLINK("http://example.invalid","x")'
    )
    api_client.force_authenticate(personas.drafter)
    response = api_client.get(reverse("api-recommendations-plan"), {"q": "Optional"})
    book = load_workbook(io.BytesIO(response.content))
    cells = [c for row in book.worksheets[0].iter_rows() for c in row]
    note = next(c for c in cells if str(c.value).startswith("=HYPERLINK"))
    assert note.data_type == "s"


def test_outsiders_get_an_empty_plan(api_client, personas, assigned):
    api_client.force_authenticate(personas.outsider)
    recommendations, actions = sheets(
        api_client.get(reverse("api-recommendations-plan")).content
    )
    assert len(recommendations) == 1
    assert len(actions) == 1
