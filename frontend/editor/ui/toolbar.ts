// Formatting without knowing the markup: each button (and its shortcut) puts
// the markup of docs/section-text.md around the selection or at the start of
// the line.

import { EditorSelection, type StateCommand } from "@codemirror/state";
import type { EditorView, KeyBinding } from "@codemirror/view";

function wrap(before: string, after: string): StateCommand {
  return ({ state, dispatch }) => {
    dispatch(
      state.update(
        state.changeByRange((range) => ({
          changes: [
            { from: range.from, insert: before },
            { from: range.to, insert: after },
          ],
          range: EditorSelection.range(range.from + before.length, range.to + before.length),
        })),
        { userEvent: "input.format" },
      ),
    );
    return true;
  };
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

export const bold = wrap("**", "**");
export const italic = wrap("*", "*");
export const footnote = wrap("^[", "]");

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
      return wrap("[", `](${address})`)(target);
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
