"""Footnotes are Word's own: a reference in the text, the note in footnotes.xml."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from templates_docx.render import render_report
from tests.templates_docx.reading import (
    note_text,
    notes,
    open_docx,
    part_xml,
    reference_ids,
)
from tests.templates_docx.samples import slovenia_report

REPORT_NOTES = [
    "United Nations Office of the High Commissioner for Human Rights.",
    "United Nations High Commissioner for Refugees.",
    "More information on the Council of the Republic of Slovenia for Children and "
    "Family is included in the voluntary mid-term report (Recommendation 16).",
    "The offence committed because of the victim's national, racial, religious or "
    "ethnic origin, sex, colour, background, financial situation, education, social "
    "status, political or other opinion, disability, sexual orientation or any other "
    "personal circumstance.",
]


def test_it_writes_each_footnote_into_the_footnotes_part_in_document_order():
    content = render_report(slovenia_report()).content

    report_notes = notes(content)[1:]  # the first is the title's star note
    assert [note_text(note) for note in report_notes] == REPORT_NOTES
    ids = [int(note.get(qn("w:id"))) for note in report_notes]
    assert reference_ids(content) == [1, *ids]
    assert ids == list(range(2, 2 + len(REPORT_NOTES)))


def test_it_numbers_footnotes_from_one_when_there_is_no_star_note():
    content = render_report(slovenia_report(without_formal_editing=False)).content

    assert reference_ids(content) == [1, 2, 3, 4]
    assert [note_text(note) for note in notes(content)] == REPORT_NOTES


def test_it_keeps_the_separators_word_expects():
    content = render_report(slovenia_report()).content

    root = part_xml(content, "word/footnotes.xml")
    separators = {
        note.get(qn("w:type")): note.get(qn("w:id"))
        for note in root.iter(qn("w:footnote"))
    }
    assert separators["separator"] == "-1"
    assert separators["continuationSeparator"] == "0"
    declared = part_xml(content, "word/settings.xml").find(qn("w:footnotePr"))
    assert [n.get(qn("w:id")) for n in declared] == ["-1", "0"]


def test_it_keeps_bold_italic_and_links_inside_footnotes():
    content = render_report(slovenia_report()).content
    document = open_docx(content)

    first, _, third = notes(content)[1:4]
    bold = [
        r
        for r in first.iter(qn("w:r"))
        if r.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None
    ]
    assert [note_text(r) for r in bold] == ["High Commissioner"]
    italic = [
        r
        for r in third.iter(qn("w:r"))
        if r.find(f"{qn('w:rPr')}/{qn('w:i')}") is not None
    ]
    assert [note_text(r) for r in italic] == ["voluntary mid-term report"]

    link = first.find(f".//{qn('w:hyperlink')}")
    assert note_text(link) == "Human Rights"
    notes_part = document.part.part_related_by(RT.FOOTNOTES)
    rel = notes_part.rels[link.get(qn("r:id"))]
    assert rel.is_external and rel.target_ref == "https://www.ohchr.org/en"


def test_it_marks_each_note_with_word_s_own_number():
    content = render_report(slovenia_report()).content

    for note in notes(content)[1:]:
        assert note.find(f".//{qn('w:footnoteRef')}") is not None


def run_tool(args: list[str]) -> str:
    # Fixed programs, run on our own temporary files.
    done = subprocess.run(args, check=True, capture_output=True, text=True)
    return done.stdout


@pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")),
    reason="LibreOffice or poppler is not installed",
)
def test_libreoffice_prints_the_footnotes_numbered_one_to_n(tmp_path):
    source = tmp_path / "report.docx"
    source.write_bytes(render_report(slovenia_report()).content)
    convert = [
        "soffice",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(tmp_path),
    ]
    run_tool([*convert, str(source)])
    text = run_tool(["pdftotext", "-layout", str(tmp_path / "report.pdf"), "-"])

    for number, note in enumerate(REPORT_NOTES, start=1):
        opening = " ".join(note.split()[:5])
        assert re.search(rf"^\s*{number}\s+{re.escape(opening)}", text, re.MULTILINE), (
            note
        )
