import datetime as dt

import pytest

from consultation.actions import do_close_round, do_open_round, do_update_round
from reportdesk.errors import DomainError, NotAllowed

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("persona", ["coordinator", "drafter"])
def test_the_secretariat_opens_a_round_on_a_newly_frozen_version(
    personas, report, clock, nhri, persona
):
    round = do_open_round(
        getattr(personas, persona),
        report,
        title="Draft for consultation",
        opens_at=clock.now,
        closes_at=clock.now + dt.timedelta(days=14),
        organisations=[nhri],
    )
    assert round.version.number == 1
    assert round.version.label == "Draft for consultation"
    texts = {s["key"]: s["text"] for s in round.version.snapshot["sections"]}
    assert texts["upr.A"].startswith("Slovenia’s preparations")
    assert list(round.participants.values_list("entity__name", flat=True)) == [
        "Human Rights Ombudsman"
    ]
    assert round.is_open()


@pytest.mark.parametrize(
    "persona",
    ["focal_point", "validator", "nhri_reviewer", "cso_reviewer", "outsider"],
)
def test_nobody_outside_the_secretariat_opens_a_round(personas, report, clock, persona):
    with pytest.raises(NotAllowed):
        do_open_round(
            getattr(personas, persona),
            report,
            title="Draft",
            opens_at=clock.now,
            closes_at=clock.now + dt.timedelta(days=1),
        )
    assert not report.consultation_rounds.exists()
    assert not report.versions.exists()


def test_a_round_can_share_only_chosen_sections(personas, report, clock):
    version_sections = report.sections.filter(key__in=["upr.A", "upr.D"])
    round = do_open_round(
        personas.drafter,
        report,
        title="Two sections",
        opens_at=clock.now,
        closes_at=clock.now + dt.timedelta(days=14),
        sections=[s.pk for s in version_sections],
    )
    assert [s["key"] for s in round.shared_snapshot()] == ["upr.A", "upr.D"]
    assert len(round.version.snapshot["sections"]) > 2


def test_a_section_outside_the_version_is_refused(personas, report, clock):
    with pytest.raises(DomainError, match="not in the frozen version"):
        do_open_round(
            personas.drafter,
            report,
            title="Draft",
            opens_at=clock.now,
            closes_at=clock.now + dt.timedelta(days=14),
            sections=[999_999],
        )


def test_a_round_must_close_after_it_opens_and_in_the_future(personas, report, clock):
    with pytest.raises(DomainError, match="close after it opens"):
        do_open_round(
            personas.drafter,
            report,
            title="Draft",
            opens_at=clock.now,
            closes_at=clock.now,
        )
    with pytest.raises(DomainError, match="closing date has passed"):
        do_open_round(
            personas.drafter,
            report,
            title="Draft",
            opens_at=clock.now - dt.timedelta(days=10),
            closes_at=clock.now - dt.timedelta(days=1),
        )


def test_only_nhri_and_civil_society_are_consulted(personas, report, clock):
    ministry = personas.focal_point.membership.entity
    with pytest.raises(DomainError, match="only those are consulted"):
        do_open_round(
            personas.drafter,
            report,
            title="Draft",
            opens_at=clock.now,
            closes_at=clock.now + dt.timedelta(days=1),
            organisations=[ministry],
        )


def test_a_round_closes_by_itself_when_its_closing_time_passes(
    consultation_round, clock
):
    assert consultation_round.is_open()
    clock.advance(days=21)
    assert not consultation_round.is_open()
    assert consultation_round.has_closed()


def test_a_round_not_yet_open_is_not_open(personas, report, clock):
    round = do_open_round(
        personas.drafter,
        report,
        title="Later",
        opens_at=clock.now + dt.timedelta(days=2),
        closes_at=clock.now + dt.timedelta(days=9),
    )
    assert not round.is_open()
    clock.advance(days=2)
    assert round.is_open()


def test_closing_now_closes_the_round_and_it_cannot_be_reopened(
    personas, consultation_round, clock
):
    closed = do_close_round(personas.drafter, consultation_round)
    assert closed.closes_at == clock.now
    assert not closed.is_open()
    with pytest.raises(DomainError, match="closed"):
        do_update_round(
            personas.drafter, closed, closes_at=clock.now + dt.timedelta(days=5)
        )
    with pytest.raises(DomainError, match="closed already"):
        do_close_round(personas.drafter, closed)


def test_the_secretariat_extends_and_changes_an_open_round(
    personas, consultation_round, clock
):
    later = clock.now + dt.timedelta(days=30)
    changed = do_update_round(
        personas.coordinator,
        consultation_round,
        closes_at=later,
        reviewers_see_each_other=True,
        public_link=False,
    )
    changed.refresh_from_db()
    assert changed.closes_at == later
    assert changed.reviewers_see_each_other
    assert changed.public_token == ""


def test_a_reviewer_cannot_change_or_close_a_round(personas, consultation_round):
    with pytest.raises(NotAllowed):
        do_close_round(personas.nhri_reviewer, consultation_round)
    with pytest.raises(NotAllowed):
        do_update_round(
            personas.cso_reviewer, consultation_round, reviewers_see_each_other=True
        )
