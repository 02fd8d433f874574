"""Refresh, fill and compile the French, Spanish and Arabic catalogues.

    manage.py translations refresh [--worksheet todo.json]
        extract every marked string (makemessages, needs GNU gettext), drop
        strings no longer used, and list what still needs a translator; with
        --worksheet, write those entries to a JSON file to translate.
    manage.py translations fill todo.json
        put the worksheet's translations into the catalogues and compile.
    manage.py translations compile
        compile the .po files into the .mo files that are committed.

See docs/translations.md.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from frontend.catalogues import (
    SKIPPED,
    TRANSLATED,
    Entry,
    Key,
    catalogue_path,
    format_po,
    read_po,
)

HEADER = {
    "Project-Id-Version": "Reportdesk",
    "Report-Msgid-Bugs-To": "",
    "Last-Translator": "Reportdesk",
    "Language-Team": "Reportdesk",
}


class Command(BaseCommand):
    help = "Refresh, fill and compile the translation catalogues."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("step", choices=["refresh", "fill", "compile"])
        parser.add_argument("worksheet", nargs="?", help="the JSON file to fill from")
        parser.add_argument(
            "--worksheet",
            dest="write_worksheet",
            help="after refresh, write what still needs translating to this file",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["step"] == "refresh":
            self.refresh(options["write_worksheet"])
        elif options["step"] == "fill":
            if not options["worksheet"]:
                raise CommandError("Name the worksheet to fill from: fill todo.json")
            self.fill(Path(options["worksheet"]))
        else:
            self.compile()

    def refresh(self, worksheet: str | None) -> None:
        _need_gettext()
        call_command(
            "makemessages",
            locale=list(TRANSLATED),
            ignore_patterns=[f"{folder}/*" for folder in sorted(SKIPPED)],
            no_obsolete=True,
            verbosity=0,
        )
        missing: dict[Key, dict[str, Entry]] = {}
        for language in TRANSLATED:
            entries = _normalised(language)
            for entry in entries:
                if entry.key.msgid and not entry.complete:
                    missing.setdefault(entry.key, {})[language] = entry
            self.stdout.write(
                f"{language}: {sum(1 for e in entries if e.key.msgid)} strings, "
                f"{sum(1 for e in entries if e.key.msgid and not e.complete)} "
                "need a translation"
            )
        if worksheet:
            Path(worksheet).write_text(
                json.dumps(_worksheet(missing), ensure_ascii=False, indent=1) + "\n",
                encoding="utf-8",
            )
            self.stdout.write(f"{len(missing)} entries written to {worksheet}")
        # Untranslated strings fall back to English until they are filled.
        self.compile()

    def fill(self, worksheet: Path) -> None:
        rows = json.loads(worksheet.read_text(encoding="utf-8"))
        wanted = {
            Key(row.get("context", ""), row["msgid"], row.get("plural", "")): row
            for row in rows
        }
        for language in TRANSLATED:
            entries = read_po(catalogue_path(language))
            filled = 0
            for entry in entries:
                row = wanted.get(entry.key)
                if row is None or not row.get(language):
                    continue
                value = row[language]
                if entry.key.plural:
                    forms = value if isinstance(value, list) else [value]
                    count = max(len(entry.translations), 1)
                    # A language with more plural forms than given repeats
                    # the last one, which the translator chose as general.
                    entry.translations = {
                        index: forms[min(index, len(forms) - 1)]
                        for index in range(count)
                    }
                else:
                    entry.translations = {0: value}
                entry.flags.discard("fuzzy")
                filled += 1
            catalogue_path(language).write_text(format_po(entries), encoding="utf-8")
            self.stdout.write(f"{language}: {filled} translations filled")
        self.compile()

    def compile(self) -> None:
        _need_gettext()
        call_command("compilemessages", locale=list(TRANSLATED), verbosity=0)
        self.stdout.write("compiled " + ", ".join(TRANSLATED))


def _need_gettext() -> None:
    if shutil.which("msgfmt") is None:
        raise CommandError(
            "GNU gettext is needed to extract and compile the catalogues: "
            "apt-get install gettext. (Running Reportdesk does not need it: "
            "the compiled .mo files are committed.)"
        )


def _normalised(language: str) -> list[Entry]:
    """The catalogue with a filled-in header that is not marked fuzzy."""
    path = catalogue_path(language)
    entries = read_po(path)
    header = next(entry for entry in entries if not entry.key.msgid)
    header.flags.discard("fuzzy")
    header.comments = [
        f"# Reportdesk's interface in {language}; see docs/translations.md."
    ]
    lines = []
    for line in header.translations[0].splitlines():
        name, _colon, value = line.partition(": ")
        if name in HEADER:
            value = HEADER[name]
        elif name == "Language":
            value = language
        elif name == "PO-Revision-Date":
            continue
        lines.append(f"{name}: {value}\n")
    header.translations[0] = "".join(lines)
    path.write_text(format_po(entries), encoding="utf-8")
    return entries


def _worksheet(missing: dict[Key, dict[str, Entry]]) -> list[dict[str, Any]]:
    rows = []
    for key in sorted(missing):
        row: dict[str, Any] = {"msgid": key.msgid}
        if key.context:
            row["context"] = key.context
        if key.plural:
            row["plural"] = key.plural
        for language in TRANSLATED:
            entry = missing[key].get(language)
            row[language] = [] if key.plural else ""
            if entry is not None and entry.fuzzy:
                # gettext's guess from a similar string: a hint, not an answer.
                forms = list(entry.translations.values())
                row[f"{language}_guess"] = forms if key.plural else forms[0]
        rows.append(row)
    return rows
