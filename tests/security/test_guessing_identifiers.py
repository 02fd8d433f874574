"""A civil-society reviewer who guesses the numbers of an internal draft (a
section, a ministry's contribution, a stored export, a written submission)
is refused through the API, pages, the socket and a download link, and each
attempt is in the audit trail, filed under the report when the number is a
real one."""

from __future__ import annotations

import pytest
from asgiref.sync import sync_to_async
from channels.routing import URLRouter

from audit.models import AuditEvent, Verb
from collab.routing import websocket_urlpatterns
from contributions.actions import do_create_contribution
from exports.actions import do_export_report
from tests.collab.conftest import WebsocketCommunicator, in_own_loop

pytestmark = pytest.mark.django_db


@pytest.fixture
def internal(personas, report):
    section = report.sections.get(key="upr.A")
    export = do_export_report(personas.coordinator, report)
    contribution = do_create_contribution(
        personas.focal_point,
        report.sections.get(key="upr.B"),
        text="In 2021, the Human Rights Ombudsman received “A” status accreditation.",
    )
    return {
        "report": report,
        "section": section,
        "export": export,
        "contribution": contribution,
        "revision": contribution.latest_revision(),
    }


def _denials(user):
    return AuditEvent.objects.filter(actor=user, verb=Verb.DENIED).order_by("id")


@pytest.mark.parametrize(
    ("address", "via"),
    [
        ("/api/reports/svn-test/", "api"),
        ("/api/reports/svn-test/sections/", "api"),
        ("/api/sections/{section}/", "api"),
        ("/api/reports/svn-test/export/", "api"),
        ("/api/exports/{export}/download/", "download"),
        ("/api/contributions/{contribution}/", "api"),
        ("/api/contributions/{contribution}/revisions/", "api"),
        ("/api/contributions/{contribution}/compare/", "api"),
        ("/contributions/{contribution}/", "page"),
    ],
)
def test_guessing_through_the_api_is_refused_and_recorded(
    client, personas, internal, address, via
):
    path = address.format(
        section=internal["section"].pk,
        export=internal["export"].pk,
        contribution=internal["contribution"].pk,
    )
    client.force_login(personas.cso_reviewer)

    response = client.get(path)

    assert response.status_code in {403, 404}
    assert b"Slovenia" not in response.content
    (event,) = _denials(personas.cso_reviewer)
    assert event.details["via"] == via
    assert event.report_id == internal["report"].pk
    assert event.actor_entity.kind == "cso"


@pytest.mark.parametrize("guess", ["existing", "missing"])
def test_guessing_a_download_link_is_refused_and_recorded(
    client, personas, internal, guess
):
    number = internal["export"].pk if guess == "existing" else 987654
    client.force_login(personas.cso_reviewer)

    response = client.get(f"/exports/{number}.docx")

    assert response.status_code == 404
    assert not response.has_header("Content-Disposition")
    (event,) = _denials(personas.cso_reviewer)
    assert (event.target_type, event.target_id) == ("exports.export", str(number))
    assert event.details["via"] == "download"
    expected_report = internal["report"].pk if guess == "existing" else None
    assert event.report_id == expected_report


def test_a_guessed_revision_sent_for_acceptance_is_refused_and_recorded(
    client, personas, internal
):
    client.force_login(personas.cso_reviewer)
    revision = internal["revision"]

    response = client.post(
        f"/api/revisions/{revision.pk}/accept/",
        {"base_version": 1},
        content_type="application/json",
    )

    assert response.status_code == 404
    (event,) = _denials(personas.cso_reviewer)
    assert (event.target_type, event.target_id) == (
        "contributions.revision",
        str(revision.pk),
    )
    assert event.report_id == internal["report"].pk
    assert not AuditEvent.objects.filter(verb=Verb.ACCEPT).exists()


def test_guessing_a_report_page_is_refused_and_filed_under_the_report(
    client, personas, internal
):
    client.force_login(personas.cso_reviewer)

    assert client.get("/reports/svn-test/").status_code == 404
    assert client.get(f"/sections/{internal['section'].pk}/").status_code == 404

    events = list(_denials(personas.cso_reviewer))
    assert [e.details["via"] for e in events] == ["page", "page"]
    assert {e.report_id for e in events} == {internal["report"].pk}


@pytest.mark.django_db(transaction=True)
@in_own_loop
async def test_guessing_a_section_through_the_socket_is_refused_and_recorded(
    personas, report
):
    section = await sync_to_async(report.sections.get)(key="upr.A")
    socket = WebsocketCommunicator(
        URLRouter(websocket_urlpatterns), f"/ws/sections/{section.pk}/"
    )
    socket.scope["user"] = personas.cso_reviewer
    socket.scope["client"] = ("198.51.100.4", 50000)
    assert await socket.connect()

    refusal = await socket.receive_json_from()
    closed = await socket.receive_json_from()

    assert refusal["type"] == "error" and refusal["code"] == "not_allowed"
    assert closed == {"type": "closed", "code": 4403}
    events = await sync_to_async(list)(_denials(personas.cso_reviewer))
    assert len(events) == 1
    assert events[0].details["via"] == "socket"
    assert (events[0].target_type, events[0].target_id) == (
        "drafting.section",
        str(section.pk),
    )
    assert events[0].ip == "198.51.100.4"


def test_the_government_reaching_its_own_draft_leaves_no_denial(
    client, personas, internal
):
    client.force_login(personas.focal_point)

    assert client.get("/api/reports/svn-test/").status_code == 200
    assert not _denials(personas.focal_point).exists()
    assert AuditEvent.objects.filter(
        actor=personas.focal_point, verb=Verb.VIEW, report=internal["report"]
    ).exists()
