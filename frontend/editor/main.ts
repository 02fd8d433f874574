// The live section editor: CodeMirror on the canonical section text, joined
// to the server by differential synchronisation. The page (collab/templates/
// collab/section_edit.html) provides the toolbar buttons, the translated
// messages and the socket address; this file wires them together.

import { defaultKeymap, history, historyKeymap, redo } from "@codemirror/commands";
import { Annotation, Compartment, EditorState, Transaction } from "@codemirror/state";
import { EditorView, keymap, placeholder } from "@codemirror/view";
import { Connection, type Context, type FullWelcome, type Status } from "./ui/connection";
import { clipboard } from "./ui/clipboard";
import { lineDirection } from "./ui/direction";
import { inlineMarkup } from "./ui/inline";
import { paragraphNumbers } from "./ui/paragraphs";
import { cursorOf, peopleField, Presence } from "./ui/presence";
import { formatting, toolbarCommands } from "./ui/toolbar";
import { Differ } from "./sync/merge";
import { countWords } from "./text/sectiontext";

interface Config {
  socket: string;
  messages: Record<string, string>;
}

const fromServer = Annotation.define<boolean>();
// Read-only until the welcome says this person may write.
const editableSlot = new Compartment();

function mount(root: HTMLElement): void {
  const config = JSON.parse(
    (document.getElementById("editor-config") as HTMLScriptElement).textContent ?? "{}",
  ) as Config;
  const t = (key: string) => config.messages[key] ?? key;
  const part = <T extends HTMLElement>(name: string) =>
    root.querySelector(`[data-part="${name}"]`) as T;

  let context: Context | null = null;
  const differ = new Differ();
  const editable = EditorView.editable.of(false);
  const readOnly = EditorState.readOnly.of(true);

  const view: EditorView = new EditorView({
    parent: part("editor"),
    state: EditorState.create({
      doc: "",
      extensions: [
        history(),
        keymap.of([
          ...formatting,
          // Redo as in Word and Google Docs too, on every system.
          { key: "Mod-Shift-z", run: redo, preventDefault: true },
          ...defaultKeymap,
          ...historyKeymap,
        ]),
        clipboard,
        lineDirection,
        EditorView.lineWrapping,
        // CodeMirror writes its styles into a <style> element; the content
        // security policy lets it in with the page's nonce (base.html).
        EditorView.cspNonce.of(
          document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? "",
        ),
        EditorView.contentAttributes.of({
          "aria-label": t("editor_label"),
          lang: root.dataset.lang ?? "",
          dir: root.dataset.dir ?? "auto",
        }),
        placeholder(t("placeholder")),
        paragraphNumbers(() => context?.paragraphs_before ?? 0),
        inlineMarkup(() => context?.footnotes_before ?? 0),
        peopleField,
        editableSlot.of([editable, readOnly]),
        EditorView.updateListener.of((update) => {
          const local = !update.transactions.some((tr) => tr.annotation(fromServer));
          if (update.docChanged && local) connection.changed();
          if (update.docChanged) scheduleCount();
          // Others map this cursor through changes from the server
          // themselves (presence.ts), so only this person's own moves and
          // typing are sent: otherwise every edit would make every open
          // editor send its cursor to every other.
          if (update.selectionSet || (update.docChanged && local)) schedulePresence();
        }),
      ],
    }),
  });

  const presence = new Presence(view, part("people"));

  const connection = new Connection(config.socket, {
    current: () => view.state.doc.toString(),
    text(text) {
      const doc = view.state.doc.toString();
      if (text === doc) return;
      // Turn the new text into changes, so the cursor stays on its words.
      const changes = [];
      let position = 0;
      for (const [op, chunk] of differ.diffs(doc, text)) {
        if (op === 0) position += chunk.length;
        else if (op === -1) {
          changes.push({ from: position, to: position + chunk.length });
          position += chunk.length;
        } else changes.push({ from: position, insert: chunk });
      }
      view.dispatch({
        changes,
        annotations: [fromServer.of(true), Transaction.addToHistory.of(false)],
      });
      presence.relocate();
    },
    welcome(welcome: FullWelcome) {
      context = welcome.context;
      view.dispatch({
        effects: editableSlot.reconfigure(
          welcome.can_edit ? [] : [EditorView.editable.of(false), EditorState.readOnly.of(true)],
        ),
      });
      root.classList.toggle("read-only", !welcome.can_edit);
      part("toolbar").hidden = !welcome.can_edit;
      scheduleCount();
    },
    status(status: Status, detail?: string) {
      const element = part("status");
      element.dataset.status = status;
      element.textContent = detail ?? t(`status_${status}`);
    },
    presence: (frame) => presence.seen(frame),
    left: (id) => presence.left(id),
    revision(number) {
      if (number !== null) part("revision").textContent = t("revision_saved").replace("%(number)s", String(number));
    },
  });

  toolbarCommands(root, view, t, () =>
    connection.send({ type: "checkpoint", label: "" }),
  );

  let countTimer: number | undefined;
  function scheduleCount(): void {
    window.clearTimeout(countTimer);
    countTimer = window.setTimeout(() => {
      if (!context) return;
      const words = countWords(view.state.doc.toString(), context.count_footnotes);
      part("section-words").textContent = String(words);
      const total = context.annex ? context.words_elsewhere : context.words_elsewhere + words;
      part("report-words").textContent = String(total);
      const limit = context.word_limit;
      const budget = part("budget");
      budget.dataset.state = !limit ? "ok" : total > limit ? "over" : total >= 0.9 * limit ? "near" : "ok";
      part("report-limit").textContent = limit ? String(limit) : t("no_limit");
    }, 200);
  }

  let presenceTimer: number | undefined;
  function schedulePresence(): void {
    window.clearTimeout(presenceTimer);
    presenceTimer = window.setTimeout(
      () => connection.send({ type: "presence", ...cursorOf(view) }),
      120,
    );
  }

  (window as unknown as { reportdeskEditor: unknown }).reportdeskEditor = { view, connection };
  connection.start();
}


const root = document.querySelector<HTMLElement>("[data-live-editor]");
if (root) mount(root);
