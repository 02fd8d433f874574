"""The first page after sign-in shows each person what needs them now."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from contributions.models import Contribution, Entity, InputRequest
from frontend.dashboard import awaiting_secretariat
from reportdesk.abilities import contribution_abilities
from tests.factories import ContributionFactory, UserFactory

pytestmark = pytest.mark.django_db


def _ask(report, personas, entity_name, days):
    return InputRequest.objects.create(
        section=report.sections.get(key="upr.C"),
        entity=Entity.objects.get(name=entity_name),
        due_date=timezone.localdate() + dt.timedelta(days=days),
        requested_by=personas.coordinator,
        requested_at=timezone.now(),
    )


def _contribution(report, personas, entity_name, status):
    return ContributionFactory(
        section=report.sections.get(key="upr.C"),
        entity=Entity.objects.get(name=entity_name),
        created_by=personas.focal_point,
        status=status,
    )


def test_the_coordinator_sees_what_is_late_and_what_waits_for_the_secretariat(
    client, personas, report
):
    _ask(report, personas, "Ministry of Justice", days=-3)
    labour = personas.other_focal_point.membership.entity.name
    waiting = _contribution(report, personas, labour, Contribution.Status.SUBMITTED)
    client.force_login(personas.coordinator)

    page = client.get(reverse("report-list")).content.decode()

    assert "What is late" in page
    assert "asked of Ministry of Justice" in page
    assert reverse("contribution-detail", args=[waiting.pk]) in page
    assert reverse("report-new") in page


def test_waiting_contributions_follow_the_sign_off_rule_of_the_abilities(
    personas, report
):
    labour = personas.other_focal_point.membership.entity.name
    statuses = Contribution.Status
    made = [
        # Justice has a validating authority: submitted is not yet for us.
        _contribution(report, personas, "Ministry of Justice", statuses.SUBMITTED),
        _contribution(report, personas, "Ministry of Justice", statuses.VALIDATED),
        # Labour has none: submitted goes straight to the secretariat.
        _contribution(report, personas, labour, statuses.SUBMITTED),
        _contribution(report, personas, labour, statuses.DRAFT),
    ]
    expected = [
        c for c in made if contribution_abilities(personas.coordinator, c)["accept"]
    ]

    assert awaiting_secretariat(personas.coordinator) == expected
    assert len(expected) == 2


def test_a_focal_point_sees_what_is_asked_of_their_body_first(client, personas, report):
    _ask(report, personas, "Ministry of Justice", days=-1)
    _ask(report, personas, personas.other_focal_point.membership.entity.name, 5)
    client.force_login(personas.focal_point)

    page = client.get(reverse("report-list")).content.decode()

    assert "What is asked of us" in page
    assert "1 request for input is open." in page
    assert "1 is late." in page
    assert reverse("inputs") in page
    assert "What is late" not in page


def test_a_body_with_nothing_asked_is_told_how_requests_arrive(client, personas):
    client.force_login(personas.focal_point)

    page = client.get(reverse("report-list")).content.decode()

    assert "Nothing is asked of your body at the moment." in page


@pytest.mark.parametrize("persona", ["nhri_reviewer", "cso_reviewer"])
def test_a_reviewer_lands_on_their_consultation_rounds(client, personas, persona):
    client.force_login(getattr(personas, persona))

    page = client.get(reverse("report-list"), follow=True)

    assert page.redirect_chain[-1][0] == reverse("consultation-home")
    assert "Waiting for you" not in page.content.decode()


def test_a_person_without_a_body_is_told_how_reports_are_shared(client):
    client.force_login(UserFactory(username="new-person"))

    page = client.get(reverse("report-list")).content.decode()

    assert "Drafts stay inside government." in page
    assert reverse("consultation-home") in page
