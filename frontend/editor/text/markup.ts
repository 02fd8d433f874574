// Where the inline markup of a section's text stands: each bold, italic,
// link, footnote and escaped character with the positions of its marks, so
// the editor can show the words as they will look in Word and hide the
// marks. It reads the text as drafting/sectiontext/parse.py does (which star
// pairs with which, what a link's address may hold, which text is one list
// item or table cell): hiding a character the exporter keeps as typed would
// hide a word. tests/collab/test_browser_agreement.py holds the two to the
// same result.

import {
  addressEnd,
  BULLET,
  ESCAPABLE,
  isPySpace,
  LINK_SCHEMES,
  matchingBracket,
  NUMBERED,
  strip,
} from "./sectiontext";

export type SpanKind = "bold" | "italic" | "link" | "note" | "escape";

/**
 * One piece of markup, from its first mark to its last, in text positions.
 * Its opening mark is the first `open` characters (`**`, `*`, `[`, `^[`, `\`),
 * its closing mark the last `close` (`**`, `*`, `](address)`, `]`, none);
 * what lies between is what the reader sees.
 */
export interface Span {
  kind: SpanKind;
  from: number;
  to: number;
  open: number;
  close: number;
  /** The address of a link. */
  href?: string;
}

interface Star {
  at: number;
  length: 1 | 2;
}

/**
 * Every span of markup in `text`, ordered by where it starts. When `text` is
 * a stretch of a longer text that starts at `offset` (it must start and end
 * between blocks), positions are given in the longer text.
 */
export function findMarkup(text: string, offset = 0): Span[] {
  const spans: Span[] = [];
  for (const [from, to] of inlineTexts(text)) {
    const stars: Star[] = [];
    scan(text, from, to, false, false, stars, spans);
    pairStars(stars, spans);
  }
  for (const span of spans) {
    span.from += offset;
    span.to += offset;
  }
  return spans.sort((a, b) => a.from - b.from);
}

// The stretches of text read as one run of inline text: a block, or each
// list item, or each table cell. Stars pair and brackets close only inside
// one of them. Spaces at the ends of lines and the markers of continued
// lines ("> ") are left in: no inline rule looks at them.

function inlineTexts(text: string): [number, number][] {
  const found: [number, number][] = [];
  let block: Line[] = [];
  let at = 0;
  while (at <= text.length) {
    let end = text.indexOf("\n", at);
    if (end < 0) end = text.length;
    const raw = text.slice(at, end);
    const content = strip(raw);
    if (content) {
      const from = at + raw.search(/[^ \t\u00a0]/);
      block.push({ from, to: from + content.length, text: content });
    } else if (block.length) {
      found.push(...blockTexts(text, block));
      block = [];
    }
    at = end + 1;
  }
  if (block.length) found.push(...blockTexts(text, block));
  return found;
}

interface Line {
  from: number;
  to: number;
  text: string;
}

// A table is read cell by cell, a list item by item, any other block whole:
// its markers ("## ", "(a) ", "> ", a page break) hold nothing inline
// markup is made of.
function blockTexts(text: string, lines: Line[]): [number, number][] {
  const first = lines[0];
  if (first.text.startsWith("|")) return lines.flatMap((line) => tableCells(text, line));
  if (BULLET.test(first.text)) return listItems(lines, BULLET);
  if (NUMBERED.test(first.text)) return listItems(lines, NUMBERED);
  return [[first.from, lines[lines.length - 1].to]];
}

function listItems(lines: Line[], marker: RegExp): [number, number][] {
  const items: [number, number][] = [];
  for (const line of lines) {
    const match = marker.exec(line.text);
    if (match || !items.length) items.push([line.from + (match ? match[0].length : 0), line.to]);
    else items[items.length - 1][1] = line.to;
  }
  return items;
}

// Cells are cut at bars not escaped; a backslash keeps whatever follows it
// in the cell, as parse.py's _split_cells does, and each cell is stripped.
// Empty cells (the one before a leading bar among them) hold no markup.
function tableCells(text: string, line: Line): [number, number][] {
  const cells: [number, number][] = [];
  let start = line.from;
  for (let i = line.from; i < line.to; i++) {
    if (text[i] === "\\" && i + 1 < line.to) i++;
    else if (text[i] === "|") {
      cells.push([start, i]);
      start = i + 1;
    }
  }
  const tail = trimmed(text, start, line.to);
  if (tail[0] < tail[1]) cells.push([start, line.to]);
  return cells.map(([from, to]) => trimmed(text, from, to)).filter(([from, to]) => from < to);
}

function trimmed(text: string, from: number, to: number): [number, number] {
  while (from < to && isPySpace(text[from])) from++;
  while (to > from && isPySpace(text[to - 1])) to--;
  return [from, to];
}

// Reads text[from, to) as parse.py's _tokenize does, keeping positions. Stars
// inside a link's text pair with those around it (they share `stars`); a
// footnote's stars pair among themselves.
function scan(
  text: string,
  from: number,
  to: number,
  inNote: boolean,
  inLink: boolean,
  stars: Star[],
  spans: Span[],
): void {
  let i = from;
  while (i < to) {
    const c = text[i];
    if (c === "\\" && i + 1 < to && ESCAPABLE.has(text[i + 1])) {
      // The exporter writes the character after the backslash, as the
      // service escapes a star or a bracket in an imported document.
      spans.push({ kind: "escape", from: i, to: i + 2, open: 1, close: 0 });
      i += 2;
    } else if (c === "*") {
      let end = i;
      while (end < to && text[end] === "*") end++;
      // Four stars or more are kept as typed; three are bold, then italic.
      if (end - i === 1) stars.push({ at: i, length: 1 });
      else if (end - i === 2) stars.push({ at: i, length: 2 });
      else if (end - i === 3) stars.push({ at: i, length: 2 }, { at: i + 2, length: 1 });
      i = end;
    } else if (c === "^" && !inNote && i + 1 < to && text[i + 1] === "[") {
      const close = matchingBracket(text, i + 1, to);
      if (close === null) {
        i += 2;
        continue;
      }
      const noteStars: Star[] = [];
      scan(text, i + 2, close, true, false, noteStars, spans);
      pairStars(noteStars, spans);
      spans.push({ kind: "note", from: i, to: close + 1, open: 2, close: 1 });
      i = close + 1;
    } else if (c === "[" && !inLink) {
      const link = linkAt(text, i, to);
      if (!link) {
        i++;
        continue;
      }
      scan(text, i + 1, link.close, inNote, true, stars, spans);
      spans.push(link.span);
      i = link.span.to;
    } else {
      i++;
    }
  }
}

function linkAt(text: string, open: number, to: number): { close: number; span: Span } | null {
  const close = matchingBracket(text, open, to);
  if (close === null || close + 1 >= to || text[close + 1] !== "(") return null;
  const end = addressEnd(text, close + 2, to);
  if (end === null || close === open + 1) return null;
  const href = text.slice(close + 2, end);
  if (!LINK_SCHEMES.some((scheme) => href.startsWith(scheme))) return null;
  return {
    close,
    span: { kind: "link", from: open, to: end + 1, open: 1, close: end + 1 - close, href },
  };
}

// Each star pairs with the next of its length; one left over is a star.
function pairStars(stars: Star[], spans: Span[]): void {
  const waiting: (Star | null)[] = [null, null, null];
  for (const star of stars) {
    const opener = waiting[star.length];
    if (!opener) {
      waiting[star.length] = star;
      continue;
    }
    spans.push({
      kind: star.length === 2 ? "bold" : "italic",
      from: opener.at,
      to: star.at + star.length,
      open: star.length,
      close: star.length,
    });
    waiting[star.length] = null;
  }
}
