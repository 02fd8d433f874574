"""Write blocks back as canonical section text.

``parse(serialize(blocks)) == blocks`` for every tree the parser can produce;
the property tests hold this module to that. Everything that could be read
as markup is escaped with a backslash.
"""

from __future__ import annotations

import re

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
from .parse import PAGE_BREAK

ALWAYS_ESCAPED = re.compile(r"([\\*\[\]^|])")
# What would change a line's meaning if it stood at the start of a line.
LINE_START_CHARS = frozenset("-#>(")
LEADING_NUMBER = re.compile(r"(\d+)\.")


def serialize(blocks: list[Block]) -> str:
    return "\n\n".join(_block(block) for block in blocks)


def _block(block: Block) -> str:
    if isinstance(block, Paragraph):
        prefix = "" if block.numbered else "> "
        return prefix + inlines(block.content)
    if isinstance(block, SubItem):
        return f"({block.label}) " + inlines(block.content)
    if isinstance(block, Heading):
        return "#" * block.level + " " + inlines(block.content)
    if isinstance(block, BulletList):
        return "\n".join("- " + inlines(item) for item in block.items)
    if isinstance(block, NumberedList):
        return "\n".join(
            f"{number}. " + inlines(item)
            for number, item in enumerate(block.items, start=1)
        )
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, PageBreak):
        return PAGE_BREAK
    raise TypeError(f"not a block: {block!r}")


def _table(table: Table) -> str:
    lines = [
        "| " + " | ".join(_cell(cell) for cell in row) + " |" for row in table.rows
    ]
    if table.header and table.rows:
        lines.insert(1, "|" + "---|" * len(table.rows[0]))
    return "\n".join(lines)


def _cell(content: tuple[Inline, ...]) -> str:
    # A row is one line, so a line break in a cell becomes a space; a leading
    # "-" is escaped so that no cell reads as the header rule "|---|".
    flat = tuple(Run(" ") if isinstance(item, Break) else item for item in content)
    text = inlines(flat)
    return "\\" + text if text.startswith("-") else text or " "


def inlines(content: tuple[Inline, ...] | tuple[Run | Break, ...]) -> str:
    """Serialize inline content, escaping literal characters and line starts."""
    out: list[str] = []
    bold = italic = False
    href: str | None = None
    line_start = 0  # index in ``out`` where the current line began
    for item in content:
        if isinstance(item, Footnote | Break):
            out.append(_close(bold, italic, href))
            bold = italic = False
            href = None
            if isinstance(item, Break):
                out.append("\n")
                line_start = len(out)
            else:
                out.append("^[" + inlines(item.content) + "]")
            continue
        if item.href != href:
            out.append(_toggles(bold, italic, False, False))
            bold = italic = False
            if href is not None:
                out.append(f"]({_address(href)})")
            if item.href is not None:
                out.append("[")
            href = item.href
        out.append(_toggles(bold, italic, item.bold, item.italic))
        bold, italic = item.bold, item.italic
        text = ALWAYS_ESCAPED.sub(r"\\\1", item.text)
        if not "".join(out[line_start:]):
            text = escape_line_start(text)
        out.append(text)
    out.append(_close(bold, italic, href))
    return "".join(out)


def escape_line_start(text: str) -> str:
    """Escape what a block or list would read as its marker at a line start."""
    if match := LEADING_NUMBER.match(text):
        return match.group(1) + "\\." + text[match.end() :]
    if text[:1] in LINE_START_CHARS:
        return "\\" + text
    return text


def _address(href: str) -> str:
    # The parser ends an address at white space or at a ")" that closes no "("
    # of its own, so only unbalanced parentheses and spaces need encoding.
    if href.count("(") != href.count(")"):
        href = href.replace("(", "%28").replace(")", "%29")
    return href.replace(" ", "%20")


def _toggles(bold: bool, italic: bool, new_bold: bool, new_italic: bool) -> str:
    return ("**" if bold != new_bold else "") + ("*" if italic != new_italic else "")


def _close(bold: bool, italic: bool, href: str | None) -> str:
    return _toggles(bold, italic, False, False) + (
        f"]({_address(href)})" if href else ""
    )
