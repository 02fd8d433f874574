"""Build the committed Word templates, one per document family.

Run ``python -m templates_docx.build_templates`` after changing the layout;
the .docx files in ``templates/`` are committed so that a secretariat can open
them in Word and restyle them, and this script is how they are rebuilt from
scratch. The masthead and title block hold docxtpl placeholders (the fixed
words too, as ``{{ labels.… }}``, so they follow the report's language);
``{{ body }}`` marks where the renderer puts the report's text.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys

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
from .families import FAMILIES, UPR_NATIONAL_REPORT, Family
from .footnotes import declare_separators, footnotes_part
from .ooxml import el
from .package import save_reproducibly, set_core_properties
from .template_styles import FONT, TEXT_WIDTH, add_styles

log = logging.getLogger(__name__)

# The UPR national report's template; the one a secretariat starts from.
TEMPLATE_PATH = FAMILIES[UPR_NATIONAL_REPORT].template_path
STAR_NOTE_ID = 1
# The day the layout was last changed; a fixed date keeps the build reproducible.
LAYOUT_DATE = dt.date(2025, 1, 1)
_VML = 'xmlns:v="urn:schemas-microsoft-com:vml"'
_OFFICE = 'xmlns:o="urn:schemas-microsoft-com:office:office"'


def build_template(family: Family | None = None) -> bytes:
    family = family or FAMILIES[UPR_NATIONAL_REPORT]
    document = docx.Document()
    document.element.body.clear_content()
    _page_setup(document)
    _document_defaults(document)
    add_styles(document)
    if family.internal:
        _draft_title_block(document)
    else:
        _masthead(document)
        _title_block(document, family)
    _body_placeholder(document)
    _page_furniture(document, family)
    if not family.internal:
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
    top = _paragraph(document, styles.MASTHEAD, "{{ labels.united_nations }}")
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
    organ.add_run("\t{{ labels.distribution }}")
    _paragraph(document, styles.MASTHEAD, "\t{{ date }}")
    original = _paragraph(document, styles.MASTHEAD, "\t{{ labels.original }}")
    original.paragraph_format.space_before = Pt(12)
    original.paragraph_format.space_after = Pt(3)
    _border(original, size=24)


def _title_block(document: Document, family: Family) -> None:
    spacer = _paragraph(document, styles.BODY_LINE)
    spacer.paragraph_format.space_before = Pt(6)
    # docxtpl repeats the paragraph between the two {%p %} paragraphs.
    _paragraph(document, styles.BODY_LINE, "{%p for line in body_lines %}")
    _paragraph(document, styles.BODY_LINE, "{{ line }}")
    _paragraph(document, styles.BODY_LINE, "{%p endfor %}")

    title = _paragraph(document, styles.TITLE, "{{ title }}")
    if family.star_on == "title":
        _star(document, title)
    if family.state_line:
        state = _paragraph(document, styles.STATE, "{{ state }}")
        if family.star_on == "state":
            _star(document, state)


def _star(document: Document, paragraph: Paragraph) -> None:
    """The "*" mark of the star note, kept only when the report asks for it."""
    paragraph.add_run("{%r if without_formal_editing %}")
    paragraph._p.append(
        parse_xml(
            f"<w:r {nsdecls('w')}><w:rPr><w:rStyle w:val="
            f'"{_style_id(document, styles.FOOTNOTE_REFERENCE)}"/></w:rPr>'
            f'<w:footnoteReference w:customMarkFollows="1" w:id="{STAR_NOTE_ID}"/>'
            "<w:t>*</w:t></w:r>"
        )
    )
    paragraph.add_run("{%r endif %}")


def _draft_title_block(document: Document) -> None:
    """The internal draft's opening: title, State, and what the draft is."""
    _paragraph(document, styles.TITLE, "{{ title }}")
    _paragraph(document, styles.STATE, "{{ state }}")
    _paragraph(document, styles.BODY_LINE, "{{ labels.draft_notice }}")


def _body_placeholder(document: Document) -> None:
    _paragraph(document, styles.PARA_UNNUMBERED, "{{ body }}")


def _page_furniture(document: Document, family: Family) -> None:
    """The symbol at the head and the page number at the foot of each page.

    As in UN documents, the first page carries neither (it has the masthead),
    and both sit on the outer side: left on even pages, right on odd ones.
    An internal draft says DRAFT in every header and across every page.
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
        if family.internal:
            paragraph.add_run("{{ labels.draft }} · ")
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
    if family.internal:
        for header in (
            section.header,
            section.even_page_header,
            section.first_page_header,
        ):
            header.paragraphs[0]._p.append(_watermark())


def _watermark() -> etree._Element:
    """A large grey "DRAFT" behind the text, the way Word draws watermarks.

    Word and LibreOffice both recognise a VML text path anchored in the header
    as the page watermark; its word is a placeholder like the rest.
    """
    return parse_xml(
        f"<w:r {nsdecls('w')} {_VML} {_OFFICE}><w:pict>"
        '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" '
        'adj="10800" path="m@7,l@8,m@5,21600l@6,21600e">'
        '<v:path textpathok="t" o:connecttype="custom"/>'
        '<v:textpath on="t" fitshape="t"/></v:shapetype>'
        '<v:shape id="PowerPlusWaterMarkObject1" o:spid="_x0000_s2049" '
        'type="#_x0000_t136" style="position:absolute;margin-left:0;'
        "margin-top:0;width:415pt;height:138pt;rotation:315;z-index:-251657216;"
        "mso-position-horizontal:center;mso-position-horizontal-relative:margin;"
        'mso-position-vertical:center;mso-position-vertical-relative:margin" '
        'o:allowincell="f" fillcolor="silver" stroked="f">'
        '<v:fill opacity=".5"/>'
        f'<v:textpath style="font-family:&quot;{FONT}&quot;;font-size:1pt" '
        'string="{{ labels.draft }}"/></v:shape></w:pict></w:r>'
    )


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
    el(el(paragraph, "w:r"), "w:t").text = "{{ labels.star_note }}"
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
    for family in FAMILIES.values():
        family.template_path.parent.mkdir(exist_ok=True)
        family.template_path.write_bytes(build_template(family))
        log.info("Wrote %s", family.template_path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
