"""Word files for the tests, built with python-docx and zipfile from the real
Slovenian national report (A/HRC/WG.6/48/SVN/1).

python-docx writes the body, lists, tables and comments; what it cannot
write (footnotes, hyperlinks, tracked insertions and deletions) is added as
WordprocessingML written here, and the footnotes part is put into the zip
afterwards with its relationship and content type.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
from django.conf import settings
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

NATIONAL_REPORT = (
    Path(settings.SHARED_DIR)
    / "data"
    / "upr_slovenia_cycle4"
    / "A_HRC_WG.6_48_SVN_1_national_report.txt"
)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DATE = "2024-09-12T10:00:00Z"


def report_sentence(starting: str, *, length: int = 400) -> str:
    """A sentence of the real report, from ``starting`` to its full stop."""
    text = " ".join(NATIONAL_REPORT.read_text(encoding="utf-8").split())
    at = text.index(starting)
    end = text.index(". ", at) + 1
    return text[at : min(end, at + length)]


@dataclass(frozen=True)
class RealText:
    """Paragraphs and footnotes quoted from the report (part B, C and IV)."""

    heading: str = "Institutional framework of human rights protection"
    first: str = ""
    second: str = ""
    footnote: str = ""
    deleted: str = ""
    inserted: str = ""


def real_text() -> RealText:
    return RealText(
        first=report_sentence("In 2021, the Human Rights Ombudsman"),
        second=report_sentence("With the Protection against Discrimination Act"),
        footnote="Office of the High Commissioner for Human Rights.",
        deleted="in 2023",
        inserted="in 2024",
    )


def _run_xml(text: str) -> str:
    return f'<w:r {nsdecls("w")}><w:t xml:space="preserve">{text}</w:t></w:r>'


def _footnote_reference(note_id: int) -> str:
    return (
        f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:footnoteReference w:id="{note_id}"/></w:r>'
    )


def _hyperlink(rel_id: str, text: str) -> str:
    return (
        f'<w:hyperlink {nsdecls("w", "r")} r:id="{rel_id}">'
        f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:hyperlink>'
    )


def _tracked(kind: str, change_id: int, text: str) -> str:
    tag = "w:delText" if kind == "del" else "w:t"
    return (
        f'<w:{kind} {nsdecls("w")} w:id="{change_id}" w:author="Tomaž Zupan" '
        f'w:date="{DATE}"><w:r><{tag} xml:space="preserve">{text}</{tag}></w:r>'
        f"</w:{kind}>"
    )


FOOTNOTES_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="{ns}">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>
<w:continuationSeparator/></w:r></w:p></w:footnote>
{notes}
</w:footnotes>"""

NOTE_XML = (
    '<w:footnote w:id="{id}"><w:p><w:r><w:footnoteRef/></w:r>'
    '<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
)


def ministry_docx(text: RealText | None = None) -> bytes:
    """A ministry's contribution as Word writes it: a heading, paragraphs with
    bold and italic, a footnote, a hyperlink, a bulleted and a numbered list,
    a table with a header row, a tracked insertion and deletion, a comment."""
    text = text or real_text()
    document = docx.Document()
    document.add_heading(text.heading, level=1)

    first = document.add_paragraph()
    first.add_run(text.first.split(" ", 3)[0] + " ")
    first.add_run(" ".join(text.first.split(" ", 3)[1:3]) + " ").bold = True
    rest = first.add_run(text.first.split(" ", 3)[3])
    first._p.append(parse_xml(_footnote_reference(1)))
    first.add_run(" See ")
    link_id = document.part.relate_to(
        "https://www.varuh-rs.si/en/",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
        is_external=True,
    )
    first._p.append(parse_xml(_hyperlink(link_id, "the Ombudsman’s website")))
    first.add_run(".")

    second = document.add_paragraph()
    second.add_run(text.second.replace(" in 2023", "") + " ")
    second._p.append(parse_xml(_tracked("del", 11, text.deleted)))
    second._p.append(parse_xml(_tracked("ins", 12, text.inserted)))
    italic = second.add_run(" (Protection against Discrimination Act)")
    italic.italic = True

    document.add_paragraph("ZVarD amendments", style="List Bullet")
    document.add_paragraph("Advocate’s regional offices", style="List Bullet")
    document.add_paragraph("First step", style="List Number")
    document.add_paragraph("Second step", style="List Number")

    table = document.add_table(rows=3, cols=2)
    for row, (left, right) in enumerate(
        [("Year", "Complaints"), ("2022", "1 004"), ("2023", "1 210")]
    ):
        table.cell(row, 0).text = left
        table.cell(row, 1).text = right
    table.rows[0]._tr.get_or_add_trPr().append(
        parse_xml(f"<w:tblHeader {nsdecls('w')}/>")
    )

    document.add_comment(
        rest, text="Please check the figure with the Ombudsman.", author="Irena Golob"
    )
    buffer = io.BytesIO()
    document.save(buffer)
    return add_footnotes(buffer.getvalue(), {1: text.footnote})


def add_footnotes(content: bytes, notes: dict[int, str]) -> bytes:
    """The package with a footnotes part holding ``notes``."""
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
                    b"</Types>",
                )
            if item.filename == "word/_rels/document.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.'
                    b'org/officeDocument/2006/relationships/footnotes" '
                    b'Target="footnotes.xml"/></Relationships>',
                )
            target.writestr(item, data)
        body = "".join(
            NOTE_XML.format(id=number, text=note) for number, note in notes.items()
        )
        target.writestr("word/footnotes.xml", FOOTNOTES_XML.format(ns=W_NS, notes=body))
    return out.getvalue()


def with_part(content: bytes, name: str, data: bytes) -> bytes:
    """The package with one part replaced (or added)."""
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename != name:
                target.writestr(item, source.read(item.filename))
        target.writestr(name, data)
    return out.getvalue()


def document_xml(content: bytes) -> bytes:
    return zipfile.ZipFile(io.BytesIO(content)).read("word/document.xml")


def proposal_docx(paragraphs: list[str]) -> bytes:
    """A plain Word file with these paragraphs (a revised copy of a section)."""
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


WORD = re.compile(r"\w+")
