"""Small helpers for writing WordprocessingML with lxml."""

from __future__ import annotations

from functools import cache

from docx.oxml.ns import qn
from lxml import etree

# The body is tens of thousands of elements; resolving "w:p" to its Clark name
# once instead of each time is a measurable part of the export's speed.
clark = cache(qn)


@cache
def _attribute(name: str) -> str:
    return qn(f"w:{name}")


def el(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    """Append a w: element; attribute names are given without their prefix."""
    if not attrs:
        return etree.SubElement(parent, clark(tag))
    names = {_attribute(name): value for name, value in attrs.items()}
    return etree.SubElement(parent, clark(tag), names)


# Word rejects a file whose property elements are out of schema order, so a
# property added to an existing w:pPr, w:rPr or w:sectPr goes before the first
# of the elements (``followers``) the schema puts after it.
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
