"""Who may do what, for every address of the service.

Every route of the URL configuration (pages, the API, downloads, the admin)
is called with every method by every persona, against the demo, and each
answer is checked against the table in permission_table.py (which says how
to read it). A new route that is not in the table fails the build: add its
line, saying what each persona should get.
"""

from __future__ import annotations

import pytest
from django.test import Client

from tests.security import permission_table
from tests.security.matrix import (
    METHODS,
    PERSONAS,
    address,
    all_routes,
    ask,
    braced,
    build_subjects,
    clients,
    default_row,
    schema_operations,
)
from tests.security.permission_table import EXPECTED

# Routes that are not API operations of the schema, though under /api/.
NOT_IN_SCHEMA = {"api-schema", "api/(?P<path>.*)"}


def expected_row(route, method: str) -> str:
    return EXPECTED[route.key].rows.get(method) or default_row(route, method)


def test_every_route_has_a_line_in_the_table():
    routes = {route.key for route in all_routes()}

    missing = sorted(routes - set(EXPECTED))
    stale = sorted(set(EXPECTED) - routes)

    assert not missing, (
        f"New routes without a line in EXPECTED ({permission_table.__file__}): "
        f"{missing}. Add one for each, saying what every persona gets with "
        "every method."
    )
    assert not stale, f"EXPECTED names routes that no longer exist: {stale}"


def test_the_table_and_the_api_schema_offer_the_same_operations():
    documented = schema_operations()
    listed = {
        (braced(route.pattern), method)
        for route in all_routes()
        if route.api and route.key in EXPECTED and route.key not in NOT_IN_SCHEMA
        for method, row in EXPECTED[route.key].rows.items()
        if set(row.split()) - {"405", "login"}
    }

    assert not documented - listed, (
        "Operations in the API schema without a row in EXPECTED: "
        f"{sorted(documented - listed)}"
    )
    assert not listed - documented, (
        "Rows in EXPECTED for API operations the schema does not document: "
        f"{sorted(listed - documented)}"
    )


@pytest.mark.django_db
def test_every_persona_gets_the_expected_answer_from_every_route():
    subjects = build_subjects()
    people = clients()
    wrong = []

    for route in all_routes():
        line = EXPECTED[route.key]
        path = address(route, subjects[line.subject])
        for method in METHODS:
            got = " ".join(
                ask(people[persona], method, path, route.api) for persona in PERSONAS
            )
            want = expected_row(route, method)
            if got != want:
                wrong.append(
                    f"{route.key} {method} {path}\n  want {want}\n  got  {got}"
                )

    assert not wrong, f"{len(wrong)} answer(s) differ from EXPECTED:\n" + "\n".join(
        wrong
    )


@pytest.mark.django_db
def test_no_state_changing_request_gets_through_without_the_csrf_token(personas):
    """The CSRF check runs before any view looks at its object, so the
    addresses are filled with numbers that need not exist. An anonymous call
    to the API carries no credentials a forged request could borrow, so the
    API is checked for a signed-in browser only; pages for both."""
    signed_in = Client(enforce_csrf_checks=True)
    signed_in.force_login(personas.coordinator)
    browsers = {"coordinator": signed_in, "anonymous": Client(enforce_csrf_checks=True)}
    values = {
        "slug": "svn-test",
        "pk": "1",
        "kind": "csv",
        "token": "t",
        "uidb64": "MQ",
        "object_id": "1",
        "id": "1",
        "content_type_id": "1",
        "app_label": "auth",
        "url": "x/",
        "path": "x/",
    }
    through = []

    for route in all_routes():
        path = address(route, values)
        for method in ("POST", "PUT", "PATCH", "DELETE"):
            for who, browser in browsers.items():
                if route.api and who == "anonymous":
                    continue
                answer = ask(browser, method, path, route.api)
                if answer in {"ok", "400"}:
                    through.append(f"{method} {path} as {who}: {answer}")

    assert not through, "Accepted without a CSRF token:\n" + "\n".join(through)
