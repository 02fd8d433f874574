"""Opening an uploaded Word file without trusting it.

A .docx is a zip of XML parts. Everything about it is checked before any
byte is inflated or parsed: its size, that it is a zip at all (and not an
encrypted or old binary Word file), how many parts it has, how large each
part says it is once inflated and how much it claims to shrink (a zip bomb
claims a lot). Parts are then inflated with a hard cap, whatever their
headers say, and parsed by an XML parser that loads no DTD, resolves no
entity and reaches no network; a part that declares a DTD or an entity is
refused outright (the "billion laughs" and external-entity attacks).

python-docx is not used to read uploads: it parses with settings of its
own; these parts are read here, by ``parse_xml``, and nowhere else.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
import zlib
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _
from lxml import etree

from reportdesk.errors import DomainError

security_log = logging.getLogger("security")

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_PARTS = 1000
# Inflated size of any one part we read, and of all parts together.
MAX_PART_BYTES = 25 * 1024 * 1024
MAX_TOTAL_BYTES = 100 * 1024 * 1024
# Text XML compresses well, but not by more than this; a part larger than
# RATIO_FLOOR that claims more is a zip bomb.
MAX_RATIO = 100
RATIO_FLOOR = 1024 * 1024

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
DECLARATION = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
MAIN_PART = "word/document.xml"


class WordFileRefused(DomainError):
    """The upload is not a Word file we can read safely; ``reason`` says why."""

    code = "bad_file"

    def __init__(self, reason: str, message: object) -> None:
        super().__init__(message, reason=reason)
        self.reason = reason


def _refuse(reason: str, message: object) -> WordFileRefused:
    security_log.warning("refused uploaded Word file: %s", reason)
    return WordFileRefused(reason, message)


@dataclass
class Package:
    """The parts of a checked .docx, read on demand with a size cap."""

    archive: zipfile.ZipFile
    names: frozenset[str]
    read_so_far: int = 0

    def has(self, name: str) -> bool:
        return name in self.names

    def read(self, name: str) -> bytes:
        cap = min(MAX_PART_BYTES, MAX_TOTAL_BYTES - self.read_so_far)
        try:
            with self.archive.open(name) as member:
                data = member.read(cap + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as err:
            raise _refuse(
                "corrupt",
                _("The Word file is damaged (part %(part)s cannot be read).")
                % {"part": name},
            ) from err
        if len(data) > cap:
            raise _refuse(
                "too_large_inflated",
                _("The Word file unpacks to more than %(mb)d MB; it is refused.")
                % {"mb": MAX_TOTAL_BYTES // (1024 * 1024)},
            )
        self.read_so_far += len(data)
        return data

    def xml(self, name: str) -> etree._Element:
        return parse_xml(self.read(name), name)


def open_package(data: bytes) -> Package:
    """Check an upload and open it, or refuse it with the reason."""
    if len(data) > MAX_FILE_BYTES:
        raise _refuse(
            "too_large",
            _("The file is larger than %(mb)d MB; split it or remove images.")
            % {"mb": MAX_FILE_BYTES // (1024 * 1024)},
        )
    if data.startswith(OLE_SIGNATURE):
        if ENCRYPTION_STREAM in data:
            raise _refuse(
                "encrypted",
                _(
                    "The Word file is protected with a password. Save it again "
                    "without a password and upload that copy."
                ),
            )
        raise _refuse(
            "old_format",
            _(
                "This is an old Word file (.doc). Save it as a Word document "
                "(.docx) and upload that."
            ),
        )
    if not data.startswith(b"PK"):
        raise _refuse("not_word", _("This is not a Word file (.docx)."))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as err:
        raise _refuse(
            "corrupt", _("The Word file is damaged and cannot be opened.")
        ) from err
    _check_members(members)
    names = frozenset(member.filename for member in members)
    if MAIN_PART not in names or "[Content_Types].xml" not in names:
        raise _refuse(
            "not_word",
            _("This is a zip file, but not a Word document (.docx)."),
        )
    return Package(archive, names)


def _check_members(members: list[zipfile.ZipInfo]) -> None:
    """Refuse by the zip's own directory, before anything is inflated."""
    if len(members) > MAX_PARTS:
        raise _refuse("too_many_parts", _("The Word file has too many parts."))
    total = 0
    for member in members:
        if member.flag_bits & 0x1:
            raise _refuse(
                "encrypted",
                _("The Word file is encrypted. Upload a copy without a password."),
            )
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if (
            member.file_size > MAX_PART_BYTES
            or total > MAX_TOTAL_BYTES
            or (member.file_size > RATIO_FLOOR and ratio > MAX_RATIO)
        ):
            raise _refuse(
                "zip_bomb",
                _(
                    "The Word file claims to unpack to far more than it could "
                    "hold (part %(part)s); it is refused."
                )
                % {"part": member.filename},
            )


def parse_xml(data: bytes, name: str) -> etree._Element:
    """Parse one part; refuse DTDs and entity declarations, and broken XML."""
    if DECLARATION.search(data) or DECLARATION.search(_as_ascii(data)):
        raise _refuse(
            "dtd",
            _(
                "The Word file declares a DTD or entities (part %(part)s), which "
                "Word never writes; it is refused."
            )
            % {"part": name},
        )
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as err:
        raise _refuse(
            "corrupt",
            _("The Word file is damaged (part %(part)s is not valid XML).")
            % {"part": name},
        ) from err
    info: Any = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None:
        raise _refuse(
            "dtd",
            _("The Word file declares a DTD (part %(part)s); it is refused.")
            % {"part": name},
        )
    return root


def _as_ascii(data: bytes) -> bytes:
    """UTF-16 XML with the zero bytes taken out, so the check sees it too."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[:4].count(b"\x00") >= 2:
        return data.replace(b"\x00", b"")
    return b""
