// Three-way merge of two sets of edits to the same base text: the browser's
// copy of collab/merge.py, so both sides merge alike. Deletions are united,
// every inserted text is kept, and where both sides replaced the same words
// that stretch is merged again letter by letter.

import { DIFF_DELETE, DIFF_EQUAL, newDmp, type Diff } from "./dmp";
import { diffCodePoints } from "./textunits";

export interface Hunk {
  start: number;
  end: number;
  text: string;
}

export function hunksFromDiffs(diffs: Diff[]): Hunk[] {
  const hunks: Hunk[] = [];
  let position = 0;
  let start: number | null = null;
  let inserted = "";
  for (const [op, text] of diffs) {
    if (op === DIFF_EQUAL) {
      if (start !== null) {
        hunks.push({ start, end: position, text: inserted });
        start = null;
        inserted = "";
      }
      position += text.length;
      continue;
    }
    if (start === null) start = position;
    if (op === DIFF_DELETE) position += text.length;
    else inserted += text;
  }
  if (start !== null) hunks.push({ start, end: position, text: inserted });
  return hunks;
}

export function applyHunks(base: string, hunks: Hunk[]): string {
  let out = "";
  let position = 0;
  for (const hunk of hunks) {
    out += base.slice(position, hunk.start) + hunk.text;
    position = hunk.end;
  }
  return out + base.slice(position);
}

/** diff-match-patch set up as on the server (see Differ in collab/merge.py). */
export class Differ {
  private dmp = newDmp();

  constructor(private letters = false, timeout = 0.04) {
    this.dmp.Diff_Timeout = timeout;
  }

  diffs(before: string, after: string): Diff[] {
    if (before === after) return before ? [[DIFF_EQUAL, before]] : [];
    return diffCodePoints(this.dmp, before, after, (diffs) => {
      if (this.letters) this.dmp.diff_cleanupSemanticLossless(diffs);
      else this.dmp.diff_cleanupSemantic(diffs);
    });
  }

  hunks(before: string, after: string): Hunk[] {
    return hunksFromDiffs(this.diffs(before, after));
  }
}

const letters = new Differ(true);

export function merge(base: string, first: Hunk[], second: Hunk[]): string {
  const [a, b] = refine(base, first, second);
  return mergeSimple(base, a, b);
}

function mergeSimple(base: string, first: Hunk[], second: Hunk[]): string {
  const ranges = [...first, ...second]
    .filter((h) => h.end > h.start)
    .map((h) => [h.start, h.end] as [number, number])
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const deleted: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = deleted[deleted.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else deleted.push([start, end]);
  }
  const inserts = [
    ...first.map((h, i) => ({ at: h.start, side: 0, i, text: h.text })),
    ...second.map((h, i) => ({ at: h.start, side: 1, i, text: h.text })),
  ]
    .filter((x) => x.text)
    .sort((x, y) => x.at - y.at || x.side - y.side || x.i - y.i);
  const out: string[] = [];
  let cursor = 0;
  let next = 0;
  const keep = (start: number, end: number) => {
    let position = start;
    while (next < deleted.length && deleted[next][0] < end) {
      const [low, high] = deleted[next];
      if (low > position) out.push(base.slice(position, low));
      position = Math.max(position, high);
      if (high > end) break;
      next++;
    }
    if (position < end) out.push(base.slice(position, end));
  };
  for (const insert of inserts) {
    keep(cursor, insert.at);
    out.push(insert.text);
    cursor = insert.at;
  }
  keep(cursor, base.length);
  return out.join("");
}

function overlap(a: Hunk, b: Hunk): boolean {
  if (a.start < b.end && b.start < a.end) return true;
  return (
    (a.start === a.end && b.start < a.start && a.start < b.end) ||
    (b.start === b.end && a.start < b.start && b.start < a.end)
  );
}

function refine(base: string, first: Hunk[], second: Hunk[]): [Hunk[], Hunk[]] {
  const tagged = [
    ...first.map((h) => ({ side: 0, h })),
    ...second.map((h) => ({ side: 1, h })),
  ].sort((x, y) => x.h.start - y.h.start || x.h.end - y.h.end || x.side - y.side);
  const clusters: { side: number; h: Hunk }[][] = [];
  for (const item of tagged) {
    const last = clusters[clusters.length - 1];
    if (last && last.some((other) => overlap(item.h, other.h))) last.push(item);
    else clusters.push([item]);
  }
  const outFirst: Hunk[] = [];
  const outSecond: Hunk[] = [];
  for (const cluster of clusters) {
    const sides = new Set(cluster.map((x) => x.side));
    if (sides.size === 1) {
      (sides.has(0) ? outFirst : outSecond).push(...cluster.map((x) => x.h));
      continue;
    }
    const low = Math.min(...cluster.map((x) => x.h.start));
    const high = Math.max(...cluster.map((x) => x.h.end));
    const stretch = base.slice(low, high);
    const shifted = (side: number) =>
      cluster
        .filter((x) => x.side === side)
        .map((x) => ({ start: x.h.start - low, end: x.h.end - low, text: x.h.text }));
    const merged = mergeSimple(
      stretch,
      letters.hunks(stretch, applyHunks(stretch, shifted(0))),
      letters.hunks(stretch, applyHunks(stretch, shifted(1))),
    );
    outFirst.push({ start: low, end: high, text: merged });
  }
  return [outFirst, outSecond];
}
