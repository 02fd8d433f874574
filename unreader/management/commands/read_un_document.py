"""``manage.py read_un_document FILE``: print what we read from a UN document."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from unreader.detect import read_document
from unreader.errors import UnreadableDocument

# A UN document's text is well under this; a bigger file is something else.
MAX_BYTES = 10_000_000


class Command(BaseCommand):
    help = (
        "Read the text of a UN document (a UPR national report, concluding "
        "observations, a UPR Working Group report or the State's views on its "
        "recommendations) and print it as JSON."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="A .txt file extracted from the UN PDF.")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        text = _read_text(path)
        try:
            data = read_document(text)
        except UnreadableDocument as err:
            raise CommandError(f"{path}: {err}") from err
        self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))


def _read_text(path: Path) -> str:
    if not path.is_file():
        raise CommandError(_("%(path)s: no such file.") % {"path": path})
    if path.stat().st_size > MAX_BYTES:
        raise CommandError(
            _("%(path)s: too large for one UN document (over %(limit)s bytes).")
            % {"path": path, "limit": MAX_BYTES}
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise CommandError(
            _(
                "%(path)s: this is not a UTF-8 text file. Expected the .txt text "
                "extracted from a UN document's PDF (for example with pdftotext), "
                "not the PDF itself."
            )
            % {"path": path}
        ) from err
    if "\x00" in text:
        raise CommandError(
            _(
                "%(path)s: this is a binary file, not text. Expected the .txt text "
                "extracted from a UN document's PDF."
            )
            % {"path": path}
        )
    return text
