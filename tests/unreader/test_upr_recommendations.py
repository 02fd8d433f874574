from __future__ import annotations

import html
import re
from functools import cache

import pytest

from unreader.errors import UnreadableDocument
from unreader.upr_recommendations import (
    ViewsOnRecommendations,
    WorkingGroupReport,
    number_list,
    read_views_on_recommendations,
    read_working_group_report,
    split_states,
)

from .documents import (
    NATIONAL_REPORT,
    THEMATIC_LIST,
    VIEWS,
    WORKING_GROUP_REPORT,
    text_of,
)


@cache
def report() -> WorkingGroupReport:
    return read_working_group_report(text_of(WORKING_GROUP_REPORT))


@cache
def views() -> ViewsOnRecommendations:
    return read_views_on_recommendations(text_of(VIEWS))


def recommendation(number: str):
    return next(r for r in report().recommendations if r.number == number)


def typographic(text: str) -> str:
    """Flatten the apostrophes and non-breaking hyphens that the OHCHR
    thematic list sets differently from the report."""
    text = html.unescape(text).replace("’", "'").replace("\u2011", "-")
    return re.sub(r" ?' ?", "'", re.sub(r" ?- ?", "-", text))


def test_it_reads_the_masthead():
    assert report().symbol == "A/HRC/59/15"
    assert report().date == "2025-03-24"
    assert report().state == "Slovenia"


def test_it_reads_exactly_the_254_recommendations_in_order():
    numbers = [r.number for r in report().recommendations]

    assert numbers == [f"140.{n}" for n in range(1, 255)]


def test_it_reads_a_recommendation_made_by_eight_states_over_three_lines():
    first = recommendation("140.1")

    assert first.text == (
        "Ratify the International Convention on the Protection of the Rights of All "
        "Migrant Workers and Members of Their Families"
    )
    assert first.states == (
        "Algeria",
        "Cabo Verde",
        "Paraguay",
        "South Sudan",
        "Sri Lanka",
        "Togo",
        "Uruguay",
        "Bolivarian Republic of Venezuela",
    )


@pytest.mark.parametrize(
    ("number", "states"),
    [
        ("140.7", ("Maldives", "Portugal")),
        ("140.37", ("Sierra Leone",)),
        ("140.45", ("United Kingdom of Great Britain and Northern Ireland",)),
        ("140.167", ("Venezuela (Bolivarian Republic of)",)),
        ("140.254", ("Iraq",)),
    ],
)
def test_it_reads_the_recommending_states(number, states):
    assert recommendation(number).states == states


def test_it_joins_a_recommendation_across_a_page_break():
    last = recommendation("140.254")

    assert last.text == (
        "Strengthen measures to reduce statelessness and ensure the protection of "
        "stateless persons"
    )
    assert recommendation("140.10").text.startswith("Consider ratifying the Optional")


def test_every_recommendation_matches_the_ohchr_thematic_list():
    published: dict[str, str] = {}
    for line in THEMATIC_LIST.read_text(encoding="utf-8").splitlines():
        if match := re.match(r"(140\.\d+) (.*)$", line.strip()):
            published[match[1]] = match[2].rstrip(";.")

    for item in report().recommendations:
        ours = item.text + " " + " ".join(f"({state})" for state in item.states)
        assert typographic(ours) == typographic(published[item.number]), item.number


def test_the_paragraph_that_introduces_the_list_keeps_only_its_sentence():
    introduction = report().body.paragraph(140).text

    assert introduction.endswith(
        "no later than the fifty-ninth session of the Human Rights Council:"
    )
    assert [p.number for p in report().body.numbered()] == list(range(1, 142))


def test_it_keeps_a_bracket_that_is_not_a_state_in_the_text():
    text, states = split_states("Implement resolution (48/13) (Spain)")

    assert (text, states) == ("Implement resolution (48/13)", ["Spain"])


def test_it_reads_the_positions_217_supported_and_37_noted():
    positions = views().positions

    assert views().totals() == {"supported": 217, "noted": 37}
    assert set(positions) == {f"140.{n}" for n in range(1, 255)}


@pytest.mark.parametrize(
    ("number", "position"),
    [
        ("140.1", "noted"),
        ("140.7", "supported"),
        # The list prints "140.35. 140.36": a full stop between numbers.
        ("140.36", "supported"),
        ("140.11", "supported"),
        ("140.252", "supported"),
        ("140.253", "noted"),
        ("140.254", "supported"),
    ],
)
def test_it_reads_the_position_on_a_recommendation(number, position):
    assert views().positions[number] == position


def test_it_reads_the_explanation_given_for_a_group_of_recommendations():
    explanations = views().explanations

    assert explanations["140.82"] == explanations["140.87"]
    assert explanations["140.82"].startswith(
        "Slovenia implements anti-trafficking measures"
    )
    assert "140.86" not in explanations
    assert explanations["140.253"] == (
        "There is no specific procedure in Slovenian legislation. Statelessness is "
        "determined on a case-by-case basis."
    )


def test_number_lists_end_at_the_first_range():
    assert number_list("140.241, 140.252. 140.11-14 The 1961 Convention") == [
        "140.241",
        "140.252",
    ]
    assert number_list("140.239, 140.240, 140.253 and wishes") == [
        "140.239",
        "140.240",
        "140.253",
    ]


def test_it_refuses_a_document_that_is_not_the_working_group_report():
    with pytest.raises(UnreadableDocument, match="not a UPR Working Group report"):
        read_working_group_report(text_of(NATIONAL_REPORT))


def test_it_refuses_a_document_without_views():
    with pytest.raises(UnreadableDocument, match="Addendum"):
        read_views_on_recommendations(text_of(WORKING_GROUP_REPORT))
