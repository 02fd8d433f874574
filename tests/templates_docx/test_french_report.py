"""A French treaty report, made for these tests, comes out as a French UN document."""

from __future__ import annotations

from docx.oxml.ns import qn

from templates_docx import styles
from templates_docx.render import render_report
from tests.templates_docx.reading import (
    note_text,
    notes,
    numbers,
    open_docx,
    paragraphs,
    part_xml,
    texts_in,
)
from tests.templates_docx.samples import french_report


def test_it_writes_the_french_masthead_and_title_block():
    document = open_docx(render_report(french_report()).content)

    assert texts_in(document, styles.MASTHEAD) == [
        "Nations Unies\tCERD/C/FRA/23-24",
        "Convention internationale sur l’élimination de toutes les formes de "
        "discrimination raciale\tDistr. générale",
        "\t24 mars 2025",
        "\tOriginal\u00a0: français",
    ]
    assert texts_in(document, styles.BODY_LINE)[-1] == (
        "Comité pour l’élimination de la discrimination raciale"
    )
    title = texts_in(document, styles.TITLE)[0]
    assert title.endswith("attendu en 2024*")
    # A treaty report names the State in its title, with no line of its own.
    assert texts_in(document, styles.STATE) == []


def test_it_numbers_the_french_body_as_the_un_does():
    document = open_docx(render_report(french_report()).content)

    assert numbers(texts_in(document, styles.PARA)) == ["1.", "2.", "3.", "4."]
    assert numbers(texts_in(document, styles.SUB_ITEM)) == ["(a)", "(b)"]
    assert texts_in(document, styles.HEADING_1) == [
        "I.\tIntroduction",
        "II.\tMesures de mise en œuvre",
    ]
    assert texts_in(document, styles.HEADING_2) == ["A.\tArticle 4 de la Convention"]
    assert texts_in(document, styles.HEADING_3) == ["1.\tCadre législatif"]
    assert texts_in(document, styles.SUB_ITEM)[0].endswith("ethnique\u00a0;")


def test_it_keeps_the_french_footnotes_in_order():
    content = render_report(french_report()).content

    texts = [note_text(note) for note in notes(content)]
    assert texts[0].startswith("*Le présent document")
    assert texts[1].startswith("Directives pour l’établissement du document")
    assert texts[2] == "Journal officiel du 25 août 2021."


def test_it_labels_the_annex_and_its_table_in_french():
    document = open_docx(render_report(french_report()).content)

    assert (styles.ANNEX_HEADING, "Annexe\nContributions utilisées") in paragraphs(
        document
    )
    header = [cell.text for cell in document.tables[-1].rows[0].cells]
    assert header == [
        "Paragraphe",
        "Section",
        "Contributions",
        "Observations reçues en consultation",
    ]
    first = [cell.text for cell in document.tables[-1].rows[1].cells]
    assert first[2] == (
        "Ministère de l’Europe et des affaires étrangères (r2, 15 janvier 2025)"
    )


def test_it_sets_the_french_proofing_language():
    content = render_report(french_report()).content

    lang = part_xml(content, "word/styles.xml").find(
        f".//{qn('w:rPrDefault')}//{qn('w:lang')}"
    )
    assert lang.get(qn("w:val")) == "fr-FR"
