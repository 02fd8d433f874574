"""Which inputs shaped which paragraph: in the annex, and as a custom XML part."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import zipfile

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from templates_docx import styles
from templates_docx.model import CONSULTATION_COMMENT, AnnexTable, InputUsed
from templates_docx.render import render_report
from templates_docx.traceability import NAMESPACE
from tests.templates_docx.reading import open_docx, paragraphs
from tests.templates_docx.samples import slovenia_report

# A comment of the Ombudsman in the consultation round, on paragraph 2 (the
# consultation rounds themselves are issue #6; the model already carries them).
OMBUDSMAN = InputUsed(
    "Introduction",
    "Human Rights Ombudsman",
    "consultation round 1",
    dt.date(2024, 6, 20),
    (2,),
    kind=CONSULTATION_COMMENT,
    note="Name the NGOs that were consulted.",
)


def with_comment():
    report = slovenia_report()
    return dataclasses.replace(report, inputs_used=(*report.inputs_used, OMBUDSMAN))


def custom_xml(content: bytes) -> etree._Element:
    document = open_docx(content)
    parts = [
        rel.target_part
        for rel in document.part.rels.values()
        if rel.reltype == RT.CUSTOM_XML
    ]
    ours = [part for part in parts if NAMESPACE.encode() in part.blob]
    assert len(ours) == 1
    return etree.fromstring(ours[0].blob)


def test_the_annex_puts_comments_beside_the_contributions_of_their_paragraph():
    document = open_docx(render_report(with_comment()).content)

    rows = [[cell.text for cell in row.cells] for row in document.tables[-1].rows]
    assert rows[2] == [
        "2",
        "Introduction",
        "Ministry of Foreign and European Affairs (2, 3 May 2024)",
        "Human Rights Ombudsman (consultation round 1, 20 June 2024): "
        "“Name the NGOs that were consulted.”",
    ]


def test_an_input_no_paragraph_carries_any_more_is_still_listed():
    edited = InputUsed("Introduction", "Ministry of Justice", "r4", dt.date(2024, 7, 1))
    report = slovenia_report(inputs_used=(edited,))

    document = open_docx(render_report(report).content)

    rows = [[cell.text for cell in row.cells] for row in document.tables[-1].rows]
    assert rows[1] == ["—", "Introduction", "Ministry of Justice (r4, 1 July 2024)", ""]


def test_the_same_record_is_embedded_as_a_custom_xml_part():
    root = custom_xml(render_report(with_comment()).content)

    inputs = root.findall(f"{{{NAMESPACE}}}input")
    assert root.get("symbol") == "A/HRC/WG.6/48/SVN/1"
    assert [(i.get("kind"), i.get("entity")) for i in inputs] == [
        ("contribution", "Ministry of Justice"),
        ("contribution", "Ministry of Foreign and European Affairs"),
        ("consultation_comment", "Human Rights Ombudsman"),
    ]
    paragraphs_of = [
        [p.text for p in i.findall(f"{{{NAMESPACE}}}paragraph")] for i in inputs
    ]
    assert paragraphs_of == [["7"], ["1", "2", "3"], ["2"]]
    assert inputs[2].findtext(f"{{{NAMESPACE}}}note") == OMBUDSMAN.note
    assert inputs[2].get("date") == "2024-06-20"


def test_the_custom_xml_part_has_its_data_store_properties():
    content = render_report(slovenia_report()).content

    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        names = archive.namelist()
        types = archive.read("[Content_Types].xml").decode()
    assert len(names) == len(set(names))
    props = [name for name in names if name.startswith("customXml/itemProps")]
    assert props
    assert "customXmlProperties+xml" in types


def test_annexed_tables_become_annexes_before_the_inputs_used():
    matrix = AnnexTable(
        "Implementation matrix",
        ("Recommendation", "Position", "Responsible"),
        (
            (
                "140.1 Ratify the Convention on the Reduction of Statelessness",
                "Supported",
                "Ministry of the Interior",
            ),
            (
                "140.2 Adopt a national action plan against racism",
                "Supported",
                "Ministry of Justice",
            ),
        ),
    )
    document = open_docx(render_report(slovenia_report(annex_tables=(matrix,))).content)

    annexes = [
        text for style, text in paragraphs(document) if style == styles.ANNEX_HEADING
    ]
    assert annexes == [
        "Annex I\nVoluntary mid-term report",
        "Annex II\nImplementation matrix",
        "Annex III\nInputs used",
    ]
    table = document.tables[-2]
    assert [c.text for c in table.rows[0].cells] == [
        "Recommendation",
        "Position",
        "Responsible",
    ]
    assert table.rows[2].cells[2].text == "Ministry of Justice"
