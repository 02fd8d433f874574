"""The look of every RD style in the template, as data.

UN documents are set in Times New Roman 10 pt on 12 pt; headings, title and
masthead are bold and larger. Indents follow the Geneva layout: the text
column starts 2 cm in (``COLUMN_INDENT``), and numbers, letters and bullets
hang to the left of the text after a tab.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor, Twips
from docx.styles.style import CharacterStyle, ParagraphStyle

from . import styles
from .layout import COLUMN_INDENT, NUMBER_WIDTH
from .ooxml import el

FONT = "Times New Roman"
TEXT_WIDTH = 11906 - 2 * 1134  # A4 width less the side margins


@dataclass(frozen=True)
class ParagraphLook:
    size: float = 10
    bold: bool = False
    left: int = COLUMN_INDENT
    right: int = COLUMN_INDENT
    hanging: int = 0
    before: float = 0
    after: float = 6
    justify: bool = True
    keep_next: bool = False
    page_break_before: bool = False
    outline_level: int | None = None
    tabs: tuple[tuple[int, WD_TAB_ALIGNMENT], ...] = ()


_N = NUMBER_WIDTH
PARAGRAPHS: dict[str, ParagraphLook] = {
    styles.MASTHEAD: ParagraphLook(
        left=0, right=0, after=0, justify=False, tabs=((6804, WD_TAB_ALIGNMENT.LEFT),)
    ),
    styles.BODY_LINE: ParagraphLook(bold=True, left=0, right=0, after=0, justify=False),
    styles.TITLE: ParagraphLook(
        size=14, bold=True, before=18, after=12, justify=False, keep_next=True
    ),
    styles.STATE: ParagraphLook(size=12, bold=True, after=12, justify=False),
    styles.HEADER: ParagraphLook(bold=True, left=0, right=0, after=0, justify=False),
    styles.FOOTER: ParagraphLook(
        size=9, bold=True, left=0, right=0, after=0, justify=False
    ),
    styles.HEADING_1: ParagraphLook(
        size=14,
        bold=True,
        left=COLUMN_INDENT,
        hanging=COLUMN_INDENT,
        before=18,
        after=12,
        justify=False,
        keep_next=True,
        outline_level=0,
    ),
    styles.HEADING_2: ParagraphLook(
        size=12,
        bold=True,
        hanging=_N,
        before=12,
        after=6,
        justify=False,
        keep_next=True,
        outline_level=1,
    ),
    styles.HEADING_3: ParagraphLook(
        bold=True,
        hanging=_N,
        before=12,
        after=6,
        justify=False,
        keep_next=True,
        outline_level=2,
    ),
    styles.PARA: ParagraphLook(left=COLUMN_INDENT + _N, hanging=_N),
    styles.PARA_UNNUMBERED: ParagraphLook(),
    styles.SUB_ITEM: ParagraphLook(left=COLUMN_INDENT + 2 * _N, hanging=_N),
    styles.BULLET: ParagraphLook(left=COLUMN_INDENT + _N, hanging=284),
    styles.NUMBERED: ParagraphLook(left=COLUMN_INDENT + 2 * _N, hanging=_N),
    styles.TABLE_TEXT: ParagraphLook(left=0, right=0, before=2, after=2, justify=False),
    styles.TABLE_HEADER: ParagraphLook(
        size=9, bold=True, left=0, right=0, before=2, after=2, justify=False
    ),
    styles.FOOTNOTE_TEXT: ParagraphLook(size=9, hanging=283, after=0, justify=False),
    styles.ANNEX_HEADING: ParagraphLook(
        size=14,
        bold=True,
        left=0,
        right=0,
        before=0,
        after=12,
        justify=False,
        keep_next=True,
        page_break_before=True,
        outline_level=0,
    ),
}


def add_styles(document: Document) -> None:
    for name, look in PARAGRAPHS.items():
        _paragraph_style(document, name, look)

    organ = document.styles.add_style(styles.MASTHEAD_ORGAN, WD_STYLE_TYPE.CHARACTER)
    _font(organ, size=20, bold=True)
    symbol = document.styles.add_style(styles.MASTHEAD_SYMBOL, WD_STYLE_TYPE.CHARACTER)
    _font(symbol, size=14, bold=True)
    reference = document.styles.add_style(
        styles.FOOTNOTE_REFERENCE, WD_STYLE_TYPE.CHARACTER
    )
    reference.font.superscript = True
    link = document.styles.add_style(styles.HYPERLINK, WD_STYLE_TYPE.CHARACTER)
    link.font.color.rgb = RGBColor(0x00, 0x00, 0xFF)
    link.font.underline = True
    _table_style(document)


def _paragraph_style(document: Document, name: str, look: ParagraphLook) -> None:
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    _font(style, size=look.size, bold=look.bold)

    layout = style.paragraph_format
    layout.left_indent = Twips(look.left)
    layout.right_indent = Twips(look.right)
    layout.first_line_indent = Twips(-look.hanging)
    layout.space_before = Pt(look.before)
    layout.space_after = Pt(look.after)
    # "10/12": ten-point type on twelve-point lines, more when a line needs it.
    layout.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
    layout.line_spacing = Pt(12)
    layout.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY if look.justify else None
    layout.keep_with_next = look.keep_next or None
    layout.page_break_before = look.page_break_before or None
    for position, alignment in look.tabs:
        layout.tab_stops.add_tab_stop(Twips(position), alignment)
    if look.outline_level is not None:
        # Shows the headings in Word's navigation pane and tables of contents.
        ppr = style.element.get_or_add_pPr()
        el(ppr, "w:outlineLvl", val=str(look.outline_level))


def _font(style: CharacterStyle | ParagraphStyle, *, size: float, bold: bool) -> None:
    style.font.size = Pt(size)
    rpr = style.element.get_or_add_rPr()
    if bold:
        style.font.bold = True
        # Arabic and other complex scripts take their weight and size from
        # the *Cs twins; without them a bold Arabic heading comes out plain.
        rpr.b.addnext(rpr.makeelement(qn("w:bCs"), {}))
    rpr.sz.addnext(rpr.makeelement(qn("w:szCs"), {qn("w:val"): str(int(size * 2))}))


def _table_style(document: Document) -> None:
    style = document.styles.add_style(styles.TABLE, WD_STYLE_TYPE.TABLE)
    style.base_style = document.styles["Normal Table"]
    props = style.element.makeelement(qn("w:tblPr"), {})
    borders = el(props, "w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el(borders, f"w:{side}", val="single", sz="4", space="0", color="000000")
    margins = el(props, "w:tblCellMar")
    for side in ("left", "right"):
        el(margins, f"w:{side}", w="85", type="dxa")
    # w:tblPr follows the style's w:pPr and w:rPr, if any.
    style.element.append(props)
    header = style.element.makeelement(qn("w:tblStylePr"), {qn("w:type"): "firstRow"})
    el(el(header, "w:trPr"), "w:tblHeader")
    style.element.append(header)
