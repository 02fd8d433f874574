"""POST /api/recommendations/import/: upload or paste, secretariat only."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from recommendations.actions.importing import MAX_IMPORT_BYTES
from recommendations.models import ImportRecord, Recommendation
from tests.recommendations.conftest import BRAZIL_CO, UPR_INFO, WG_REPORT, source

pytestmark = pytest.mark.django_db
URL = reverse("api-recommendations-import")


def upload(name: str, content: bytes) -> dict:
    return {"file": SimpleUploadedFile(name, content, content_type="text/plain")}


def test_the_secretariat_uploads_a_working_group_report(api_client, personas):
    api_client.force_authenticate(personas.drafter)
    response = api_client.post(
        URL, upload("wg.txt", source(WG_REPORT).encode()), format="multipart"
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["kind"], body["imported"], body["symbol"]) == (
        "upr_working_group_report",
        254,
        "A/HRC/59/15",
    )
    assert ImportRecord.objects.get().filename == "wg.txt"


def test_the_secretariat_pastes_concluding_observations(api_client, personas):
    api_client.force_authenticate(personas.coordinator)
    response = api_client.post(URL, {"text": source(BRAZIL_CO)}, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["imported"] == 32


def test_a_csv_export_with_a_byte_order_mark_is_read(api_client, personas):
    api_client.force_authenticate(personas.drafter)
    content = "\ufeff".encode() + source(UPR_INFO).encode()
    response = api_client.post(URL, upload("export.csv", content), format="multipart")
    assert response.status_code == 201, response.json()
    assert response.json()["imported"] == 198


@pytest.mark.parametrize(
    "persona", ["focal_point", "validator", "nhri_reviewer", "cso_reviewer", "outsider"]
)
def test_nobody_else_may_import(api_client, personas, persona):
    api_client.force_authenticate(getattr(personas, persona))
    response = api_client.post(URL, {"text": source(WG_REPORT)}, format="json")
    assert response.status_code == 403
    assert Recommendation.objects.count() == 0


def test_anonymous_requests_are_refused(api_client, personas):
    response = api_client.post(URL, {"text": source(WG_REPORT)}, format="json")
    assert response.status_code == 401


def test_a_file_over_the_limit_is_refused_unread(api_client, personas):
    api_client.force_authenticate(personas.drafter)
    content = b"a" * (MAX_IMPORT_BYTES + 1)
    response = api_client.post(URL, upload("big.txt", content), format="multipart")
    assert response.status_code == 400
    assert response.json()["error"] == "upload_refused"
    assert "at most" in response.json()["detail"]
    assert ImportRecord.objects.count() == 0


def test_a_file_that_is_not_utf8_is_refused(api_client, personas):
    api_client.force_authenticate(personas.drafter)
    content = source(WG_REPORT).encode("utf-16")
    response = api_client.post(URL, upload("wg.txt", content), format="multipart")
    assert response.status_code == 400
    assert "not UTF-8 text" in response.json()["detail"]


def test_text_with_nul_bytes_is_refused(api_client, personas):
    api_client.force_authenticate(personas.drafter)
    response = api_client.post(
        URL, upload("x.txt", b"Report\x00 of the Working Group"), format="multipart"
    )
    assert response.status_code == 400
    assert "NUL" in response.json()["detail"]


def test_an_empty_request_says_what_to_send(api_client, personas):
    api_client.force_authenticate(personas.drafter)
    response = api_client.post(URL, {}, format="json")
    assert response.status_code == 400
    assert "Send a file" in response.json()["detail"]


def test_unknown_text_is_refused_with_the_kinds_we_read(api_client, personas):
    api_client.force_authenticate(personas.drafter)
    response = api_client.post(
        URL, {"text": "<script>alert(1)</script>"}, format="json"
    )
    assert response.status_code == 400
    assert "UPR Info CSV export" in response.json()["detail"]
    assert ImportRecord.objects.count() == 0


def test_a_request_too_large_to_hold_a_source_is_refused_before_parsing(
    api_client, personas
):
    from recommendations.actions.importing import MAX_REQUEST_BYTES

    api_client.force_authenticate(personas.drafter)
    body = b"x" * (MAX_REQUEST_BYTES + 1)
    response = api_client.generic("POST", URL, body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"] == "upload_refused"
