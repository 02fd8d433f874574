from __future__ import annotations

from functools import cache

import pytest

from drafting.sectiontext import nodes, parse
from unreader.errors import UnreadableDocument
from unreader.model import Paragraph
from unreader.national_report import (
    NationalReport,
    read_national_report,
    section_text,
    section_texts,
)
from unreader.sections import heading_blocks

from .documents import BRAZIL_NATIONAL_REPORT, NATIONAL_REPORT, VIEWS, text_of


@cache
def slovenia() -> NationalReport:
    return read_national_report(text_of(NATIONAL_REPORT))


@cache
def brazil() -> NationalReport:
    return read_national_report(text_of(BRAZIL_NATIONAL_REPORT))


def note_at(paragraph: Paragraph, number: int) -> tuple[str, str]:
    """The text just before and just after footnote ``number``'s mark."""
    note = next(n for n in paragraph.notes if n.number == number)
    return paragraph.text[: note.offset], paragraph.text[note.offset :]


def test_it_reads_the_masthead():
    report = slovenia()

    assert report.symbol == "A/HRC/WG.6/48/SVN/1"
    assert report.date == "2024-10-30"
    assert report.title == (
        "National report submitted pursuant to Human Rights Council resolutions "
        "5/1 and 16/21"
    )
    assert report.state == "Slovenia"


def test_it_reads_exactly_151_numbered_paragraphs_in_order():
    numbers = [p.number for p in slovenia().numbered_paragraphs()]

    assert numbers == list(range(1, 152))


def test_it_reads_the_chapters_exactly_as_printed():
    assert [h.text for h in slovenia().headings] == [
        "I. Introduction",
        "II. Implementation of recommendations from previous cycles",
        "III. Challenges in the field of human rights",
        "IV. Achievements in the sphere of human rights",
        "V. Voluntary pledges and commitments",
        "VI. Conclusion",
    ]


def test_it_nests_the_lettered_parts_a_to_n_under_chapter_ii():
    chapter = slovenia().headings[1]

    assert [part.label for part in chapter.children] == list("ABCDEFGHIJKLMN")
    assert chapter.children[0].text == "A. International obligations"
    assert chapter.children[-1].text == "N. Migration and international protection"
    assert all(part.level == 2 for part in chapter.children)


def test_it_keeps_the_recommendations_line_under_a_part_verbatim():
    part_a = slovenia().headings[1].children[0]

    first = part_a.paragraphs[0]
    assert first.number is None
    assert first.text == "(Recommendations 1, 5, 7–9, 11–12, 158–160)"
    assert [p.number for p in part_a.paragraphs[1:]] == [4, 5, 6, 7]


def test_it_reads_the_unmarked_lgbti_subheading_under_part_c():
    part_c = slovenia().headings[1].children[2]

    assert [child.text for child in part_c.children] == ["LGBTI"]
    assert [p.number for p in part_c.children[0].paragraphs] == [33, 34, 35, 36]
    assert not part_c.paragraphs[-1].text.endswith("LGBTI")


def test_it_gives_each_paragraph_the_heading_it_falls_under():
    report = slovenia()

    assert report.body.paragraph(1).heading_path == ("I. Introduction",)
    assert report.body.paragraph(84).heading_path == (
        "II. Implementation of recommendations from previous cycles",
        "G. National communities and the Roma community",
    )
    assert report.body.paragraph(33).heading == "LGBTI"


def test_it_reads_42_footnotes_and_places_every_one_once_in_order():
    report = slovenia()
    placed = [
        (index, note.offset, note.number)
        for index, paragraph in enumerate(report.body.paragraphs())
        for note in paragraph.notes
    ]

    assert sorted(report.footnotes) == list(range(1, 43))
    assert [number for _, _, number in placed] == list(range(1, 43))
    assert placed == sorted(placed)


@pytest.mark.parametrize(
    ("paragraph", "number", "before", "after"),
    [
        (1, 1, "submitted to the UN OHCHR", " a voluntary mid-term report"),
        (5, 2, "in favour of the UNHCR", " IBelong Campaign"),
        (14, 4, "personal circumstance of the victim.", " An offence committed"),
        (22, 6, "diversity related career challenges”.", ""),
        (34, 9, "by the end of 2024.", ""),
        (38, 11, "the amended Criminal Procedure Act", " introduced new provisions"),
        (84, 29, "entered into force in 2018.", " The possibility of legalisation"),
        (131, 39, "supervision and the EUAA", " offers ongoing training"),
        (147, 42, "Resolution (A/76/L.75) at the UNGA", " in 2022."),
    ],
)
def test_it_puts_a_footnote_at_its_mark(paragraph, number, before, after):
    text_before, text_after = note_at(slovenia().body.paragraph(paragraph), number)

    assert text_before.endswith(before)
    assert text_after.startswith(after)


def test_it_leaves_numbers_that_are_not_marks_in_the_text():
    report = slovenia()

    assert (
        "implementation of the UPR 3 rd cycle recommendations"
        in report.body.paragraph(1).text
    )
    assert "Resolution 48/13 on the right to a clean" in report.body.paragraph(147).text
    assert "(Article 14)" in report.body.paragraph(13).text
    assert "Government on 17 March 2022" in report.body.paragraph(150).text


def test_it_reads_the_footnote_texts_joined_across_lines_and_pages():
    notes = slovenia().footnotes

    assert (
        notes[1] == "United Nations Office of the High Commissioner for Human Rights."
    )
    # Note 10's number stands alone on its line.
    assert notes[10] == (
        "More information on the elimination of backlogs is included in the "
        "voluntary mid-term report (Recommendation 73)."
    )
    # "Mid-" ends a line and a blank line follows: the hyphen is real.
    assert notes[16].endswith("Voluntary Mid-term Report (Recommendation 66).")
    # Note 34 runs over a page break.
    assert notes[34].endswith(
        "natural and social environments, and to future generations."
    )
    assert notes[42] == "United Nations General Assembly."


def test_it_joins_paragraphs_across_page_breaks_without_page_furniture():
    paragraph = slovenia().body.paragraph(30).text

    assert "how to successfully tackle problematic situations" in paragraph
    assert "A/HRC" not in paragraph
    assert "GE.24" not in paragraph


def test_section_text_puts_footnotes_at_their_marks_and_no_paragraph_numbers():
    introduction = slovenia().headings[0]

    text = section_text(introduction)

    assert text.startswith("In March 2022, the Republic of Slovenia")
    assert (
        "UN OHCHR^[United Nations Office of the High Commissioner for Human "
        "Rights.] a voluntary" in text
    )
    assert not text.startswith("1.")


def test_section_text_writes_the_recommendations_line_as_an_unnumbered_paragraph():
    part_a = slovenia().headings[1].children[0]

    blocks = parse(section_text(part_a))

    assert blocks[0] == nodes.Paragraph(
        (nodes.Run("(Recommendations 1, 5, 7–9, 11–12, 158–160)"),), numbered=False
    )
    assert all(isinstance(b, nodes.Paragraph) and b.numbered for b in blocks[1:])
    assert len(blocks) == 5


def test_section_text_parses_back_to_the_tree_it_was_written_from():
    for heading, text in section_texts(slovenia().headings):
        assert parse(text) == heading_blocks(heading), heading.text


def test_section_text_can_include_the_parts_under_a_chapter():
    chapter = slovenia().headings[1]

    blocks = parse(section_text(chapter, include_subheadings=True))
    headings = [b for b in blocks if isinstance(b, nodes.Heading)]

    assert headings[0] == nodes.Heading((nodes.Run("A. International obligations"),), 2)
    assert nodes.Heading((nodes.Run("LGBTI"),), 3) in headings
    assert len(headings) == 15


def test_it_reads_the_brazilian_national_report():
    report = brazil()

    assert report.symbol == "A/HRC/WG.6/41/BRA/1"
    assert report.date == "2022-09-01"
    assert report.state == "Brazil"
    assert [p.number for p in report.numbered_paragraphs()] == list(range(1, 134))
    assert [h.label for h in report.headings] == ["I", "II", "III", "IV", "V"]
    assert report.headings[1].title == (
        "Developments in the normative and institutional frameworks for the "
        "promotion and protection of human rights"
    )


def test_it_reads_the_unlettered_subheadings_of_the_brazilian_chapter_iii():
    chapter = brazil().headings[2]

    assert [child.title for child in chapter.children] == [
        "International instruments, general recommendations and national human "
        "rights institutions",
        "Poverty reduction and social development",
        "Protection of specific groups (people of African descent, indigenous people, "
        "women, people with disabilities, children and adolescents, and LGBT people)",
        "Migrants, refugees, human rights defenders and fight against human trafficking",
        "Businesses and human rights",
        "Public security, fight against torture, justice system and fight against "
        "forced labor",
        "Right to health, housing and education",
    ]


def test_it_places_the_four_brazilian_footnotes_including_one_glued_to_a_year():
    report = brazil()

    assert sorted(report.footnotes) == [1, 2, 3, 4]
    assert note_at(report.body.paragraph(51), 1)[0].endswith(
        "November/2021 to January/2022"
    )
    assert note_at(report.body.paragraph(113), 2)[0].endswith("The courses")
    assert note_at(report.body.paragraph(129), 3)[0].endswith("Reporting and Follow-up")
    assert note_at(report.body.paragraph(129), 4)[0].endswith(
        "in the preparation of reports"
    )


def test_it_keeps_bullets_as_items_of_their_paragraph():
    bullets = brazil().body.paragraph(56).bullets

    assert len(bullets) == 3
    assert bullets[0].text.startswith("Launching of the course “Ethnic-racial policies")


def test_it_joins_a_hyphenated_word_split_by_a_page_header():
    assert (
        "taking into account an ethnic-racial perspective"
        in brazil().body.paragraph(58).text
    )


def test_it_refuses_a_document_that_is_not_a_national_report():
    with pytest.raises(UnreadableDocument, match="not a UPR national report"):
        read_national_report(text_of(VIEWS))
