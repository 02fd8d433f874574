"""Right-to-left documents, with left-to-right text inside them kept in order.

An Arabic report quotes symbols ("CCPR/C/2009/1"), Latin names and numbers.
Marking such a run right-to-left (w:rtl) makes Word lay out its slashes and
digits as Arabic text, and the symbol comes out scrambled. So every paragraph
is right-to-left (w:bidi), the section too, and each run is split where the
script changes: Arabic (and neutral) stretches get w:rtl, Latin and Cyrillic
stretches keep the left-to-right order they were typed in.
"""

from __future__ import annotations

import copy
import re

from docx.oxml.ns import qn
from lxml import etree

from .ooxml import insert_ordered, properties

_PPR_AFTER_BIDI = tuple(
    qn(f"w:{tag}")
    for tag in [
        "adjustRightInd",
        "snapToGrid",
        "spacing",
        "ind",
        "contextualSpacing",
        "mirrorIndents",
        "suppressOverlap",
        "jc",
        "textDirection",
        "textAlignment",
        "textboxTightWrap",
        "outlineLvl",
        "divId",
        "cnfStyle",
        "rPr",
        "sectPr",
        "pPrChange",
    ]
)
_RPR_AFTER_RTL = tuple(
    qn(f"w:{tag}")
    for tag in ["cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath"]
)
_SECTPR_AFTER_BIDI = tuple(
    qn(f"w:{tag}")
    for tag in ["rtlGutter", "docGrid", "printerSettings", "sectPrChange"]
)
_P = qn("w:p")
_R = qn("w:r")
_T = qn("w:t")
_RPR = qn("w:rPr")
_PPR = qn("w:pPr")
_RTL = qn("w:rtl")
_BIDI = qn("w:bidi")

# A left-to-right stretch: starts and ends with a Latin, Cyrillic or Greek
# letter or a digit, and may hold the punctuation a symbol or a name contains.
_STRONG = "A-Za-z0-9\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff"
_LEFT_TO_RIGHT = re.compile(rf"[{_STRONG}](?:[{_STRONG}/.\-:_,'’ ]*[{_STRONG}])?")
_RIGHT_TO_LEFT_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def mark_right_to_left(root: etree._Element) -> None:
    """Make every paragraph under ``root`` right-to-left, runs split by script."""
    for paragraph in root.iter(_P):
        ppr = properties(paragraph, _PPR)
        if ppr.find(_BIDI) is None:
            insert_ordered(ppr, ppr.makeelement(_BIDI, {}), _PPR_AFTER_BIDI)
    for run in list(root.iter(_R)):
        _split_run(run)


def mark_section_right_to_left(section_properties: etree._Element) -> None:
    """The page itself runs right to left: columns, gutter and page numbers."""
    if section_properties.find(_BIDI) is None:
        bidi = section_properties.makeelement(_BIDI, {})
        insert_ordered(section_properties, bidi, _SECTPR_AFTER_BIDI)


def _split_run(run: etree._Element) -> None:
    texts = [child for child in run if child.tag != _RPR]
    if len(texts) != 1 or texts[0].tag != _T or not texts[0].text:
        # Tabs, breaks, note marks, or text mixed with them: the run follows
        # the direction of whatever letters it holds.
        text = "".join(t.text or "" for t in run.iter(_T))
        _set_direction(run, right_to_left=not _is_left_to_right(text))
        return
    pieces = _pieces(texts[0].text)
    if len(pieces) == 1:
        _set_direction(run, right_to_left=pieces[0][1])
        return
    anchor = run
    for text, right_to_left in pieces:
        piece = copy.deepcopy(run)
        piece_text = piece.find(_T)
        if piece_text is not None:
            piece_text.text = text
        _set_direction(piece, right_to_left=right_to_left)
        anchor.addnext(piece)
        anchor = piece
    parent = run.getparent()
    if parent is not None:
        parent.remove(run)


def _pieces(text: str) -> list[tuple[str, bool]]:
    """Split text into (stretch, right_to_left) pieces in typed order."""
    pieces: list[tuple[str, bool]] = []
    position = 0
    for match in _LEFT_TO_RIGHT.finditer(text):
        if match.start() > position:
            pieces.append((text[position : match.start()], True))
        pieces.append((match.group(), False))
        position = match.end()
    if position < len(text):
        pieces.append((text[position:], True))
    return pieces or [(text, True)]


def _is_left_to_right(text: str) -> bool:
    return bool(_LEFT_TO_RIGHT.search(text)) and not _RIGHT_TO_LEFT_LETTER.search(text)


def _set_direction(run: etree._Element, *, right_to_left: bool) -> None:
    rpr = run.find(_RPR)
    existing = rpr.find(_RTL) if rpr is not None else None
    if right_to_left and existing is None:
        rpr = properties(run, _RPR)
        insert_ordered(rpr, rpr.makeelement(_RTL, {}), _RPR_AFTER_RTL)
    elif not right_to_left and existing is not None and rpr is not None:
        rpr.remove(existing)
