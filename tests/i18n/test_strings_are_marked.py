"""Every string a person reads is marked for translation.

Templates: text between tags must sit inside {% translate %} or
{% blocktranslate %}. Python: messages shown to people (the messages
framework, domain errors, form and serializer errors) must be gettext calls,
not bare string literals.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from django.template.base import Lexer, TokenType

ROOT = Path(__file__).resolve().parents[2]
APPS = [
    "drafting",
    "contributions",
    "frontend",
    "recommendations",
    "collab",
    "exports",
    "consultation",
    "reportdesk",
    "templates_docx",
    "unreader",
]
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
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
            if re.search(r"[A-Za-z]{3}", argument.value):
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
