"""The body of an export: numbers, lists, tables, links and annexes."""

from __future__ import annotations

import io
import zipfile

from docx.oxml.ns import qn

from drafting.sectiontext import parse
from templates_docx import styles
from templates_docx.model import ExportSection
from templates_docx.render import render_report
from tests.templates_docx.reading import (
    numbers,
    open_docx,
    paragraphs,
    part_xml,
    texts_in,
)
from tests.templates_docx.samples import slovenia_report


def render_sample(**changes):
    return render_report(slovenia_report(**changes))


def test_it_numbers_paragraphs_consecutively_across_sections():
    document = open_docx(render_sample().content)

    body = texts_in(document, styles.PARA)
    # The annex paragraph (1.) comes last and restarts; the body runs 1..9.
    assert numbers(body) == [f"{n}." for n in range(1, 10)] + ["1."]
    assert body[0].startswith("1.\tIn March 2022, the Republic of Slovenia")
    assert body[8].startswith("9.\tThe amendment to the Criminal Code")


def test_it_numbers_headings_as_the_un_does():
    document = open_docx(render_sample().content)

    assert texts_in(document, styles.HEADING_1) == [
        "I.\tIntroduction",
        "II.\tImplementation of recommendations from previous cycles",
    ]
    assert texts_in(document, styles.HEADING_2) == [
        "A.\tInternational obligations",
        "B.\tInstitutional framework of human rights protection",
        "C.\tNon-discrimination and elimination of hate speech",
    ]
    assert texts_in(document, styles.HEADING_3) == ["1.\tHate speech"]


def test_it_restarts_lettered_headings_under_each_chapter():
    sections = (
        ExportSection("First chapter", 1),
        ExportSection("Part one", 2),
        ExportSection("Part two", 2),
        ExportSection("Second chapter", 1),
        ExportSection("Part again", 2),
    )
    document = open_docx(render_sample(sections=sections, inputs_used=()).content)

    assert numbers(texts_in(document, styles.HEADING_2)) == ["A.", "B.", "A."]


def test_it_letters_sub_items_by_position_restarting_after_each_paragraph():
    document = open_docx(render_sample().content)

    items = texts_in(document, styles.SUB_ITEM)
    assert numbers(items) == ["(a)", "(b)", "(c)", "(a)"]
    # The author typed (d) for the third item; position wins.
    assert items[2] == "(c)\tThe Racial Equality Law (Law No. 12,288), in 2010;"


def test_it_letters_past_z_by_doubling():
    text = "Paragraph.\n\n" + "\n\n".join(f"(a) item {n}" for n in range(1, 29))
    sections = (ExportSection("Long list", 1, tuple(parse(text))),)
    document = open_docx(render_sample(sections=sections, inputs_used=()).content)

    labels = numbers(texts_in(document, styles.SUB_ITEM))
    assert labels[25:] == ["(z)", "(aa)", "(bb)"]


def test_it_writes_bullets_and_lists_that_restart_at_one():
    text = "1. first\n2. second\n\nbetween\n\n7. again\n8. and again"
    sections = (ExportSection("Lists", 1, tuple(parse(text))),)
    document = open_docx(render_sample(sections=sections, inputs_used=()).content)

    assert numbers(texts_in(document, styles.NUMBERED)) == ["1.", "2.", "1.", "2."]
    bullets = texts_in(open_docx(render_sample().content), styles.BULLET)
    assert bullets == [
        "\u2022\tthe Media Act;",
        "\u2022\tthe Audiovisual Media Services Act.",
    ]


def test_it_writes_unnumbered_paragraphs_without_a_number():
    document = open_docx(render_sample().content)

    assert "(Recommendations 1, 5, 7–9, 11–12, 158–160)" in texts_in(
        document, styles.PARA_UNNUMBERED
    )


def test_it_writes_tables_with_a_repeated_header_row_and_borders():
    document = open_docx(render_sample().content)

    table = document.tables[0]
    assert table.style.name == styles.TABLE
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert cells == [
        ["Act", "Article"],
        ["Constitution", "Article 14"],
        ["Criminal Code", "Article 297"],
    ]
    assert table.rows[0]._tr.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
    assert table.rows[1]._tr.find(qn("w:trPr")) is None
    assert table.rows[2].cells[1].paragraphs[0].runs[0].bold
    borders = table.style.element.find(qn("w:tblPr")).find(qn("w:tblBorders"))
    assert borders.find(qn("w:insideH")).get(qn("w:val")) == "single"


def test_it_keeps_bold_italic_and_page_breaks():
    text = "Plain, **bold**, *italic* and ***both***.\n\n\\newpage\n\nAfter the break."
    sections = (ExportSection("Emphasis", 1, tuple(parse(text))),)
    document = open_docx(render_sample(sections=sections, inputs_used=()).content)

    runs = document.paragraphs[-3].runs
    formats = {run.text: (bool(run.bold), bool(run.italic)) for run in runs}
    assert formats["bold"] == (True, False)
    assert formats["italic"] == (False, True)
    assert formats["both"] == (True, True)
    page_break = document.paragraphs[-2]._p.find(f".//{qn('w:br')}")
    assert page_break.get(qn("w:type")) == "page"


def test_it_writes_links_as_real_hyperlinks():
    text = "See the [UPR page](https://www.ohchr.org/en/hr-bodies/upr/si-index)."
    sections = (ExportSection("Links", 1, tuple(parse(text))),)
    content = render_sample(sections=sections, inputs_used=()).content
    document = open_docx(content)

    link = document.paragraphs[-1].hyperlinks[0]
    assert link.text == "UPR page"
    assert link.address == "https://www.ohchr.org/en/hr-bodies/upr/si-index"
    assert document.part.rels[link._hyperlink.rId].is_external


def test_it_puts_annexes_after_the_body_outside_the_numbering():
    document = open_docx(render_sample().content)

    styled = paragraphs(document)
    annexes = [
        i for i, (style, _) in enumerate(styled) if style == styles.ANNEX_HEADING
    ]
    last_body = max(
        i for i, (style, _) in enumerate(styled) if style == styles.HEADING_3
    )
    assert annexes and min(annexes) > last_body
    assert [styled[i][1] for i in annexes] == [
        "Annex I\nVoluntary mid-term report",
        "Annex II\nInputs used",
    ]


def test_it_lists_the_inputs_used_per_numbered_paragraph_in_reading_order():
    document = open_docx(render_sample().content)

    table = document.tables[-1]
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    mfea = "Ministry of Foreign and European Affairs (2, 3 May 2024)"
    assert cells == [
        ["Paragraph", "Section", "Contributions", "Consultation comments"],
        ["1", "Introduction", mfea, ""],
        ["2", "Introduction", mfea, ""],
        ["3", "Introduction", mfea, ""],
        [
            "7",
            "Non-discrimination and elimination of hate speech",
            "Ministry of Justice (3, 12 June 2024)",
            "",
        ],
    ]


def test_it_gives_the_same_bytes_for_the_same_report():
    first = render_sample().content
    second = render_sample().content

    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        names = archive.namelist()
        stamps = {info.date_time for info in archive.infolist()}
    assert names[0] == "[Content_Types].xml"
    assert stamps == {(1980, 1, 1, 0, 0, 0)}


def test_it_dates_the_file_on_the_day_of_issue():
    core = part_xml(render_sample().content, "docProps/core.xml")
    created = core.find("{http://purl.org/dc/terms/}created")

    assert created.text == "2024-10-30T00:00:00Z"
