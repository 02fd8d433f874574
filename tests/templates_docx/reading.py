"""Read a rendered .docx back, the way a test wants to look at it."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.document import Document
from docx.oxml.ns import qn
from lxml import etree

W_ID = qn("w:id")


def open_docx(content: bytes) -> Document:
    return docx.Document(io.BytesIO(content))


def part_xml(content: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return etree.fromstring(archive.read(name))


def paragraphs(document: Document) -> list[tuple[str, str]]:
    """(style name, text) of each body paragraph, tables excluded."""
    return [(p.style.name if p.style else "", p.text) for p in document.paragraphs]


def texts_in(document: Document, style: str) -> list[str]:
    return [text for name, text in paragraphs(document) if name == style]


def numbers(texts: list[str]) -> list[str]:
    """The part before the first tab: the number the renderer wrote."""
    return [text.split("\t", 1)[0] for text in texts]


def notes(content: bytes) -> list[etree._Element]:
    """The report's own footnotes (not the separators), in file order."""
    root = part_xml(content, "word/footnotes.xml")
    return [
        note for note in root.iter(qn("w:footnote")) if note.get(qn("w:type")) is None
    ]


def note_text(note: etree._Element) -> str:
    return "".join(t.text or "" for t in note.iter(qn("w:t")))


def reference_ids(content: bytes) -> list[int]:
    root = part_xml(content, "word/document.xml")
    return [int(ref.get(W_ID, "")) for ref in root.iter(qn("w:footnoteReference"))]
