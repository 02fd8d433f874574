"""Word files in: what is kept, what is said, and every kind of bad file
refused with its reason, in bounded memory."""

import io
import struct
import tracemalloc
import zipfile

import pytest

from contributions.actions import do_upload_word
from contributions.models import ContributionNote
from contributions.wordin import WordFileRefused, read_docx
from contributions.wordin.safety import MAX_FILE_BYTES
from drafting.sectiontext import BulletList, NumberedList, Paragraph, Table, parse
from reportdesk.errors import DomainError
from tests.contributions.wordfiles import (
    document_xml,
    ministry_docx,
    proposal_docx,
    real_text,
    with_part,
)


@pytest.fixture(scope="module")
def imported():
    return read_docx(ministry_docx())


def test_paragraphs_bold_footnotes_and_links_are_kept(imported):
    text = real_text()
    assert "## Institutional framework of human rights protection" in imported.text
    assert "In **2021, the** Human Rights Ombudsman" in imported.text
    assert f"^[{text.footnote}]" in imported.text
    assert "[the Ombudsman’s website](https://www.varuh-rs.si/en/)" in imported.text


def test_lists_and_tables_become_their_blocks(imported):
    blocks = parse(imported.text)
    kinds = [type(block) for block in blocks]
    assert BulletList in kinds and NumberedList in kinds
    table = next(block for block in blocks if isinstance(block, Table))
    assert table.header
    assert len(table.rows) == 3
    italic = [
        run
        for block in blocks
        if isinstance(block, Paragraph)
        for run in block.content
        if getattr(run, "italic", False)
    ]
    assert italic[0].text == "(Protection against Discrimination Act)"


def test_tracked_changes_are_read_as_accepted_with_a_warning(imported):
    second = parse(imported.text)[2]
    words = "".join(getattr(item, "text", "") for item in second.content)
    assert "in 2024" in words
    assert "in 2023" not in words
    assert any(
        "2 tracked change(s)" in w and "accepted" in w for w in imported.warnings
    )


def test_word_comments_come_back_with_the_words_they_are_on(imported):
    (comment,) = imported.comments
    assert comment.author == "Irena Golob"
    assert comment.text == "Please check the figure with the Ombudsman."
    assert comment.anchor.startswith("Human Rights Ombudsman received")


@pytest.mark.django_db
def test_an_upload_keeps_comments_as_notes_and_warnings_on_the_revision(
    personas, report
):
    revision = do_upload_word(
        personas.focal_point,
        ministry_docx(),
        file_name="justice-B.docx",
        section=report.sections.get(key="upr.B"),
    )
    assert (revision.source, revision.file_name) == ("word", "justice-B.docx")
    assert len(revision.warnings) == 2
    note = ContributionNote.objects.get()
    assert (note.kind, note.revision) == ("word_comment", revision)


@pytest.mark.django_db
def test_a_ministry_uploads_a_revised_copy_as_a_proposal(personas, report):
    section = report.sections.get(key="upr.A")
    paragraphs = section.text.split("\n\n")
    paragraphs[0] = paragraphs[0].replace("autumn 2023", "September 2023")
    revision = do_upload_word(
        personas.focal_point,
        proposal_docx(paragraphs),
        file_name="intro.docx",
        section=section,
        kind="proposal",
        base_version=section.version,
    )
    contribution = revision.contribution
    assert contribution.base_text == section.text
    assert revision.text == "\n\n".join(paragraphs)


def test_characters_a_word_file_cannot_hold_are_removed_and_counted():
    content = ministry_docx()
    xml = document_xml(content).replace(
        b"Paris Principles", "Paris\u0085 Principles\u0080".encode()
    )
    imported = read_docx(with_part(content, "word/document.xml", xml))
    assert "Paris Principles" in imported.text
    assert any("2 character(s)" in warning for warning in imported.warnings)


def _refused(data: bytes) -> WordFileRefused:
    with pytest.raises(WordFileRefused) as caught:
        read_docx(data)
    assert str(caught.value.message)  # a sentence the person can act on
    return caught.value


def test_a_file_that_is_not_word_is_refused():
    assert _refused(b"%PDF-1.7\n...").reason == "not_word"
    plain = io.BytesIO()
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("notes.txt", "Slovenia")
    assert _refused(plain.getvalue()).reason == "not_word"


def test_an_encrypted_word_file_is_refused():
    # What Word writes for a password-protected file: an OLE compound file
    # holding an EncryptionInfo stream.
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    encrypted = ole + "EncryptionInfo".encode("utf-16-le") + bytes(64)
    error = _refused(encrypted)
    assert error.reason == "encrypted"
    assert "password" in str(error.message)
    assert _refused(ole + bytes(64)).reason == "old_format"


def test_a_zip_with_encrypted_parts_is_refused():
    # zipfile writes no encrypted parts, so set the "encrypted" flag of every
    # part in the central directory by hand, as an encrypting tool would.
    content = bytearray(ministry_docx())
    at = content.find(b"PK\x01\x02")
    while at >= 0:
        struct.pack_into("<H", content, at + 8, 0x1)
        at = content.find(b"PK\x01\x02", at + 4)
    assert _refused(bytes(content)).reason == "encrypted"


def test_a_corrupt_file_is_refused():
    content = ministry_docx()
    assert _refused(content[: len(content) // 2]).reason == "corrupt"
    broken = with_part(content, "word/document.xml", b"<w:document><w:body>")
    assert _refused(broken).reason == "corrupt"


def test_an_oversized_file_is_refused_before_it_is_opened():
    assert _refused(b"PK" + bytes(MAX_FILE_BYTES)).reason == "too_large"


def _bomb() -> bytes:
    content = io.BytesIO()
    with zipfile.ZipFile(content, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("word/document.xml", b"<" + b" " * (3 * 1024 * 1024) + b"/>")
    return content.getvalue()


def test_a_zip_bomb_is_refused_without_inflating_it():
    bomb = _bomb()
    assert len(bomb) < 20_000
    tracemalloc.start()
    try:
        error = _refused(bomb)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert error.reason == "zip_bomb"
    assert peak < 1024 * 1024  # nothing near the 3 MB it would inflate to


def test_a_part_that_lies_about_its_size_is_refused_by_its_claim():
    """A central directory claiming gigabytes is refused from the directory."""
    bomb = bytearray(ministry_docx())
    at = bomb.rfind(b"PK\x01\x02")
    while at >= 0:
        name_length = struct.unpack_from("<H", bomb, at + 28)[0]
        name = bytes(bomb[at + 46 : at + 46 + name_length])
        if name == b"word/document.xml":
            struct.pack_into("<I", bomb, at + 24, 0xFFFF0000)
            break
        at = bomb.rfind(b"PK\x01\x02", 0, at)
    assert _refused(bytes(bomb)).reason == "zip_bomb"


def test_too_many_parts_are_refused():
    content = io.BytesIO()
    with zipfile.ZipFile(content, "w") as archive:
        for number in range(1001):
            archive.writestr(f"word/media/p{number}.xml", b"<a/>")
    assert _refused(content.getvalue()).reason == "too_many_parts"


@pytest.mark.parametrize(
    "declaration",
    [
        b'<!DOCTYPE w:document [<!ENTITY lol "lol">]>',
        b'<!DOCTYPE w:document SYSTEM "http://127.0.0.1/evil.dtd">',
        b'<!ENTITY xxe SYSTEM "file:///etc/passwd">',
    ],
)
def test_a_dtd_or_entity_declaration_is_refused(declaration):
    content = ministry_docx()
    xml = document_xml(content)
    head, rest = xml.split(b"?>", 1)
    hostile = with_part(content, "word/document.xml", head + b"?>" + declaration + rest)
    assert _refused(hostile).reason == "dtd"


def test_a_dtd_hidden_in_utf16_is_refused_too():
    content = ministry_docx()
    xml = (
        document_xml(content)
        .decode("utf-8")
        .replace('encoding="UTF-8"', 'encoding="UTF-16"')
    )
    head, rest = xml.split("?>", 1)
    hostile_xml = (head + '?><!DOCTYPE w:document [<!ENTITY a "a">]>' + rest).encode(
        "utf-16"
    )
    hostile = with_part(content, "word/document.xml", hostile_xml)
    assert _refused(hostile).reason == "dtd"


@pytest.mark.django_db
def test_a_refused_upload_writes_nothing(personas, report):
    from contributions.models import Contribution

    with pytest.raises(DomainError):
        do_upload_word(
            personas.focal_point,
            _bomb(),
            file_name="bomb.docx",
            section=report.sections.get(key="upr.B"),
        )
    assert not Contribution.objects.exists()


@pytest.mark.django_db
def test_people_who_may_not_contribute_cannot_upload(personas, report):
    from reportdesk.errors import NotAllowed

    with pytest.raises(NotAllowed):
        do_upload_word(
            personas.drafter,
            ministry_docx(),
            file_name="x.docx",
            section=report.sections.get(key="upr.B"),
        )
