// What the live preview shows of the text: marks hidden until the cursor is
// in their span, footnotes numbered on from the sections before.
import assert from "node:assert/strict";
import { test } from "node:test";
import { EditorSelection, EditorState } from "@codemirror/state";
import { inlineMarkup, preview } from "../ui/inline";

const TEXT = "The **State party** notes [the report](https://ohchr.org/a).^[See annex *II*.] End.";

function state(doc: string, ...cursors: [number, number?][]): EditorState {
  return EditorState.create({
    doc,
    selection: cursors.length
      ? EditorSelection.create(cursors.map(([anchor, head]) => EditorSelection.range(anchor, head ?? anchor)))
      : undefined,
    extensions: [EditorState.allowMultipleSelections.of(true), inlineMarkup(() => 0)],
  });
}

// The text as it reads on screen: hidden marks left out, a footnote's number
// in angle brackets where it stands.
function onScreen(
  current: EditorState,
  { revealing = true, notesBefore = 0, visible = [{ from: 0, to: current.doc.length }] } = {},
): string {
  const { decorations } = preview(current, visible, revealing, notesBefore);
  const doc = current.doc.toString();
  let shown = "";
  let at = 0;
  for (const mark = decorations.iter(); mark.value; mark.next()) {
    const widget = mark.value.spec.widget as { number: number } | undefined;
    if (mark.from < at) continue;
    if (mark.from === mark.to && !widget) continue;
    if (mark.value.spec.class) continue;
    shown += doc.slice(at, mark.from) + (widget ? `<${widget.number}>` : "");
    at = mark.to;
  }
  return shown + doc.slice(at);
}

test("with the cursor elsewhere only the words and the note's number are shown", () => {
  assert.equal(
    onScreen(state(TEXT, [0])),
    "The State party notes the report.<1>See annex II. End.",
  );
});

test("the cursor in a span or at its edge shows that span's marks only", () => {
  const bold = TEXT.indexOf("State");
  for (const at of [bold - 2, bold + 3, bold + "State party**".length]) {
    assert.equal(
      onScreen(state(TEXT, [at])),
      "The **State party** notes the report.<1>See annex II. End.",
      `cursor at ${at}`,
    );
  }

  const link = TEXT.indexOf("report");
  assert.equal(
    onScreen(state(TEXT, [link])),
    "The State party notes [the report](https://ohchr.org/a).<1>See annex II. End.",
  );
});

test("in a footnote its marks are shown and its number still stands before it", () => {
  const inNote = TEXT.indexOf("annex");

  assert.equal(
    onScreen(state(TEXT, [inNote])),
    "The State party notes the report.<1>^[See annex II.] End.",
  );
  assert.equal(
    onScreen(state(TEXT, [TEXT.indexOf("II")])),
    "The State party notes the report.<1>^[See annex *II*.] End.",
  );
});

test("a selection holding whole spans keeps their marks hidden, its ends show theirs", () => {
  const start = TEXT.indexOf("notes");

  assert.equal(
    onScreen(state(TEXT, [0, TEXT.length])),
    "The State party notes the report.<1>See annex II. End.",
  );
  assert.equal(
    onScreen(state(TEXT, [start, TEXT.indexOf("State")])),
    "The **State party** notes the report.<1>See annex II. End.",
  );
  assert.equal(
    onScreen(state(TEXT, [TEXT.indexOf("State")], [TEXT.indexOf("report")])),
    "The **State party** notes [the report](https://ohchr.org/a).<1>See annex II. End.",
  );
});

test("a reader, or someone not in the editor, never sees the marks", () => {
  const inBold = TEXT.indexOf("party");

  assert.equal(
    onScreen(state(TEXT, [inBold]), { revealing: false }),
    "The State party notes the report.<1>See annex II. End.",
  );
});

test("footnotes are numbered on from the sections before, also when out of sight", () => {
  const doc = `First.^[a]\n\n${"Long paragraph. ".repeat(50)}\n\nLast.^[b] and^[c]`;
  const last = doc.indexOf("Last.");

  const shown = onScreen(state(doc, [0]), { notesBefore: 7, visible: [{ from: last, to: doc.length }] });

  // Out of sight, the first note keeps its marks (nothing is drawn there).
  assert.ok(shown.startsWith("First.^[a]"));
  assert.ok(shown.endsWith("Last.<9>b and<10>c"));
});

test("the hidden marks are the ranges the cursor steps over whole", () => {
  const current = state(TEXT, [0]);

  const { hidden } = preview(current, [{ from: 0, to: current.doc.length }], true, 0);

  const stepped: string[] = [];
  hidden.between(0, current.doc.length, (from, to) => {
    stepped.push(current.doc.sliceString(from, to));
  });
  assert.deepEqual(stepped, ["**", "**", "[", "](https://ohchr.org/a)", "^[", "*", "*", "]"]);
});

test("an escaped character shows without its backslash until the cursor reaches it", () => {
  const doc = "Brackets \\[as typed\\] stay.";

  assert.equal(onScreen(state(doc, [0])), "Brackets [as typed] stay.");
  assert.equal(onScreen(state(doc, [doc.indexOf("[")])), "Brackets \\[as typed] stay.");
});

test("right-to-left text shows its words the same way", () => {
  const arabic = "تلاحظ **الدولة الطرف** [التقرير](https://ohchr.org/ar)^[انظر المرفق]";

  assert.equal(onScreen(state(arabic, [0])), "تلاحظ الدولة الطرف التقرير<1>انظر المرفق");
});
