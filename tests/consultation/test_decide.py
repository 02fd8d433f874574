import pytest
from django.core import mail

from consultation.models import Decision
from consultation.reviewing import do_comment, do_decide, do_tell_authors
from drafting.actions import do_update_section_text
from reportdesk.errors import DomainError, NotAllowed
from tests.consultation.conftest import PASSAGE, section_id
from tests.factories import ReportFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def comment(personas, consultation_round):
    personas.cso_reviewer.email = "simon@example.org"
    personas.cso_reviewer.save()
    return do_comment(
        personas.cso_reviewer,
        consultation_round,
        section_id=section_id(consultation_round, "upr.A"),
        quote=PASSAGE,
        body="Name the date of the consultation.",
    )


@pytest.mark.parametrize("persona", ["coordinator", "drafter"])
@pytest.mark.parametrize("decision", Decision.values)
def test_the_secretariat_records_a_decision_with_its_reason(
    personas, comment, clock, persona, decision
):
    decided = do_decide(
        getattr(personas, persona),
        comment,
        decision=decision,
        reason="The date is now in paragraph 3.",
    )
    decided.refresh_from_db()
    assert decided.decision == decision
    assert decided.reason == "The date is now in paragraph 3."
    assert decided.decided_by == getattr(personas, persona)
    assert decided.decided_at == clock.now


@pytest.mark.parametrize(
    "persona", ["focal_point", "validator", "nhri_reviewer", "cso_reviewer", "outsider"]
)
def test_nobody_else_decides(personas, comment, persona):
    with pytest.raises(NotAllowed):
        do_decide(
            getattr(personas, persona), comment, decision="accepted", reason="Fine."
        )
    comment.refresh_from_db()
    assert comment.decision == ""


def test_a_decision_without_a_reason_is_refused(personas, comment):
    with pytest.raises(DomainError, match="reason"):
        do_decide(personas.drafter, comment, decision="not_accepted", reason="  ")


def test_an_unknown_decision_is_refused(personas, comment):
    with pytest.raises(DomainError, match="Choose a decision"):
        do_decide(personas.drafter, comment, decision="maybe", reason="Unsure.")


def test_a_decision_points_at_the_change_that_carried_it_out(personas, report, comment):
    section = report.sections.get(key="upr.A")
    edited = do_update_section_text(
        personas.drafter,
        section,
        text=section.text.replace(
            "were briefed and consulted.", "were briefed and consulted in May 2024."
        ),
        base_version=section.version,
    )
    decided = do_decide(
        personas.drafter,
        comment,
        decision="accepted",
        reason="The month is given.",
        carried_in_section=edited,
        carried_in_version=edited.version,
    )
    assert (decided.carried_in_section, decided.carried_in_version) == (
        edited,
        edited.version,
    )


def test_a_change_in_another_report_or_a_future_version_is_refused(
    personas, report, comment
):
    section = report.sections.get(key="upr.A")
    with pytest.raises(DomainError, match="does not exist"):
        do_decide(
            personas.drafter,
            comment,
            decision="accepted",
            reason="Done.",
            carried_in_section=section,
            carried_in_version=section.version + 5,
        )
    elsewhere = SectionFactory(report=ReportFactory(created_by=personas.coordinator))
    with pytest.raises(DomainError, match="another report"):
        do_decide(
            personas.drafter,
            comment,
            decision="accepted",
            reason="Done.",
            carried_in_section=elsewhere,
        )


def test_a_decision_can_be_made_after_the_round_closed(personas, comment, clock):
    clock.advance(days=30)
    assert (
        do_decide(
            personas.drafter, comment, decision="noted", reason="Noted for next cycle."
        ).decision
        == "noted"
    )


def test_authors_are_told_of_new_decisions_once(
    personas, consultation_round, comment, django_capture_on_commit_callbacks
):
    do_decide(personas.drafter, comment, decision="partly_accepted", reason="In part.")
    with django_capture_on_commit_callbacks(execute=True):
        sent = do_tell_authors(
            personas.drafter, consultation_round, site="http://127.0.0.1:8000"
        )
    assert sent == 1
    assert mail.outbox[0].to == ["simon@example.org"]
    assert "Partly accepted" in mail.outbox[0].body
    assert "In part." in mail.outbox[0].body
    assert "http://127.0.0.1:8000/consultation/my-comments/" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        again = do_tell_authors(
            personas.drafter, consultation_round, site="http://127.0.0.1:8000"
        )
    assert again == 0 and len(mail.outbox) == 1


def test_a_changed_decision_is_told_again(
    personas, consultation_round, comment, django_capture_on_commit_callbacks
):
    do_decide(personas.drafter, comment, decision="noted", reason="Noted.")
    do_tell_authors(personas.drafter, consultation_round, site="http://x")
    do_decide(personas.drafter, comment, decision="accepted", reason="On reflection.")
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            do_tell_authors(personas.drafter, consultation_round, site="http://x") == 1
        )


def test_reviewers_cannot_send_the_decision_e_mails(personas, consultation_round):
    with pytest.raises(NotAllowed):
        do_tell_authors(personas.cso_reviewer, consultation_round, site="http://x")
