"""Render section text as HTML for reading in the browser.

Every character of user text goes through ``escape``; only link addresses that
the parser accepted (http, https, mailto) become ``href`` values. Paragraph
numbers are passed in so the page shows the numbers the Word file will have.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from .nodes import (
    Block,
    Break,
    BulletList,
    Footnote,
    Heading,
    Inline,
    NumberedList,
    PageBreak,
    Paragraph,
    Run,
    SubItem,
    Table,
)


@dataclass
class Numbering:
    """Paragraph and footnote counters that run through a whole report."""

    paragraph: int = 0
    footnote: int = 0
    notes: list[tuple[int, str]] = field(default_factory=list)
    # Distinguishes the anchors of several texts on one page (the draft and
    # each contribution), so a note mark never jumps to another text's note.
    prefix: str = "fn"


def render_blocks(blocks: list[Block], numbering: Numbering | None = None) -> str:
    numbering = numbering or Numbering()
    out: list[str] = []
    letter = 0
    for block in blocks:
        if isinstance(block, Paragraph):
            if block.numbered:
                numbering.paragraph += 1
                letter = 0
                text = _inlines(block.content, numbering)
                out.append(
                    f'<p class="para"><span class="para-no">{numbering.paragraph}.</span>'
                    f'<span class="para-text" dir="auto">{text}</span></p>'
                )
            else:
                text = _inlines(block.content, numbering)
                out.append(f'<p class="para unnumbered" dir="auto">{text}</p>')
        elif isinstance(block, SubItem):
            label = _letter(letter)
            letter += 1
            out.append(
                f'<p class="sub-item" dir="auto"><span class="label">({label})</span> '
                f"{_inlines(block.content, numbering)}</p>"
            )
        elif isinstance(block, Heading):
            # The page's section heading is h1 and its parts h2: a heading in
            # the text follows without skipping a level for screen readers.
            tag = "h3" if block.level == 2 else "h4"
            out.append(f"<{tag}>{_inlines(block.content, numbering)}</{tag}>")
        elif isinstance(block, BulletList | NumberedList):
            tag = "ul" if isinstance(block, BulletList) else "ol"
            items = "".join(
                f"<li>{_inlines(item, numbering)}</li>" for item in block.items
            )
            out.append(f"<{tag}>{items}</{tag}>")
        elif isinstance(block, Table):
            out.append(_table(block, numbering))
        elif isinstance(block, PageBreak):
            out.append('<hr class="page-break">')
    return "\n".join(out)


def _letter(index: int) -> str:
    # a..z, then aa, bb, … as UN documents letter long lists.
    return chr(ord("a") + index % 26) * (index // 26 + 1)


def _table(table: Table, numbering: Numbering) -> str:
    rows = []
    for i, row in enumerate(table.rows):
        tag = "th" if table.header and i == 0 else "td"
        cells = "".join(f"<{tag}>{_inlines(cell, numbering)}</{tag}>" for cell in row)
        rows.append(f"<tr>{cells}</tr>")
    return f'<table class="text-table">{"".join(rows)}</table>'


def _inlines(
    content: tuple[Inline, ...] | tuple[Run | Break, ...], numbering: Numbering
) -> str:
    out: list[str] = []
    for item in content:
        if isinstance(item, Break):
            out.append("<br>")
        elif isinstance(item, Footnote):
            numbering.footnote += 1
            number = numbering.footnote
            numbering.notes.append((number, _inlines(item.content, numbering)))
            anchor = f"{numbering.prefix}-{number}"
            out.append(
                f'<sup class="fn-ref"><a href="#{anchor}" id="{anchor}-ref">{number}</a></sup>'
            )
        else:
            out.append(_run(item))
    return "".join(out)


def _run(run: Run) -> str:
    html = escape(run.text)
    if run.italic:
        html = f"<em>{html}</em>"
    if run.bold:
        html = f"<strong>{html}</strong>"
    if run.href:
        html = f'<a href="{escape(run.href)}" rel="noopener noreferrer">{html}</a>'
    return html
