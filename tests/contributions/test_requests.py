"""The secretariat asks entities for input; each sees only what it was asked."""

import datetime as dt

import pytest

from contributions.actions import do_request_input, do_update_request
from contributions.models import Entity, InputRequest, ReminderSent
from reportdesk.abilities.inputs import request_abilities, visible_requests
from reportdesk.errors import DomainError, NotAllowed, StaleWrite
from tests.contributions.conftest import propose

pytestmark = pytest.mark.django_db

TODAY = dt.date(2024, 6, 3)


@pytest.fixture
def ministries(personas):
    return list(Entity.objects.filter(kind=Entity.Kind.MINISTRY).order_by("name"))


@pytest.fixture
def asked(personas, report, ministries):
    return do_request_input(
        personas.coordinator,
        report.sections.get(key="upr.C"),
        entities=ministries,
        instructions="Report on the Protection against Discrimination Act.",
        due_date=dt.date(2024, 6, 30),
        today=TODAY,
    )


def test_one_request_per_ministry_starts_as_requested(asked):
    assert [(r.entity.name, r.status) for r in asked] == [
        ("Ministry of Justice", "requested"),
        (
            "Ministry of Labour, Family, Social Affairs and Equal Opportunities",
            "requested",
        ),
    ]


@pytest.mark.parametrize(
    ("persona", "seen"),
    [
        ("coordinator", 2),
        ("drafter", 2),
        ("focal_point", 1),
        ("validator", 1),
        ("other_focal_point", 1),
        ("nhri_reviewer", 0),
        ("cso_reviewer", 0),
        ("outsider", 0),
    ],
)
def test_each_role_sees_only_its_own_requests(personas, asked, persona, seen):
    assert visible_requests(getattr(personas, persona)).count() == seen


@pytest.mark.parametrize(
    "persona", ["focal_point", "validator", "nhri_reviewer", "outsider"]
)
def test_only_the_secretariat_asks(personas, report, ministries, persona):
    with pytest.raises(NotAllowed):
        do_request_input(
            getattr(personas, persona),
            report.sections.get(key="upr.C"),
            entities=ministries,
            instructions="",
            due_date=dt.date(2024, 6, 30),
            today=TODAY,
        )
    assert not InputRequest.objects.exists()


def test_asking_the_same_ministry_twice_is_refused_by_name(personas, report, asked):
    with pytest.raises(DomainError, match="Ministry of Justice already has a request"):
        do_request_input(
            personas.drafter,
            report.sections.get(key="upr.C"),
            entities=[asked[0].entity],
            instructions="",
            due_date=dt.date(2024, 7, 30),
            today=TODAY,
        )


def test_the_nhri_is_consulted_not_asked(personas, report):
    ombudsman = personas.nhri_reviewer.membership.entity
    with pytest.raises(DomainError, match="Human Rights Ombudsman"):
        do_request_input(
            personas.drafter,
            report.sections.get(key="upr.C"),
            entities=[ombudsman],
            instructions="",
            due_date=dt.date(2024, 7, 30),
            today=TODAY,
        )


def test_a_due_date_in_the_past_is_refused(personas, report, ministries):
    with pytest.raises(DomainError, match="passed"):
        do_request_input(
            personas.drafter,
            report.sections.get(key="upr.C"),
            entities=ministries,
            instructions="",
            due_date=dt.date(2024, 6, 2),
            today=TODAY,
        )


def test_a_late_request_is_one_still_owed_past_its_date(personas, asked):
    justice, labour = asked
    assert justice.is_late(dt.date(2024, 7, 1))
    assert not justice.is_late(dt.date(2024, 6, 30))
    labour.status = InputRequest.Status.SUBMITTED
    assert not labour.is_late(dt.date(2024, 7, 1))


def test_a_contribution_already_started_is_linked_to_the_new_request(
    personas, report, long_section
):
    contribution = propose(
        personas.focal_point, long_section, long_section.text + "\n\nMore."
    )
    (request,) = do_request_input(
        personas.drafter,
        long_section,
        entities=[contribution.entity],
        instructions="",
        due_date=dt.date(2099, 1, 1),
    )
    contribution.refresh_from_db()
    assert contribution.request == request
    assert InputRequest.objects.get().status == "in_progress"


def test_a_new_due_date_needs_the_current_version_and_restarts_reminders(
    personas, asked
):
    justice = asked[0]
    ReminderSent.objects.create(
        request=justice, recipient=personas.focal_point, kind="due_soon", sent_on=TODAY
    )
    changed = do_update_request(
        personas.drafter, justice, base_version=1, due_date=dt.date(2024, 7, 15)
    )
    assert changed.version == 2
    assert not ReminderSent.objects.exists()
    with pytest.raises(StaleWrite):
        do_update_request(
            personas.drafter, justice, base_version=1, instructions="Other."
        )


def test_a_focal_point_may_answer_but_not_change_its_request(personas, asked):
    abilities = request_abilities(personas.focal_point, asked[0])
    assert abilities == {"view": True, "change": False, "answer": True}
    with pytest.raises(NotAllowed):
        do_update_request(
            personas.focal_point, asked[0], base_version=1, instructions="Later."
        )
