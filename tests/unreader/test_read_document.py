from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unreader.detect import detect_kind, read_document
from unreader.errors import UnreadableDocument

from .documents import (
    CONCLUDING_OBSERVATIONS,
    GUIDELINES,
    NATIONAL_REPORT,
    VIEWS,
    WORKING_GROUP_REPORT,
    text_of,
)

REAL = [NATIONAL_REPORT, CONCLUDING_OBSERVATIONS, WORKING_GROUP_REPORT, VIEWS]


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        (NATIONAL_REPORT, "upr_national_report"),
        (CONCLUDING_OBSERVATIONS, "concluding_observations"),
        (WORKING_GROUP_REPORT, "upr_working_group_report"),
        (VIEWS, "upr_views_on_recommendations"),
    ],
)
def test_it_detects_the_kind_of_each_real_document(path, kind):
    assert detect_kind(text_of(path)) == kind
    assert read_document(text_of(path))["kind"] == kind


def test_it_returns_json_ready_paragraphs_with_their_headings():
    data = read_document(text_of(CONCLUDING_OBSERVATIONS))

    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    numbered = [p for p in data["paragraphs"] if p["number"] is not None]
    assert len(numbered) == 70
    assert numbered[35]["heading"] == (
        "Excessive use of force by law enforcement and military officials"
    )
    assert [item["label"] for item in numbered[35]["subitems"]] == list("abcdefgh")
    assert data["next_report"]["word_limit"] == 21200


def test_it_returns_the_recommendations_and_positions():
    report = read_document(text_of(WORKING_GROUP_REPORT))
    views = read_document(text_of(VIEWS))

    assert len(report["recommendations"]) == 254
    assert report["recommendations"][6]["states"] == ["Maldives", "Portugal"]
    assert views["totals"] == {"supported": 217, "noted": 37}
    assert views["positions"]["140.1"] == "noted"


def test_it_refuses_a_un_document_of_another_kind():
    with pytest.raises(UnreadableDocument, match="not a UN document of a kind we read"):
        read_document(text_of(GUIDELINES))


def test_it_refuses_binary_content():
    with pytest.raises(UnreadableDocument, match="not plain text"):
        read_document("\x00%PDF-1.7")


def test_it_refuses_a_title_without_a_body():
    with pytest.raises(UnreadableDocument, match="No numbered paragraph 1"):
        read_document("National report submitted pursuant to Human Rights Council")


def assert_total(text: str) -> None:
    try:
        result = read_document(text)
    except UnreadableDocument as err:
        assert str(err)
    else:
        assert isinstance(result, dict)
        json.dumps(result)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_is_read_or_refused_with_a_domain_error(text):
    assert_total(text)


def real_lines() -> list[str]:
    lines: list[str] = []
    for path in REAL:
        lines.extend(text_of(path).splitlines())
    return lines


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    st.sampled_from(REAL),
    st.lists(st.sampled_from(real_lines()), max_size=60),
    st.lists(st.text(max_size=40), max_size=10),
    st.integers(min_value=0, max_value=2000),
)
def test_real_documents_spliced_with_other_lines_are_read_or_refused(
    path, foreign, noise, cut
):
    # Keep the masthead so the kind is detected and the deep readers run,
    # then feed them lines in the wrong places and stray text.
    lines = text_of(path).splitlines()
    head, tail = lines[:cut], lines[cut:]
    assert_total("\n".join(head + foreign + noise + tail[: len(tail) // 2]))


STRUCTURE = st.sampled_from(
    [
        "National report submitted pursuant to Human Rights\n",
        "Concluding observations on the reports of X*\n",
        "Report of the Working Group on the Universal Periodic Review\n",
        "Addendum\nViews on conclusions\naccepts the following recommendations: ",
        "takes note of recommendations ",
        "United Nations A/HRC/1/2\n",
        "Distr.: General 1 May 2020\n",
        "1. ",
        "2. ",
        "I. ",
        "A. ",
        "(a) ",
        "(b) ",
        "140.1 ",
        "140.2-5, 7\n",
        "(Ghana) ",
        "((",
        "))",
        "Notes\n",
        "Annex\n",
        "* ",
        "1 ",
        "\n\n",
        "\f",
        "-\n",
        "within one year paragraphs 3 (a)–(c) ",
        "submit its twentieth periodic report by 2026 limit of 21,200 words ",
        "2024.1 ",
        "word",
        " ",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(STRUCTURE, max_size=80).map("".join))
def test_text_made_of_document_structure_is_read_or_refused(text):
    assert_total(text)
