"""Build the committed Word template ``un_report.docx``.

Run ``python -m templates_docx.build_templates`` after changing the layout;
the .docx is committed so that a secretariat can open it in Word and restyle
it, and this script is how it is rebuilt from scratch. The masthead and title
block hold docxtpl placeholders; ``{{ body }}`` marks where the renderer puts
the report's text.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml
from docx.shared import Pt, Twips
from docx.text.paragraph import Paragraph
from lxml import etree

from . import styles
from .footnotes import declare_separators, footnotes_part
from .ooxml import el
from .package import save_reproducibly, set_core_properties
from .template_styles import FONT, TEXT_WIDTH, add_styles

log = logging.getLogger(__name__)

TEMPLATE_PATH = Path(__file__).with_name("un_report.docx")
STAR_NOTE_ID = 1
STAR_NOTE = "The present document is being issued without formal editing."
# The day the layout was last changed; a fixed date keeps the build reproducible.
LAYOUT_DATE = dt.date(2025, 1, 1)


def build_template() -> bytes:
    document = docx.Document()
    document.element.body.clear_content()
    _page_setup(document)
    _document_defaults(document)
    add_styles(document)
    _masthead(document)
    _title_block(document)
    _body_placeholder(document)
    _page_furniture(document)
    _star_note(document)
    _drop_thumbnail(document)
    set_core_properties(document, title="", day=LAYOUT_DATE)
    document.core_properties.author = "Reportdesk"
    return save_reproducibly(document)


def _page_setup(document: Document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Twips(11906)
    section.page_height = Twips(16838)
    section.left_margin = section.right_margin = Twips(1134)
    section.top_margin = Twips(1701)
    section.bottom_margin = Twips(1701)
    section.header_distance = Twips(964)
    section.footer_distance = Twips(850)


def _document_defaults(document: Document) -> None:
    """Times New Roman 10 pt for every script, British English by default.

    The theme fonts of python-docx's default template are dropped: a theme
    font named in w:docDefaults would override the one named here.
    """
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        document.styles.element.remove(defaults)
    defaults = parse_xml(
        f"<w:docDefaults {nsdecls('w')}>"
        "<w:rPrDefault><w:rPr>"
        f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" '
        f'w:cs="{FONT}"/>'
        '<w:sz w:val="20"/><w:szCs w:val="20"/>'
        '<w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault>"
        "<w:pPrDefault><w:pPr>"
        '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault>"
        "</w:docDefaults>"
    )
    document.styles.element.insert(0, defaults)
    normal = document.styles["Normal"]
    normal.font.name = None
    normal.font.size = None


def _paragraph(document: Document, style: str, text: str = "") -> Paragraph:
    paragraph = document.add_paragraph(style=style)
    if text:
        paragraph.add_run(text)
    return paragraph


def _border(paragraph: Paragraph, *, size: int) -> None:
    """A rule under the paragraph; ``size`` in eighths of a point."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = ppr.makeelement(qn("w:pBdr"), {})
    el(borders, "w:bottom", val="single", sz=str(size), space="1", color="000000")
    # w:pBdr comes right after w:pStyle and the keep-* flags.
    anchor = ppr.find(qn("w:pStyle"))
    if anchor is not None:
        anchor.addnext(borders)
    else:
        ppr.insert(0, borders)


def _masthead(document: Document) -> None:
    top = _paragraph(document, styles.MASTHEAD, "United Nations")
    tabs = top.paragraph_format.tab_stops
    tabs.add_tab_stop(Twips(6804), WD_TAB_ALIGNMENT.CLEAR)
    tabs.add_tab_stop(Twips(TEXT_WIDTH), WD_TAB_ALIGNMENT.RIGHT)
    top.add_run("\t")
    top.add_run("{{ symbol }}", style=styles.MASTHEAD_SYMBOL)
    top.paragraph_format.space_after = Pt(3)
    _border(top, size=4)

    organ = _paragraph(document, styles.MASTHEAD)
    organ.paragraph_format.space_before = Pt(3)
    organ.add_run("{{ organ }}", style=styles.MASTHEAD_ORGAN)
    organ.add_run("\tDistr.: General")
    _paragraph(document, styles.MASTHEAD, "\t{{ date }}")
    original = _paragraph(document, styles.MASTHEAD, "\tOriginal: ")
    original.paragraph_format.space_before = Pt(12)
    original.paragraph_format.space_after = Pt(3)
    original.add_run("{{ original_language }}")
    _border(original, size=24)


def _title_block(document: Document) -> None:
    spacer = _paragraph(document, styles.BODY_LINE)
    spacer.paragraph_format.space_before = Pt(6)
    # docxtpl repeats the paragraph between the two {%p %} paragraphs.
    _paragraph(document, styles.BODY_LINE, "{%p for line in body_lines %}")
    _paragraph(document, styles.BODY_LINE, "{{ line }}")
    _paragraph(document, styles.BODY_LINE, "{%p endfor %}")

    title = _paragraph(document, styles.TITLE, "{{ title }}")
    title.add_run("{%r if without_formal_editing %}")
    title._p.append(
        parse_xml(
            f"<w:r {nsdecls('w')}><w:rPr><w:rStyle w:val="
            f'"{_style_id(document, styles.FOOTNOTE_REFERENCE)}"/></w:rPr>'
            f'<w:footnoteReference w:customMarkFollows="1" w:id="{STAR_NOTE_ID}"/>'
            "<w:t>*</w:t></w:r>"
        )
    )
    title.add_run("{%r endif %}")
    _paragraph(document, styles.STATE, "{{ state }}")


def _body_placeholder(document: Document) -> None:
    _paragraph(document, styles.PARA_UNNUMBERED, "{{ body }}")


def _page_furniture(document: Document) -> None:
    """The symbol at the head and the page number at the foot of each page.

    As in UN documents, the first page carries neither (it has the masthead),
    and both sit on the outer side: left on even pages, right on odd ones.
    """
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    section.different_first_page_header_footer = True
    for header, alignment in (
        (section.header, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_header, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        paragraph = header.paragraphs[0]
        paragraph.style = document.styles[styles.HEADER]
        paragraph.alignment = alignment
        paragraph.add_run("{{ symbol }}")
        _border(paragraph, size=4)
    for footer, alignment in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        paragraph = footer.paragraphs[0]
        paragraph.style = document.styles[styles.FOOTER]
        paragraph.alignment = alignment
        field = el(paragraph._p, "w:fldSimple", instr=" PAGE ")
        el(el(field, "w:r"), "w:t").text = "2"
    section.first_page_header.paragraphs[0].style = document.styles[styles.HEADER]
    section.first_page_footer.paragraphs[0].style = document.styles[styles.FOOTER]


def _star_note(document: Document) -> None:
    """The "*" note of the title, as a real footnote with a custom mark.

    A footnote (rather than a paragraph under the title) is what UN documents
    use: Word keeps it at the foot of the first page whatever the title's
    length, and a custom mark takes no number, so the report's own notes still
    start at 1.
    """
    part = footnotes_part(document.part)
    root = etree.fromstring(part.blob)
    note = el(root, "w:footnote", id=str(STAR_NOTE_ID))
    paragraph = el(note, "w:p")
    el(
        el(paragraph, "w:pPr"),
        "w:pStyle",
        val=_style_id(document, styles.FOOTNOTE_TEXT),
    )
    el(el(paragraph, "w:r"), "w:t").text = "*"
    el(el(paragraph, "w:r"), "w:tab")
    el(el(paragraph, "w:r"), "w:t").text = STAR_NOTE
    part._blob = etree.tostring(
        root, xml_declaration=True, encoding="UTF-8", standalone=True
    )
    declare_separators(document.settings.element)


def _drop_thumbnail(document: Document) -> None:
    # python-docx's own starter file carries a picture of itself; Explorer and
    # Finder would show it as the preview of every export.
    package_rels = document.part.package.rels
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package_rels[rel_id]


def _style_id(document: Document, name: str) -> str:
    return document.styles[name].style_id


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    TEMPLATE_PATH.write_bytes(build_template())
    log.info("Wrote %s", TEMPLATE_PATH)
    return 0


if __name__ == "__main__":
    sys.exit(main())
