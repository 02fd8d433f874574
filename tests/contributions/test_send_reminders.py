"""Reminders before and after the due date, one digest per person a day."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command

from contributions.actions import do_request_input
from contributions.models import Entity, InputRequest, ReminderSent
from contributions.reminders import send_reminders

pytestmark = pytest.mark.django_db

DUE = dt.date(2024, 6, 30)


@pytest.fixture
def asked(personas, report):
    for person in (
        personas.focal_point,
        personas.other_focal_point,
        personas.coordinator,
    ):
        person.email = f"{person.username}@gov.si"
        person.save()
    ministries = Entity.objects.filter(kind=Entity.Kind.MINISTRY)
    requests = []
    for key in ("upr.B", "upr.C"):
        requests += do_request_input(
            personas.coordinator,
            report.sections.get(key=key),
            entities=list(ministries),
            instructions="",
            due_date=DUE,
            today=dt.date(2024, 6, 1),
        )
    return requests


def test_nothing_is_sent_while_the_due_date_is_far(asked):
    assert send_reminders(dt.date(2024, 6, 20)).messages == 0
    assert mail.outbox == []


def test_focal_points_get_one_digest_each_before_the_due_date(asked):
    sent = send_reminders(DUE - dt.timedelta(days=3))
    assert (sent.messages, sent.reminders) == (2, 4)
    assert sorted(m.to[0] for m in mail.outbox) == ["justice@gov.si", "labour@gov.si"]
    justice = next(m for m in mail.outbox if m.to == ["justice@gov.si"])
    assert "2 are due soon" in justice.subject
    assert justice.body.count("due 2024-06-30") == 2


def test_running_twice_on_one_day_sends_nothing_the_second_time(asked):
    send_reminders(DUE - dt.timedelta(days=1))
    again = send_reminders(DUE - dt.timedelta(days=1))
    assert again.messages == 0
    assert len(mail.outbox) == 2
    assert ReminderSent.objects.count() == 4


def test_once_late_the_ministry_and_the_secretariat_are_told(asked):
    send_reminders(DUE - dt.timedelta(days=2))
    mail.outbox.clear()
    sent = send_reminders(DUE + dt.timedelta(days=1))
    assert sent.messages == 3
    coordinator = next(m for m in mail.outbox if m.to == ["coordinator@gov.si"])
    assert "4 requests are late" in coordinator.subject
    assert "Ministry of Justice" in coordinator.body
    mail.outbox.clear()
    assert send_reminders(DUE + dt.timedelta(days=2)).messages == 0


def test_an_answered_request_is_not_reminded(asked):
    InputRequest.objects.filter(entity__name="Ministry of Justice").update(
        status=InputRequest.Status.SUBMITTED
    )
    send_reminders(DUE + dt.timedelta(days=1))
    assert "justice@gov.si" not in [m.to[0] for m in mail.outbox]


def test_the_command_acts_for_the_day_it_is_given(asked, capsys):
    call_command("send_reminders", "--date", "2024-06-29")
    assert "2 message(s), 4 reminder(s) for 2024-06-29." in capsys.readouterr().out
    assert len(mail.outbox) == 2
