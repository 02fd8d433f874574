"""Acts on contributions and requests for input leave their event, filed under
the section's report and the entity concerned; a refused act leaves none."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from audit.models import AuditEvent, Verb
from contributions.actions import (
    do_accept_revision,
    do_add_revision,
    do_create_contribution,
    do_request_input,
    do_return_contribution,
    do_review_contribution,
    do_send_back_contribution,
    do_submit_contribution,
    do_update_request,
    do_upload_word,
    do_validate_contribution,
    review_plan,
)
from contributions.actions.review import Decision
from contributions.models import Entity
from reportdesk.errors import DomainError, NotAllowed, StaleWrite
from tests.contributions.conftest import propose, send
from tests.contributions.wordfiles import ministry_docx

pytestmark = pytest.mark.django_db

TEXT = (
    "In 2021, the Human Rights Ombudsman received “A” status accreditation "
    "according to the Paris Principles."
)


@pytest.fixture
def section(report):
    return report.sections.get(key="upr.B")


@pytest.fixture
def justice(personas):
    return Entity.objects.get(name="Ministry of Justice")


@pytest.fixture
def contribution(personas, section):
    return do_create_contribution(personas.focal_point, section, text=TEXT)


def _events(verb):
    """Events about contributions and requests (the report's own creation
    is an event too)."""
    return list(
        AuditEvent.objects.filter(
            verb=verb, target_type__startswith="contributions."
        ).order_by("id")
    )


def _only(verb):
    (event,) = _events(verb)
    return event


def _about(event, actor, target, report, entity):
    assert event.actor == actor
    assert (event.target_type, event.target_id) == (
        target._meta.label_lower,
        str(target.pk),
    )
    assert event.report_id == report.pk and event.report_label == report.slug
    assert event.entity_id == entity.pk


def test_creating_a_contribution_is_recorded_under_its_report_and_entity(
    personas, report, justice, contribution
):
    event = _only(Verb.CREATE)

    _about(event, personas.focal_point, contribution, report, justice)
    assert event.details == {"kind": "new_text", "revision": 1, "source": "browser"}
    assert event.actor_entity == justice


def test_a_refused_contribution_leaves_no_event(personas, section):
    with pytest.raises(NotAllowed):
        do_create_contribution(personas.cso_reviewer, section, text=TEXT)
    with pytest.raises(DomainError):
        do_create_contribution(personas.focal_point, section, text="   ")

    assert not _events(Verb.CREATE)


def test_a_proposal_refused_as_stale_inside_its_transaction_leaves_no_event(
    personas, report
):
    section = report.sections.get(key="upr.A")

    with pytest.raises(StaleWrite):
        do_create_contribution(
            personas.focal_point,
            section,
            text=section.text + " More.",
            kind="proposal",
            base_version=section.version - 1,
        )

    assert not _events(Verb.CREATE)


def test_each_revision_is_recorded_and_a_stale_one_is_not(
    personas, report, justice, contribution
):
    revision = do_add_revision(
        personas.focal_point, contribution, text=TEXT + " Again.", base_number=1
    )
    with pytest.raises(StaleWrite):
        do_add_revision(personas.focal_point, contribution, text="x", base_number=1)

    event = _only(Verb.REVISE)
    _about(event, personas.focal_point, revision, report, justice)
    assert event.details == {"revision": 2, "source": "browser"}


def test_a_word_file_is_recorded_with_its_name_as_a_contribution_or_revision(
    personas, report, justice, section
):
    first = do_upload_word(
        personas.focal_point,
        ministry_docx(),
        file_name="justice-B.docx",
        section=section,
    )
    second = do_upload_word(
        personas.focal_point,
        ministry_docx(),
        file_name="justice-B-2.docx",
        contribution=first.contribution,
        base_number=1,
    )

    created = _only(Verb.CREATE)
    _about(created, personas.focal_point, first.contribution, report, justice)
    assert created.details["source"] == "word"
    assert created.details["file_name"] == "justice-B.docx"
    revised = _only(Verb.REVISE)
    _about(revised, personas.focal_point, second, report, justice)
    assert revised.details["file_name"] == "justice-B-2.docx"


def test_submitting_and_signing_off_are_recorded(
    personas, report, justice, contribution
):
    do_submit_contribution(personas.focal_point, contribution, base_number=1)
    do_validate_contribution(personas.validator, contribution, base_number=1)

    _about(_only(Verb.SUBMIT), personas.focal_point, contribution, report, justice)
    signed = _only(Verb.SIGN_OFF)
    _about(signed, personas.validator, contribution, report, justice)
    assert signed.details == {"revision": 1}


def test_a_sign_off_by_someone_else_is_refused_and_not_recorded(personas, contribution):
    do_submit_contribution(personas.focal_point, contribution, base_number=1)

    with pytest.raises(NotAllowed):
        do_validate_contribution(personas.drafter, contribution, base_number=1)

    assert not AuditEvent.objects.filter(verb=Verb.SIGN_OFF).exists()


def test_sending_back_and_returning_are_recorded_as_rejections(
    personas, report, justice, contribution
):
    do_submit_contribution(personas.focal_point, contribution, base_number=1)
    do_send_back_contribution(
        personas.validator, contribution, base_number=1, comment="Cite the law."
    )
    send(personas, contribution)
    do_return_contribution(
        personas.drafter, contribution, base_number=1, comment="Shorter, please."
    )

    sent_back, returned = _events(Verb.REJECT)
    _about(sent_back, personas.validator, contribution, report, justice)
    assert sent_back.details["returned_by"] == "validating_authority"
    _about(returned, personas.drafter, contribution, report, justice)
    assert returned.details["returned_by"] == "secretariat"


def test_accepting_a_revision_is_recorded_with_the_new_section_version(
    personas, report, justice, contribution, section
):
    send(personas, contribution)
    revision = contribution.latest_revision()

    do_accept_revision(personas.drafter, revision, base_version=section.version)

    event = _only(Verb.ACCEPT)
    _about(event, personas.drafter, revision, report, justice)
    assert event.details == {
        "revision": 1,
        "section_version": section.version + 1,
        "changes": {"accept": 1},
    }


def test_a_review_is_recorded_with_how_many_changes_were_taken_and_rejected(
    personas, report, justice
):
    section = report.sections.get(key="upr.A")
    proposal = propose(
        personas.focal_point,
        section,
        section.text.replace("autumn 2023", "September 2023").replace(
            "briefed", "informed"
        ),
    )
    send(personas, proposal)
    section.refresh_from_db()
    plan = review_plan(proposal, section)
    first, second = (p.change.number for p in plan.placements)

    do_review_contribution(
        personas.coordinator,
        proposal,
        base_version=section.version,
        base_number=1,
        decisions={first: Decision("accept"), second: Decision("reject")},
    )

    event = _only(Verb.ACCEPT)
    _about(event, personas.coordinator, plan.revision, report, justice)
    assert event.details["changes"] == {"accept": 1, "reject": 1}


def test_a_review_that_fails_inside_its_transaction_leaves_no_event(
    personas, contribution, section
):
    send(personas, contribution)
    revision = contribution.latest_revision()

    with pytest.raises(StaleWrite):
        do_accept_revision(personas.drafter, revision, base_version=section.version - 1)

    assert not AuditEvent.objects.filter(verb=Verb.ACCEPT).exists()


def test_asking_for_input_is_recorded_per_entity_and_changing_it_too(
    personas, report, justice, section
):
    labour = personas.other_focal_point.membership.entity
    due = timezone.localdate() + dt.timedelta(days=14)

    asked = do_request_input(
        personas.drafter,
        section,
        entities=[justice, labour],
        instructions="Two paragraphs on the Ombudsman.",
        due_date=due,
    )
    do_update_request(
        personas.coordinator, asked[0], base_version=1, due_date=due + dt.timedelta(7)
    )

    events = _events(Verb.REQUEST_INPUT)
    assert [e.entity_id for e in events] == [justice.pk, labour.pk]
    _about(events[0], personas.drafter, asked[0], report, justice)
    assert events[0].details == {"due_date": due.isoformat()}
    changed = _only(Verb.EDIT)
    _about(changed, personas.coordinator, asked[0], report, justice)
    assert changed.details["fields"] == ["due_date"]


def test_a_refused_request_for_input_leaves_no_event(personas, justice, section):
    due = timezone.localdate() + dt.timedelta(days=14)

    with pytest.raises(NotAllowed):
        do_request_input(
            personas.focal_point,
            section,
            entities=[justice],
            instructions="",
            due_date=due,
        )

    assert not AuditEvent.objects.filter(verb=Verb.REQUEST_INPUT).exists()


def test_the_secretariat_finds_acts_on_a_ministry_s_contribution_under_its_name(
    client, personas, justice, contribution
):
    send(personas, contribution)
    do_return_contribution(
        personas.drafter, contribution, base_number=1, comment="Shorter, please."
    )
    client.force_login(personas.coordinator)

    listed = client.get(
        "/api/audit/events/", {"entity": justice.pk, "report": "svn-test"}
    ).json()["results"]

    acts = [(e["person"], e["verb"]) for e in reversed(listed)]
    assert acts == [
        ("justice", "create"),
        ("justice", "submit"),
        ("justice-validator", "sign_off"),
        ("drafter", "reject"),
    ]
