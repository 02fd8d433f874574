"""Planning a report's sections from the committee's own documents."""

import datetime as dt

import pytest

from drafting.planning import plan_from_document
from reportdesk.errors import DomainError
from tests.conftest import DATA

CO = (
    DATA / "cerd_brazil" / "CERD_C_BRA_CO_18-20_concluding_observations.txt"
).read_text(encoding="utf-8")


def _skeleton(source: str) -> dict:
    return {"sections": [{"key": "holder", "heading": "x", "generated_from": source}]}


def test_a_follow_up_report_gets_one_section_per_selected_paragraph():
    plan = plan_from_document(_skeleton("follow_up_selection"), CO)
    assert [s.heading for s in plan.sections] == [
        "Information relating to paragraph 17 (a)",
        "Information relating to paragraph 19 (c)",
        "Information relating to paragraph 23 (a)",
        "Information relating to paragraph 36 (a)–(d)",
    ]
    assert plan.sections[0].guidance.startswith(
        "[right to health and the impact of the COVID-19 pandemic] 17. The Committee"
    )
    assert "(a)" in plan.sections[0].guidance and "(b)" not in plan.sections[0].guidance


def test_a_periodic_report_lists_every_topic_with_recommendations():
    plan = plan_from_document(_skeleton("previous_recommendations"), CO)
    assert len(plan.sections) == 32
    keys = [s.key for s in plan.sections]
    assert keys[:3] == ["co.6", "co.8", "co.10"]
    # The paragraphs about the procedure itself are not recommendations.
    assert not {"co.68", "co.69", "co.70"} & set(keys)
    health = next(s for s in plan.sections if s.key == "co.17")
    assert health.heading == "Right to health and the impact of the COVID-19 pandemic"
    assert health.guidance.startswith(
        "(CERD/C/BRA/CO/18-20, para. 17) 17. The Committee"
    )


def test_the_concluding_observations_set_the_calendar():
    plan = plan_from_document(_skeleton("follow_up_selection"), CO)
    follow_up, periodic = plan.obligations
    # Adopted on 19 December 2022 (the text's date), due within one year.
    assert (follow_up.kind, follow_up.due_date) == ("follow_up", dt.date(2023, 12, 19))
    assert follow_up.source_paragraph == 68
    assert periodic.title == "Periodic report CERD/C/BRA/20-22"
    assert (periodic.due_text, periodic.source_paragraph) == ("2026", 70)


def test_a_list_of_issues_gives_one_reply_section_per_question():
    # No list of issues is among the shared documents; this one is the real
    # concluding observations under a list-of-issues title, which has the same
    # shape: numbered paragraphs under headings.
    as_list = CO.replace(
        "Concluding observations on the", "List of issues in relation to the"
    )
    plan = plan_from_document(_skeleton("list_of_issues"), as_list)
    assert len(plan.sections) == 70
    assert plan.sections[16].heading == "Reply to paragraph 17 of the list of issues"


def test_a_document_of_the_wrong_kind_is_refused_with_a_reason():
    report = DATA / "upr_slovenia_cycle4" / "A_HRC_WG.6_48_SVN_1_national_report.txt"
    with pytest.raises(DomainError, match="not concluding observations"):
        plan_from_document(_skeleton("follow_up_selection"), report.read_text())


def test_a_skeleton_that_takes_no_document_says_so():
    with pytest.raises(DomainError, match="not built from a committee document"):
        plan_from_document({"sections": [{"key": "a", "heading": "A"}]}, CO)
