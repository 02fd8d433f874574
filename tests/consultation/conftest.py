"""A clock the tests move, a round on the test report, and the people around it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from consultation import clock as consultation_clock
from contributions.models import Entity, Membership
from tests.factories import EntityFactory, MembershipFactory, UserFactory

START = dt.datetime(2024, 6, 3, 9, 0, tzinfo=dt.UTC)


@dataclass
class Clock:
    now: dt.datetime

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture
def clock(monkeypatch) -> Clock:
    """The consultation's clock, stopped at ``START`` until a test moves it."""
    fixed = Clock(START)
    monkeypatch.setattr(consultation_clock, "now", lambda: fixed.now)
    return fixed


@pytest.fixture
def uninvited_reviewer(personas):
    """A reviewer of a civil-society organisation the round does not invite."""
    entity = EntityFactory(name="Peace Institute", kind=Entity.Kind.CSO)
    user = UserFactory(username="uninvited-ngo")
    MembershipFactory(user=user, entity=entity, role=Membership.Role.REVIEWER)
    return user


@pytest.fixture
def nhri(personas):
    return personas.nhri_reviewer.membership.entity


@pytest.fixture
def cso(personas):
    return personas.cso_reviewer.membership.entity


@pytest.fixture
def consultation_round(personas, report, clock, nhri, cso):
    """A round on the whole test report, open for three weeks, inviting the
    Ombudsman and one NGO, with a public link."""
    from consultation.actions import do_open_round

    return do_open_round(
        personas.coordinator,
        report,
        title="Draft for consultation",
        opens_at=clock.now,
        closes_at=clock.now + dt.timedelta(days=21),
        organisations=[nhri, cso],
        public_link=True,
    )


def section_id(round, key: str) -> int:
    return next(s["id"] for s in round.version.snapshot["sections"] if s["key"] == key)


# Real text of the test report's upr.A section (A/HRC/WG.6/48/SVN/1, para. 3).
PASSAGE = "the NGOs, the Ombudsman and the Advocate of the Principle of Equality"
