// The markup of the editor's text (text/markup.ts), kept current as the text
// changes. A report can run to 290,000 characters and this runs on every
// keystroke, so a change re-reads only the blocks it touched; the spans
// elsewhere are moved along with the text, as CodeMirror moves decorations.

import { RangeSet, RangeValue, StateField, type Text } from "@codemirror/state";
import { findMarkup, type Span, type SpanKind } from "../text/markup";

export class Markup extends RangeValue {
  constructor(
    readonly kind: SpanKind,
    /** Length of the opening mark, from the span's start. */
    readonly open: number,
    /** Length of the closing mark, up to the span's end. */
    readonly close: number,
    readonly href = "",
  ) {
    super();
  }
  eq(other: Markup): boolean {
    return (
      other.kind === this.kind &&
      other.open === this.open &&
      other.close === this.close &&
      other.href === this.href
    );
  }
}

function asRanges(spans: Span[]) {
  return spans.map((span) =>
    new Markup(span.kind, span.open, span.close, span.href).range(span.from, span.to),
  );
}

function isBlank(line: { text: string }): boolean {
  return /^[ \t\u00a0]*$/.test(line.text);
}

// The stretch from the first line of the block holding `from` to the blank
// line after the block holding `to`. Blocks end at blank lines and markup
// never crosses one, so the text outside this stretch reads as before.
function touchedBlocks(doc: Text, from: number, to: number): [number, number] {
  let first = doc.lineAt(from).number;
  while (first > 1 && !isBlank(doc.line(first - 1))) first--;
  let last = doc.lineAt(to).number;
  while (last < doc.lines && !isBlank(doc.line(last + 1))) last++;
  return [doc.line(first).from, last < doc.lines ? doc.line(last + 1).from : doc.length];
}

export const markupSpans = StateField.define<RangeSet<Markup>>({
  create: (state) => RangeSet.of(asRanges(findMarkup(state.doc.toString()))),

  update(spans, tr) {
    if (!tr.docChanged) return spans;

    let changedFrom = tr.newDoc.length;
    let changedTo = 0;
    tr.changes.iterChangedRanges((_fromA, _toA, fromB, toB) => {
      changedFrom = Math.min(changedFrom, fromB);
      changedTo = Math.max(changedTo, toB);
    });
    const [start, end] = touchedBlocks(tr.newDoc, changedFrom, changedTo);

    const fresh = findMarkup(tr.newDoc.sliceString(start, end), start);
    return spans.map(tr.changes).update({
      filterFrom: start,
      filterTo: end,
      filter: (from, to) => to < start || from > end,
      add: asRanges(fresh),
    });
  },
});
