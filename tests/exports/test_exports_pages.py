"""The exports page: export, compare two versions, download, see warnings."""

from __future__ import annotations

import pytest
from django.urls import reverse

from drafting.actions import do_freeze_version
from exports.models import Export

pytestmark = pytest.mark.django_db


def test_the_page_exports_and_lists_the_file_with_its_digest(client, personas, report):
    client.force_login(personas.drafter)

    response = client.post(reverse("report-export-create", args=[report.slug]))

    assert response.status_code == 302
    export = Export.objects.get()
    page = client.get(reverse("report-exports", args=[report.slug])).content.decode()
    assert export.filename in page
    assert export.sha256[:12] in page
    assert reverse("export-download", args=[export.pk]) in page
    download = client.get(reverse("export-download", args=[export.pk]))
    assert download.status_code == 200
    assert bytes(download.content) == bytes(export.content)


def test_the_page_shows_the_warning_of_removed_characters(client, personas, report):
    report.title = "National report\x07"
    report.save()
    client.force_login(personas.drafter)

    response = client.post(
        reverse("report-export-create", args=[report.slug]), follow=True
    )

    assert "1 control character that Word cannot store was removed" in (
        response.content.decode()
    )


def test_the_page_offers_two_versions_to_compare(client, personas, report):
    do_freeze_version(personas.drafter, report, label="Shown to civil society")
    do_freeze_version(personas.drafter, report, label="Final")
    client.force_login(personas.focal_point)

    page = client.get(reverse("report-exports", args=[report.slug])).content.decode()
    response = client.post(
        reverse("report-redline-create", args=[report.slug]),
        {"base": "1", "target": "2"},
    )

    assert "Shown to civil society" in page and 'name="target"' in page
    assert response.status_code == 302
    assert Export.objects.get().kind == Export.Kind.REDLINE


def test_the_internal_draft_is_offered_and_made(client, personas, report):
    client.force_login(personas.drafter)

    client.post(reverse("report-export-create", args=[report.slug]), {"internal": "1"})

    assert Export.objects.get().family == "internal_draft"


@pytest.mark.parametrize("persona", ["nhri_reviewer", "cso_reviewer", "outsider"])
def test_people_outside_government_get_not_found(client, personas, report, persona):
    client.force_login(getattr(personas, persona))

    response = client.get(reverse("report-exports", args=[report.slug]))

    assert response.status_code == 404
