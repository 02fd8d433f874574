"""Templates that cannot be used are refused with a message saying why."""

from __future__ import annotations

import io

import docx
import pytest
from docx.oxml.ns import qn

from templates_docx import styles
from templates_docx.build_templates import TEMPLATE_PATH, build_template
from templates_docx.errors import TemplateError
from templates_docx.render import render_report
from tests.templates_docx.samples import slovenia_report


def template_copy(tmp_path, change) -> str:
    document = docx.Document(str(TEMPLATE_PATH))
    change(document)
    path = tmp_path / "restyled.docx"
    document.save(str(path))
    return str(path)


def remove_style(name):
    def change(document):
        element = document.styles[name].element
        element.getparent().remove(element)

    return change


def test_the_committed_template_is_what_the_build_script_makes():
    assert TEMPLATE_PATH.read_bytes() == build_template()


def test_the_template_defines_every_style_the_renderer_needs():
    document = docx.Document(str(TEMPLATE_PATH))

    names = {style.name for style in document.styles}
    assert set(styles.REQUIRED) <= names


def test_the_template_sets_a4_and_times_new_roman_ten_point():
    document = docx.Document(str(TEMPLATE_PATH))

    section = document.sections[0]
    assert (section.page_width.mm, section.page_height.mm) == pytest.approx(
        (210, 297), abs=0.2
    )
    defaults = document.styles.element.find(f".//{qn('w:rPrDefault')}")
    assert defaults.find(f".//{qn('w:rFonts')}").get(qn("w:ascii")) == "Times New Roman"
    assert defaults.find(f".//{qn('w:sz')}").get(qn("w:val")) == "20"


def test_it_refuses_a_template_without_a_needed_style_and_names_it(tmp_path):
    path = template_copy(tmp_path, remove_style(styles.SUB_ITEM))

    with pytest.raises(TemplateError) as raised:
        render_report(slovenia_report(), template_path=path)

    assert "RD Sub-item" in str(raised.value)
    assert raised.value.details["missing_styles"] == ["RD Sub-item"]


def test_it_names_every_missing_style_at_once(tmp_path):
    def change(document):
        remove_style(styles.PARA)(document)
        remove_style(styles.FOOTNOTE_REFERENCE)(document)

    path = template_copy(tmp_path, change)

    with pytest.raises(TemplateError) as raised:
        render_report(slovenia_report(), template_path=path)

    assert raised.value.details["missing_styles"] == [
        styles.PARA,
        styles.FOOTNOTE_REFERENCE,
    ]


def test_it_refuses_a_template_without_the_body_placeholder(tmp_path):
    def change(document):
        for paragraph in document.paragraphs:
            if paragraph.text == "{{ body }}":
                paragraph._p.getparent().remove(paragraph._p)

    path = template_copy(tmp_path, change)

    with pytest.raises(TemplateError, match=r"\{\{ body \}\}"):
        render_report(slovenia_report(), template_path=path)


def test_it_refuses_a_template_with_a_misspelt_placeholder(tmp_path):
    def change(document):
        document.paragraphs[0].runs[-1].text = "{{ symbl }}"

    path = template_copy(tmp_path, change)

    with pytest.raises(TemplateError, match="symbl"):
        render_report(slovenia_report(), template_path=path)


def test_it_refuses_a_file_that_is_not_a_word_document(tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(b"%PDF-1.7 not a Word file")

    with pytest.raises(TemplateError, match="cannot be opened"):
        render_report(slovenia_report(), template_path=path)


def test_it_renders_with_a_template_restyled_and_saved_again(tmp_path):
    def change(document):
        document.styles[styles.PARA].font.size = docx.shared.Pt(12)

    path = template_copy(tmp_path, change)

    content = render_report(slovenia_report(), template_path=path).content

    rendered = docx.Document(io.BytesIO(content))
    assert rendered.styles[styles.PARA].font.size.pt == 12
