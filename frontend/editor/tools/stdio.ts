// Command-line helpers the Python tests call, so both languages are checked
// on the same inputs: `node stdio.js wordcount|delta|crc|markup` reads JSON
// on stdin.
import { readFileSync } from "node:fs";
import { deltaFromDiffs } from "../sync/delta";
import { Differ } from "../sync/merge";
import { checksum } from "../sync/textunits";
import { findMarkup } from "../text/markup";
import { countWords } from "../text/sectiontext";

const input = JSON.parse(readFileSync(0, "utf8"));
const differ = new Differ();
const tasks: Record<string, (item: never) => unknown> = {
  wordcount: ([text, footnotes]: [string, boolean]) => countWords(text, footnotes),
  delta: ([before, after]: [string, string]) => deltaFromDiffs(differ.diffs(before, after)),
  crc: (text: string) => checksum(text),
  markup: (text: string) => findMarkup(text),
};
const task = tasks[process.argv[2]];
process.stdout.write(JSON.stringify((input as never[]).map((item) => task(item))));
