// Formatting without knowing the markup: each button (and its shortcut) puts
// the markup of docs/section-text.md around the selection or at the start of
// the line.

import { type ChangeSpec, EditorSelection, type StateCommand } from "@codemirror/state";
import type { EditorView, KeyBinding } from "@codemirror/view";
import { findMarkup, type SpanKind } from "../text/markup";

function wrap(before: string, after: string, kind: SpanKind): StateCommand {
  return ({ state, dispatch }) => {
    const doc = state.doc.toString();
    const spans = findMarkup(doc).filter((span) => span.kind === kind);
    dispatch(
      state.update(
        state.changeByRange((range) => {
          // The words selected, inside their marks (and maybe another span's,
          // as in "***both***"), or with their hidden marks.
          const inside = spans.find(
            (s) =>
              !range.empty &&
              s.from + s.open <= range.from &&
              range.to <= s.to - s.close &&
              onlyStars(doc.slice(s.from + s.open, range.from)) &&
              onlyStars(doc.slice(range.to, s.to - s.close)),
          );
          const whole = spans.find((s) => s.from === range.from && s.to === range.to);
          const formatted = inside ?? whole;
          if (formatted) {
            // They are already formatted this way: the button takes it off.
            const { from, to, open, close } = formatted;
            return {
              changes: [
                { from, to: from + open },
                { from: to - close, to },
              ],
              range: inside
                ? EditorSelection.range(range.from - open, range.to - open)
                : EditorSelection.range(from, to - open - close),
            };
          }
          const around = spans.find(
            (s) => !range.empty && s.from + s.open <= range.from && range.to <= s.to - s.close,
          );
          if (around) {
            // Part of a formatted stretch: only that part is taken out of it,
            // the words before and after it keep their formatting.
            const { from, to, open, close } = around;
            const left = range.from > from + open;
            const right = range.to < to - close;
            const changes = [
              left ? { from: range.from, insert: after } : { from, to: from + open },
              right ? { from: range.to, insert: before } : { from: to - close, to },
            ];
            const shift = left ? after.length : -open;
            return {
              changes,
              range: EditorSelection.range(range.from + shift, range.to + shift),
            };
          }
          if (range.empty && emptyPair(doc, range.from, before, after)) {
            // Nothing was typed in it: the second press takes the marks away.
            return {
              changes: { from: range.from - before.length, to: range.from + after.length },
              range: EditorSelection.cursor(range.from - before.length),
            };
          }
          const ending = spans.find((s) => range.empty && s.to - s.close === range.from);
          if (ending) {
            // Typing at the end of a formatted span: the button ends it, as in Word.
            return { range: EditorSelection.cursor(ending.to) };
          }
          if (range.empty) {
            return {
              changes: { from: range.from, insert: `${before}${after}` },
              range: EditorSelection.cursor(range.from + before.length),
            };
          }
          // Everything selected becomes formatted, as in Word: spans of the
          // same kind inside it lose their own marks, and each line is
          // wrapped apart, since marks never pair across paragraphs.
          const changes: ChangeSpec[] = [];
          for (const s of spans) {
            if (range.from <= s.from && s.to <= range.to) {
              changes.push({ from: s.from, to: s.from + s.open });
              changes.push({ from: s.to - s.close, to: s.to });
            }
          }
          for (let at = range.from; at <= range.to; ) {
            const line = state.doc.lineAt(at);
            const from = Math.max(range.from, line.from);
            const to = Math.min(range.to, line.to);
            if (state.doc.sliceString(from, to).trim()) {
              changes.push({ from, insert: before }, { from: to, insert: after });
            }
            at = line.to + 1;
          }
          const set = state.changes(changes);
          return {
            changes: set,
            range: EditorSelection.range(set.mapPos(range.from, 1), set.mapPos(range.to, -1)),
          };
        }),
        { userEvent: "input.format" },
      ),
    );
    return true;
  };
}

function onlyStars(text: string): boolean {
  return /^\**$/.test(text);
}

// "**|**", "*|*", "^[|]" and no more: a run of four stars around the cursor
// is not an empty bold (two empty italics would read the same).
function emptyPair(doc: string, at: number, before: string, after: string): boolean {
  if (doc.slice(at - before.length, at) !== before) return false;
  if (doc.slice(at, at + after.length) !== after) return false;
  const star = (i: number) => doc[i] === "*";
  return !(star(at - before.length - 1) && star(at - before.length)) && !(star(at + after.length) && star(at + after.length - 1));
}

function linePrefix(prefix: string): StateCommand {
  return ({ state, dispatch }) => {
    const lines = new Set<number>();
    for (const range of state.selection.ranges) {
      for (let at = range.from; at <= range.to; ) {
        const line = state.doc.lineAt(at);
        lines.add(line.from);
        at = line.to + 1;
      }
    }
    const changes = [...lines]
      .filter((from) => !state.doc.sliceString(from, from + prefix.length).startsWith(prefix))
      .map((from) => ({ from, insert: prefix }));
    dispatch(state.update({ changes, userEvent: "input.format" }));
    return true;
  };
}

export const bold = wrap("**", "**", "bold");
export const italic = wrap("*", "*", "italic");
export const footnote = wrap("^[", "]", "note");

export const formatting: KeyBinding[] = [
  { key: "Mod-b", run: bold },
  { key: "Mod-i", run: italic },
];

export function toolbarCommands(
  root: HTMLElement,
  view: EditorView,
  t: (key: string) => string,
  checkpoint: () => void,
): void {
  const commands: Record<string, StateCommand> = {
    bold,
    italic,
    footnote,
    heading: linePrefix("## "),
    unnumbered: linePrefix("> "),
    bullet: linePrefix("- "),
    link: (target) => {
      const address = window.prompt(t("link_prompt"), "https://");
      if (!address || !/^(https?:\/\/|mailto:)\S+$/.test(address)) return false;
      return wrap("[", `](${address})`, "link")(target);
    },
  };
  root.querySelectorAll<HTMLButtonElement>("[data-command]").forEach((button) => {
    button.addEventListener("click", () => {
      // A reader's editor is read-only to typing, not to commands.
      if (view.state.readOnly) return;
      const name = button.dataset.command ?? "";
      if (name === "checkpoint") checkpoint();
      else commands[name]?.({ state: view.state, dispatch: view.dispatch });
      view.focus();
    });
  });
}
