// The socket to the server: sends the peer's edits, applies the answers,
// reconnects after a lost connection and resumes the session so that edits
// the server already took are not sent twice.

import { ClientPeer, Resync, type SyncReply, type Welcome } from "../sync/peer";

export interface Cursor {
  anchor: number;
  head: number;
  before: string;
  after: string;
}

export interface PresenceFrame {
  type: "presence";
  id: string;
  name: string;
  can_edit: boolean;
  cursor: Cursor | null;
}

export interface Context {
  paragraphs_before: number;
  footnotes_before: number;
  words_elsewhere: number;
  word_limit: number | null;
  count_footnotes: boolean;
  annex: boolean;
}

export interface FullWelcome extends Welcome {
  can_edit: boolean;
  you: { id: string; name: string };
  context: Context;
}

export type Status = "connecting" | "saved" | "saving" | "offline" | "error";

export interface Handlers {
  /** The peer's text changed through the server: show it. */
  text(text: string): void;
  /** The editor's current text, read before applying anything. */
  current(): string;
  welcome(welcome: FullWelcome): void;
  status(status: Status, detail?: string): void;
  presence(frame: PresenceFrame): void;
  left(id: string): void;
  revision(number: number | null): void;
}

const ANSWER_TIMEOUT = 5000;
const HEARTBEAT = 10000;

export class Connection {
  peer: ClientPeer | null = null;
  private socket: WebSocket | null = null;
  private inFlight = false;
  private timer: number | undefined;
  private flushTimer: number | undefined;
  private retry = 0;
  // Answers missed in a row on this socket, and messages sent so far.
  private unanswered = 0;
  private sends = 0;
  private readOnly = false;

  constructor(
    private url: string,
    private handlers: Handlers,
  ) {}

  start(): void {
    const resume = this.peer ? `?resume=${encodeURIComponent(this.peer.session)}` : "";
    this.handlers.status("connecting");
    const socket = new WebSocket(this.url + resume);
    this.socket = socket;
    socket.onmessage = (event) => {
      if (this.socket === socket) this.receive(JSON.parse(event.data as string));
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.inFlight = false;
      this.handlers.status("offline");
      // Back off up to ten seconds; typing goes on meanwhile.
      this.retry = Math.min(this.retry + 1, 10);
      window.setTimeout(() => this.start(), 1000 * this.retry);
    };
    window.clearInterval(this.timer);
    this.timer = window.setInterval(() => this.flush(true), HEARTBEAT);
  }

  /** The person typed: send soon. */
  changed(): void {
    if (!this.peer || this.readOnly) return;
    this.peer.text = this.handlers.current();
    this.handlers.status(this.socket ? "saving" : "offline");
    window.clearTimeout(this.flushTimer);
    this.flushTimer = window.setTimeout(() => this.flush(false), 150);
  }

  send(frame: object): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(frame));
  }

  flush(force: boolean): void {
    const peer = this.peer;
    if (!peer || this.inFlight || this.socket?.readyState !== WebSocket.OPEN) return;
    if (!this.readOnly) peer.text = this.handlers.current();
    if (!force && !peer.pending) return;
    this.inFlight = true;
    const socket = this.socket;
    const sent = ++this.sends;
    this.send(peer.outgoing());
    window.setTimeout(() => {
      // Only the latest message's silence counts.
      if (!this.inFlight || sent !== this.sends || !socket || this.socket !== socket)
        return;
      // No answer: send again; the stack still holds what was not
      // acknowledged. A connection that dropped without closing answers
      // nothing: after the second silence, give it up and reconnect.
      this.inFlight = false;
      this.unanswered++;
      if (this.unanswered >= 2) this.abandon(socket);
      else this.flush(true);
    }, ANSWER_TIMEOUT);
  }

  private abandon(socket: WebSocket): void {
    this.socket = null;
    this.unanswered = 0;
    socket.close();
    this.handlers.status("offline");
    this.retry = Math.min(this.retry + 1, 10);
    window.setTimeout(() => this.start(), 1000 * this.retry);
  }

  private show(): void {
    if (this.peer) this.handlers.text(this.peer.text);
  }

  private receive(frame: { type: string } & Record<string, unknown>): void {
    this.unanswered = 0;
    if (frame.type === "welcome") {
      const welcome = frame as unknown as FullWelcome;
      this.retry = 0;
      this.readOnly = !welcome.can_edit;
      if (!this.peer) {
        this.peer = new ClientPeer(welcome);
      } else if (this.peer.accepts(welcome)) {
        this.peer.text = this.handlers.current();
        this.peer.rebase(welcome);
      } else {
        return;
      }
      this.inFlight = false;
      this.handlers.welcome(welcome);
      this.show();
      this.flush(false);
      this.settle();
      return;
    }
    if (!this.peer) return;
    if (frame.type === "sync") {
      const reply = frame as unknown as SyncReply;
      // A push is not the answer to what we sent: that answer is still due.
      if (!reply.push) this.inFlight = false;
      this.peer.text = this.handlers.current();
      let complete: boolean;
      try {
        complete = this.peer.incoming(reply);
      } catch (err) {
        if (!(err instanceof Resync)) throw err;
        this.send({ type: "resync" });
        return;
      }
      this.show();
      if (!complete) this.flush(true);
      else if (!reply.push && this.peer.pending) this.flush(false);
      this.settle();
    } else if (frame.type === "presence") {
      this.handlers.presence(frame as unknown as PresenceFrame);
    } else if (frame.type === "people") {
      // Cursor moves gathered by the server, each person's latest.
      for (const person of frame.people as PresenceFrame[]) this.handlers.presence(person);
    } else if (frame.type === "left") {
      this.handlers.left(frame.id as string);
    } else if (frame.type === "revision" || frame.type === "checkpoint") {
      this.handlers.revision((frame.number as number | null) ?? null);
    } else if (frame.type === "error") {
      this.inFlight = false;
      this.handlers.status("error", frame.detail as string);
      if (frame.code === "not_allowed") {
        // Drop what this reader typed; the server's text stands.
        this.readOnly = true;
        this.peer.text = this.peer.shadow;
        this.show();
      }
      if (frame.resync) window.setTimeout(() => this.send({ type: "resync" }), 2000);
    }
  }

  private settle(): void {
    if (this.peer && !this.peer.pending) this.handlers.status("saved");
  }
}
