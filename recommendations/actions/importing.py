"""Import recommendations from a source text: create, update, or leave alone.

Reading the text (the slow part) happens before the transaction; writing
happens in one transaction so a failed import leaves nothing half done.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from audit import Verb
from audit import record as audit_record
from recommendations.importers import Incoming, Source, read_source
from recommendations.models import (
    ImportRecord,
    PersonGroup,
    Recommendation,
    Sdg,
    Theme,
)
from recommendations.sdgs import SDG_TITLES
from reportdesk.abilities.recommendations import can_import_recommendations
from reportdesk.errors import DomainError, NotAllowed
from unreader.errors import UnreadableDocument

if TYPE_CHECKING:
    from django.contrib.auth.models import User

logger = logging.getLogger(__name__)
security_log = logging.getLogger("security")

# An upload is one UN document or one export; past this it is something else,
# and refusing it bounds the work and memory one request can cause.
MAX_IMPORT_BYTES = 3 * 1024 * 1024
# How many changed recommendations the summary names one by one.
MAX_LISTED_CHANGES = 500


class UploadRefused(DomainError):
    code = "upload_refused"


@dataclass
class ImportSummary:
    kind: str
    symbol: str
    state: str
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    not_found: list[str] = field(default_factory=list)
    changes: list[dict[str, Any]] = field(default_factory=list)
    by_position: dict[str, int] = field(default_factory=dict)
    by_theme: dict[str, int] = field(default_factory=dict)
    by_sdg: dict[str, int] = field(default_factory=dict)
    record_id: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "symbol": self.symbol,
            "state": self.state,
            "imported": self.imported,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "not_found": self.not_found,
            "changes": self.changes,
            "by_position": self.by_position,
            "by_theme": self.by_theme,
            "by_sdg": self.by_sdg,
            "import": self.record_id,
        }


# A request carrying one acceptable file or text, with the form or JSON around
# it (JSON may escape each character as six bytes; allow for some of that).
MAX_REQUEST_BYTES = 2 * MAX_IMPORT_BYTES + 64 * 1024


def check_request_size(content_length: str | None) -> None:
    """Refuse a request too large to hold an acceptable source before its
    body is read, so a huge upload is neither parsed nor spooled to disk."""
    size = int(content_length) if content_length and content_length.isdigit() else 0
    if size > MAX_REQUEST_BYTES:
        security_log.info("refused an import request of %s bytes", size)
        raise UploadRefused(
            _(
                "The request is %(size)s bytes; a file of at most %(limit)s bytes "
                "is accepted. Give the text of one document or one export."
            )
            % {"size": size, "limit": MAX_IMPORT_BYTES}
        )


def read_upload(upload: UploadedFile) -> str:
    """The text of an uploaded file, read only if its size is acceptable."""
    if upload.size is not None and upload.size > MAX_IMPORT_BYTES:
        security_log.info("refused an upload of %s bytes", upload.size)
        raise UploadRefused(
            _(
                "The file is %(size)s bytes; at most %(limit)s are accepted. Give "
                "the text of one document or one export."
            )
            % {"size": upload.size, "limit": MAX_IMPORT_BYTES}
        )
    return decode_upload(upload.read(MAX_IMPORT_BYTES + 1))


def decode_upload(raw: bytes) -> str:
    """The text of an upload, or ``UploadRefused`` saying what was wrong."""
    if len(raw) > MAX_IMPORT_BYTES:
        raise UploadRefused(
            _(
                "The file is %(size)s bytes; at most %(limit)s are accepted. Give "
                "the text of one document or one export."
            )
            % {"size": len(raw), "limit": MAX_IMPORT_BYTES}
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise UploadRefused(
            _(
                "The file is not UTF-8 text. Give the .txt extracted from the UN "
                "PDF, or the CSV export saved as UTF-8, not a PDF or spreadsheet."
            )
        ) from err
    return check_text(text)


def check_text(text: str) -> str:
    if len(text.encode("utf-8")) > MAX_IMPORT_BYTES:
        raise UploadRefused(
            _("The text is longer than %(limit)s bytes; give one document at a time.")
            % {"limit": MAX_IMPORT_BYTES}
        )
    if "\x00" in text:
        raise UploadRefused(
            _("This is not plain text (it holds NUL bytes); give a .txt or .csv file.")
        )
    if not text.strip():
        raise UploadRefused(_("The file is empty; choose a file or paste the text."))
    return text


def do_import_recommendations(
    user: User | None, text: str, *, filename: str = "", kind: str | None = None
) -> ImportSummary:
    """Import the recommendations a source text gives.

    ``user`` None is the command line (run by whoever runs the server).
    Existing rows are locked while they are compared and updated; if another
    import creates the same recommendation at the same moment, this one is
    refused and can simply be run again.
    """
    if user is not None and not can_import_recommendations(user):
        security_log.warning("refused recommendation import by user %s", user.pk)
        raise NotAllowed(_("Only the secretariat can import recommendations."))
    check_text(text)
    try:
        source = read_source(text, kind)
    except UnreadableDocument as err:
        raise DomainError(str(err)) from err
    try:
        with transaction.atomic():
            summary = _write(source)
            record = ImportRecord.objects.create(
                kind=source.kind,
                symbol=source.symbol,
                filename=filename[:255],
                digest=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                summary=summary.as_dict(),
                imported_by=user,
            )
            audit_record(user, Verb.IMPORT, target=record, details=summary.as_dict())
    except IntegrityError as err:
        raise DomainError(
            _(
                "Another import of the same recommendations ran at the same time; run it again."
            )
        ) from err
    summary.record_id = record.pk
    logger.info(
        "imported %s %s: %s new, %s updated, %s unchanged",
        source.kind,
        source.symbol,
        summary.imported,
        summary.updated,
        summary.unchanged,
    )
    return summary


class _Names:
    """Themes, groups and goals by name, created on first use."""

    def __init__(self) -> None:
        self.themes: dict[str, Theme] = {t.name: t for t in Theme.objects.all()}
        self.groups: dict[str, PersonGroup] = {
            g.name: g for g in PersonGroup.objects.all()
        }
        self.sdgs: dict[int, Sdg] = {s.number: s for s in Sdg.objects.all()}

    def theme(self, name: str) -> Theme:
        if name not in self.themes:
            self.themes[name] = Theme.objects.create(name=name[:300])
        return self.themes[name]

    def group(self, name: str) -> PersonGroup:
        if name not in self.groups:
            self.groups[name] = PersonGroup.objects.create(name=name[:300])
        return self.groups[name]

    def sdg(self, number: int) -> Sdg:
        if number not in self.sdgs:
            self.sdgs[number] = Sdg.objects.create(
                number=number, title=SDG_TITLES.get(number, "")
            )
        return self.sdgs[number]


def _write(source: Source) -> ImportSummary:
    summary = ImportSummary(source.kind, source.symbol, source.state)
    names = _Names()
    keys = [item.source_key for item in source.items]
    existing: dict[str, Recommendation] = {}
    for chunk in _chunks(keys):
        existing.update(
            (row.source_key, row)
            for row in Recommendation.objects.select_for_update()
            .filter(source_key__in=chunk)
            .prefetch_related("themes", "groups", "sdgs")
        )
    touched: list[int] = []
    for item in source.items:
        row = existing.get(item.source_key)
        if row is None and item.update_only:
            summary.not_found.append(item.source_key)
            continue
        if row is None:
            row = existing[item.source_key] = _create(item, names)
            summary.imported += 1
        else:
            changed = _update(row, item, names)
            if changed:
                summary.updated += 1
                if len(summary.changes) < MAX_LISTED_CHANGES:
                    summary.changes.append(
                        {"recommendation": row.label, "fields": changed}
                    )
            else:
                summary.unchanged += 1
        touched.append(row.pk)
    _count(summary, touched)
    return summary


def _create(item: Incoming, names: _Names) -> Recommendation:
    values = {**item.fill, **item.fields}
    if item.main_theme:
        values["main_theme"] = names.theme(item.main_theme)
    row = Recommendation.objects.create(source_key=item.source_key, **values)
    if item.themes:
        row.themes.set([names.theme(n) for n in item.themes])
    if item.groups:
        row.groups.set([names.group(n) for n in item.groups])
    if item.sdgs:
        row.sdgs.set([names.sdg(n) for n in item.sdgs])
    return row


def _update(row: Recommendation, item: Incoming, names: _Names) -> list[str]:
    """Apply what the source says; return the names of the fields that changed."""
    changed: list[str] = []
    for name, value in item.fields.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed.append(name)
    for name, value in item.fill.items():
        if getattr(row, name) in (None, "", [], {}) and value not in (None, ""):
            setattr(row, name, value)
            changed.append(name)
    if item.main_theme is not None:
        theme = names.theme(item.main_theme)
        if row.main_theme_id != theme.pk:
            row.main_theme = theme
            changed.append("main_theme")
    if changed:
        row.save()
    changed += _set_names(row, "themes", item.themes, names.theme)
    changed += _set_names(row, "groups", item.groups, names.group)
    if item.sdgs is not None:
        wanted = {names.sdg(n).pk for n in item.sdgs}
        if wanted != {s.pk for s in row.sdgs.all()}:
            row.sdgs.set(list(wanted))
            changed.append("sdgs")
    return changed


def _set_names(
    row: Recommendation, attribute: str, wanted: list[str] | None, lookup: Any
) -> list[str]:
    if wanted is None:
        return []
    manager = getattr(row, attribute)
    ids = {lookup(name).pk for name in wanted}
    if ids == {obj.pk for obj in manager.all()}:
        return []
    manager.set(list(ids))
    return [attribute]


def _count(summary: ImportSummary, ids: list[int]) -> None:
    positions: Counter[str] = Counter()
    themes: Counter[str] = Counter()
    sdgs: Counter[int] = Counter()
    for chunk in _chunks(sorted(set(ids))):
        positions.update(
            p or "none"
            for p in Recommendation.objects.filter(pk__in=chunk).values_list(
                "position", flat=True
            )
        )
        themes.update(
            Recommendation.themes.through.objects.filter(
                recommendation_id__in=chunk
            ).values_list("theme__name", flat=True)
        )
        sdgs.update(
            Recommendation.sdgs.through.objects.filter(
                recommendation_id__in=chunk
            ).values_list("sdg__number", flat=True)
        )
    summary.by_position = dict(sorted(positions.items()))
    summary.by_theme = dict(sorted(themes.items(), key=lambda kv: (-kv[1], kv[0])))
    summary.by_sdg = {str(number): sdgs[number] for number in sorted(sdgs)}


def _chunks(values: list[Any], size: int = 500) -> list[list[Any]]:
    # SQLite limits the parameters of one query; 500 stays well inside.
    return [values[i : i + size] for i in range(0, len(values), size)]
