"""Changes between two versions come out as Word tracked changes."""

from __future__ import annotations

import datetime as dt

from docx.oxml.ns import qn

from drafting.sectiontext import parse
from templates_docx import styles
from templates_docx.redline import (
    Redline,
    RedlineSection,
    ReviewComment,
    Source,
    render_redline,
    word_diff,
)
from tests.templates_docx.reading import open_docx, part_xml, texts_in
from tests.templates_docx.samples import (
    INTRODUCTION,
    NON_DISCRIMINATION,
    slovenia_report,
)

FROZEN = dt.datetime(2024, 7, 17, 9, 30, tzinfo=dt.UTC)
ACCEPTED = dt.datetime(2024, 6, 12, 14, 0, tzinfo=dt.UTC)
SECRETARIAT = "Luka Kovač (Human Rights Secretariat)"
JUSTICE = "Tomaž Zupan (Ministry of Justice)"
JUSTICE_TEXT = (
    "The Ministry of Justice prepared amendments to the Criminal Code in 2023."
)

# The later version: a word changed, words added, a paragraph added by the
# Ministry of Justice's contribution; the hate-speech section removed.
LATER = (
    INTRODUCTION.replace("started in autumn 2023", "started in September 2023").replace(
        "were briefed and consulted", "were briefed and consulted in writing"
    )
    + "\n\n"
    + JUSTICE_TEXT
)


def redline(**changes):
    sections = (
        RedlineSection(
            "Introduction",
            1,
            tuple(parse(INTRODUCTION)),
            tuple(parse(LATER)),
            old_heading="Introduction",
            sources=(Source(JUSTICE, ACCEPTED, JUSTICE_TEXT),),
        ),
        RedlineSection(
            "Non-discrimination",
            1,
            tuple(parse(NON_DISCRIMINATION)),
            None,
            old_heading="Non-discrimination",
        ),
    )
    values = {
        "report": slovenia_report(),
        "sections": sections,
        "author": SECRETARIAT,
        "date": FROZEN,
    } | changes
    return Redline(**values)


def changes(content: bytes, kind: str) -> list[tuple[str, str | None, str | None]]:
    body = part_xml(content, "word/document.xml")
    text_tag = "w:delText" if kind == "del" else "w:t"
    return [
        (
            "".join(t.text or "" for t in change.iter(qn(text_tag))),
            change.get(qn("w:author")),
            change.get(qn("w:date")),
        )
        for change in body.iter(qn(f"w:{kind}"))
        if getattr(change.getparent(), "tag", None) != qn("w:rPr")
    ]


def test_it_compares_word_by_word_and_reads_well():
    diff = word_diff(
        "Slovenia’s preparations started in autumn 2023.",
        "Slovenia’s preparations started in September 2023.",
    )

    assert diff == [
        (0, "Slovenia’s preparations started in "),
        (-1, "autumn"),
        (1, "September"),
        (0, " 2023."),
    ]


def test_edited_words_are_tracked_deletions_and_insertions_by_the_secretariat():
    content = render_redline(redline()).content

    inserted = changes(content, "ins")
    deleted = changes(content, "del")
    assert ("September", SECRETARIAT, "2024-07-17T09:30:00Z") in inserted
    assert (" in writing", SECRETARIAT, "2024-07-17T09:30:00Z") in inserted
    assert ("autumn", SECRETARIAT, "2024-07-17T09:30:00Z") in deleted


def test_text_from_an_accepted_contribution_is_attributed_to_its_author_and_entity():
    content = render_redline(redline()).content

    inserted = changes(content, "ins")
    assert (
        f"4.\t{JUSTICE_TEXT}".replace("\t", ""),
        JUSTICE,
        "2024-06-12T14:00:00Z",
    ) in [(text, author, date) for text, author, date in inserted]


def test_a_removed_section_is_deleted_heading_text_and_notes_included():
    content = render_redline(redline()).content

    deleted = " ".join(text for text, _author, _date in changes(content, "del"))
    assert "Non-discrimination" in deleted
    assert "The amendment to the Criminal Code adopted in 2023" in deleted
    notes = part_xml(content, "word/footnotes.xml")
    deleted_notes = [
        "".join(t.text for t in change.iter(qn("w:delText")))
        for change in notes.iter(qn("w:del"))
    ]
    assert any("The offence committed because" in text for text in deleted_notes)


def test_deleted_paragraphs_keep_the_later_version_s_numbering():
    document = open_docx(render_redline(redline()).content)

    # Word shows deleted text too; the kept and added paragraphs run 1 to 4.
    visible = [
        p
        for p in document.paragraphs
        if p.style.name == styles.PARA
        and p._p.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:del')}") is None
    ]
    numbers = [
        "".join(t.text for t in p._p.iter(qn("w:t"))).split("\t")[0][:2]
        for p in visible
    ]
    assert numbers == ["1.", "2.", "3.", "4."]


def test_a_whole_paragraph_mark_is_tracked_when_the_paragraph_comes_or_goes():
    body = part_xml(render_redline(redline()).content, "word/document.xml")

    marks = body.findall(f".//{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:ins')}")
    assert marks and all(m.get(qn("w:author")) for m in marks)
    assert body.findall(f".//{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:del')}")


def test_revision_ids_are_unique():
    body = part_xml(render_redline(redline()).content, "word/document.xml")

    ids = [
        change.get(qn("w:id"))
        for tag in ("w:ins", "w:del")
        for change in body.iter(qn(tag))
    ]
    assert len(ids) == len(set(ids))


def test_consultation_comments_become_word_comments_on_their_section():
    comment = ReviewComment(
        "Introduction",
        "Katja Turk (Human Rights Ombudsman)",
        FROZEN,
        "Please name the NGOs that were consulted.",
    )
    content = render_redline(redline(comments=(comment,))).content

    comments = part_xml(content, "word/comments.xml")
    entry = comments.find(qn("w:comment"))
    assert entry.get(qn("w:author")) == "Katja Turk (Human Rights Ombudsman)"
    assert "".join(entry.itertext()) == "Please name the NGOs that were consulted."
    document = open_docx(content)
    heading = next(p for p in document.paragraphs if p.style.name == styles.HEADING_1)
    assert heading._p.find(qn("w:commentRangeStart")) is not None
    assert heading._p.find(f".//{qn('w:commentReference')}") is not None


def test_an_unchanged_report_has_no_tracked_changes():
    same = tuple(parse(INTRODUCTION))
    unchanged = redline(
        sections=(
            RedlineSection("Introduction", 1, same, same, old_heading="Introduction"),
        )
    )

    content = render_redline(unchanged).content

    assert changes(content, "ins") == [] and changes(content, "del") == []
    document = open_docx(content)
    assert texts_in(document, styles.PARA)[0].startswith("1.\tIn March 2022")
