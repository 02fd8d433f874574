"""Reading a consultation round, exporting its record and downloading a
written submission are recorded, once per page or file served."""

from __future__ import annotations

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audit.models import AuditEvent, Verb
from consultation.reviewing import do_upload_submission
from tests.consultation.test_upload_submission import word_submission

pytestmark = pytest.mark.django_db


def _events(verb, **where):
    return list(AuditEvent.objects.filter(verb=verb, **where).order_by("id"))


@pytest.fixture
def submission(personas, consultation_round):
    return do_upload_submission(
        personas.nhri_reviewer,
        consultation_round,
        upload=SimpleUploadedFile("ours.docx", word_submission()),
    )


@pytest.mark.parametrize(
    ("persona", "route"),
    [
        ("nhri_reviewer", "consultation-round"),
        ("drafter", "consultation-manage"),
        ("cso_reviewer", "api-consultation-round"),
        ("cso_reviewer", "api-consultation-round-text"),
    ],
)
def test_reading_a_round_is_one_view_under_its_report(
    client, personas, report, consultation_round, persona, route
):
    person = getattr(personas, persona)
    client.force_login(person)

    response = client.get(reverse(route, args=[consultation_round.pk]))

    assert response.status_code == 200
    (event,) = _events(Verb.VIEW, actor=person)
    assert (event.target_type, event.target_id) == (
        "consultation.round",
        str(consultation_round.pk),
    )
    assert event.report_id == report.pk
    assert event.ip == "127.0.0.1"


@pytest.mark.parametrize("route", ["consultation-public", "api-public-consultation"])
def test_reading_through_the_public_link_is_a_view_without_an_address(
    client, report, consultation_round, route
):
    response = client.get(reverse(route, args=[consultation_round.public_token]))

    assert response.status_code == 200
    (event,) = _events(Verb.VIEW)
    assert event.actor is None and event.ip is None
    assert event.report_id == report.pk
    assert event.details == {"public_link": True}


def test_a_round_the_reviewer_is_not_invited_to_is_a_refusal_not_a_view(
    client, consultation_round, uninvited_reviewer, report
):
    client.force_login(uninvited_reviewer)

    response = client.get(reverse("consultation-round", args=[consultation_round.pk]))

    assert response.status_code == 404
    assert not _events(Verb.VIEW)
    (denied,) = _events(Verb.DENIED)
    assert denied.target_type == "consultation.round"
    assert denied.report_id == report.pk


@pytest.mark.parametrize(
    ("route", "kind"),
    [
        ("consultation-record", "csv"),
        ("api-consultation-round-record", "xlsx"),
        ("api-consultation-round-record", "docx"),
    ],
)
def test_exporting_the_record_is_recorded_with_the_file_s_fingerprint(
    client, personas, report, consultation_round, route, kind
):
    client.force_login(personas.coordinator)

    response = client.get(reverse(route, args=[consultation_round.pk, kind]))

    assert response.status_code == 200
    (event,) = _events(Verb.EXPORT)
    assert event.actor == personas.coordinator
    assert event.target_id == str(consultation_round.pk)
    assert event.report_id == report.pk
    assert event.details == {
        "record": kind,
        "sha256": hashlib.sha256(response.content).hexdigest(),
    }


def test_asking_for_the_record_in_an_unknown_format_exports_nothing(
    client, personas, consultation_round
):
    client.force_login(personas.coordinator)

    response = client.get(
        reverse("api-consultation-round-record", args=[consultation_round.pk, "pdf"])
    )

    assert response.status_code == 400
    assert not _events(Verb.EXPORT)


@pytest.mark.parametrize(
    "route", ["consultation-submission", "api-consultation-submission-file"]
)
def test_downloading_a_submission_is_recorded_under_its_report_and_organisation(
    client, personas, report, submission, nhri, route
):
    client.force_login(personas.drafter)

    response = client.get(reverse(route, args=[submission.pk]))

    assert response.status_code == 200
    (event,) = _events(Verb.DOWNLOAD)
    assert event.actor == personas.drafter
    assert (event.target_type, event.target_id) == (
        "consultation.submission",
        str(submission.pk),
    )
    assert (event.report_id, event.entity_id) == (report.pk, nhri.pk)
    assert event.details == {"sha256": submission.sha256}


def test_a_reviewer_asking_for_a_submission_is_refused_and_recorded(
    client, personas, report, submission
):
    client.force_login(personas.cso_reviewer)

    response = client.get(reverse("consultation-submission", args=[submission.pk]))

    assert response.status_code == 404
    assert not _events(Verb.DOWNLOAD)
    (denied,) = _events(Verb.DENIED)
    assert (denied.target_type, denied.target_id) == (
        "consultation.submission",
        str(submission.pk),
    )
    assert denied.report_id == report.pk
