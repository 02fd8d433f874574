// Text pasted from elsewhere (Word, a UN document, an e-mail) is taken as the
// words it shows: a star, a bracket, a caret or a backslash in it is escaped,
// as the service escapes them in an imported document, so "5*3 and 4*2" or
// "^[sic]" never turn into italics or a footnote unseen. Text copied in this
// editor keeps its formatting when pasted back.

import { EditorView } from "@codemirror/view";

const MARKUP = /[\\*[\]^|]/g;

export function escapeMarkup(text: string): string {
  return text.replace(MARKUP, "\\$&");
}

let copiedHere = "";

export const clipboard = [
  EditorView.clipboardOutputFilter.of((text) => {
    copiedHere = text;
    return text;
  }),
  EditorView.clipboardInputFilter.of((text) => (text === copiedHere ? text : escapeMarkup(text))),
];
