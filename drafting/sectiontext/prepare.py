"""What every save does to text before storing it, and what to tell the person.

Two things are taken out: characters a Word file cannot hold (see ``clean``)
and paragraph numbers typed by hand. Text pasted from an earlier report or a
Word file carries its old numbers ("13." and a tab, or "13. " alone in its
block); Reportdesk numbers paragraphs itself, so a kept number would print
twice or turn the paragraph into a one-item list. The text is rewritten only
when something was taken out, so everything else stays as the person typed it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .clean import clean_text
from .nodes import Block, NumberedList, Paragraph, Run
from .parse import parse
from .serialize import serialize

# "13.<tab>", or "13." and spaces, at the start of a paragraph: the number a
# UN document prints before a paragraph (at most three digits, so that a
# year such as "2024." is left alone).
TYPED_NUMBER = re.compile(r"\d{1,3}\.(?:\t|\s{2,}|\s(?=\S))")


@dataclass(frozen=True)
class PreparedText:
    text: str
    removed_characters: int = 0
    paragraph_numbers_removed: int = 0


def prepare_text(raw: str) -> PreparedText:
    # Browsers send textarea lines ending in CR LF; the stored form uses LF.
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    text, removed = clean_text(raw)
    blocks = parse(text)
    numbers = 0
    prepared: list[Block] = []
    for block in blocks:
        if isinstance(block, NumberedList) and len(block.items) == 1:
            prepared.append(Paragraph(block.items[0]))
            numbers += 1
            continue
        if isinstance(block, Paragraph) and block.numbered and block.content:
            first = block.content[0]
            match = TYPED_NUMBER.match(first.text) if isinstance(first, Run) else None
            if isinstance(first, Run) and match:
                rest = first.text[match.end() :].lstrip()
                head = (
                    (Run(rest, first.bold, first.italic, first.href),) if rest else ()
                )
                prepared.append(Paragraph(head + block.content[1:]))
                numbers += 1
                continue
        prepared.append(block)
    if numbers:
        text = serialize(prepared)
    return PreparedText(text, removed, numbers)
