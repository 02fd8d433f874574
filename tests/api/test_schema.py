from pathlib import Path

import pytest
import yaml
from django.core.management import call_command
from django.urls import reverse

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "docs" / "openapi.yaml"


def test_the_committed_schema_matches_the_code(tmp_path):
    generated = tmp_path / "openapi.yaml"
    call_command(
        "spectacular", "--file", str(generated), "--validate", "--fail-on-warn"
    )
    assert yaml.safe_load(generated.read_text()) == yaml.safe_load(
        SCHEMA_FILE.read_text()
    ), (
        "docs/openapi.yaml is out of date: "
        "run python manage.py spectacular --file docs/openapi.yaml"
    )


@pytest.mark.django_db
def test_the_schema_is_served_to_signed_in_people_only(client, personas):
    assert client.get(reverse("api-schema")).status_code in {401, 403}
    client.force_login(personas.drafter)
    response = client.get(reverse("api-schema"))
    assert response.status_code == 200
    assert b"/api/reports/{slug}/export/" in response.content
