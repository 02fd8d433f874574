"""Building a report through the API: from a document, by carry-over, by hand."""

import pytest
from django.urls import reverse

from drafting.models import Obligation, Report, Section
from tests.conftest import DATA

pytestmark = pytest.mark.django_db

CO = (
    DATA / "cerd_brazil" / "CERD_C_BRA_CO_18-20_concluding_observations.txt"
).read_text(encoding="utf-8")


def _create(api_client, **fields):
    return api_client.post(reverse("api-reports"), fields, format="json")


def test_a_follow_up_report_is_built_from_the_concluding_observations(
    api_client, personas
):
    api_client.force_authenticate(personas.coordinator)
    response = _create(
        api_client,
        slug="bra-fu",
        skeleton="treaty-follow-up-report",
        mechanism="CERD",
        state="Brazil",
        state_code="BRA",
        symbol="CERD/C/BRA/FCO/18-20",
        document_text=CO,
    )
    assert response.status_code == 201, response.json()
    report = Report.objects.get(slug="bra-fu")
    assert report.mechanism == "CERD"
    assert report.organ.startswith("International Convention on the Elimination")
    assert report.body_lines == [
        "Committee on the Elimination of Racial Discrimination"
    ]
    assert "Brazil" in report.title
    holder = report.sections.get(key="fu.items")
    assert list(holder.children.values_list("heading", flat=True)) == [
        "Information relating to paragraph 17 (a)",
        "Information relating to paragraph 19 (c)",
        "Information relating to paragraph 23 (a)",
        "Information relating to paragraph 36 (a)–(d)",
    ]
    follow_up = Obligation.objects.get(kind="follow_up")
    assert (follow_up.report, follow_up.source_symbol) == (
        report,
        "CERD/C/BRA/CO/18-20",
    )


def test_the_structure_can_be_previewed_before_anything_is_created(
    api_client, personas
):
    api_client.force_authenticate(personas.coordinator)
    response = api_client.post(
        reverse("api-report-plan"),
        {"skeleton": "treaty-follow-up-report", "text": CO},
        format="json",
    )
    assert response.status_code == 200
    assert len(response.json()["sections"]) == 4
    assert not Report.objects.exists()


def test_a_committee_document_can_be_uploaded_as_a_text_file(api_client, personas):
    from django.core.files.uploadedfile import SimpleUploadedFile

    api_client.force_authenticate(personas.drafter)
    upload = SimpleUploadedFile("co.txt", CO.encode("utf-8"), content_type="text/plain")
    response = api_client.post(
        reverse("api-read-document"), {"file": upload}, format="multipart"
    )
    assert response.status_code == 200
    body = response.json()
    assert body["symbol"] == "CERD/C/BRA/CO/18-20"
    assert len([p for p in body["paragraphs"] if p["number"]]) == 70


def test_a_file_that_is_not_text_is_refused_with_what_to_do(api_client, personas):
    from django.core.files.uploadedfile import SimpleUploadedFile

    api_client.force_authenticate(personas.drafter)
    upload = SimpleUploadedFile(
        "co.pdf", b"%PDF-1.7\n\xff\xfe\x00binary", content_type="application/pdf"
    )
    response = api_client.post(
        reverse("api-read-document"), {"file": upload}, format="multipart"
    )
    assert response.status_code == 400
    assert "UTF-8" in str(response.json())


@pytest.mark.parametrize("persona", ["cso_reviewer", "outsider"])
def test_people_outside_government_cannot_use_the_reader(api_client, personas, persona):
    api_client.force_authenticate(getattr(personas, persona))
    response = api_client.post(
        reverse("api-read-document"), {"text": CO}, format="json"
    )
    assert response.status_code == 403


def test_a_new_report_carries_text_over_from_the_previous_one(
    api_client, personas, report
):
    api_client.force_authenticate(personas.coordinator)
    response = _create(
        api_client,
        slug="svn-upr5",
        skeleton="upr-national-report",
        state="Slovenia",
        state_code="SVN",
        carry_over_from=report.slug,
    )
    assert response.status_code == 201, response.json()
    carried = Section.objects.get(report__slug="svn-upr5", key="upr.A")
    assert carried.carried_over is True
    assert carried.text.startswith("Slovenia’s preparations")
    api_client.force_authenticate(personas.drafter)
    api_client.patch(
        reverse("api-section", args=[carried.pk]),
        {"text": "Rewritten for the fifth cycle.", "base_version": carried.version},
        format="json",
    )
    carried.refresh_from_db()
    assert carried.carried_over is False


def test_details_of_a_report_are_changed_with_its_version(api_client, personas, report):
    api_client.force_authenticate(personas.drafter)
    url = reverse("api-report", args=[report.slug])
    lines = [
        "Human Rights Council",
        "Working Group on the Universal Periodic Review",
        "Forty-eighth session",
        "Geneva, 20–31 January 2025",
    ]
    response = api_client.patch(
        url, {"body_lines": lines, "base_version": 1}, format="json"
    )
    assert response.status_code == 200, response.json()
    assert response.json()["body_lines"] == lines
    stale = api_client.patch(
        url, {"symbol": "A/HRC/X", "base_version": 1}, format="json"
    )
    assert stale.status_code == 409


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("state_code", "sl!", "three-letter"),
        ("symbol", "A/HRC/<x>", "UN symbol"),
        ("skeleton", "nope", "no skeleton nope"),
    ],
)
def test_bad_report_details_say_what_to_fix(
    api_client, personas, field, value, message
):
    api_client.force_authenticate(personas.coordinator)
    fields = {
        "slug": "x",
        "skeleton": "upr-national-report",
        "state": "Slovenia",
        "state_code": "SVN",
        field: value,
    }
    response = _create(api_client, **fields)
    assert response.status_code == 400
    assert message in str(response.json())


def test_a_period_that_ends_before_it_starts_is_refused(api_client, personas):
    api_client.force_authenticate(personas.coordinator)
    response = _create(
        api_client,
        slug="x",
        skeleton="upr-national-report",
        state="Slovenia",
        state_code="SVN",
        period_start="2025-01-01",
        period_end="2020-01-01",
    )
    assert response.status_code == 400
    assert "period_end" in response.json()["fields"]


def test_the_calendar_shows_what_is_owed_and_the_reports_in_progress(
    api_client, personas
):
    api_client.force_authenticate(personas.coordinator)
    _create(
        api_client,
        slug="bra-fu",
        skeleton="treaty-follow-up-report",
        mechanism="CERD",
        state="Brazil",
        state_code="BRA",
        document_text=CO,
    )
    entries = api_client.get(reverse("api-calendar")).json()
    titles = [e["title"] for e in entries]
    assert titles == [
        "Follow-up information on CERD/C/BRA/CO/18-20",
        "Periodic report CERD/C/BRA/20-22",
    ]
    assert entries[0]["report"] == "bra-fu"
    assert entries[0]["progress"]["sections"] == 6
    api_client.force_authenticate(personas.cso_reviewer)
    assert api_client.get(reverse("api-calendar")).json() == []
