"""An Arabic report, made for these tests, runs right to left with its symbols intact."""

from __future__ import annotations

from docx.oxml.ns import qn

from templates_docx import styles
from templates_docx.bidi import mark_right_to_left
from templates_docx.render import render_report
from tests.templates_docx.reading import notes, open_docx, part_xml, texts_in
from tests.templates_docx.samples import arabic_report

RTL = qn("w:rtl")


def is_rtl(run) -> bool:
    rpr = run.find(qn("w:rPr"))
    return rpr is not None and rpr.find(RTL) is not None


def run_directions(paragraph) -> list[tuple[str, bool]]:
    return [
        ("".join(t.text or "" for t in run.iter(qn("w:t"))), is_rtl(run))
        for run in paragraph.iter(qn("w:r"))
    ]


def test_every_paragraph_and_the_page_run_right_to_left():
    content = render_report(arabic_report()).content
    document = open_docx(content)

    body = part_xml(content, "word/document.xml")
    for paragraph in body.iter(qn("w:p")):
        assert paragraph.find(f"{qn('w:pPr')}/{qn('w:bidi')}") is not None
    assert document.sections[0]._sectPr.find(qn("w:bidi")) is not None
    notes_root = part_xml(content, "word/footnotes.xml")
    for paragraph in notes_root.iter(qn("w:p")):
        assert paragraph.find(f"{qn('w:pPr')}/{qn('w:bidi')}") is not None


def test_a_quoted_symbol_keeps_its_left_to_right_order():
    document = open_docx(render_report(arabic_report()).content)

    first = texts_in(document, styles.PARA)[0]
    assert "الوثيقة CCPR/C/2009/1" in first
    paragraph = next(p for p in document.paragraphs if p.style.name == styles.PARA)
    directions = run_directions(paragraph._p)
    assert ("CCPR/C/2009/1", False) in directions
    assert all(rtl for text, rtl in directions if "الدولة" in text)
    # The closing full stop follows the Arabic, not the symbol.
    assert directions[-1] == (".", True)


def test_a_symbol_in_brackets_is_one_left_to_right_run():
    document = open_docx(render_report(arabic_report()).content)

    paragraph = [p for p in document.paragraphs if p.style.name == styles.PARA][-1]
    directions = run_directions(paragraph._p)
    assert ("CCPR/C/JOR/CO/5", False) in directions
    assert ("(", True) in [(text[-1:], rtl) for text, rtl in directions]


def test_the_masthead_mixes_arabic_labels_with_english_un_lines():
    document = open_docx(render_report(arabic_report()).content)

    masthead = texts_in(document, styles.MASTHEAD)
    assert masthead[0] == "الأمم المتحدة\tCCPR/C/JOR/6"
    assert (
        masthead[1] == "العهد الدولي الخاص بالحقوق المدنية والسياسية\tDistr.: General"
    )
    # A left-to-right mark keeps the English date in order on an Arabic page.
    assert masthead[2:] == ["\t\u200e12 May 2025", "\tOriginal: Arabic"]
    symbol = document.paragraphs[0]._p
    assert ("CCPR/C/JOR/6", False) in run_directions(symbol)


def test_the_footnote_and_the_bullets_are_arabic_too():
    content = render_report(arabic_report()).content
    document = open_docx(content)

    note = notes(content)[1]
    assert ("CCPR/C/2009/1", False) in run_directions(note)
    assert texts_in(document, styles.BULLET) == [
        "\u2022\tقانون العقوبات المعدّل؛",
        "\u2022\tقانون الجمعيات الأهلية.",
    ]
    assert (styles.ANNEX_HEADING, "المرفق\nالمدخلات المستخدمة") in [
        (p.style.name, p.text) for p in document.paragraphs
    ]


def test_right_to_left_marking_splits_only_where_the_script_changes():
    from lxml import etree

    paragraph = etree.fromstring(
        '<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:r><w:rPr><w:b/></w:rPr><w:t>انظر Human Rights Council، الدورة 48</w:t>"
        "</w:r></w:p>"
    )

    mark_right_to_left(paragraph)

    assert run_directions(paragraph) == [
        ("انظر ", True),
        ("Human Rights Council", False),
        ("، الدورة ", True),
        ("48", False),
    ]
    # Each piece keeps the run's own formatting.
    assert all(
        run.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None
        for run in paragraph.iter(qn("w:r"))
    )
