"""Parse section text into blocks. The parser is total: any string parses.

Text that does not form valid markup (an unclosed ``**``, a ``[`` without a
link address) is kept as literal characters, so no typed word is ever lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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

PAGE_BREAK = "\\newpage"
# A marker is followed by a space, or ends the line (an item still empty).
BULLET = re.compile(r"-(?: |$)")
NUMBERED = re.compile(r"\d{1,3}\.(?: |$)")
HEADING = re.compile(r"(#{2,3})(?: |$)")
SUB_ITEM = re.compile(r"\(([a-z]{1,3}|[ivxlc]{1,6})\)(?: |$)")
UNNUMBERED = re.compile(r"> ?")
TABLE_RULE = re.compile(r"\|(\s*:?-+:?\s*\|)+")
LINK_SCHEMES = ("http://", "https://", "mailto:")
ESCAPABLE = frozenset("\\*[]^|()#>-.!_`{}")


def parse(text: str) -> list[Block]:
    """Parse the canonical text of one section into its blocks."""
    blocks: list[Block] = []
    for lines in _split_blocks(text):
        blocks.append(_parse_block(lines))
    return blocks


def _split_blocks(text: str) -> list[list[str]]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks: list[list[str]] = []
    current: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip(" \t\u00a0")
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _parse_block(lines: list[str]) -> Block:
    first = lines[0]
    if len(lines) == 1 and first == PAGE_BREAK:
        return PageBreak()
    if first.startswith("|"):
        return _parse_table(lines)
    if BULLET.match(first):
        return BulletList(tuple(_list_items(lines, BULLET)))
    if NUMBERED.match(first):
        return NumberedList(tuple(_list_items(lines, NUMBERED)))
    if match := HEADING.match(first):
        body = "\n".join([first[match.end() :], *lines[1:]])
        return Heading(parse_inlines(body), level=len(match.group(1)))
    if match := SUB_ITEM.match(first):
        body = "\n".join([first[match.end() :], *lines[1:]])
        return SubItem(parse_inlines(body), label=match.group(1))
    if match := UNNUMBERED.match(first):
        rest = [_strip_marker(line, UNNUMBERED) for line in lines[1:]]
        body = "\n".join([first[match.end() :], *rest])
        return Paragraph(parse_inlines(body), numbered=False)
    return Paragraph(parse_inlines("\n".join(lines)))


def _strip_marker(line: str, marker: re.Pattern[str]) -> str:
    match = marker.match(line)
    return line[match.end() :] if match else line


def _list_items(lines: list[str], marker: re.Pattern[str]) -> list[tuple[Inline, ...]]:
    """Each line that starts with the marker opens an item; others continue it."""
    items: list[list[str]] = []
    for line in lines:
        match = marker.match(line)
        if match or not items:
            items.append([line[match.end() :] if match else line])
        else:
            items[-1].append(line)
    return [parse_inlines("\n".join(item)) for item in items]


def _parse_table(lines: list[str]) -> Table:
    header = (
        len(lines) > 1 and TABLE_RULE.fullmatch(lines[1].replace(" ", "")) is not None
    )
    rows = [line for i, line in enumerate(lines) if not (header and i == 1)]
    return Table(tuple(tuple(_split_cells(row)) for row in rows), header=header)


def _split_cells(row: str) -> list[tuple[Inline, ...]]:
    """Split a table row on unescaped bars; a leading and trailing bar frame it."""
    cells: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(row):
        char = row[i]
        if char == "\\" and i + 1 < len(row):
            current.append(row[i : i + 2])
            i += 2
            continue
        if char == "|":
            cells.append("".join(current))
            current = []
        else:
            current.append(char)
        i += 1
    tail = "".join(current)
    if tail.strip():
        cells.append(tail)
    if row.startswith("|"):
        cells = cells[1:]
    return [parse_inlines(cell.strip()) for cell in cells] or [()]


# Inline parsing happens in two passes. The first cuts the text into tokens,
# recognising links and footnotes by their closing brackets; the second pairs
# the emphasis delimiters, and any delimiter left without a partner becomes
# literal text. Pairing after tokenising is what makes an unclosed ``*`` safe.


@dataclass(slots=True)
class _Text:
    text: str


@dataclass(slots=True)
class _Delim:
    stars: str
    paired: bool = False


@dataclass(slots=True)
class _LinkStart:
    href: str


@dataclass(slots=True)
class _LinkEnd:
    pass


@dataclass(slots=True)
class _Break:
    pass


@dataclass(slots=True)
class _Note:
    content: tuple[Run | Break, ...]


_Token = _Text | _Delim | _LinkStart | _LinkEnd | _Break | _Note


def parse_inlines(text: str, *, in_footnote: bool = False) -> tuple[Inline, ...]:
    tokens = _tokenize(text, in_footnote=in_footnote, in_link=False)
    _pair_delimiters(tokens)
    return _to_inlines(tokens)


def _tokenize(text: str, *, in_footnote: bool, in_link: bool) -> list[_Token]:
    tokens: list[_Token] = []
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            tokens.append(_Text("".join(buffer)))
            buffer.clear()

    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text) and text[i + 1] in ESCAPABLE:
            buffer.append(text[i + 1])
            i += 2
        elif char == "\n":
            flush()
            tokens.append(_Break())
            i += 1
        elif char == "*":
            flush()
            end = i
            while end < len(text) and text[end] == "*":
                end += 1
            count = end - i
            if count > 3:
                buffer.append("*" * count)
            else:
                tokens.extend(_Delim(part) for part in _split_stars(count))
            i = end
        elif text.startswith("^[", i) and not in_footnote:
            close = _matching_bracket(text, i + 1)
            if close is None:
                buffer.append("^[")
                i += 2
                continue
            flush()
            tokens.append(_Note(_footnote_content(text[i + 2 : close])))
            i = close + 1
        elif char == "[" and not in_link:
            link = _link_at(text, i)
            if link is None:
                buffer.append("[")
                i += 1
                continue
            inner, href, end = link
            flush()
            tokens.append(_LinkStart(href))
            tokens.extend(_tokenize(inner, in_footnote=in_footnote, in_link=True))
            tokens.append(_LinkEnd())
            i = end
        else:
            buffer.append(char)
            i += 1
    flush()
    return tokens


def _split_stars(count: int) -> list[str]:
    return {1: ["*"], 2: ["**"], 3: ["**", "*"]}[count]


def _matching_bracket(text: str, open_index: int) -> int | None:
    """Index of the ``]`` closing the ``[`` at open_index, skipping escapes."""
    depth = 0
    i = open_index
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text) and text[i + 1] in ESCAPABLE:
            i += 2
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return None


def _link_at(text: str, open_index: int) -> tuple[str, str, int] | None:
    """``[text](address)`` at open_index: (text, address, index after it)."""
    close = _matching_bracket(text, open_index)
    if close is None or not text.startswith("(", close + 1):
        return None
    end = _address_end(text, close + 2)
    if end is None:
        return None
    inner = text[open_index + 1 : close]
    href = text[close + 2 : end]
    if not inner or not href.startswith(LINK_SCHEMES) or any(c.isspace() for c in href):
        return None
    return inner, href, end + 1


def _address_end(text: str, start: int) -> int | None:
    """Index of the ``)`` that ends an address; balanced pairs stay inside it."""
    depth = 0
    for i in range(start, len(text)):
        char = text[i]
        if char.isspace():
            return None
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return i
            depth -= 1
    return None


def _footnote_content(text: str) -> tuple[Run | Break, ...]:
    content = parse_inlines(text, in_footnote=True)
    return tuple(item for item in content if not isinstance(item, Footnote))


def _pair_delimiters(tokens: list[_Token]) -> None:
    """Pair each ``*`` and ``**`` with the next one of its kind."""
    open_at: dict[str, int | None] = {"*": None, "**": None}
    for index, token in enumerate(tokens):
        if not isinstance(token, _Delim):
            continue
        opener = open_at[token.stars]
        if opener is None:
            open_at[token.stars] = index
        else:
            token.paired = True
            opener_token = tokens[opener]
            if isinstance(opener_token, _Delim):  # always: only delimiters are kept
                opener_token.paired = True
            open_at[token.stars] = None


def _to_inlines(tokens: list[_Token]) -> tuple[Inline, ...]:
    result: list[Inline] = []
    bold = italic = False
    href: str | None = None
    for token in tokens:
        if isinstance(token, _Delim):
            if not token.paired:
                _append_run(result, Run(token.stars, bold, italic, href))
            elif token.stars == "**":
                bold = not bold
            else:
                italic = not italic
        elif isinstance(token, _Text):
            _append_run(result, Run(token.text, bold, italic, href))
        elif isinstance(token, _LinkStart):
            href = token.href
        elif isinstance(token, _LinkEnd):
            href = None
        elif isinstance(token, _Break):
            result.append(Break())
        else:
            result.append(Footnote(token.content))
    return _trim_breaks(result)


def _append_run(result: list[Inline], run: Run) -> None:
    if not run.text:
        return
    last = result[-1] if result else None
    if isinstance(last, Run) and last.same_format(run):
        result[-1] = Run(last.text + run.text, run.bold, run.italic, run.href)
    else:
        result.append(run)


def _trim_breaks(items: list[Inline]) -> tuple[Inline, ...]:
    """Drop breaks at either end and doubled breaks: they carry no text."""
    cleaned: list[Inline] = []
    for item in items:
        if isinstance(item, Break) and (not cleaned or isinstance(cleaned[-1], Break)):
            continue
        cleaned.append(item)
    while cleaned and isinstance(cleaned[-1], Break):
        cleaned.pop()
    return tuple(cleaned)
