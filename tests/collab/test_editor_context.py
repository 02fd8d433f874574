"""What the editor is told about the rest of the report, counted once per text."""

from __future__ import annotations

import pytest

from collab import context
from collab.context import editor_context
from tests.collab.conftest import real_paragraphs

pytestmark = pytest.mark.django_db


@pytest.fixture
def parsed(monkeypatch):
    """The texts parsed for counting, in order."""
    context._counts.cache_clear()
    texts: list[str] = []

    def parse(text: str):
        texts.append(text)
        return real_parse(text)

    real_parse = context.parse
    monkeypatch.setattr(context, "parse", parse)
    return texts


@pytest.fixture
def others(report, section):
    """Every other section of the report, each with a paragraph of its own."""
    others = [s for s in report.sections.all() if s.pk != section.pk and not s.annex]
    paragraphs = real_paragraphs(len(others)).split("\n\n")
    for other, paragraph in zip(others, paragraphs, strict=True):
        other.text = paragraph
        other.save()
    return others


def test_each_other_section_is_parsed_once_while_its_text_stays_the_same(
    section, others, parsed
):
    first = editor_context(section)
    second = editor_context(section)

    assert second == first
    assert sorted(parsed) == sorted(other.text for other in others)


def test_a_changed_section_is_counted_again(section, others, parsed):
    later = others[-1]
    before = editor_context(section)
    later.text = f"{later.text}\n\nOne more paragraph, of six words."
    later.save()

    after = editor_context(section)

    assert after.words_elsewhere == before.words_elsewhere + 6
    assert parsed[-1] == later.text
