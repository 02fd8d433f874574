"""Small helpers for writing WordprocessingML with lxml."""

from __future__ import annotations

from docx.oxml.ns import qn
from lxml import etree

# Word rejects a file whose property elements are out of schema order, so a
# property added to an existing w:pPr or w:rPr goes before the first of the
# elements the schema puts after it.
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
_PPR_FIRST = qn("w:pPr")
_RPR_FIRST = qn("w:rPr")


def el(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    """Append a w: element; attribute names are given without their prefix."""
    child = etree.SubElement(parent, qn(tag))
    for name, value in attrs.items():
        child.set(qn(f"w:{name}"), value)
    return child


def insert_ordered(
    parent: etree._Element, child: etree._Element, followers: tuple[str, ...]
) -> None:
    for existing in parent:
        if existing.tag in followers:
            existing.addprevious(child)
            return
    parent.append(child)


def properties(owner: etree._Element, tag: str) -> etree._Element:
    """The w:pPr or w:rPr of a paragraph or run, created first if missing."""
    found = owner.find(tag)
    if found is None:
        found = owner.makeelement(tag, {})
        owner.insert(0, found)
    return found


def set_right_to_left(root: etree._Element) -> None:
    """Mark every paragraph and run under root as right-to-left."""
    for paragraph in root.iter(qn("w:p")):
        ppr = properties(paragraph, _PPR_FIRST)
        if ppr.find(qn("w:bidi")) is None:
            insert_ordered(ppr, ppr.makeelement(qn("w:bidi"), {}), _PPR_AFTER_BIDI)
    for run in root.iter(qn("w:r")):
        rpr = properties(run, _RPR_FIRST)
        if rpr.find(qn("w:rtl")) is None:
            insert_ordered(rpr, rpr.makeelement(qn("w:rtl"), {}), _RPR_AFTER_RTL)
