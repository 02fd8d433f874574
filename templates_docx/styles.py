"""The names of the Word styles the template defines and the renderer uses.

Styles are found by their visible name, never by their style id: a secretariat
restyles the template in Word, and Word may rewrite ids but keeps names.
"""

from __future__ import annotations

from enum import Enum


class Kind(Enum):
    PARAGRAPH = "paragraph"
    CHARACTER = "character"
    TABLE = "table"


# Used only by the masthead and the page furniture of the template itself, so
# a template may drop or rename them without breaking the renderer.
MASTHEAD = "RD Masthead"
MASTHEAD_ORGAN = "RD Masthead Organ"
MASTHEAD_SYMBOL = "RD Masthead Symbol"
BODY_LINE = "RD Body Line"
TITLE = "RD Title"
STATE = "RD State"
HEADER = "RD Header"
FOOTER = "RD Footer"

# Written by the renderer into the body and the footnotes.
HEADING_1 = "RD Heading 1"
HEADING_2 = "RD Heading 2"
HEADING_3 = "RD Heading 3"
PARA = "RD Para"
PARA_UNNUMBERED = "RD Para Unnumbered"
SUB_ITEM = "RD Sub-item"
BULLET = "RD Bullet"
NUMBERED = "RD Numbered"
TABLE = "RD Table"
TABLE_TEXT = "RD Table Text"
TABLE_HEADER = "RD Table Header"
FOOTNOTE_TEXT = "RD Footnote Text"
FOOTNOTE_REFERENCE = "RD Footnote Reference"
HYPERLINK = "RD Hyperlink"
ANNEX_HEADING = "RD Annex Heading"

HEADINGS = (HEADING_1, HEADING_2, HEADING_3)

REQUIRED: dict[str, Kind] = {
    HEADING_1: Kind.PARAGRAPH,
    HEADING_2: Kind.PARAGRAPH,
    HEADING_3: Kind.PARAGRAPH,
    PARA: Kind.PARAGRAPH,
    PARA_UNNUMBERED: Kind.PARAGRAPH,
    SUB_ITEM: Kind.PARAGRAPH,
    BULLET: Kind.PARAGRAPH,
    NUMBERED: Kind.PARAGRAPH,
    TABLE: Kind.TABLE,
    TABLE_TEXT: Kind.PARAGRAPH,
    TABLE_HEADER: Kind.PARAGRAPH,
    FOOTNOTE_TEXT: Kind.PARAGRAPH,
    FOOTNOTE_REFERENCE: Kind.CHARACTER,
    HYPERLINK: Kind.CHARACTER,
    ANNEX_HEADING: Kind.PARAGRAPH,
}
