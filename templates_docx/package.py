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
    raw = io.BytesIO()
    document.save(raw)
    return normalise_zip(raw.getvalue())


def normalise_zip(data: bytes) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
