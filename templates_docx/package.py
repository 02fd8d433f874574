"""Make a saved .docx byte-for-byte reproducible.

python-docx stamps every zip entry with the current time; rewriting the
archive with one fixed timestamp (and the entries in the order python-docx
wrote them, [Content_Types].xml first) makes the same input give the same
bytes, so an export can be compared, cached and tested.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from docx.document import Document
from docx.opc.packuri import PackURI
from docx.opc.pkgwriter import PackageWriter

_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def set_core_properties(document: Document, *, title: str, day: dt.date) -> None:
    core = document.core_properties
    moment = dt.datetime.combine(day, dt.time(0, 0), tzinfo=dt.UTC)
    core.created = moment
    core.modified = moment
    core.revision = 1
    core.title = title
    core.last_modified_by = "Reportdesk"


def save_reproducibly(document: Document) -> bytes:
    """The document as .docx bytes, every entry stamped with one fixed time.

    Written in one pass with python-docx's own package writer steps (content
    types, package relationships, then each part with its relationships),
    rather than saved and then rewritten: compressing every part twice was a
    third of the export's time.
    """
    package = document.part.package
    parts = list(package.iter_parts())
    out = io.BytesIO()
    with _FixedTimeZip(out) as writer:
        PackageWriter._write_content_types_stream(writer, parts)
        PackageWriter._write_pkg_rels(writer, package.rels)
        PackageWriter._write_parts(writer, parts)  # type: ignore[arg-type]
    return out.getvalue()


class _FixedTimeZip:
    """The one method python-docx's writer needs, with fixed zip timestamps."""

    def __init__(self, out: io.BytesIO) -> None:
        self._zip = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED)

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        entry = zipfile.ZipInfo(pack_uri.membername, date_time=_ZIP_EPOCH)
        entry.compress_type = zipfile.ZIP_DEFLATED
        entry.external_attr = 0o644 << 16
        self._zip.writestr(entry, blob)

    def __enter__(self) -> _FixedTimeZip:
        return self

    def __exit__(self, *exc: object) -> None:
        self._zip.close()
