"""The secretariat browses, filters and exports the trail; nobody edits it."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from audit import Verb, record
from audit.models import AuditEvent

pytestmark = pytest.mark.django_db

OTHERS = ["focal_point", "validator", "nhri_reviewer", "cso_reviewer", "outsider"]


@pytest.fixture
def events(personas, report):
    """Acts on two reports by three people, one of them a week old."""
    from drafting.actions import do_create_report
    from drafting.models import Skeleton

    other = do_create_report(
        personas.coordinator,
        Skeleton.objects.get(key="upr-national-report"),
        slug="svn-other",
        state="Slovenia",
        state_code="SVN",
    )
    section = report.sections.get(key="upr.A")
    record(personas.drafter, Verb.EDIT, target=section)
    week_ago = timezone.now() - dt.timedelta(days=7)
    AuditEvent.objects.create(
        at=week_ago, actor=personas.focal_point, actor_label="justice", verb=Verb.VIEW
    )
    record(personas.focal_point, Verb.VIEW, target=report)
    record(personas.coordinator, Verb.EXPORT, target=other)
    return {"report": report, "other": other, "week_ago": week_ago}


def _listed(client, **query):
    response = client.get(reverse("api-audit-events"), query)
    assert response.status_code == 200
    return response.json()["results"]


def test_the_secretariat_filters_the_trail_per_report_person_entity_and_period(
    client, personas, events
):
    client.force_login(personas.drafter)

    on_report = _listed(client, report="svn-test")
    assert {e["report"] for e in on_report} == {"svn-test"}
    assert {e["verb"] for e in on_report} >= {"edit", "view"}
    assert {e["person"] for e in _listed(client, person="justice")} == {"justice"}
    justice = personas.focal_point.membership.entity
    assert {e["person"] for e in _listed(client, entity=justice.pk, verb="view")} == {
        "justice"
    }
    today = timezone.localdate().isoformat()
    recent = _listed(client, person="justice", since=today)
    assert len(recent) == 1 and recent[0]["report"] == "svn-test"
    week = events["week_ago"].date().isoformat()
    assert len(_listed(client, person="justice", since=week, until=week)) == 1


def test_a_period_that_ends_before_it_starts_is_refused(client, personas, events):
    client.force_login(personas.coordinator)

    response = client.get(
        reverse("api-audit-events"), {"since": "2025-02-01", "until": "2025-01-01"}
    )

    assert response.status_code == 400


def test_the_trail_page_lists_events_with_the_filter_form(client, personas, events):
    client.force_login(personas.coordinator)

    page = client.get(reverse("audit-trail"), {"report": "svn-other"}).content.decode()

    assert "Audit trail" in page
    assert "<td>svn-other</td>" in page and "<td>Exported</td>" in page
    assert "<td>Edited</td>" not in page


def test_the_trail_exports_as_csv_and_the_export_is_itself_recorded(
    client, personas, events
):
    client.force_login(personas.coordinator)

    response = client.get(reverse("audit-trail-csv"), {"report": "svn-test"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(
        csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode()))
    )
    assert rows and {row["report"] for row in rows} == {"svn-test"}
    assert {"drafter", "justice"} <= {row["person"] for row in rows}
    exported = AuditEvent.objects.filter(
        verb=Verb.EXPORT, actor=personas.coordinator, target_type="audit.auditevent"
    )
    assert exported.count() == 1


def test_a_label_that_looks_like_a_formula_is_defused_in_the_csv(client, personas):
    record(personas.drafter, Verb.VIEW, target=("drafting.report", "x"))
    AuditEvent.objects.create(verb=Verb.VIEW, target_label="=HYPERLINK(1)")
    client.force_login(personas.coordinator)

    body = b"".join(client.get(reverse("audit-trail-csv")).streaming_content).decode()

    assert "'=HYPERLINK(1)" in body


@pytest.mark.parametrize("persona", OTHERS)
def test_nobody_outside_the_secretariat_reads_the_trail(client, personas, persona):
    client.force_login(getattr(personas, persona))

    assert client.get(reverse("audit-trail")).status_code == 403
    assert client.get(reverse("audit-trail-csv")).status_code == 403
    assert client.get(reverse("api-audit-events")).status_code == 403


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_offers_no_way_to_write_the_trail(client, personas, method):
    client.force_login(personas.coordinator)

    response = getattr(client, method)(
        reverse("api-audit-events"), {}, content_type="application/json"
    )

    assert response.status_code == 405


def test_the_admin_shows_the_trail_but_cannot_add_change_or_delete(personas):
    model_admin = admin.site._registry[AuditEvent]
    request = RequestFactory().get("/admin/")
    request.user = personas.coordinator
    request.user.is_superuser = True

    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)
