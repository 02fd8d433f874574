"""Acts in consultation rounds leave their event, filed under the round's
report and the organisation concerned; a refused act leaves none."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile

from audit.models import AuditEvent, Verb
from consultation.actions import (
    do_accept_invitation,
    do_add_organisation,
    do_close_round,
    do_invite,
    do_set_anonymous,
    do_update_round,
)
from consultation.methodology import do_prefill_methodology
from consultation.reviewing import (
    do_comment,
    do_decide,
    do_public_comment,
    do_tell_authors,
    do_upload_submission,
)
from contributions.models import Entity
from reportdesk.errors import DomainError, NotAllowed
from tests.consultation.conftest import PASSAGE, section_id
from tests.consultation.test_upload_submission import word_submission

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8000"


def _events(verb, **where):
    return list(AuditEvent.objects.filter(verb=verb, **where).order_by("id"))


def _only(verb, **where):
    (event,) = _events(verb, **where)
    return event


def _about(event, actor, target, report, entity=None):
    assert event.actor == actor
    assert (event.target_type, event.target_id) == (
        target._meta.label_lower,
        str(target.pk),
    )
    assert event.report_id == report.pk and event.report_label == report.slug
    assert event.entity_id == (entity.pk if entity else None)


def _comment(person, round, **words):
    words.setdefault("body", "Name the date of the consultation.")
    return do_comment(person, round, section_id=section_id(round, "upr.A"), **words)


def test_opening_a_round_is_recorded_with_each_organisation_let_in(
    personas, report, consultation_round, nhri, cso
):
    opened = _only(Verb.CREATE, target_type="consultation.round")
    _about(opened, personas.coordinator, consultation_round, report)
    assert opened.details["public_link"] is True
    assert opened.details["version"] == consultation_round.version.number

    let_in = _events(Verb.PERMISSION_CHANGE, target_type="consultation.round")
    assert [e.entity_id for e in let_in] == [nhri.pk, cso.pk]
    _about(let_in[0], personas.coordinator, consultation_round, report, nhri)
    assert AuditEvent.objects.filter(verb=Verb.FREEZE, report=report).exists()


def test_adding_an_organisation_is_a_permission_change_once(
    personas, report, consultation_round, uninvited_reviewer
):
    peace = uninvited_reviewer.membership.entity

    do_add_organisation(personas.drafter, consultation_round, peace)
    do_add_organisation(personas.drafter, consultation_round, peace)

    added = _only(Verb.PERMISSION_CHANGE, actor=personas.drafter)
    _about(added, personas.drafter, consultation_round, report, peace)


def test_a_government_body_cannot_be_added_and_nothing_is_recorded(
    personas, consultation_round
):
    justice = Entity.objects.get(name="Ministry of Justice")

    with pytest.raises(DomainError):
        do_add_organisation(personas.drafter, consultation_round, justice)

    assert not _events(Verb.PERMISSION_CHANGE, actor=personas.drafter)


def test_changing_and_closing_a_round_are_recorded(
    personas, report, consultation_round, clock
):
    do_update_round(
        personas.drafter,
        consultation_round,
        closes_at=clock.now + dt.timedelta(days=30),
        public_link=False,
    )
    do_close_round(personas.coordinator, consultation_round)
    with pytest.raises(DomainError):
        do_close_round(personas.coordinator, consultation_round)

    changed, closed = _events(Verb.EDIT, target_type="consultation.round")
    _about(changed, personas.drafter, consultation_round, report)
    assert changed.details["public_link"] is False
    _about(closed, personas.coordinator, consultation_round, report)
    assert closed.details == {"closed": True}


def test_a_reviewer_cannot_change_a_round_and_leaves_no_edit(
    personas, consultation_round
):
    with pytest.raises(NotAllowed):
        do_close_round(personas.nhri_reviewer, consultation_round)

    assert not _events(Verb.EDIT, target_type="consultation.round")


def test_an_invitation_and_its_use_are_recorded(personas, report, consultation_round):
    invitation, token = do_invite(
        personas.drafter,
        consultation_round,
        email="info@amnesty.si",
        site=SITE,
        organisation_name="Amnesty International Slovenia",
    )
    person = do_accept_invitation(
        token, username="amnesty", password="a long pass phrase 42"
    )
    with pytest.raises(DomainError):
        do_accept_invitation(token, username="again", password="a long pass phrase 42")

    amnesty = invitation.participant.entity
    invited = _only(Verb.INVITE)
    _about(invited, personas.drafter, invitation, report, amnesty)
    assert invited.details["email"] == "info@amnesty.si"
    joined = _only(Verb.JOIN)
    _about(joined, person, invitation, report, amnesty)
    assert joined.actor_entity == amnesty
    assert joined.details == {"new_account": True}


def test_an_invitation_to_a_closed_round_is_refused_and_not_recorded(
    personas, consultation_round
):
    do_close_round(personas.drafter, consultation_round)

    with pytest.raises(DomainError):
        do_invite(
            personas.drafter,
            consultation_round,
            email="info@amnesty.si",
            site=SITE,
            organisation_name="Amnesty International Slovenia",
        )

    assert not _events(Verb.INVITE)


def test_asking_not_to_be_named_is_recorded_for_the_organisation(
    personas, report, consultation_round, nhri
):
    do_set_anonymous(personas.nhri_reviewer, consultation_round, anonymous=True)

    event = _only(Verb.EDIT, target_type="consultation.round")
    _about(event, personas.nhri_reviewer, consultation_round, report, nhri)
    assert event.details == {"anonymous": True}


def test_a_comment_is_recorded_and_one_from_an_uninvited_body_is_not(
    personas, report, consultation_round, nhri, uninvited_reviewer
):
    comment = _comment(personas.nhri_reviewer, consultation_round, quote=PASSAGE)
    with pytest.raises(NotAllowed):
        _comment(uninvited_reviewer, consultation_round)

    event = _only(Verb.CREATE, target_type="consultation.comment")
    _about(event, personas.nhri_reviewer, comment, report, nhri)
    assert event.details == {"section": comment.snapshot_section}


def test_a_public_comment_is_recorded_without_the_commenter_s_address(
    report, consultation_round
):
    comment = do_public_comment(
        consultation_round,
        consultation_round.public_token,
        address="192.0.2.10",
        section_id=section_id(consultation_round, "upr.A"),
        name="Marta Kranjc",
        organisation="individual",
        body="Please say how the public could take part.",
        user=AnonymousUser(),
    )

    event = _only(Verb.CREATE, target_type="consultation.comment")
    _about(event, None, comment, report)
    assert event.ip is None
    assert event.details["public_link"] is True


def test_an_uploaded_submission_is_recorded_with_its_fingerprint(
    personas, report, consultation_round, nhri
):
    submission = do_upload_submission(
        personas.nhri_reviewer,
        consultation_round,
        upload=SimpleUploadedFile("ours.docx", word_submission()),
    )

    event = _only(Verb.CREATE, target_type="consultation.submission")
    _about(event, personas.nhri_reviewer, submission, report, nhri)
    assert event.details["sha256"] == submission.sha256


def test_each_decision_on_a_comment_is_recorded_with_the_one_before(
    personas, report, consultation_round, cso
):
    comment = _comment(personas.cso_reviewer, consultation_round)

    do_decide(personas.drafter, comment, decision="noted", reason="Noted.")
    do_decide(personas.coordinator, comment, decision="accepted", reason="Added.")
    with pytest.raises(NotAllowed):
        do_decide(personas.nhri_reviewer, comment, decision="accepted", reason="!")

    first, second = _events(Verb.DECIDE_COMMENT)
    _about(first, personas.drafter, comment, report, cso)
    assert first.details == {"decision": "noted", "previous": ""}
    _about(second, personas.coordinator, comment, report, cso)
    assert second.details == {"decision": "accepted", "previous": "noted"}


def test_telling_authors_is_recorded_with_how_many_were_told(
    personas, report, consultation_round, django_capture_on_commit_callbacks
):
    personas.cso_reviewer.email = "simon@example.org"
    personas.cso_reviewer.save()
    comment = _comment(personas.cso_reviewer, consultation_round)
    do_decide(personas.drafter, comment, decision="noted", reason="Noted.")

    with django_capture_on_commit_callbacks(execute=True):
        do_tell_authors(personas.drafter, consultation_round, site=SITE)

    event = _only(Verb.EDIT, target_type="consultation.round")
    _about(event, personas.drafter, consultation_round, report)
    assert event.details == {"told_authors": 1, "comments": 1}


def test_writing_the_facts_into_the_methodology_section_is_recorded_as_an_edit(
    personas, report, consultation_round
):
    section = do_prefill_methodology(personas.drafter, report)

    event = _only(Verb.EDIT, target_type="drafting.section")
    _about(event, personas.drafter, section, report)
