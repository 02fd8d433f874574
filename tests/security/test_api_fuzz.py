"""The API, fuzzed from its own OpenAPI schema, never answers with a server
error. Schemathesis generates requests for every operation and sends them to
a real server (uvicorn on 127.0.0.1, in this process) serving the demo, as
the secretariat coordinator.

The budget is small so the normal suite stays quick; set FUZZ_EXAMPLES for a
longer run (``FUZZ_EXAMPLES=200 pytest -m fuzz``)."""

from __future__ import annotations

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from rest_framework.authtoken.models import Token

from drafting.demo import load_demo
from tests.collab.servers import ThreadServer

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db(transaction=True)]

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "4"))


@pytest.fixture
def server():
    running = ThreadServer()
    running.start()
    yield running
    running.stop()


def test_no_operation_of_the_api_answers_with_a_server_error(server):
    load_demo()
    token = Token.objects.create(user_id=_coordinator_id()).key
    headers = {"Authorization": f"Token {token}"}
    schema = schemathesis.openapi.from_url(f"{server.url}/api/schema/", headers=headers)
    errors: list[str] = []
    operations = 0

    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1
        _fuzz(operation, server.url, headers, errors)

    assert operations > 50, f"only {operations} operations in the schema"
    assert not errors, "Server errors:\n" + "\n".join(errors)


def _fuzz(operation, base_url: str, headers: dict[str, str], errors: list[str]) -> None:
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def call(case) -> None:
        response = case.call(base_url=base_url, headers=headers, timeout=60)
        if response.status_code >= 500:
            errors.append(
                f"{case.method} {case.formatted_path} -> {response.status_code}: "
                f"{case.as_curl_command()}"[:600]
            )

    call()


def _coordinator_id() -> int:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="coordinator").pk
