"""The "Inputs used" annex lists, per numbered paragraph, who shaped it."""

import pytest

from contributions.actions import do_accept_revision, do_create_contribution
from contributions.actions.review import Decision, do_review_contribution, review_plan
from drafting.actions import do_update_section_text
from drafting.demo import load_demo
from drafting.export import build_export
from drafting.models import Report
from tests.contributions.conftest import propose, send

pytestmark = pytest.mark.django_db


def _annex(report):
    return {
        (i.entity, i.revision): i.paragraphs for i in build_export(report).inputs_used
    }


def test_words_accepted_from_two_ministries_are_attributed_to_each(
    personas, report, slovenian_parts
):
    # upr.A holds paragraphs 1–2 of the export; upr.B comes next.
    section = report.sections.get(key="upr.B")
    justice = do_create_contribution(
        personas.focal_point, section, text=slovenian_parts["B"]
    )
    send(personas, justice)
    do_accept_revision(
        personas.drafter, justice.latest_revision(), base_version=section.version
    )
    section.refresh_from_db()
    first = next(
        block for block in section.text.split("\n\n") if not block.startswith(">")
    )
    labour = propose(
        personas.other_focal_point,
        section,
        section.text.replace(first, first + " Labour added this sentence.", 1),
    )
    send(personas, labour, focal_point=personas.other_focal_point)
    plan = review_plan(labour, section)
    do_review_contribution(
        personas.drafter,
        labour,
        base_version=plan.section_version,
        base_number=1,
        decisions={p.change.number: Decision("accept") for p in plan.placements},
    )
    annex = _annex(report)
    justice_paragraphs = annex[("Ministry of Justice", "r1")]
    labour_paragraphs = annex[
        ("Ministry of Labour, Family, Social Affairs and Equal Opportunities", "r1")
    ]
    assert justice_paragraphs[0] == 3  # after the introduction's two
    assert labour_paragraphs == (3,)
    assert len(justice_paragraphs) == slovenian_parts["B"].count("\n\n") + 1 - sum(
        1 for b in slovenian_parts["B"].split("\n\n") if b.startswith(("#", ">"))
    )


def test_a_paragraph_the_secretariat_rewrote_no_longer_names_the_ministry(
    personas, report, slovenian_parts
):
    section = report.sections.get(key="upr.B")
    justice = do_create_contribution(
        personas.focal_point, section, text=slovenian_parts["B"]
    )
    send(personas, justice)
    do_accept_revision(
        personas.drafter, justice.latest_revision(), base_version=section.version
    )
    section.refresh_from_db()
    before = _annex(report)[("Ministry of Justice", "r1")]
    blocks = section.text.split("\n\n")
    numbered = [i for i, b in enumerate(blocks) if not b.startswith(("#", ">"))]
    blocks[numbered[0]] = "The secretariat wrote this paragraph itself."
    do_update_section_text(
        personas.drafter,
        section,
        text="\n\n".join(blocks),
        base_version=section.version,
    )
    after = _annex(report)[("Ministry of Justice", "r1")]
    assert after == before[1:]


def test_the_demo_annex_attributes_each_slovenian_paragraph_to_its_ministry():
    load_demo(extras=False)
    report = Report.objects.get(slug="svn-upr4")
    annex = build_export(report).inputs_used
    by_paragraph: dict[int, set[str]] = {}
    for item in annex:
        for number in item.paragraphs:
            by_paragraph.setdefault(number, set()).add(item.entity)
    assert sorted(by_paragraph) == list(range(1, 152))
    assert all(len(entities) == 1 for entities in by_paragraph.values())
    hate_speech = next(
        i for i in annex if i.section_heading.startswith("Non-discrimination")
    )
    assert hate_speech.entity == "Ministry of Justice"
