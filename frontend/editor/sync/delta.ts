// Deltas as they travel on the socket: a positive number keeps that many
// UTF-16 units, a negative one deletes that many, a string is inserted.

import { DIFF_DELETE, DIFF_EQUAL, type Diff } from "./dmp";
import type { Hunk } from "./merge";

export type Delta = (number | string)[];

export class DeltaMismatch extends Error {}

export function deltaFromDiffs(diffs: Diff[]): Delta {
  const delta: Delta = [];
  for (const [op, text] of diffs) {
    if (!text) continue;
    if (op === DIFF_EQUAL) delta.push(text.length);
    else if (op === DIFF_DELETE) delta.push(-text.length);
    else delta.push(text);
  }
  return delta;
}

function splitsPair(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

export function applyDelta(base: string, delta: Delta): { text: string; hunks: Hunk[] } {
  let out = "";
  const hunks: Hunk[] = [];
  let position = 0;
  let start: number | null = null;
  let inserted = "";
  for (const op of delta) {
    if (typeof op === "string") {
      if (start === null) start = position;
      inserted += op;
      out += op;
      continue;
    }
    if (!Number.isInteger(op) || op === 0) throw new DeltaMismatch("not a delta");
    const end = position + Math.abs(op);
    if (end > base.length || splitsPair(base, end)) throw new DeltaMismatch("does not fit");
    if (op > 0) {
      if (start !== null) {
        hunks.push({ start, end: position, text: inserted });
        start = null;
        inserted = "";
      }
      out += base.slice(position, end);
    } else if (start === null) {
      start = position;
    }
    position = end;
  }
  if (position !== base.length) throw new DeltaMismatch("does not cover the text");
  if (start !== null) hunks.push({ start, end: position, text: inserted });
  return { text: out, hunks };
}
