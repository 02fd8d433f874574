"""Real long sections of Slovenia's national report, and the steps every
contribution test takes (write, submit, validate)."""

from __future__ import annotations

import pytest

from contributions.actions import (
    do_create_contribution,
    do_submit_contribution,
    do_validate_contribution,
)
from contributions.models import Contribution
from tests.conftest import DATA

NATIONAL_REPORT = (
    DATA / "upr_slovenia_cycle4" / "A_HRC_WG.6_48_SVN_1_national_report.txt"
)


@pytest.fixture(scope="session")
def slovenian_parts() -> dict[str, str]:
    """Each thematic part's section text, as the demo builds it (A to N)."""
    from unreader.national_report import read_national_report, section_text

    report = read_national_report(NATIONAL_REPORT.read_text(encoding="utf-8"))
    parts = {}
    for heading in report.headings:
        for part in heading.children:
            parts[part.label or part.title] = section_text(part)
    return parts


@pytest.fixture
def long_section(report, slovenian_parts):
    """Part C (non-discrimination, about 1,500 words) as a section's text."""
    section = report.sections.get(key="upr.C")
    section.text = slovenian_parts["C"]
    section.save()
    return section


def propose(person, section, text) -> Contribution:
    section.refresh_from_db()
    return do_create_contribution(
        person,
        section,
        text=text,
        kind=Contribution.Kind.PROPOSAL,
        base_version=section.version,
    )


def send(personas, contribution, *, focal_point=None, validator=None) -> None:
    """Submitted by its focal point, validated where the entity has a validator."""
    number = contribution.latest_revision().number
    do_submit_contribution(
        focal_point or personas.focal_point, contribution, base_number=number
    )
    if contribution.entity.requires_validation():
        do_validate_contribution(
            validator or personas.validator, contribution, base_number=number
        )
