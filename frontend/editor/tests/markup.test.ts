// Finding the markup of a section's text, and keeping it current as the
// text changes (the editor re-reads only the blocks a change touched).
import assert from "node:assert/strict";
import { test } from "node:test";
import { EditorState } from "@codemirror/state";
import fc from "fast-check";
import { findMarkup, type Span } from "../text/markup";
import { markupSpans } from "../ui/markupspans";

// Each span as its kind and the words between its marks, which is what the
// reader sees; a link adds its address.
function read(text: string, spans: Span[] = findMarkup(text)): string[] {
  return spans.map((span) => {
    const words = text.slice(span.from + span.open, span.to - span.close);
    return span.href ? `${span.kind}:${words}->${span.href}` : `${span.kind}:${words}`;
  });
}

test("bold, italic, a link and a footnote are found with their marks", () => {
  const text = "The **State party** *notes* [the report](https://ohchr.org/a) here.^[See annex.]";

  const spans = findMarkup(text);

  assert.deepEqual(read(text, spans), [
    "bold:State party",
    "italic:notes",
    "link:the report->https://ohchr.org/a",
    "note:See annex.",
  ]);
  const link = spans[2];
  assert.equal(text.slice(link.from, link.from + link.open), "[");
  assert.equal(text.slice(link.to - link.close, link.to), "](https://ohchr.org/a)");
});

test("text that is not markup for the exporter is not markup here", () => {
  for (const text of [
    "5 * 3 = 15",
    "**never closed",
    "four ****stars**** stay",
    "[no address](ftp://example.org)",
    "[spaced](https://a b)",
    "[](https://empty.org)",
    "^[never closed",
    "|",
  ]) {
    assert.deepEqual(read(text), [], text);
  }
});

test("a backslash before a markup character is a mark, the character a word", () => {
  assert.deepEqual(read("an \\*escaped\\* star, \\[a\\], 2024\\. C:\\dir"), [
    "escape:*",
    "escape:*",
    "escape:[",
    "escape:]",
    "escape:.",
  ]);
  assert.deepEqual(read("| a \\| b |"), ["escape:|"]);
});

test("stars pair with the next of their kind, whatever lies between", () => {
  // As parse.py: no rule about spaces, and three stars are bold then italic.
  assert.deepEqual(read("a * b * c"), ["italic: b "]);
  assert.deepEqual(read("***both***"), ["bold:*both", "italic:both**"]);
  assert.deepEqual(read("*a [b* c](https://x.org)"), ["italic:a [b", "link:b* c->https://x.org"]);
});

test("a footnote pairs its own stars and may hold a link but no footnote", () => {
  const text = "*a ^[note *b* [c](mailto:x@y.org) ^[d]] e*";

  assert.deepEqual(read(text), [
    "italic:a ^[note *b* [c](mailto:x@y.org) ^[d]] e",
    "note:note *b* [c](mailto:x@y.org) ^[d]",
    "italic:b",
    "link:c->mailto:x@y.org",
  ]);
});

test("an address keeps its balanced brackets", () => {
  assert.deepEqual(read("[wiki](https://en.org/A_(b)) c"), ["link:wiki->https://en.org/A_(b)"]);
});

test("markup runs across the lines of a block but not from one block to the next", () => {
  assert.deepEqual(read("*first\n  second*"), ["italic:first\n  second"]);
  assert.deepEqual(read("*first\n\nsecond*"), []);
  assert.deepEqual(read("*first\n \u00a0\nsecond*"), []);
});

test("list items and table cells are read one by one", () => {
  assert.deepEqual(read("- *one\n- two*"), []);
  assert.deepEqual(read("- **one\n  still one**\n- two"), ["bold:one\n  still one"]);
  assert.deepEqual(read("1. *a*\n2. b"), ["italic:a"]);
  assert.deepEqual(read("| *a | b* |\n|---|---|\n| **c** | \\| *d* |"), ["bold:c", "escape:|", "italic:d"]);
  assert.deepEqual(read("## **Heading** words"), ["bold:Heading"]);
  assert.deepEqual(read("> (*Recommendations* 1–9)"), ["italic:Recommendations"]);
  assert.deepEqual(read("\\newpage"), []);
});

test("right-to-left and astral text keep their positions", () => {
  const text = "تلاحظ **الدولة الطرف** 😀 [التقرير](https://ohchr.org/ar)^[انظر المرفق]";

  assert.deepEqual(read(text), [
    "bold:الدولة الطرف",
    "link:التقرير->https://ohchr.org/ar",
    "note:انظر المرفق",
  ]);
});

test("positions of a stretch are counted in the whole text", () => {
  const spans = findMarkup("*a*", 10);

  assert.deepEqual([spans[0].from, spans[0].to], [10, 13]);
});

// Texts made of the pieces markup is made of, so that edits make and break
// spans, join and split blocks.
const piece = fc.constantFrom(
  "a", "ب", " ", "*", "**", "[", "]", "(", ")", "^[", "\\", "\n", "\n\n", "- ", "| ",
  "https://x.org", "](https://y.org)", "😀",
);
const text = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(""));
const edit = fc.record({ at: fc.nat(), length: fc.nat(6), insert: text });

function spansOf(state: EditorState): string[] {
  const found: string[] = [];
  for (const span = state.field(markupSpans).iter(); span.value; span.next()) {
    const { kind, open, close, href } = span.value;
    found.push(`${kind} ${span.from}-${span.to} ${open}/${close} ${href}`);
  }
  return found;
}

test("after any edits the spans kept up to date are those of the new text read afresh", () => {
  fc.assert(
    fc.property(text, fc.array(edit, { minLength: 1, maxLength: 4 }), (start, edits) => {
      let state = EditorState.create({ doc: start, extensions: [markupSpans] });
      for (const { at, length, insert } of edits) {
        const from = at % (state.doc.length + 1);
        const to = Math.min(state.doc.length, from + length);
        state = state.update({ changes: { from, to, insert } }).state;
      }

      const afresh = EditorState.create({ doc: state.doc, extensions: [markupSpans] });
      assert.deepEqual(spansOf(state), spansOf(afresh));
    }),
    { numRuns: 1500 },
  );
});

test("a change made of several edits at once is kept up to date too", () => {
  fc.assert(
    fc.property(text, text, text, (start, first, second) => {
      const state = EditorState.create({ doc: start, extensions: [markupSpans] });
      const middle = Math.floor(start.length / 2);
      const changes = [
        { from: 0, insert: first },
        { from: middle, to: Math.min(start.length, middle + 2), insert: second },
      ];

      const after = state.update({ changes }).state;

      const afresh = EditorState.create({ doc: after.doc, extensions: [markupSpans] });
      assert.deepEqual(spansOf(after), spansOf(afresh));
    }),
  );
});
