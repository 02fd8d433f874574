// The browser's half of differential synchronisation; collab/sync.py explains
// the protocol and holds the same algorithm (ClientPeer) for its tests.

import { applyDelta, deltaFromDiffs, DeltaMismatch, type Delta } from "./delta";
import { Differ, merge } from "./merge";
import { checksum } from "./textunits";

export interface Edit {
  seq: number;
  base: number;
  delta: Delta;
}

export interface Welcome {
  type: "welcome";
  session: string;
  resumed: string | null;
  applied: number;
  text: string;
  version: number;
}

export interface SyncReply {
  type: "sync";
  session: string;
  version: number;
  ack: number;
  edits: Edit[];
  /** Sent unasked when someone else changed the section. */
  push?: boolean;
}

export class Resync extends Error {}

interface Sent {
  edit: Edit;
  before: string;
}

export class ClientPeer {
  text: string;
  shadow: string;
  session: string;
  version: number;
  localSeq = 0;
  remoteSeq = 0;
  stack: Sent[] = [];
  private differ = new Differ();

  constructor(welcome: Welcome) {
    this.text = this.shadow = welcome.text;
    this.session = welcome.session;
    this.version = welcome.version;
  }

  get pending(): boolean {
    return this.stack.length > 0 || this.text !== this.shadow;
  }

  outgoing(): { type: "sync"; session: string; ack: number; edits: Edit[] } {
    if (this.text !== this.shadow) {
      const delta = deltaFromDiffs(this.differ.diffs(this.shadow, this.text));
      const edit = { seq: this.localSeq, base: checksum(this.shadow), delta };
      this.stack.push({ edit, before: this.shadow });
      this.shadow = this.text;
      this.localSeq++;
    }
    // The session lets the server drop a message sent before a welcome.
    return {
      type: "sync",
      session: this.session,
      ack: this.remoteSeq,
      edits: this.stack.map((s) => s.edit),
    };
  }

  /**
   * Applies the server's message; false when the browser should ask again
   * (a push skipped a number: an earlier push was lost, and the answer
   * repeats every edit not acknowledged).
   */
  incoming(message: SyncReply): boolean {
    if (message.session !== this.session) return true;
    if (message.ack > this.localSeq) throw new Resync("acknowledged edits never sent");
    this.stack = this.stack.filter((s) => s.edit.seq >= message.ack);
    this.version = Math.max(this.version, message.version);
    // Made before the server had our latest edits: the answer to those brings
    // the server's edits again, made from a shadow that holds ours.
    if (message.ack < this.localSeq) return true;
    for (const edit of message.edits) {
      if (edit.seq < this.remoteSeq) continue;
      if (edit.seq > this.remoteSeq) {
        if (message.push) return false;
        throw new Resync("an edit from the server is missing");
      }
      if (edit.base !== checksum(this.shadow)) throw new Resync("made from another text");
      const before = this.shadow;
      let applied;
      try {
        applied = applyDelta(before, edit.delta);
      } catch (err) {
        if (err instanceof DeltaMismatch) throw new Resync(err.message);
        throw err;
      }
      this.shadow = applied.text;
      this.text =
        this.text === before
          ? applied.text
          : merge(before, applied.hunks, this.differ.hunks(before, this.text));
      this.remoteSeq++;
    }
    return true;
  }

  accepts(welcome: Welcome): boolean {
    return welcome.resumed === this.session;
  }

  rebase(welcome: Welcome): void {
    const applied = welcome.resumed === this.session ? welcome.applied || 0 : 0;
    const unapplied = this.stack.filter((s) => s.edit.seq >= applied);
    const base = unapplied.length ? unapplied[0].before : this.shadow;
    const fresh = welcome.text;
    if (this.text === base) this.text = fresh;
    else if (fresh !== base)
      this.text = merge(base, this.differ.hunks(base, fresh), this.differ.hunks(base, this.text));
    this.shadow = fresh;
    this.session = welcome.session;
    this.version = welcome.version;
    this.localSeq = this.remoteSeq = 0;
    this.stack = [];
  }
}
