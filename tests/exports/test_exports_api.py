"""The exports API: list, export, compare, download."""

from __future__ import annotations

import hashlib

import pytest
from django.urls import reverse

from drafting.actions import do_freeze_version, do_update_section_text
from exports.models import Export

pytestmark = pytest.mark.django_db


def test_a_drafter_exports_and_downloads_the_stored_file(api_client, personas, report):
    api_client.force_authenticate(personas.drafter)

    created = api_client.post(
        reverse("api-report-exports", args=[report.slug]), {}, format="json"
    )

    assert created.status_code == 201
    body = created.json()
    assert body["version"] == 1 and body["kind"] == "report"
    download = api_client.get(body["download"])
    assert download.status_code == 200
    assert hashlib.sha256(download.content).hexdigest() == body["sha256"]
    assert download["X-Content-SHA256"] == body["sha256"]
    assert 'filename="A_HRC_WG.6_48_SVN_1-v1.docx"' in download["Content-Disposition"]
    listed = api_client.get(reverse("api-report-exports", args=[report.slug])).json()
    assert [item["id"] for item in listed] == [body["id"]]


def test_a_redline_is_made_from_two_version_numbers(api_client, personas, report):
    do_freeze_version(personas.drafter, report)
    section = report.sections.get(key="upr.A")
    do_update_section_text(
        personas.drafter,
        section,
        text=section.text.replace("autumn 2023", "September 2023"),
        base_version=section.version,
    )
    do_freeze_version(personas.drafter, report)
    api_client.force_authenticate(personas.focal_point)

    versions = api_client.get(reverse("api-report-versions", args=[report.slug]))
    created = api_client.post(
        reverse("api-report-redlines", args=[report.slug]),
        {"base": 1, "target": 2},
        format="json",
    )

    assert [v["number"] for v in versions.json()] == [1, 2]
    assert created.status_code == 201
    assert created.json()["kind"] == "redline"
    assert (created.json()["base_version"], created.json()["version"]) == (1, 2)
    assert Export.objects.get().created_by == personas.focal_point


def test_an_unknown_version_number_is_explained(api_client, personas, report):
    do_freeze_version(personas.drafter, report)
    api_client.force_authenticate(personas.drafter)

    response = api_client.post(
        reverse("api-report-redlines", args=[report.slug]),
        {"base": 1, "target": 9},
        format="json",
    )

    assert response.status_code == 400
    assert response.json()["detail"] == "This report has no version 9."


@pytest.mark.parametrize("persona", ["nhri_reviewer", "cso_reviewer", "outsider"])
def test_a_stored_export_is_refused_to_people_outside_government(
    api_client, personas, report, persona
):
    api_client.force_authenticate(personas.drafter)
    body = api_client.post(
        reverse("api-report-exports", args=[report.slug]), {}, format="json"
    ).json()
    api_client.force_authenticate(getattr(personas, persona))

    assert api_client.get(body["download"]).status_code == 403
    listing = api_client.get(reverse("api-report-exports", args=[report.slug]))
    assert listing.status_code == 404


def test_anonymous_visitors_are_asked_to_sign_in(api_client, report):
    response = api_client.get(reverse("api-report-exports", args=[report.slug]))

    assert response.status_code in (401, 403)
