// The browser's synchronisation pieces, property-tested with fast-check.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { applyDelta, deltaFromDiffs } from "../sync/delta";
import { applyHunks, Differ, merge } from "../sync/merge";
import { checksum } from "../sync/textunits";

const differ = new Differ();
// Letters people type, among them astral emoji that share their first half.
const alphabet = ["a", "b", " ", "é", "e\u0301", "ح", "人", "😀", "😁", "🅰", "🅱", "𠀋"];
const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }).map((a) => a.join(""));

test("a delta turns the old text into the new one and never cuts an emoji", () => {
  fc.assert(
    fc.property(text, text, (before, after) => {
      const delta = deltaFromDiffs(differ.diffs(before, after));
      for (const op of delta) {
        if (typeof op === "string") assert.doesNotMatch(op, /^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
      }
      assert.equal(applyDelta(before, delta).text, after);
    }),
    { numRuns: 2000 },
  );
});

test("hunks read from a delta rebuild the same text", () => {
  fc.assert(
    fc.property(text, text, (before, after) => {
      const { hunks } = applyDelta(before, deltaFromDiffs(differ.diffs(before, after)));
      assert.equal(applyHunks(before, hunks), after);
    }),
  );
});

test("a merge keeps every character either side inserted", () => {
  const marked = (n: number) => String.fromCodePoint(0x20000 + n);
  fc.assert(
    fc.property(text, fc.nat(30), fc.nat(30), (base, i, j) => {
      const a = base.slice(0, Math.min(i, base.length)) + marked(1) + base.slice(Math.min(i, base.length));
      const b = base.slice(0, Math.min(j, base.length)) + marked(2) + base.slice(Math.min(j, base.length));
      const merged = merge(base, differ.hunks(base, a), differ.hunks(base, b));
      assert.equal([...merged].filter((c) => c === marked(1)).length, 1);
      assert.equal([...merged].filter((c) => c === marked(2)).length, 1);
    }),
  );
});

test("the checksum is CRC-32 of the UTF-16LE bytes", () => {
  // zlib.crc32("a😀".encode("utf-16-le")) in Python.
  assert.equal(checksum(""), 0);
  assert.equal(checksum("a😀"), 0x92dac67b);
});
