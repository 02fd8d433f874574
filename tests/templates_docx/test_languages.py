"""Right-to-left and East Asian reports, and Cyrillic in Times New Roman."""

from __future__ import annotations

from docx.oxml.ns import qn

from templates_docx import styles
from templates_docx.render import render_report
from tests.templates_docx.reading import open_docx, part_xml
from tests.templates_docx.samples import arabic_report, slovenia_report


def default_fonts(content: bytes):
    styles_root = part_xml(content, "word/styles.xml")
    return styles_root.find(f".//{qn('w:rPrDefault')}//{qn('w:rFonts')}")


def test_it_sets_paragraphs_right_to_left_and_keeps_the_symbol_left_to_right():
    content = render_report(arabic_report()).content
    document = open_docx(content)

    paragraph = next(p for p in document.paragraphs if p.style.name == styles.PARA)
    assert paragraph.text.startswith("1.\tتقدّم الدولة الطرف")
    assert paragraph._p.pPr.find(qn("w:bidi")) is not None
    directions = {
        run.text: run._r.rPr is not None and run._r.rPr.find(qn("w:rtl")) is not None
        for run in paragraph.runs
    }
    # The symbol is a run of its own, written left to right; the Arabic
    # around it runs right to left.
    assert directions["CCPR/C/2009/1"] is False
    assert any(rtl for text, rtl in directions.items() if "الوثيقة" in text)
    header = document.sections[0].header.paragraphs[0]._p
    assert header.pPr.find(qn("w:bidi")) is not None
    lang = part_xml(content, "word/styles.xml").find(
        f".//{qn('w:rPrDefault')}//{qn('w:lang')}"
    )
    assert lang.get(qn("w:bidi")) == "ar-SA"


def test_it_sets_the_page_itself_right_to_left_in_arabic():
    document = open_docx(render_report(arabic_report()).content)

    section_properties = document.sections[0]._sectPr
    assert section_properties.find(qn("w:bidi")) is not None


def test_it_keeps_property_order_valid_when_marking_right_to_left():
    content = render_report(arabic_report()).content
    document = open_docx(content)

    masthead = document.paragraphs[0]._p.pPr
    tags = [child.tag for child in masthead]
    assert tags.index(qn("w:bidi")) < tags.index(qn("w:spacing"))


def test_it_leaves_english_reports_left_to_right():
    content = render_report(slovenia_report()).content

    assert b"<w:bidi/>" not in content
    assert qn("w:rtl") not in {
        el.tag for el in part_xml(content, "word/document.xml").iter()
    }


def test_it_uses_an_east_asian_font_for_chinese():
    content = render_report(slovenia_report(language_code="zh")).content

    fonts = default_fonts(content)
    assert fonts.get(qn("w:eastAsia")) == "SimSun"
    assert fonts.get(qn("w:ascii")) == "Times New Roman"


def test_it_keeps_times_new_roman_for_russian():
    content = render_report(slovenia_report(language_code="ru")).content

    fonts = default_fonts(content)
    assert {fonts.get(qn(f"w:{kind}")) for kind in ("ascii", "hAnsi", "eastAsia")} == {
        "Times New Roman"
    }
    document = open_docx(content)
    masthead = [p.text for p in document.paragraphs if p.style.name == styles.MASTHEAD]
    # Russian UN documents keep the masthead date in English.
    assert masthead[2] == "\t30 October 2024"
