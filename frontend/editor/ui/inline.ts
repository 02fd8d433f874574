// Markup shown as what it means, so that nobody needs to know it: bold looks
// bold, italic italic, a link is its words in link colour (its address in
// the tooltip), and a footnote is its number where it stands. The marks
// themselves (`**`, `*`, `[`, `](address)`, `^[`, `]`, and the backslash
// before a character that would otherwise be markup) are hidden, and come
// back, dimmed, while the cursor is in or at the edge of their span, so that
// a person writing there can see exactly what they delete or type between.
//
// All of this is display: the hidden marks stay in the document, which is
// what the sync engine sends and the exporter reads.

import type { EditorState, Range } from "@codemirror/state";
import {
  Decoration,
  type DecorationSet,
  EditorView,
  ViewPlugin,
  type ViewUpdate,
  WidgetType,
} from "@codemirror/view";
import type { SpanKind } from "../text/markup";
import { type Markup, markupSpans } from "./markupspans";

class NoteNumber extends WidgetType {
  constructor(readonly number: number) {
    super();
  }
  eq(other: NoteNumber): boolean {
    return other.number === this.number;
  }
  toDOM(): HTMLElement {
    const mark = document.createElement("sup");
    mark.className = "cm-note-number";
    mark.textContent = String(this.number);
    return mark;
  }
}

const STYLE: Partial<Record<SpanKind, Decoration>> = {
  bold: Decoration.mark({ class: "cm-bold" }),
  italic: Decoration.mark({ class: "cm-italic" }),
  // A footnote's words stay in the line, in smaller type on a pale ground
  // behind its number: the ground shows where the note ends and the
  // paragraph goes on, which the hidden `]` used to show, and the note reads
  // as an aside to the sentence, as it will at the foot of the Word page.
  note: Decoration.mark({ class: "cm-footnote" }),
};
const dimmed = Decoration.mark({ class: "cm-markup" });
const hidden = Decoration.replace({});

export interface Preview {
  decorations: DecorationSet;
  /** The hidden marks: the cursor steps over them as one character. */
  hidden: DecorationSet;
}

/**
 * The decorations for the spans that touch `visible`. Marks are shown where
 * `revealing` is true and a selection starts or ends in their span or at its
 * edge; `notesBefore` footnotes come before this text (earlier sections).
 */
export function preview(
  state: EditorState,
  visible: readonly { from: number; to: number }[],
  revealing: boolean,
  notesBefore: number,
): Preview {
  const decorations: Range<Decoration>[] = [];
  const hiddenMarks: Range<Decoration>[] = [];
  const end = visible.length ? visible[visible.length - 1].to : 0;
  let notes = notesBefore;

  // Spans before the visible text are only counted, for the notes' numbers.
  for (const span = state.field(markupSpans).iter(); span.value && span.from <= end; span.next()) {
    const { from, to, value } = span;
    if (value.kind === "note") notes++;
    if (!visible.some((range) => from <= range.to && to >= range.from)) continue;

    const shown = revealing && isEdited(state, from, to);
    const marks: [number, number][] = [
      [from, from + value.open],
      [to - value.close, to],
    ];
    decorations.push(...styled(value, from, to, shown, notes));
    for (const [markFrom, markTo] of marks) {
      if (markFrom === markTo) continue;
      if (shown) {
        decorations.push(dimmed.range(markFrom, markTo));
        continue;
      }
      // A hidden note's number stands in for its opening `^[`.
      const numbered = value.kind === "note" && markFrom === from;
      const mark = numbered ? Decoration.replace({ widget: new NoteNumber(notes) }) : hidden;
      decorations.push(mark.range(markFrom, markTo));
      hiddenMarks.push(mark.range(markFrom, markTo));
    }
  }
  return {
    decorations: Decoration.set(decorations, true),
    hidden: Decoration.set(hiddenMarks, true),
  };
}

function isEdited(state: EditorState, from: number, to: number): boolean {
  // A selection that holds a whole span leaves its marks hidden: selecting
  // a paragraph to copy or delete it should not turn it into markup and
  // reflow it under the pointer.
  const inside = (at: number) => at >= from && at <= to;
  return state.selection.ranges.some((range) => inside(range.from) || inside(range.to));
}

function styled(
  value: Markup,
  from: number,
  to: number,
  shown: boolean,
  number: number,
): Range<Decoration>[] {
  const found: Range<Decoration>[] = [];
  const wordsFrom = from + value.open;
  const wordsTo = to - value.close;
  if (value.kind === "note" && shown) {
    found.push(Decoration.widget({ widget: new NoteNumber(number), side: -1 }).range(from));
  }
  if (value.kind === "link") {
    // Only the words look like a link; a shown address is dimmed as a mark.
    const words = Decoration.mark({ class: "cm-link", attributes: { title: value.href } });
    found.push(words.range(wordsFrom, wordsTo));
  } else {
    // Shown marks take their span's style too, as they always did.
    const [styleFrom, styleTo] = shown ? [from, to] : [wordsFrom, wordsTo];
    const style = STYLE[value.kind];
    if (style && styleFrom < styleTo) found.push(style.range(styleFrom, styleTo));
  }
  return found;
}

function isRevealing(view: EditorView): boolean {
  // Readers cannot change the marks, so they always see the words only; and
  // marks stay hidden until the person is in the editor (the cursor sits at
  // the start of the text before anyone has clicked).
  return view.hasFocus && view.state.facet(EditorView.editable);
}

export function inlineMarkup(notesBefore: () => number) {
  const plugin = ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      hidden: DecorationSet;

      constructor(view: EditorView) {
        ({ decorations: this.decorations, hidden: this.hidden } = this.build(view));
      }

      update(update: ViewUpdate) {
        const changed =
          update.docChanged ||
          update.selectionSet ||
          update.viewportChanged ||
          update.focusChanged ||
          update.transactions.some((tr) => tr.reconfigured);
        if (changed) ({ decorations: this.decorations, hidden: this.hidden } = this.build(update.view));
      }

      build(view: EditorView): Preview {
        return preview(view.state, view.visibleRanges, isRevealing(view), notesBefore());
      }
    },
    { decorations: (value) => value.decorations },
  );
  return [
    markupSpans,
    plugin,
    EditorView.atomicRanges.of((view) => view.plugin(plugin)?.hidden ?? Decoration.none),
  ];
}
