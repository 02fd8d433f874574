"""audit.record: one row per act, in the act's transaction, never changed."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory

from audit import Verb, record
from audit.models import AppendOnlyError, AuditEvent

pytestmark = pytest.mark.django_db


def test_an_event_names_the_person_their_entity_the_object_and_the_address(
    personas, report
):
    section = report.sections.get(key="upr.A")
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.7")

    event = record(
        personas.drafter,
        Verb.EDIT,
        target=section,
        details={"version": 2},
        request=request,
    )

    event.refresh_from_db()
    assert event.actor == personas.drafter
    assert event.actor_label == "drafter"
    assert event.actor_entity.name == "Ministry of Foreign and European Affairs"
    assert (event.target_type, event.target_id) == ("drafting.section", str(section.pk))
    assert event.target_label == str(section)
    assert event.report_id == report.pk and event.report_label == "svn-test"
    assert event.ip == "192.0.2.7"
    assert event.details == {"version": 2}


def test_an_act_that_rolls_back_leaves_no_event(personas, report):
    before = AuditEvent.objects.count()

    with pytest.raises(RuntimeError), transaction.atomic():
        record(personas.coordinator, Verb.FREEZE, target=report)
        raise RuntimeError("the act failed after recording")

    assert AuditEvent.objects.count() == before


def test_an_event_cannot_be_changed_or_deleted_through_the_model(personas, report):
    event = record(personas.coordinator, Verb.VIEW, target=report)

    event.verb = Verb.EXPORT
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(verb=Verb.EXPORT)
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert AuditEvent.objects.get(pk=event.pk).verb == Verb.VIEW


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the append-only trigger exists on PostgreSQL only (see audit 0002)",
)
@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_auditevent SET verb = 'export' WHERE id = %s",
        "DELETE FROM audit_auditevent WHERE id = %s",
    ],
)
def test_on_postgresql_the_database_itself_refuses_changing_the_trail(
    personas, report, statement
):
    event = record(personas.coordinator, Verb.VIEW, target=report)

    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(statement, [event.pk])

    assert AuditEvent.objects.get(pk=event.pk).verb == Verb.VIEW


def test_a_verb_that_is_not_in_the_vocabulary_is_refused(personas):
    with pytest.raises(ValueError, match="not an audit verb"):
        record(personas.coordinator, "tinkered")


def test_a_guessed_object_is_recorded_by_kind_and_number(personas):
    event = record(personas.cso_reviewer, Verb.DENIED, target=("drafting.section", 42))

    assert (event.target_type, event.target_id, event.target_label) == (
        "drafting.section",
        "42",
        "",
    )
    assert event.actor_entity.name == "Legal-Informational Centre for NGOs"
