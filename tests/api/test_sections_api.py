import pytest
from django.urls import reverse

from drafting.models import Section

pytestmark = pytest.mark.django_db


def _intro(report) -> Section:
    return report.sections.get(key="upr.A")


@pytest.mark.parametrize("persona", ["coordinator", "drafter"])
def test_the_secretariat_edits_section_text(api_client, personas, report, persona):
    api_client.force_authenticate(getattr(personas, persona))
    section = _intro(report)
    response = api_client.patch(
        reverse("api-section", args=[section.pk]),
        {"text": "New text.", "base_version": section.version},
        format="json",
    )
    assert response.status_code == 200, response.json()
    section.refresh_from_db()
    assert (section.text, section.version) == ("New text.", 2)


@pytest.mark.parametrize("persona", ["focal_point", "validator"])
def test_ministries_read_but_do_not_edit_the_draft(
    api_client, personas, report, persona
):
    api_client.force_authenticate(getattr(personas, persona))
    section = _intro(report)
    url = reverse("api-section", args=[section.pk])
    assert api_client.get(url).json()["abilities"]["edit"] is False
    response = api_client.patch(url, {"text": "x", "base_version": 1}, format="json")
    assert response.status_code == 403
    section.refresh_from_db()
    assert section.text.startswith("Slovenia’s preparations")


def test_a_stale_write_is_refused_and_nothing_is_overwritten(
    api_client, personas, report
):
    api_client.force_authenticate(personas.drafter)
    section = _intro(report)
    url = reverse("api-section", args=[section.pk])
    first = api_client.patch(url, {"text": "First.", "base_version": 1}, format="json")
    assert first.status_code == 200
    second = api_client.patch(
        url, {"text": "Second.", "base_version": 1}, format="json"
    )
    assert second.status_code == 409
    assert second.json() == {
        "error": "stale",
        "detail": second.json()["detail"],
        "current_version": 2,
    }
    assert "Reload" in second.json()["detail"]
    section.refresh_from_db()
    assert section.text == "First."


def test_characters_word_cannot_hold_are_removed_and_counted(
    api_client, personas, report
):
    api_client.force_authenticate(personas.drafter)
    section = _intro(report)
    response = api_client.patch(
        reverse("api-section", args=[section.pk]),
        {"text": "Bell\x07, tab\x0b and null\x00 gone.", "base_version": 1},
        format="json",
    )
    assert response.json()["removed_characters"] == 3
    section.refresh_from_db()
    assert section.text == "Bell, tab and null gone."


def test_a_missing_base_version_says_what_is_missing(api_client, personas, report):
    api_client.force_authenticate(personas.drafter)
    response = api_client.patch(
        reverse("api-section", args=[_intro(report).pk]), {"text": "x"}, format="json"
    )
    assert response.status_code == 400
    assert "base_version" in response.json()["fields"]
