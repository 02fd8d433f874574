"""``manage.py import_recommendations FILE``: import and print a JSON summary."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from recommendations.actions import decode_upload, do_import_recommendations
from recommendations.actions.importing import MAX_IMPORT_BYTES
from recommendations.importers import KINDS
from reportdesk.errors import DomainError


class Command(BaseCommand):
    help = (
        "Import recommendations from a UPR Working Group report or its addendum, "
        "the OHCHR thematic list, concluding observations or a UPR Info CSV "
        "export. The kind is detected; importing again updates instead of "
        "duplicating. Prints what was imported, updated and unchanged as JSON."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="A .txt extracted from the UN PDF, or a .csv.")
        parser.add_argument(
            "--kind", choices=KINDS, help="Skip detection and read the file as this."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(_("%(path)s: no such file.") % {"path": path})
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise CommandError(
                _("%(path)s: larger than %(limit)s bytes; give one document.")
                % {"path": path, "limit": MAX_IMPORT_BYTES}
            )
        try:
            text = decode_upload(path.read_bytes())
            summary = do_import_recommendations(
                None, text, filename=path.name, kind=options.get("kind")
            )
        except DomainError as err:
            raise CommandError(f"{path}: {err.message}") from err
        self.stdout.write(json.dumps(summary.as_dict(), indent=2, ensure_ascii=False))
