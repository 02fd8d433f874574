import io

import docx
import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token

pytestmark = pytest.mark.django_db

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.mark.parametrize(
    "persona", ["coordinator", "drafter", "focal_point", "validator"]
)
def test_government_members_download_the_word_file(
    api_client, personas, report, persona
):
    api_client.force_authenticate(getattr(personas, persona))
    response = api_client.get(reverse("api-report-export", args=[report.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="A_HRC_WG.6_48_SVN_1.docx"'
    )
    document = docx.Document(io.BytesIO(response.content))
    assert any(
        p.text.startswith("1.\tSlovenia’s preparations") for p in document.paragraphs
    )


def test_a_token_signs_in_to_the_api(api_client, personas, report):
    token = Token.objects.create(user=personas.drafter)
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert api_client.get(reverse("api-report", args=[report.slug])).status_code == 200


def test_a_wrong_token_is_refused(api_client, report):
    api_client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert api_client.get(reverse("api-reports")).status_code == 401


def test_a_deactivated_person_can_no_longer_export(api_client, personas, report):
    personas.drafter.is_active = False
    personas.drafter.save()
    api_client.force_authenticate(personas.drafter)
    assert (
        api_client.get(reverse("api-report-export", args=[report.slug])).status_code
        == 404
    )
