"""Reshaping a report's sections never loses text."""

import pytest
from django.urls import reverse

from drafting.models import Section

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(api_client, personas):
    api_client.force_authenticate(personas.coordinator)
    return api_client


def _order(report):
    from drafting.actions import ordered_sections

    return [(s.heading, depth) for s, depth in ordered_sections(report)]


def test_a_section_is_added_under_a_parent(coordinator, report):
    parent = report.sections.get(key="upr.D")
    response = coordinator.post(
        reverse("api-report-section-add", args=[report.slug]),
        {"heading": "Roma community", "parent_section": parent.pk},
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert ("Roma community", 2) in _order(report)


def test_a_section_moves_with_its_parts(coordinator, report):
    section = report.sections.get(key="upr.G")
    response = coordinator.patch(
        reverse("api-section-structure", args=[section.pk]),
        {"position": 0, "base_version": section.version},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert _order(report)[0] == (
        "Expectations for capacity-building and technical assistance",
        1,
    )
    positions = sorted(
        report.sections.filter(parent=None).values_list("position", flat=True)
    )
    assert positions == list(range(7))


def test_a_section_cannot_be_moved_inside_itself(coordinator, report):
    parent = report.sections.get(key="upr.D")
    child = Section.objects.create(
        report=report, parent=parent, position=0, heading="Child"
    )
    response = coordinator.patch(
        reverse("api-section-structure", args=[parent.pk]),
        {"parent_section": child.pk, "base_version": 1},
        format="json",
    )
    assert response.status_code == 400
    assert "inside itself" in response.json()["detail"]


def test_splitting_moves_the_later_paragraphs_into_a_new_section(coordinator, report):
    intro = report.sections.get(key="upr.A")
    response = coordinator.post(
        reverse("api-section-split", args=[intro.pk]),
        {"at_block": 1, "heading": "Consultation", "base_version": intro.version},
        format="json",
    )
    assert response.status_code == 201, response.json()
    intro.refresh_from_db()
    new = Section.objects.get(pk=response.json()["id"])
    assert intro.text.startswith("Slovenia’s preparations") and "NGOs" not in intro.text
    assert new.text.startswith("During the drafting of the report, the NGOs")
    assert _order(report)[:2] == [
        ("Methodology and broad national consultation process", 1),
        ("Consultation", 1),
    ]


def test_removing_a_section_keeps_its_text_in_the_section_before(coordinator, report):
    section = report.sections.get(key="upr.B")
    section.text = "Text that must survive."
    section.save()
    response = coordinator.delete(reverse("api-section-structure", args=[section.pk]))
    assert response.status_code == 200
    intro = report.sections.get(key="upr.A")
    assert response.json()["text_moved_to"] == intro.pk
    assert intro.text.endswith("Text that must survive.")
    assert not report.sections.filter(key="upr.B").exists()


def test_the_first_section_with_text_cannot_be_removed(coordinator, report):
    intro = report.sections.get(key="upr.A")
    response = coordinator.delete(reverse("api-section-structure", args=[intro.pk]))
    assert response.status_code == 400
    assert report.sections.filter(pk=intro.pk).exists()


@pytest.mark.parametrize("persona", ["drafter", "focal_point"])
def test_only_the_coordinator_reshapes_the_report(
    api_client, personas, report, persona
):
    api_client.force_authenticate(getattr(personas, persona))
    section = report.sections.get(key="upr.B")
    response = api_client.delete(reverse("api-section-structure", args=[section.pk]))
    assert response.status_code == 403
    assert report.sections.filter(pk=section.pk).exists()
