// Reading the canonical section text in the browser: which blocks it holds
// (for paragraph numbers in the gutter) and how many words (for the limit).
// It follows drafting/sectiontext/parse.py and wordcount.py rule for rule;
// tests/collab/test_browser_agreement.py checks both agree on real texts.

const PAGE_BREAK = "\\newpage";
export const BULLET = /^-(?: |$)/;
// Python's \d is any decimal digit, Arabic-Indic ones included. At most
// three digits, as parse.py: a year ending a line ("2024.") is not a marker.
export const NUMBERED = /^\p{Nd}{1,3}\.(?: |$)/u;
const HEADING = /^(#{2,3})(?: |$)/;
const SUB_ITEM = /^\(([a-z]{1,3}|[ivxlc]{1,6})\)(?: |$)/;
const UNNUMBERED = /^> ?/;
export const ESCAPABLE = new Set("\\*[]^|()#>-.!_`{}");
export const LINK_SCHEMES = ["http://", "https://", "mailto:"];
// Python's str.split() and str.isspace(), character for character.
const SPACE = "\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000";
const SPACES = new RegExp(`[${SPACE}]+`, "u");
const CJK =
  /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\u{20000}-\u{2fa1f}]/gu;
const WORDLIKE = /[\p{L}\p{N}_]/u;

export type BlockKind =
  | "paragraph"
  | "unnumbered"
  | "sub-item"
  | "heading"
  | "bullets"
  | "numbers"
  | "table"
  | "page-break";

export interface Block {
  kind: BlockKind;
  /** Line numbers (0-based) of the block's first and last line. */
  from: number;
  to: number;
  lines: string[];
}

export function strip(line: string): string {
  return line.replace(/^[ \t\u00a0]+|[ \t\u00a0]+$/g, "");
}

export function splitBlocks(text: string): Block[] {
  const rows = text.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let current: string[] = [];
  let from = 0;
  rows.forEach((raw, index) => {
    const line = strip(raw);
    if (line) {
      if (!current.length) from = index;
      current.push(line);
    } else if (current.length) {
      blocks.push(classify(current, from, index - 1));
      current = [];
    }
  });
  if (current.length) blocks.push(classify(current, from, rows.length - 1));
  return blocks;
}

function classify(lines: string[], from: number, to: number): Block {
  const first = lines[0];
  let kind: BlockKind = "paragraph";
  if (lines.length === 1 && first === PAGE_BREAK) kind = "page-break";
  else if (first.startsWith("|")) kind = "table";
  else if (BULLET.test(first)) kind = "bullets";
  else if (NUMBERED.test(first)) kind = "numbers";
  else if (HEADING.test(first)) kind = "heading";
  else if (SUB_ITEM.test(first)) kind = "sub-item";
  else if (UNNUMBERED.test(first)) kind = "unnumbered";
  return { kind, from, to, lines };
}

// Inline reading, reduced to what counting needs: the text of the runs (so
// "**bold**word" is one word), breaks as spaces, and footnotes apart.

type Token =
  | { t: "text"; s: string }
  | { t: "delim"; s: string; paired: boolean }
  | { t: "break" }
  | { t: "note"; s: string };

// `end` bounds the search to the text being read (a list item, a table cell,
// the inside of a link) when that text is part of a longer one.
export function matchingBracket(text: string, open: number, end = text.length): number | null {
  let depth = 0;
  for (let i = open; i < end; i++) {
    const c = text[i];
    if (c === "\\" && i + 1 < end && ESCAPABLE.has(text[i + 1])) {
      i++;
      continue;
    }
    if (c === "[") depth++;
    else if (c === "]") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return null;
}

export function addressEnd(text: string, start: number, end = text.length): number | null {
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (isPySpace(c)) return null;
    if (c === "(") depth++;
    else if (c === ")") {
      if (depth === 0) return i;
      depth--;
    }
  }
  return null;
}

const ONE_SPACE = new RegExp(`^[${SPACE}]$`, "u");
const EDGE_SPACES = new RegExp(`^[${SPACE}]+|[${SPACE}]+$`, "gu");

export function isPySpace(c: string): boolean {
  return ONE_SPACE.test(c);
}

function pyStrip(text: string): string {
  return text.replace(EDGE_SPACES, "");
}

function linkAt(text: string, open: number): [string, number] | null {
  const close = matchingBracket(text, open);
  if (close === null || text[close + 1] !== "(") return null;
  const end = addressEnd(text, close + 2);
  if (end === null) return null;
  const inner = text.slice(open + 1, close);
  const href = text.slice(close + 2, end);
  if (!inner || !LINK_SCHEMES.some((s) => href.startsWith(s))) return null;
  if ([...href].some(isPySpace)) return null;
  return [inner, end + 1];
}

function tokenize(text: string, inFootnote: boolean, inLink: boolean): Token[] {
  const tokens: Token[] = [];
  let buffer = "";
  const flush = () => {
    if (buffer) tokens.push({ t: "text", s: buffer });
    buffer = "";
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "\\" && i + 1 < text.length && ESCAPABLE.has(text[i + 1])) {
      buffer += text[i + 1];
      i += 2;
    } else if (c === "\n") {
      flush();
      tokens.push({ t: "break" });
      i++;
    } else if (c === "*") {
      flush();
      let end = i;
      while (end < text.length && text[end] === "*") end++;
      const count = end - i;
      if (count > 3) buffer += "*".repeat(count);
      else if (count === 3) tokens.push({ t: "delim", s: "**", paired: false }, { t: "delim", s: "*", paired: false });
      else tokens.push({ t: "delim", s: "*".repeat(count), paired: false });
      i = end;
    } else if (text.startsWith("^[", i) && !inFootnote) {
      const close = matchingBracket(text, i + 1);
      if (close === null) {
        buffer += "^[";
        i += 2;
        continue;
      }
      flush();
      tokens.push({ t: "note", s: text.slice(i + 2, close) });
      i = close + 1;
    } else if (c === "[" && !inLink) {
      const link = linkAt(text, i);
      if (link === null) {
        buffer += "[";
        i++;
        continue;
      }
      flush();
      tokens.push(...tokenize(link[0], inFootnote, true));
      i = link[1];
    } else {
      buffer += c;
      i++;
    }
  }
  flush();
  return tokens;
}

function pair(tokens: Token[]): void {
  const open: Record<string, number | null> = { "*": null, "**": null };
  tokens.forEach((token, index) => {
    if (token.t !== "delim") return;
    const opener = open[token.s];
    if (opener === null) open[token.s] = index;
    else {
      token.paired = true;
      (tokens[opener] as { paired: boolean }).paired = true;
      open[token.s] = null;
    }
  });
}

export function countText(text: string): number {
  let count = 0;
  for (const token of text.split(SPACES)) {
    if (!token) continue;
    const ideographs = token.match(CJK)?.length ?? 0;
    if (ideographs) count += ideographs + (WORDLIKE.test(token.replace(CJK, "")) ? 1 : 0);
    else if (WORDLIKE.test(token)) count += 1;
  }
  return count;
}

function inlineWords(text: string, footnotes: boolean, inFootnote = false): number {
  const tokens = tokenize(text, inFootnote, false);
  pair(tokens);
  let joined = "";
  let notes = 0;
  for (const token of tokens) {
    if (token.t === "text") joined += token.s;
    else if (token.t === "delim") joined += token.paired ? "" : token.s;
    else if (token.t === "break") joined += " ";
    else if (footnotes) notes += inlineWords(token.s, false, true);
  }
  return countText(joined) + notes;
}

function listItems(lines: string[], marker: RegExp): string[] {
  const items: string[][] = [];
  for (const line of lines) {
    const match = marker.exec(line);
    if (match || !items.length) items.push([match ? line.slice(match[0].length) : line]);
    else items[items.length - 1].push(line);
  }
  return items.map((item) => item.join("\n"));
}

function tableCells(row: string): string[] {
  const cells: string[] = [];
  let current = "";
  for (let i = 0; i < row.length; i++) {
    const c = row[i];
    if (c === "\\" && i + 1 < row.length) {
      current += row.slice(i, i + 2);
      i++;
    } else if (c === "|") {
      cells.push(current);
      current = "";
    } else current += c;
  }
  if (pyStrip(current)) cells.push(current);
  return row.startsWith("|") ? cells.slice(1) : cells;
}

function blockWords(block: Block, footnotes: boolean): number {
  const { lines } = block;
  const rest = (re: RegExp) => {
    const match = re.exec(lines[0]);
    return [lines[0].slice(match ? match[0].length : 0), ...lines.slice(1)];
  };
  switch (block.kind) {
    case "page-break":
      return 0;
    case "table":
      return lines
        .flatMap(tableCells)
        .reduce((sum, cell) => sum + inlineWords(pyStrip(cell), footnotes), 0);
    case "bullets":
      return listItems(lines, BULLET).reduce((s, item) => s + inlineWords(item, footnotes), 0);
    case "numbers":
      return listItems(lines, NUMBERED).reduce((s, item) => s + inlineWords(item, footnotes), 0);
    case "heading":
      return inlineWords(rest(HEADING).join("\n"), footnotes);
    case "sub-item":
      return inlineWords(rest(SUB_ITEM).join("\n"), footnotes);
    case "unnumbered": {
      const body = rest(UNNUMBERED);
      const stripped = [body[0], ...body.slice(1).map((l) => l.replace(UNNUMBERED, ""))];
      return inlineWords(stripped.join("\n"), footnotes);
    }
    default:
      return inlineWords(lines.join("\n"), footnotes);
  }
}

/** Words in a section's text, as drafting.sectiontext.wordcount.count_words. */
export function countWords(text: string, footnotes = false): number {
  return splitBlocks(text).reduce((sum, block) => sum + blockWords(block, footnotes), 0);
}

/** How many footnotes the text holds, in order of their marks. */
export function footnoteStarts(line: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < line.length; i++) {
    if (line[i] === "\\") {
      i++;
      continue;
    }
    if (line.startsWith("^[", i) && matchingBracket(line, i + 1) !== null) starts.push(i);
  }
  return starts;
}
