"""The masthead, title block and page furniture filled in by docxtpl."""

from __future__ import annotations

import datetime as dt

from docx.oxml.ns import qn

from templates_docx import styles
from templates_docx.render import render_report
from tests.templates_docx.reading import notes, open_docx, paragraphs, part_xml
from tests.templates_docx.samples import slovenia_report


def test_it_fills_the_masthead_like_a_un_document():
    document = open_docx(render_report(slovenia_report()).content)

    masthead = [
        text for style, text in paragraphs(document) if style == styles.MASTHEAD
    ]
    assert masthead == [
        "United Nations\tA/HRC/WG.6/48/SVN/1",
        "General Assembly\tDistr.: General",
        "\t30 October 2024",
        "\tOriginal: English",
    ]


def test_it_writes_the_body_lines_title_and_state():
    document = open_docx(render_report(slovenia_report()).content)
    styled = paragraphs(document)

    body_lines = [text for style, text in styled if style == styles.BODY_LINE and text]
    assert body_lines == [
        "Human Rights Council",
        "Working Group on the Universal Periodic Review",
        "Forty-eighth session",
        "Geneva, 20–31 January 2025",
    ]
    assert (styles.TITLE, slovenia_report().title + "*") in styled
    assert (styles.STATE, "Slovenia") in styled


def test_it_notes_the_lack_of_formal_editing_in_a_starred_footnote():
    content = render_report(slovenia_report()).content
    title = next(
        p for p in open_docx(content).paragraphs if p.style.name == styles.TITLE
    )

    reference = title._p.find(f".//{qn('w:footnoteReference')}")
    assert reference.get(qn("w:customMarkFollows")) == "1"
    star = next(
        n for n in notes(content) if n.get(qn("w:id")) == reference.get(qn("w:id"))
    )
    assert "".join(t.text for t in star.iter(qn("w:t"))) == (
        "*The present document is being issued without formal editing."
    )


def test_it_leaves_out_star_and_note_for_an_edited_document():
    content = render_report(slovenia_report(without_formal_editing=False)).content
    document = open_docx(content)

    title = next(p for p in document.paragraphs if p.style.name == styles.TITLE)
    assert title.text == slovenia_report().title
    assert all("formal editing" not in "".join(n.itertext()) for n in notes(content))
    assert next(n.get(qn("w:id")) for n in notes(content)) == "1"


def test_it_puts_the_symbol_in_the_header_and_the_page_number_in_the_footer():
    document = open_docx(render_report(slovenia_report()).content)
    section = document.sections[0]

    assert section.header.paragraphs[0].text == "A/HRC/WG.6/48/SVN/1"
    assert section.even_page_header.paragraphs[0].text == "A/HRC/WG.6/48/SVN/1"
    assert section.different_first_page_header_footer
    field = section.footer.paragraphs[0]._p.find(qn("w:fldSimple"))
    assert field.get(qn("w:instr")).strip() == "PAGE"


def test_it_writes_the_date_in_the_report_language():
    report = slovenia_report(
        issued_on=dt.date(2025, 3, 24), language_code="fr", original_language="anglais"
    )
    document = open_docx(render_report(report).content)

    masthead = [
        text for style, text in paragraphs(document) if style == styles.MASTHEAD
    ]
    assert masthead[1] == "General Assembly\tDistr. générale".replace(
        "General Assembly", "Assemblée générale"
    )
    assert masthead[2] == "\t24 mars 2025"
    assert masthead[3] == "\tOriginal\u00a0: anglais"


def test_it_sets_the_document_language():
    content = render_report(slovenia_report()).content

    lang = part_xml(content, "word/styles.xml").find(
        f".//{qn('w:rPrDefault')}//{qn('w:lang')}"
    )
    assert lang.get(qn("w:val")) == "en-GB"
