import datetime as dt

import pytest

from consultation.actions import do_open_round, do_set_anonymous
from consultation.methodology import do_prefill_methodology, methodology_text
from consultation.reviewing import do_comment, do_decide
from drafting.sectiontext import parse
from reportdesk.errors import DomainError, NotAllowed
from tests.consultation.conftest import PASSAGE, section_id

pytestmark = pytest.mark.django_db


@pytest.fixture
def commented(personas, consultation_round):
    upr_a = section_id(consultation_round, "upr.A")
    first = do_comment(
        personas.nhri_reviewer,
        consultation_round,
        section_id=upr_a,
        quote=PASSAGE,
        body="Give the dates.",
    )
    do_set_anonymous(personas.cso_reviewer, consultation_round, anonymous=True)
    second = do_comment(
        personas.cso_reviewer, consultation_round, section_id=upr_a, body="More."
    )
    do_decide(personas.drafter, first, decision="accepted", reason="Dates given.")
    do_decide(personas.drafter, second, decision="noted", reason="Noted.")
    return consultation_round


def test_the_facts_name_the_dates_organisations_and_counts(report, commented):
    text = methodology_text(report)
    assert text == (
        "From 3 June 2024 to 24 June 2024, the draft report was open for comment to "
        "the national human rights institution (Human Rights Ombudsman), 1 "
        "organisation that asked not to be named and the public, through an open "
        "link. 2 comments were received. Of these, 1 was accepted in full and 0 in "
        "part."
    )
    # One numbered paragraph of section text.
    assert len(parse(text)) == 1


def test_the_button_puts_the_facts_at_the_end_of_the_methodology_section(
    personas, report, commented
):
    section = do_prefill_methodology(personas.drafter, report)
    assert section.key == "upr.A"
    assert section.text.startswith("Slovenia’s preparations")
    assert section.text.endswith(methodology_text(report))
    again = do_prefill_methodology(personas.drafter, report)
    assert again.version == section.version


@pytest.mark.parametrize("persona", ["focal_point", "nhri_reviewer", "outsider"])
def test_only_the_secretariat_writes_the_facts_in(personas, report, commented, persona):
    with pytest.raises(NotAllowed):
        do_prefill_methodology(getattr(personas, persona), report)


def test_no_facts_before_any_round_opened(personas, report, clock):
    do_open_round(
        personas.drafter,
        report,
        title="Later",
        opens_at=clock.now + dt.timedelta(days=3),
        closes_at=clock.now + dt.timedelta(days=10),
    )
    with pytest.raises(DomainError, match="No consultation round has opened"):
        methodology_text(report)


def test_a_treaty_report_has_no_upr_methodology_section(personas, clock):
    from drafting.actions import do_create_report
    from drafting.models import Skeleton

    treaty = do_create_report(
        personas.coordinator,
        Skeleton.objects.get(key="cerd-periodic-report"),
        slug="bra-cerd",
        state="Brazil",
        state_code="BRA",
    )
    with pytest.raises(DomainError, match="Only a UPR report"):
        do_prefill_methodology(personas.drafter, treaty)
