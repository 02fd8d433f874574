"""The simulated browsers of the load benchmark (``bench.editors_load``).

Each is the sync engine's client half (``ClientPeer``) over a real socket,
taking pushes and answers as ``frontend/editor/ui/connection.ts`` does; the
tally records when each typed word first stands in every peer's text.
"""

from __future__ import annotations

import asyncio
import json
import random
import re
import time
from dataclasses import dataclass, field
from typing import Any

from collab.sync import ClientPeer, Resync

PERIOD = 1.0  # seconds between one editor's edits
ANSWER_TIMEOUT = 5.0  # as the browser: no answer, send again
SECTION_CHARS = 10_000
CONTEXT = 16
TAG = re.compile(r"⁅\d+·\d+⁆")


@dataclass
class Tally:
    """What every editor of one scenario typed and saw."""

    typed: dict[str, float] = field(default_factory=dict)
    section_of: dict[str, int] = field(default_factory=dict)
    waiting: dict[str, int] = field(default_factory=dict)
    everyone_by: dict[str, float] = field(default_factory=dict)
    resyncs: int = 0
    errors: list[str] = field(default_factory=list)
    resent: int = 0

    def type(self, tag: str, section: int, peers: int) -> None:
        self.typed[tag] = time.monotonic()
        self.section_of[tag] = section
        self.waiting[tag] = peers

    def seen(self, tag: str, when: float) -> None:
        self.waiting[tag] -= 1
        if self.waiting[tag] == 0:
            self.everyone_by[tag] = when


class Editor:
    """One browser: the sync engine's client half over a real socket."""

    def __init__(
        self, number: int, section: int, tally: Tally, rng: random.Random
    ) -> None:
        self.number = number
        self.section = section
        self.tally = tally
        self.rng = rng
        self.edits = 0
        self.unseen: set[str] = set()
        self.peers: list[Editor] = []
        self.in_flight = 0.0
        self.answered = asyncio.Event()
        self.cursor: str | None = None
        self.peer: ClientPeer | None = None

    async def open(self, port: int, cookie: str, *, relay: bool) -> None:
        from websockets.asyncio.client import connect

        self.socket = await connect(
            f"ws://127.0.0.1:{port}/ws/sections/{self.section}/",
            additional_headers={"Cookie": f"sessionid={cookie}"},
            origin=f"http://127.0.0.1:{port}",  # type: ignore[arg-type]
            max_size=2**24,
            compression=None,
            # A browser sends no pings of its own; an overloaded server must
            # show in the figures, not end the run.
            ping_interval=None,
        )
        if relay:
            return
        welcome = json.loads(await self.socket.recv())
        if welcome["type"] != "welcome" or not welcome["can_edit"]:
            raise RuntimeError(f"editor {self.number} was refused: {welcome}")
        self.peer = ClientPeer.welcomed(welcome)

    # Typing

    def type_word(self, words: list[str]) -> str:
        tag = f"⁅{self.number}·{self.edits}⁆"
        self.edits += 1
        assert self.peer is not None  # noqa: S101 - the relay editors use relay_word
        text = self.peer.text
        # The first word goes after a random space; each next one follows the
        # last, as a person writing on.
        found = text.find(self.cursor) if self.cursor else -1
        if found >= 0:
            at = min(found + len(tag) + 1, len(text))
        else:
            at = text.find(" ", self.rng.randrange(len(text))) + 1 or len(text)
        self.peer.text = f"{text[:at]}{self.rng.choice(words)}{tag} {text[at:]}"
        self.cursor = tag
        self.tally.type(tag, self.section, len(self.peers))
        for peer in self.peers:
            peer.unseen.add(tag)
        return tag

    def presence(self) -> dict[str, Any]:
        assert self.peer is not None  # noqa: S101
        text = self.peer.text
        head = text.find(self.cursor) + len(self.cursor) if self.cursor else 0
        return {
            "type": "presence",
            "anchor": head,
            "head": head,
            "before": text[max(0, head - CONTEXT) : head],
            "after": text[head : head + CONTEXT],
        }

    async def flush(self) -> None:
        """Send what is new, unless an answer is awaited (then after it)."""
        if self.in_flight or self.peer is None:
            return
        self.in_flight = time.monotonic()
        self.answered.clear()
        await self.socket.send(json.dumps(self.peer.outgoing()))

    def idle(self) -> None:
        """No message awaits an answer any more."""
        self.in_flight = 0.0
        self.answered.set()

    def look(self, inserted: str | None = None) -> None:
        """Note which of the others' words this editor's text now holds.

        ``inserted`` is what the edits just applied inserted: a word arrives
        whole in the insertion that brings it, so only that is searched.
        Searching the whole text for every frame took half of this process's
        time, and this one process stands in for every browser. Without it
        (a welcome) the whole text is searched. The check at the end still
        looks for every word in every copy.
        """
        if not self.unseen or self.peer is None:
            return
        now = time.monotonic()
        where = self.peer.text if inserted is None else inserted
        found = self.unseen.intersection(TAG.findall(where))
        for tag in found:
            self.tally.seen(tag, now)
        self.unseen -= found

    # Frames from the server

    async def listen(self) -> None:
        from websockets.exceptions import ConnectionClosed

        try:
            async for raw in self.socket:
                await self.receive(json.loads(raw))
        except ConnectionClosed:
            return

    async def receive(self, frame: dict[str, Any]) -> None:
        kind = frame["type"]
        if self.peer is None:
            if kind == "relay":
                now = time.monotonic()
                tag = frame["tag"]
                self.unseen.discard(tag)
                self.tally.seen(tag, now)
            return
        if kind == "sync":
            pushed = frame.get("push", False)
            if not pushed:
                self.idle()  # a push is not the answer still awaited
            before = self.peer.remote_seq
            try:
                complete = self.peer.incoming(frame)
            except Resync:
                self.tally.resyncs += 1
                await self.socket.send(json.dumps({"type": "resync"}))
                return
            applied = range(before, self.peer.remote_seq)
            self.look(
                "".join(
                    op
                    for edit in frame["edits"]
                    if edit["seq"] in applied
                    for op in edit["delta"]
                    if isinstance(op, str)
                )
            )
            pending = self.peer.stack or self.peer.text != self.peer.shadow
            if not complete or (pending and not pushed):
                await self.flush()
        elif kind == "welcome" and self.peer.accepts(frame):
            self.tally.resyncs += 1
            self.idle()
            self.peer.rebase(frame)
            self.look()
            await self.flush()
        elif kind == "error":
            self.tally.errors.append(f"{frame['code']}: {frame['detail']}")
            self.idle()
            if frame.get("resync"):
                await self.socket.send(json.dumps({"type": "resync"}))

    # The editor's life

    async def type_for(self, until: float, words: list[str]) -> None:
        loop = asyncio.get_running_loop()
        await asyncio.sleep(self.rng.uniform(0, PERIOD))
        while loop.time() < until:
            if self.peer is None:
                await self.relay_word(words)
                # The browser's presence frame, forwarded like any other.
                await self.socket.send(json.dumps(self.relay_presence()))
            else:
                self.type_word(words)
                if (
                    self.in_flight
                    and time.monotonic() - self.in_flight > ANSWER_TIMEOUT
                ):
                    self.tally.resent += 1
                    self.in_flight = 0.0
                await self.flush()
                await self.socket.send(json.dumps(self.presence()))
            await asyncio.sleep(PERIOD * self.rng.uniform(0.9, 1.1))

    async def relay_word(self, words: list[str]) -> None:
        """The baseline's edit: a frame as large as the live editor's."""
        tag = f"⁅{self.number}·{self.edits}⁆"
        self.edits += 1
        self.tally.type(tag, self.section, len(self.peers))
        word = f"{self.rng.choice(words)}{tag} "
        delta = [self.rng.randrange(SECTION_CHARS), word, SECTION_CHARS]
        frame = {"type": "relay", "tag": tag, "ack": 3, "edits": [{"delta": delta}]}
        await self.socket.send(json.dumps(frame))

    def relay_presence(self) -> dict[str, Any]:
        at = self.rng.randrange(SECTION_CHARS)
        words = "x" * CONTEXT
        return {
            "type": "presence",
            "anchor": at,
            "head": at,
            "before": words,
            "after": words,
        }

    async def settle(self) -> None:
        """Send until the server has everything and this copy has the latest."""
        for _ in range(20):
            try:
                if self.in_flight:
                    await asyncio.wait_for(self.answered.wait(), ANSWER_TIMEOUT)
                await self.flush()
                await asyncio.wait_for(self.answered.wait(), ANSWER_TIMEOUT)
            except TimeoutError:
                # Unanswered: send again, as the browser does.
                self.tally.resent += 1
                self.idle()
                continue
            assert self.peer is not None  # noqa: S101
            if not self.peer.stack and self.peer.text == self.peer.shadow:
                return
