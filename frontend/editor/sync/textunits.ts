// Text positions and checksums as the server computes them.
//
// The browser counts UTF-16 code units and the server counts code points;
// everything on the socket is in UTF-16 units, and the server converts. What
// the browser must never do is cut a surrogate pair in two: diff-match-patch
// compares code units, so two different emoji that share their first half
// would give a diff that splits them. `diffCodePoints` stands each astral
// character in for one code unit while diffing, so every diff ends on whole
// characters, as the server's do.

import { type Diff, type Dmp } from "./dmp";

const ASTRAL_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
const ANY_SURROGATE = /[\uD800-\uDFFF]/;
const SUBSTITUTE = /[\uD800-\uDFFF\uE000-\uF8FF]/g;

export function hasSurrogates(text: string): boolean {
  return ANY_SURROGATE.test(text);
}

/** A diff of whole characters; `cleanup` runs before astral ones come back. */
export function diffCodePoints(
  dmp: Dmp,
  before: string,
  after: string,
  cleanup: (diffs: Diff[]) => void = () => {},
): Diff[] {
  if (!hasSurrogates(before) && !hasSurrogates(after)) {
    const diffs = dmp.diff_main(before, after);
    cleanup(diffs);
    return diffs;
  }
  // Lone surrogates cannot occur once every pair is replaced, so they are
  // free to stand for astral characters (2,048 of them); past that, private
  // use characters that neither text holds.
  const forward = new Map<string, string>();
  const back = new Map<string, string>();
  const taken = new Set((before + after).match(/[\uE000-\uF8FF]/g) ?? []);
  let next = 0xd800;
  const encode = (text: string) =>
    text.replace(ASTRAL_PAIR, (pair) => {
      let stand = forward.get(pair);
      if (stand === undefined) {
        if (next === 0xe000) {
          while (taken.has(String.fromCharCode(next))) next++;
        }
        if (next > 0xf8ff) throw new Error("too many different emoji to compare");
        stand = String.fromCharCode(next++);
        forward.set(pair, stand);
        back.set(stand, pair);
      }
      return stand;
    });
  const diffs = dmp.diff_main(encode(before), encode(after));
  // Clean-up shifts edits sideways; done on the stand-ins it cannot split
  // a pair either.
  cleanup(diffs);
  return diffs.map(([op, text]) => [op, text.replace(SUBSTITUTE, (c) => back.get(c) ?? c)] as Diff);
}

let table: Uint32Array | null = null;

function crcTable(): Uint32Array {
  if (table) return table;
  table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

/** CRC-32 of the text's UTF-16LE bytes, equal to the server's `checksum`. */
export function checksum(text: string): number {
  const t = crcTable();
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    crc = t[(crc ^ unit) & 0xff] ^ (crc >>> 8);
    crc = t[(crc ^ (unit >>> 8)) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}
