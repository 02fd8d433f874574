// Who else is in the section, and where their cursor and selection are.
//
// A cursor is sent as an offset in the sender's text together with the few
// characters before and after it; the receiver's text differs a little, so
// the cursor is found again by that context (diff-match-patch's fuzzy
// match) near the same offset.

import { StateEffect, StateField } from "@codemirror/state";
import { Decoration, type DecorationSet, EditorView, WidgetType } from "@codemirror/view";
import { newDmp } from "../sync/dmp";
import type { Cursor, PresenceFrame } from "./connection";

export interface Person {
  id: string;
  name: string;
  colour: number;
  anchor: number | null;
  head: number | null;
  /** The cursor as its owner sent it, found again when others' words arrive. */
  cursor?: Cursor | null;
}

const CONTEXT = 16;
const COLOURS = 6;
const dmp = newDmp();

function wholeCharacters(text: string): string {
  // Never send half a surrogate pair.
  return text.replace(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/g, "");
}

export function cursorOf(view: EditorView): Cursor {
  const { anchor, head } = view.state.selection.main;
  const doc = view.state.doc;
  return {
    anchor,
    head,
    before: wholeCharacters(doc.sliceString(Math.max(0, head - CONTEXT), head)),
    after: wholeCharacters(doc.sliceString(head, Math.min(doc.length, head + CONTEXT))),
  };
}

export function locate(text: string, cursor: Cursor): { anchor: number; head: number } {
  const clamp = (n: number) => Math.max(0, Math.min(text.length, n));
  let head = clamp(cursor.head);
  if (cursor.before) {
    const found = dmp.match_main(text, cursor.before, clamp(cursor.head - cursor.before.length));
    if (found >= 0) head = found + cursor.before.length;
  } else if (cursor.after) {
    const found = dmp.match_main(text, cursor.after, head);
    if (found >= 0) head = found;
  }
  head = clamp(head);
  return { head, anchor: clamp(head + (cursor.anchor - cursor.head)) };
}

export const setPeople = StateEffect.define<Person[]>();

class Caret extends WidgetType {
  constructor(readonly person: Person) {
    super();
  }
  eq(other: Caret): boolean {
    return other.person.name === this.person.name && other.person.colour === this.person.colour;
  }
  toDOM(): HTMLElement {
    const caret = document.createElement("span");
    caret.className = `cm-remote-caret peer-${this.person.colour}`;
    const name = document.createElement("span");
    name.className = "cm-remote-name";
    name.textContent = this.person.name;
    caret.append(name);
    return caret;
  }
}

function decorate(people: Person[], length: number): DecorationSet {
  const ranges = [];
  for (const person of people) {
    if (person.head === null || person.anchor === null) continue;
    const head = Math.min(person.head, length);
    const anchor = Math.min(person.anchor, length);
    if (anchor !== head) {
      ranges.push(
        Decoration.mark({ class: `cm-remote-selection peer-${person.colour}` }).range(
          Math.min(anchor, head),
          Math.max(anchor, head),
        ),
      );
    }
    ranges.push(Decoration.widget({ widget: new Caret(person), side: 1 }).range(head));
  }
  return Decoration.set(ranges, true);
}

export const peopleField = StateField.define<{ people: Person[]; decorations: DecorationSet }>({
  create: () => ({ people: [], decorations: Decoration.none }),
  update(value, tr) {
    let people = value.people;
    if (tr.docChanged) {
      // Keep others' cursors on the same words as the text changes.
      people = people.map((p) => ({
        ...p,
        anchor: p.anchor === null ? null : tr.changes.mapPos(p.anchor),
        head: p.head === null ? null : tr.changes.mapPos(p.head),
      }));
    }
    for (const effect of tr.effects) if (effect.is(setPeople)) people = effect.value;
    if (people === value.people) return value;
    return { people, decorations: decorate(people, tr.state.doc.length) };
  },
  provide: (field) => EditorView.decorations.from(field, (value) => value.decorations),
});

/** Keeps the list of people and tells the editor and the page about changes. */
export class Presence {
  private people = new Map<string, Person>();
  private next = 0;

  constructor(
    private view: EditorView,
    private list: HTMLElement,
  ) {}

  seen(frame: PresenceFrame): void {
    let person = this.people.get(frame.id);
    if (!person) {
      person = { id: frame.id, name: frame.name, colour: this.next++ % COLOURS, anchor: null, head: null };
      this.people.set(frame.id, person);
    }
    if (frame.cursor) {
      person.cursor = frame.cursor;
      this.place(person, this.view.state.doc.toString());
    }
    this.render();
  }

  /**
   * Others' words arrived from the server. A cursor usually comes before the
   * words its owner typed just ahead of it; mapped through their arrival it
   * would move on by their length a second time, so it is found again by
   * its context in the text that now holds them.
   */
  relocate(): void {
    const text = this.view.state.doc.toString();
    let moved = false;
    for (const person of this.people.values()) {
      if (person.cursor) {
        this.place(person, text);
        moved = true;
      }
    }
    if (moved) this.render();
  }

  private place(person: Person, text: string): void {
    const cursor = person.cursor;
    if (!cursor) return;
    const where = locate(text, cursor);
    person.anchor = where.anchor;
    person.head = where.head;
    const settled =
      text.slice(where.head - cursor.before.length, where.head) === cursor.before &&
      text.slice(where.head, where.head + cursor.after.length) === cursor.after;
    // Once the text holds the words around it, changes move it exactly.
    if (settled) person.cursor = null;
  }

  left(id: string): void {
    this.people.delete(id);
    this.render();
  }

  private render(): void {
    const people = [...this.people.values()];
    this.view.dispatch({ effects: setPeople.of(people.map((p) => ({ ...p }))) });
    this.list.replaceChildren(
      ...people.map((person) => {
        const item = document.createElement("li");
        item.className = `person peer-${person.colour}`;
        item.textContent = person.name;
        return item;
      }),
    );
  }
}
