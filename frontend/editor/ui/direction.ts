// Each paragraph reads in its own direction. A report has one language, but
// an English report quotes Arabic and an Arabic one names English bodies:
// every line takes the direction of its first letter (dir="auto"), so an
// Arabic paragraph stands right to left, aligned right, and Home and End go
// to its start and its end, whatever the report's language.

import { type Range } from "@codemirror/state";
import {
  Decoration,
  type DecorationSet,
  type EditorView,
  EditorView as View,
  ViewPlugin,
  type ViewUpdate,
} from "@codemirror/view";

const ownDirection = Decoration.line({ attributes: { dir: "auto" } });

function lines(view: EditorView): DecorationSet {
  const marks: Range<Decoration>[] = [];
  for (const { from, to } of view.visibleRanges) {
    for (let at = from; at <= to; ) {
      const line = view.state.doc.lineAt(at);
      marks.push(ownDirection.range(line.from));
      at = line.to + 1;
    }
  }
  return Decoration.set(marks);
}

const eachLine = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = lines(view);
    }
    update(update: ViewUpdate) {
      if (update.docChanged || update.viewportChanged) this.decorations = lines(update.view);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

// CodeMirror then reads each line's direction for cursor motion.
export const lineDirection = [View.perLineTextDirection.of(true), eachLine];
