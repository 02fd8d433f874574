"""The translation catalogues, read without GNU gettext.

Two things need to know what the catalogues hold and what the code marks:
the test that fails when a marked string has no translation, and the
``translations`` command that refreshes the catalogues. Both use this module,
so the test runs on a machine without gettext and in well under a second.

What counts as marked is what ``makemessages`` extracts: the gettext family
called with string literals in Python, and ``{% translate %}`` /
``{% blocktranslate %}`` in templates (read through Django's own
``templatize``, as ``makemessages`` does).
"""

from __future__ import annotations

import ast
import io
import os
import re
import tokenize
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation.template import templatize

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "locale"
TRANSLATED = ("fr", "es", "ar")
# Folders that hold no interface text, or only text for operators.
SKIPPED = {"tests", "migrations", "node_modules", "bench", "staticfiles", "var"}

# Which arguments of each gettext function hold the context, the message and
# its plural (1-based, as xgettext's keyword specifications count them).
_SINGULAR = {"msgid": 1}
KEYWORDS: dict[str, dict[str, int]] = {
    "_": _SINGULAR,
    "gettext": _SINGULAR,
    "gettext_lazy": _SINGULAR,
    "gettext_noop": _SINGULAR,
    "ngettext": {"msgid": 1, "plural": 2},
    "ngettext_lazy": {"msgid": 1, "plural": 2},
    "pgettext": {"context": 1, "msgid": 2},
    "pgettext_lazy": {"context": 1, "msgid": 2},
    "npgettext": {"context": 1, "msgid": 2, "plural": 3},
    "npgettext_lazy": {"context": 1, "msgid": 2, "plural": 3},
}


@dataclass(frozen=True, order=True)
class Key:
    """One message as gettext tells messages apart."""

    context: str
    msgid: str
    plural: str = ""

    def __str__(self) -> str:
        shown = self.msgid if len(self.msgid) < 70 else self.msgid[:67] + "…"
        return f"[{self.context}] {shown}" if self.context else shown


@dataclass
class Entry:
    key: Key
    translations: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    obsolete: bool = False
    # Translator and reference comments ("#: file:line"), kept on rewrite.
    comments: list[str] = field(default_factory=list)

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def complete(self) -> bool:
        values = list(self.translations.values())
        return bool(values) and all(values) and not self.fuzzy


# Reading .po files ------------------------------------------------------------

_LINE = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")$')


def _unquote(literal: str) -> str:
    return str(ast.literal_eval(literal))


def read_po(path: Path) -> list[Entry]:
    """The entries of a .po file, the header (empty msgid) included."""
    entries: list[Entry] = []
    fields: dict[str, str] = {}
    flags: set[str] = set()
    comments: list[str] = []
    obsolete = False
    last = ""

    def flush() -> None:
        nonlocal fields, flags, comments, obsolete
        if "msgid" in fields:
            key = Key(
                fields.get("msgctxt", ""),
                fields["msgid"],
                fields.get("msgid_plural", ""),
            )
            translations = {
                int(name[7:-1]) if name.startswith("msgstr[") else 0: value
                for name, value in fields.items()
                if name.startswith("msgstr")
            }
            entries.append(Entry(key, translations, flags, obsolete, comments))
        fields, flags, comments, obsolete = {}, set(), [], False

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        old = line.startswith("#~")
        if old:
            line = line[2:].strip()
        continues = line.startswith(('"', "msgstr", "msgid_plural"))
        if not continues and "msgid" in fields:
            # A comment, a blank line or a new msgctxt/msgid ends the entry.
            flush()
        obsolete = obsolete or old
        if line.startswith("#,"):
            flags |= {flag.strip() for flag in line[2:].split(",")}
            continue
        if line.startswith("#") and not old:
            comments.append(line)
        if not line or line.startswith("#"):
            continue
        match = _LINE.match(line)
        if match:
            name, index, literal = match.groups()
            last = f"msgstr[{index}]" if index is not None else name
            fields[last] = _unquote(literal)
        elif line.startswith('"'):
            fields[last] += _unquote(line)
    flush()
    return entries


def _quote(value: str) -> str:
    escaped = (
        value.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\t", "\\t")
        .replace("\n", "\\n")
    )
    return f'"{escaped}"'


def _field(name: str, value: str) -> list[str]:
    lines = re.findall(r"[^\n]*\n|[^\n]+", value)
    if len(lines) <= 1:
        return [f"{name} {_quote(value)}"]
    return [f'{name} ""', *(_quote(line) for line in lines)]


def format_po(entries: Iterable[Entry]) -> str:
    """The entries as a .po file; obsolete entries are dropped."""
    blocks = []
    for entry in entries:
        if entry.obsolete:
            continue
        # Comments, then flags, then gettext's "previous msgid" lines (kept
        # only while the entry is fuzzy): the order msgfmt requires.
        lines = [line for line in entry.comments if not line.startswith("#|")]
        if entry.flags:
            lines.append("#, " + ", ".join(sorted(entry.flags)))
        if entry.fuzzy:
            lines += [line for line in entry.comments if line.startswith("#|")]
        if entry.key.context:
            lines += _field("msgctxt", entry.key.context)
        lines += _field("msgid", entry.key.msgid)
        if entry.key.plural:
            lines += _field("msgid_plural", entry.key.plural)
            for index in sorted(entry.translations):
                lines += _field(f"msgstr[{index}]", entry.translations[index])
        else:
            lines += _field("msgstr", entry.translations.get(0, ""))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def catalogue_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "django.po"


def read_catalogue(language: str) -> dict[Key, Entry]:
    return {
        entry.key: entry
        for entry in read_po(catalogue_path(language))
        if entry.key.msgid and not entry.obsolete
    }


# Finding marked strings -------------------------------------------------------


def _literal(tokens: list[tokenize.TokenInfo]) -> str | None:
    """The value of an argument made only of string literals, else None."""
    if not tokens or any(t.type != tokenize.STRING for t in tokens):
        return None
    parts = []
    for token in tokens:
        prefix = token.string[: token.string.index(token.string[-1])].lower()
        if "f" in prefix or "b" in prefix:
            return None
        parts.append(_unquote(token.string))
    return "".join(parts)


def _arguments(
    tokens: list[tokenize.TokenInfo], start: int
) -> list[list[tokenize.TokenInfo]]:
    """The top-level arguments of the call whose "(" is at ``start``."""
    arguments: list[list[tokenize.TokenInfo]] = [[]]
    depth = 0
    for token in tokens[start + 1 :]:
        if token.type in (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT):
            continue
        if token.type == tokenize.OP and token.string in "([{":
            depth += 1
        elif token.type == tokenize.OP and token.string in ")]}":
            if depth == 0:
                break
            depth -= 1
        elif token.type == tokenize.OP and token.string == "," and depth == 0:
            arguments.append([])
            continue
        arguments[-1].append(token)
    return arguments


def keys_in_python(source: str) -> Iterator[Key]:
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    for index, token in enumerate(tokens[:-1]):
        spec = KEYWORDS.get(token.string) if token.type == tokenize.NAME else None
        following = tokens[index + 1]
        if spec is None or following.string != "(":
            continue
        arguments = _arguments(tokens, index + 1)
        values = {
            name: _literal(arguments[position - 1])
            if position <= len(arguments)
            else None
            for name, position in spec.items()
        }
        if any(value is None for value in values.values()):
            continue
        yield Key(
            values.get("context") or "",
            values["msgid"] or "",
            values.get("plural") or "",
        )


def keys_in_template(source: str) -> Iterator[Key]:
    # templatize keeps the template's indentation, which is not Python's.
    code = "\n".join(line.lstrip() for line in templatize(source).splitlines())
    return keys_in_python(code)


def source_files(root: Path = ROOT) -> Iterator[Path]:
    """The project's Python files and templates, as makemessages walks them."""
    for folder, subfolders, files in os.walk(root):
        # Pruned in place, so skipped trees (node_modules, .venv) are not read.
        subfolders[:] = sorted(
            name for name in subfolders if name not in SKIPPED and name[0] != "."
        )
        here = Path(folder)
        in_templates = "templates" in here.relative_to(root).parts
        for name in sorted(files):
            if name.endswith((".py", ".html")) or (
                name.endswith(".txt") and in_templates
            ):
                yield here / name


def marked_keys(paths: Iterable[Path]) -> set[Key]:
    found: set[Key] = set()
    for path in paths:
        source = path.read_text(encoding="utf-8")
        if path.suffix == ".py":
            found.update(keys_in_python(source))
        else:
            found.update(keys_in_template(source))
    return {key for key in found if key.msgid}


def missing_translations(language: str, marked: set[Key]) -> list[Key]:
    """Marked strings the language's catalogue lacks, leaves empty or fuzzy."""
    catalogue = read_catalogue(language)
    return sorted(
        key for key in marked if key not in catalogue or not catalogue[key].complete
    )
