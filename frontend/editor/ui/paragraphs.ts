// Paragraph numbers in the gutter, as the Word file will number them: they
// run on from the paragraphs of the sections before this one, and sub-items
// are lettered afresh under each numbered paragraph.

import { StateField, type EditorState } from "@codemirror/state";
import { GutterMarker, gutter } from "@codemirror/view";
import { splitBlocks } from "../text/sectiontext";

class Label extends GutterMarker {
  constructor(readonly label: string) {
    super();
  }
  eq(other: Label): boolean {
    return other.label === this.label;
  }
  toDOM(): Node {
    return document.createTextNode(this.label);
  }
}

function letter(index: number): string {
  return String.fromCharCode(97 + (index % 26)).repeat(Math.floor(index / 26) + 1);
}

function labels(state: EditorState, before: number): Map<number, string> {
  const map = new Map<number, string>();
  let number = before;
  let sub = 0;
  for (const block of splitBlocks(state.doc.toString())) {
    if (block.kind === "paragraph") {
      number++;
      sub = 0;
      map.set(block.from, `${number}.`);
    } else if (block.kind === "sub-item") {
      map.set(block.from, `(${letter(sub++)})`);
    }
  }
  return map;
}

export function paragraphNumbers(before: () => number) {
  const field = StateField.define<Map<number, string>>({
    create: (state) => labels(state, before()),
    update: (value, tr) => (tr.docChanged || tr.reconfigured ? labels(tr.state, before()) : value),
  });
  return [
    field,
    gutter({
      class: "cm-paragraph-numbers",
      lineMarker(view, line) {
        const number = view.state.doc.lineAt(line.from).number - 1;
        const label = view.state.field(field).get(number);
        return label ? new Label(label) : null;
      },
      lineMarkerChange: (update) => update.docChanged,
      initialSpacer: () => new Label("000."),
    }),
  ];
}
