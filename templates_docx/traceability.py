"""The "Inputs used" record, embedded in the .docx as a custom XML part.

The annex says in words which entity's contribution and which consultation
comment shaped each numbered paragraph; this part says the same for programs
(an archive, a later import, an audit), under ``customXml/`` where Word keeps
such data and carries it through a save. Element order and the data store id
are fixed by the content, so the part never breaks byte-for-byte
reproducibility.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from .model import ExportReport

NAMESPACE = "urn:reportdesk:inputs-used:1"
_PROPS_NAMESPACE = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
_PROPS_CONTENT_TYPE = (
    "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
)
_ITEM_URI = "/customXml/item%d.xml"
_PROPS_URI = "/customXml/itemProps%d.xml"


def inputs_used_xml(report: ExportReport) -> bytes:
    """The record as XML: one ``input`` per contribution or comment."""
    root = etree.Element(f"{{{NAMESPACE}}}inputs-used", nsmap={None: NAMESPACE})  # type: ignore[dict-item]
    root.set("symbol", report.symbol)
    root.set("family", report.family)
    for used in report.inputs_used:
        item = etree.SubElement(root, f"{{{NAMESPACE}}}input")
        item.set("kind", used.kind)
        item.set("section", used.section_heading)
        item.set("entity", used.entity)
        item.set("revision", used.revision)
        item.set("date", used.accepted_on.isoformat())
        if used.note:
            etree.SubElement(item, f"{{{NAMESPACE}}}note").text = used.note
        for number in used.paragraphs:
            etree.SubElement(item, f"{{{NAMESPACE}}}paragraph").text = str(number)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def embed_inputs_used(
    document_part: Part, report: ExportReport, clean: Callable[[str], str]
) -> None:
    """Add the record to the package, related from the main document part.

    ``clean`` strips characters XML cannot hold (the same cleaning the text
    had), so a stray control character in an entity's name cannot break it.
    """
    content = inputs_used_xml(_cleaned(report, clean))
    package = document_part.package
    # A template may hold custom XML of its own (Word keeps its bibliography
    # there); ours takes the next free number.
    item_uri = package.next_partname(_ITEM_URI)
    props_uri = PackURI(_PROPS_URI % item_uri.idx)
    item = Part(item_uri, "application/xml", content, package)
    # Word wants a GUID; one derived from the content keeps the bytes stable.
    guid = uuid.uuid5(uuid.NAMESPACE_URL, f"{NAMESPACE}#{content.hex()}")
    store_id = f"{{{str(guid).upper()}}}"
    props = Part(
        props_uri,
        _PROPS_CONTENT_TYPE,
        (
            '<?xml version="1.0" encoding="UTF-8" standalone="no"?>'
            f'<ds:datastoreItem ds:itemID="{store_id}" xmlns:ds="{_PROPS_NAMESPACE}">'
            f'<ds:schemaRefs><ds:schemaRef ds:uri="{NAMESPACE}"/></ds:schemaRefs>'
            "</ds:datastoreItem>"
        ).encode(),
        package,
    )
    item.relate_to(props, RT.CUSTOM_XML_PROPS)
    document_part.relate_to(item, RT.CUSTOM_XML)


def _cleaned(report: ExportReport, clean: Callable[[str], str]) -> ExportReport:
    return dataclasses.replace(
        report,
        symbol=clean(report.symbol),
        inputs_used=tuple(
            dataclasses.replace(
                used,
                section_heading=clean(used.section_heading),
                entity=clean(used.entity),
                revision=clean(used.revision),
                note=clean(used.note),
            )
            for used in report.inputs_used
        ),
    )
