"""Count words the way the UN's word limits are counted.

The UN counts words as Microsoft Word does (the count the Documents Management
Division runs on a submitted file): strings separated by white space, each
Chinese, Japanese or Korean character counting as one word. Paragraph numbers
and (a) labels are written by the exporter and are not the author's words, so
they are not counted. Whether footnotes count depends on the skeleton; see
``docs/word-limits.md``.
"""

from __future__ import annotations

import re

from .nodes import (
    Block,
    BulletList,
    Footnote,
    Heading,
    Inline,
    NumberedList,
    Run,
    Table,
)
from .parse import parse

# Ideographs, kana and hangul: each character is one word in Word's count.
CJK = re.compile(
    "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0002fa1f]"
)
WORDLIKE = re.compile(r"\w", re.UNICODE)


def count_text(text: str) -> int:
    count = 0
    for token in text.split():
        ideographs = len(CJK.findall(token))
        if ideographs:
            count += ideographs + (1 if WORDLIKE.search(CJK.sub("", token)) else 0)
        elif WORDLIKE.search(token):
            count += 1
    return count


def count_blocks(blocks: list[Block], *, footnotes: bool = False) -> int:
    return sum(_block_words(block, footnotes) for block in blocks)


def count_words(text: str, *, footnotes: bool = False) -> int:
    """Words in a section's canonical text; footnote text only when asked."""
    return count_blocks(parse(text), footnotes=footnotes)


def _block_words(block: Block, footnotes: bool) -> int:
    if isinstance(block, BulletList | NumberedList):
        return sum(_inline_words(item, footnotes) for item in block.items)
    if isinstance(block, Table):
        return sum(_inline_words(cell, footnotes) for row in block.rows for cell in row)
    if isinstance(block, Heading):
        return _inline_words(block.content, footnotes)
    content = getattr(block, "content", ())
    return _inline_words(content, footnotes)


def _inline_words(content: tuple[Inline, ...], footnotes: bool) -> int:
    # Runs are joined before counting: "**bold**word" is one word, not two.
    text: list[str] = []
    notes = 0
    for item in content:
        if isinstance(item, Run):
            text.append(item.text)
        elif isinstance(item, Footnote):
            if footnotes:
                notes += count_text(
                    "".join(
                        part.text if isinstance(part, Run) else " "
                        for part in item.content
                    )
                )
        else:
            text.append(" ")
    return count_text("".join(text)) + notes
