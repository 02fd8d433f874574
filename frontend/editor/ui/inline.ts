// Markup shown as what it means: bold looks bold, italic italic, a link like
// a link, and each footnote is numbered where it is written (numbers run on
// from the sections before), so notes can be read and written in place.

import {
  Decoration,
  type DecorationSet,
  EditorView,
  ViewPlugin,
  type ViewUpdate,
  WidgetType,
} from "@codemirror/view";

const BOLD = /\*\*(?=\S)([^*\n]|\*(?!\*))+?\*\*/g;
const ITALIC = /(?<![*\\])\*(?=[^\s*])[^*\n]+?\*(?!\*)/g;
const LINK = /\[[^\]\n]+\]\((?:https?:\/\/|mailto:)[^\s)]+\)/g;

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

function notes(text: string): [number, number][] {
  const found: [number, number][] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\\") {
      i++;
      continue;
    }
    if (!text.startsWith("^[", i)) continue;
    let depth = 0;
    for (let j = i + 1; j < text.length; j++) {
      if (text[j] === "\\") {
        j++;
        continue;
      }
      if (text[j] === "[") depth++;
      else if (text[j] === "]" && --depth === 0) {
        found.push([i, j + 1]);
        i = j;
        break;
      }
    }
  }
  return found;
}

function build(view: EditorView, notesBefore: number): DecorationSet {
  const text = view.state.doc.toString();
  const marks: { from: number; to: number; deco: Decoration }[] = [];
  notes(text).forEach(([from, to], index) => {
    marks.push({ from, to: from, deco: Decoration.widget({ widget: new NoteNumber(notesBefore + index + 1), side: -1 }) });
    marks.push({ from, to, deco: Decoration.mark({ class: "cm-footnote" }) });
  });
  for (const [pattern, cls] of [
    [BOLD, "cm-bold"],
    [ITALIC, "cm-italic"],
    [LINK, "cm-link"],
  ] as const) {
    for (const match of text.matchAll(pattern)) {
      const from = match.index ?? 0;
      marks.push({ from, to: from + match[0].length, deco: Decoration.mark({ class: cls }) });
    }
  }
  return Decoration.set(
    marks.map((mark) => mark.deco.range(mark.from, mark.to)),
    true,
  );
}

export function inlineMarkup(notesBefore: () => number) {
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = build(view, notesBefore());
      }
      update(update: ViewUpdate) {
        if (update.docChanged) this.decorations = build(update.view, notesBefore());
      }
    },
    { decorations: (plugin) => plugin.decorations },
  );
}
