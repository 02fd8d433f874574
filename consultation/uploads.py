"""Checking a written submission before it is stored.

The type is read from the file's first bytes and, for Word, from the names
inside the package; the name and the type the browser sent are not trusted.
Only .docx and PDF are taken: an old binary .doc can carry macros and is
refused with a request to save it again.
"""

from __future__ import annotations

import hashlib
import io
import logging
import zipfile
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from reportdesk.errors import DomainError

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

security_log = logging.getLogger("security")

MAX_SUBMISSION_BYTES = 10 * 1024 * 1024
PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Parts every Word document package has.
DOCX_PARTS = frozenset({"[Content_Types].xml", "word/document.xml"})
# A package with more entries than this is not a submission anyone wrote.
MAX_ZIP_ENTRIES = 5000
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


@dataclass(frozen=True)
class CheckedFile:
    content: bytes
    file_type: str
    sha256: str
    original_name: str


def check_submission(upload: UploadedFile) -> CheckedFile:
    """The upload's bytes and real type, or ``DomainError`` saying why not."""
    size = upload.size or 0
    if size > MAX_SUBMISSION_BYTES:
        _refuse(upload, "too large")
        raise DomainError(
            _("The file is larger than %(limit)d MB; send a smaller one.")
            % {"limit": MAX_SUBMISSION_BYTES // (1024 * 1024)}
        )
    # Read one byte past the limit: a size the client lied about shows here.
    content = upload.read(MAX_SUBMISSION_BYTES + 1)
    if len(content) > MAX_SUBMISSION_BYTES:
        _refuse(upload, "too large after reading")
        raise DomainError(
            _("The file is larger than %(limit)d MB; send a smaller one.")
            % {"limit": MAX_SUBMISSION_BYTES // (1024 * 1024)}
        )
    if not content:
        raise DomainError(_("The file is empty; choose the file again."))
    file_type = sniff(content)
    if file_type is None:
        _refuse(upload, "not Word or PDF")
        if content.startswith(OLE_MAGIC):
            raise DomainError(
                _(
                    "This is an old Word (.doc) file. Save it as .docx or PDF "
                    "and upload that."
                )
            )
        raise DomainError(
            _("Only Word (.docx) and PDF files can be uploaded; this file is neither.")
        )
    name = (upload.name or "").rsplit("/", 1)[-1].rsplit("\\", 1)[-1][:200]
    return CheckedFile(
        content=content,
        file_type=file_type,
        sha256=hashlib.sha256(content).hexdigest(),
        original_name=name or f"submission.{file_type}",
    )


def sniff(content: bytes) -> str | None:
    """ "pdf", "docx" or None, from the bytes alone."""
    if content.startswith(PDF_MAGIC):
        return "pdf"
    if content.startswith(ZIP_MAGIC) and _is_word_package(content):
        return "docx"
    return None


def _is_word_package(content: bytes) -> bool:
    # Only the central directory is read; nothing is decompressed.
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as package:
            names = package.namelist()
    except (zipfile.BadZipFile, ValueError):
        return False
    return len(names) <= MAX_ZIP_ENTRIES and set(names) >= DOCX_PARTS


def _refuse(upload: UploadedFile, why: str) -> None:
    security_log.warning("refused submission upload %r: %s", upload.name, why)
