// The formatting buttons put markup on and take it off again, as a word
// processor's buttons do, so nobody is left with stray stars.
import assert from "node:assert/strict";
import { test } from "node:test";
import { EditorSelection, EditorState, type StateCommand } from "@codemirror/state";
import { escapeMarkup } from "../ui/clipboard";
import { bold, footnote, italic } from "../ui/toolbar";

// Runs a command on `doc` with the selection marked by | (a cursor) or by
// ‹ and › (a selection); returns the text with the new selection marked.
function press(command: StateCommand, marked: string): string {
  const from = marked.includes("|") ? marked.indexOf("|") : marked.indexOf("‹");
  const doc = marked.replace(/[|‹›]/g, "");
  const to = marked.includes("|") ? from : marked.indexOf("›") - 1;
  let state = EditorState.create({ doc, selection: EditorSelection.single(from, to) });
  command({ state, dispatch: (tr) => (state = tr.state) });
  const { from: a, to: b } = state.selection.main;
  const text = state.doc.toString();
  if (a === b) return `${text.slice(0, a)}|${text.slice(a)}`;
  return `${text.slice(0, a)}‹${text.slice(a, b)}›${text.slice(b)}`;
}

test("bold goes on a selection and comes off it again", () => {
  assert.equal(press(bold, "The ‹State› party"), "The **‹State›** party");
  assert.equal(press(bold, "The **‹State›** party"), "The ‹State› party");
});

test("a selection that takes in the hidden marks is unbolded too", () => {
  assert.equal(press(bold, "The ‹**State**› party"), "The ‹State› party");
});

test("bold taken off part of a bold phrase leaves the rest bold", () => {
  assert.equal(press(bold, "**The ‹State› party**"), "**The **‹State›** party**");
  assert.equal(press(bold, "**‹The› State party**"), "‹The›** State party**");
  assert.equal(press(bold, "**The State ‹party›**"), "**The State **‹party›");
});

test("bold over words partly bold makes them all bold, line by line", () => {
  assert.equal(press(bold, "‹The **State** party›"), "**‹The State party›**");
  assert.equal(
    press(bold, "‹First **one**.\n\nSecond one.›"),
    "**‹First one.**\n\n**Second one.›**",
  );
});

test("pressed again with nothing typed, bold leaves no marks", () => {
  assert.equal(press(bold, "The |party"), "The **|**party");
  assert.equal(press(bold, "The **|**party"), "The |party");
});

test("pressed at the end of words just made bold, bold ends there", () => {
  assert.equal(press(bold, "The **State|** party"), "The **State**| party");
});

test("italic leaves bold alone and bold leaves italic alone", () => {
  assert.equal(press(italic, "The **‹State›** party"), "The ***‹State›*** party");
  assert.equal(press(italic, "The ***‹State›*** party"), "The **‹State›** party");
  assert.equal(press(bold, "The *‹State›* party"), "The ***‹State›*** party");
});

test("an empty footnote is taken away by pressing again", () => {
  assert.equal(press(footnote, "Adopted.|"), "Adopted.^[|]");
  assert.equal(press(footnote, "Adopted.^[|]"), "Adopted.|");
});

test("pasted text keeps every star, bracket, caret and backslash as typed", () => {
  assert.equal(
    escapeMarkup("Art. 5*3 see [1](x) and ^[sic] in C:\\temp\\*.doc | end"),
    "Art. 5\\*3 see \\[1\\](x) and \\^\\[sic\\] in C:\\\\temp\\\\\\*.doc \\| end",
  );
});
