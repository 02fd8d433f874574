from __future__ import annotations

from functools import cache

import pytest

from unreader.concluding_observations import (
    ConcludingObservations,
    ordinal_value,
    read_concluding_observations,
)
from unreader.errors import UnreadableDocument
from unreader.references import Reference, parse_references, references_after

from .documents import CONCLUDING_OBSERVATIONS, NATIONAL_REPORT, text_of


@cache
def brazil() -> ConcludingObservations:
    return read_concluding_observations(text_of(CONCLUDING_OBSERVATIONS))


def test_it_reads_the_masthead():
    co = brazil()

    assert co.symbol == "CERD/C/BRA/CO/18-20"
    assert co.date == "2022-12-19"
    assert co.title == (
        "Concluding observations on the combined eighteenth to twentieth "
        "periodic reports of Brazil"
    )
    assert co.state == "Brazil"


def test_it_reads_exactly_70_numbered_paragraphs_in_order():
    assert [p.number for p in brazil().numbered_paragraphs()] == list(range(1, 71))
    assert all(p.number is not None for p in brazil().body.paragraphs())


def test_it_reads_the_lettered_headings_and_the_subheadings_under_c():
    co = brazil()
    concerns = co.headings[2]

    assert [h.text for h in co.headings] == [
        "A. Introduction",
        "B. Positive aspects",
        "C. Concerns and recommendations",
    ]
    assert concerns.children[0].title == "Disaggregated demographic data collection"
    assert concerns.children[-1].title == "Preparation of the next periodic report"
    assert "Right to health and the impact of the COVID-19 pandemic" in [
        child.title for child in concerns.children
    ]
    # The file indents exactly these 36 lines (and the title) by two spaces.
    assert len(concerns.children) == 36


def test_paragraph_1_stands_before_the_first_heading():
    first = brazil().body.paragraph(1)

    assert first.heading is None
    assert first.text.startswith("The Committee considered the combined eighteenth")


def test_each_paragraph_knows_the_heading_it_falls_under():
    co = brazil()

    assert co.body.paragraph(2).heading == "A. Introduction"
    assert co.body.paragraph(36).heading_path == (
        "C. Concerns and recommendations",
        "Excessive use of force by law enforcement and military officials",
    )
    assert co.body.paragraph(70).heading == "Preparation of the next periodic report"


def test_it_reads_sub_items_each_with_its_own_text():
    co = brazil()
    items = co.body.paragraph(36).subitems

    assert [item.label for item in items] == list("abcdefgh")
    assert (
        items[0].text
        == "Ensuring the demilitarization of law enforcement activities in Brazil;"
    )
    assert items[-1].text == (
        "Consulting with representatives of Afro-Brazilian communities on all "
        "measures to address police brutality."
    )
    assert [item.label for item in co.body.paragraph(4).subitems] == list("abcde")


def test_it_keeps_page_bottom_footnotes_and_the_masthead_out_of_the_text():
    co = brazil()
    item = co.body.paragraph(17).subitems[0]

    assert (
        "Peoples, Quilombolas and non-citizens are and remain fully vaccinated"
        in item.text
    )
    assert "COVID-19 pandemic, as well as future public health emergencies" in item.text
    assert "General Assembly resolution 70/1" not in co.body.paragraph(14).text
    assert co.body.paragraph(14).text.endswith("to reach the furthest behind first.")
    assert co.body.paragraph(4).subitems[-1].text == (
        "The National Comprehensive Health Policy for the Afro-Brazilian Population."
    )


def test_it_places_the_page_bottom_footnotes_at_their_marks():
    co = brazil()
    notes = co.body.notes
    first = co.body.paragraph(1)
    illiteracy = co.body.paragraph(19).subitems[0]

    assert sorted(notes) == list(range(1, 13))
    assert notes[1] == "CERD/C/BRA/18-20."
    assert first.text[: first.notes[0].offset].endswith("periodic reports of Brazil,")
    assert illiteracy.notes[0].number == 5
    assert illiteracy.text[: illiteracy.notes[0].offset].endswith("address illiteracy,")
    # A web address broken over two lines is joined without a space.
    assert "05-anuario-2022-letalidade-policial" in notes[7]


def test_it_reads_the_follow_up_request_of_paragraph_68():
    follow_up = brazil().follow_up

    assert follow_up is not None
    assert follow_up.paragraph == 68
    assert follow_up.within == "one year"
    assert follow_up.months == 12
    assert [(r.paragraph, r.subitems) for r in follow_up.references] == [
        (17, ("a",)),
        (19, ("c",)),
        (23, ("a",)),
        (36, ("a", "b", "c", "d")),
    ]
    assert follow_up.references[1].topic == "disparities in access to education"


def test_it_reads_the_paragraphs_of_particular_importance():
    references = brazil().particular_importance

    assert references[0] == Reference(
        17,
        ("b", "c", "e", "f"),
        "right to health and the impact of the COVID-19 pandemic",
    )
    assert [r.paragraph for r in references] == [17, 23, 27, 33, 46, 48, 50, 53, 60]
    assert references[1].subitems == ()


def test_it_reads_the_next_periodic_report_of_paragraph_70():
    next_report = brazil().next_report

    assert next_report is not None
    assert next_report.paragraph == 70
    assert (next_report.first, next_report.last) == (20, 22)
    assert next_report.combined
    assert next_report.due == "2026"
    assert next_report.word_limit == 21200
    assert next_report.symbol == "CERD/C/BRA/20-22"


def test_references_read_ranges_and_stop_at_the_first_other_word():
    text = brazil().body.paragraph(69).text

    references = references_after(text)

    assert references[-1] == Reference(
        60,
        ("e",),
        "efforts to combat racial prejudices, increase understanding and address "
        "legacies of historical injustices",
    )
    assert parse_references("above and requests the State party") == []


def test_references_survive_an_unclosed_bracket():
    assert parse_references("17 (a) (right to health") == [Reference(17, ("a",))]


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("eighteenth", 18),
        ("twentieth", 20),
        ("twenty-second", 22),
        ("thirty-first", 31),
        ("first", 1),
        ("umpteenth", None),
    ],
)
def test_it_reads_ordinal_words(word, value):
    assert ordinal_value(word) == value


def test_it_refuses_a_document_that_is_not_concluding_observations():
    with pytest.raises(UnreadableDocument, match="not concluding observations"):
        read_concluding_observations(text_of(NATIONAL_REPORT))
