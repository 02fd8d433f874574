"""Every string a person reads is marked for translation, and translated.

Templates: text between tags must sit inside {% translate %} or
{% blocktranslate %}. Python: messages shown to people (the messages
framework, domain errors, form and serializer errors) must be gettext calls,
not bare string literals. Catalogues: every marked string has a finished
(non-empty, not fuzzy) French, Spanish and Arabic translation, and the
committed .mo files say what the .po files say.
"""

from __future__ import annotations

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.template.base import Lexer, TokenType

from frontend import catalogues

ROOT = Path(__file__).resolve().parents[2]
# Every app of the project (a folder with an apps.py), so a new app is checked
# from its first commit.
APPS = sorted(path.parent.name for path in ROOT.glob("*/apps.py"))
TEMPLATES = sorted(
    path for app in APPS for path in (ROOT / app).glob("templates/**/*.html")
)
PYTHON = sorted(
    path
    for app in APPS
    for path in (ROOT / app).rglob("*.py")
    if "migrations" not in path.parts
)
TAG = re.compile(r"<[^>]*>", re.S)
# Characters and entities that are not words: arrows, punctuation, numbers.
NOT_WORDS = re.compile(r"&[a-z]+;|&#\d+;|[\W\d_]+", re.U)
TRANSLATING = {"translate", "trans", "blocktranslate", "blocktrans"}
ENDS = {"endblocktranslate", "endblocktrans"}
# Calls whose first argument a person reads.
USER_FACING_CALLS = {
    "success",
    "error",
    "warning",
    "info",  # django.contrib.messages
    "DomainError",
    "NotAllowed",
    "ValidationError",
    "PermissionDenied",
    "UnreadableDocument",
    "SkeletonError",
    "TemplateError",
    "CommandError",
}


SLOT = "\x00"
READ_ATTRIBUTES = re.compile(r'\b(?:aria-label|title|placeholder|alt)="([^"]*)"')


def _flatten(source: str) -> str:
    """The template with every tag and variable replaced by a slot.

    Translated text becomes a slot too, so what is left outside HTML tags is
    text a person would read untranslated.
    """
    parts = []
    inside = 0
    for token in Lexer(source).tokenize():
        if token.token_type == TokenType.BLOCK:
            name = token.contents.split()[0] if token.contents else ""
            if name in {"blocktranslate", "blocktrans"}:
                inside += 1
            elif name in ENDS:
                inside -= 1
            parts.append(SLOT)
        elif token.token_type == TokenType.VAR:
            parts.append(SLOT)
        elif token.token_type == TokenType.TEXT:
            parts.append(SLOT if inside else token.contents)
    return "".join(parts)


def _has_words(text: str) -> bool:
    return bool(NOT_WORDS.sub("", text.replace(SLOT, " ")).strip())


def untranslated_text(source: str) -> list[str]:
    flat = _flatten(source)
    found = [value for value in READ_ATTRIBUTES.findall(flat) if _has_words(value)]
    for text in TAG.sub(SLOT, flat).split(SLOT):
        if _has_words(text):
            found.append(" ".join(text.split())[:80])
    return found


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_template_text_is_marked_for_translation(path):
    assert untranslated_text(path.read_text(encoding="utf-8")) == []


def _bare_literals(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name not in USER_FACING_CALLS:
            continue
        # messages.error(request, "…") carries the text second.
        index = 1 if name in {"success", "error", "warning", "info"} else 0
        if len(node.args) <= index:
            continue
        argument = node.args[index]
        if (
            isinstance(argument, ast.Constant)
            and isinstance(argument.value, str)
            and re.search(r"[A-Za-z]{3}", argument.value)
        ):
            found.append((node.lineno, argument.value[:60]))
        if isinstance(argument, ast.JoinedStr):
            found.append((node.lineno, "f-string"))
    return found


@pytest.mark.parametrize("path", PYTHON, ids=lambda p: str(p.relative_to(ROOT)))
def test_messages_for_people_are_marked_for_translation(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    # Management commands talk to operators in English on a terminal.
    if "management" in path.parts:
        return
    assert _bare_literals(tree) == []


def test_the_checker_catches_an_unmarked_template_string():
    assert untranslated_text("<p>Save the report</p>") == ["Save the report"]
    assert untranslated_text("<p>{% translate 'Save' %} → 3</p>") == []
    assert (
        untranslated_text("{% blocktranslate %}Hello {{ x }}{% endblocktranslate %}")
        == []
    )


def test_the_checker_catches_an_unmarked_message():
    tree = ast.parse(
        'messages.error(request, "Something broke")\nraise DomainError("No")'
    )
    assert [text for _line, text in _bare_literals(tree)] == ["Something broke"]


# Catalogues -------------------------------------------------------------------

PLACEHOLDER = re.compile(r"%\(\w+\)[sdr]|%[sd]")


@pytest.fixture(scope="module")
def marked():
    return catalogues.marked_keys(catalogues.source_files())


@pytest.mark.parametrize("language", catalogues.TRANSLATED)
def test_every_marked_string_is_translated(language, marked):
    missing = catalogues.missing_translations(language, marked)
    assert [str(key) for key in missing] == [], (
        f"{len(missing)} string(s) lack a {language} translation: run "
        "`manage.py translations refresh --worksheet todo.json`, translate, "
        "then `manage.py translations fill todo.json` (docs/translations.md)."
    )


@pytest.mark.parametrize("language", catalogues.TRANSLATED)
def test_translations_use_only_the_placeholders_of_the_original(language):
    wrong = []
    for key, entry in catalogues.read_catalogue(language).items():
        allowed = set(PLACEHOLDER.findall(key.msgid + key.plural))
        for text in entry.translations.values():
            if not set(PLACEHOLDER.findall(text)) <= allowed:
                wrong.append(str(key))
    assert wrong == []


@pytest.mark.parametrize("language", catalogues.TRANSLATED)
def test_the_compiled_catalogue_matches_its_source(language):
    path = catalogues.catalogue_path(language)
    with path.with_suffix(".mo").open("rb") as compiled:
        translations = gettext.GNUTranslations(compiled)
    stale = []
    for key, entry in catalogues.read_catalogue(language).items():
        if key.plural or not entry.complete:
            continue
        lookup = f"{key.context}\x04{key.msgid}" if key.context else key.msgid
        if translations._catalog.get(lookup) != entry.translations[0]:
            stale.append(str(key))
    assert stale == [], "run `manage.py translations compile`"


def test_the_catalogue_check_sees_a_missing_translation(tmp_path, monkeypatch):
    po = tmp_path / "xx" / "LC_MESSAGES" / "django.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr "Language: xx\\n"\n\n'
        'msgid "Reports"\nmsgstr "Rapports"\n\n'
        '#, fuzzy\nmsgid "Calendar"\nmsgstr "Calendrier"\n\n'
        'msgid "Sign in"\nmsgstr ""\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(catalogues, "LOCALE", tmp_path)
    template = tmp_path / "page.html"
    template.write_text(
        "{% load i18n %}<a>{% translate 'Reports' %}</a>"
        "<a>{% translate 'Calendar' %}</a><a>{% translate 'Sign in' %}</a>"
        "{% blocktranslate %}Due {{ when }}{% endblocktranslate %}",
        encoding="utf-8",
    )
    found = catalogues.marked_keys([template])
    missing = [key.msgid for key in catalogues.missing_translations("xx", found)]
    assert missing == ["Calendar", "Due %(when)s", "Sign in"]
