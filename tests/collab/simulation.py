"""A server and many browsers joined by a network that misbehaves on demand.

The server here is the consumer's logic without the socket: a ``ServerPeer``
per connection, the section text as the truth, the hunks of each version (as
the worker's ``MIRRORS`` keeps them, so merges and answers use them instead
of diffs), and how many edits each session has had applied (what
``SyncSession`` keeps in the database). Every message goes through queues
that the test can drop, duplicate or reorder.
"""

from __future__ import annotations

import copy
import itertools
import uuid
from dataclasses import dataclass, field
from typing import Any

from collab.history import History
from collab.merge import Differ, Hunk
from collab.sync import (
    ClientPeer,
    Edit,
    Resync,
    ServerPeer,
    Step,
    Waiting,
    merge_batch,
)

Message = dict[str, Any]


@dataclass
class Connection:
    peer: ServerPeer
    session: str


@dataclass
class Client:
    name: str
    peer: ClientPeer
    up: list[Message] = field(default_factory=list)
    down: list[Message] = field(default_factory=list)
    connected: bool = True


class Simulation:
    def __init__(self, text: str, clients: int) -> None:
        self.differ = Differ()
        self.truth = text
        self.version = 1
        self.history = History()
        self.applied: dict[str, int] = {}
        self.connections: dict[str, Connection] = {}
        self.clients: list[Client] = []
        self.acknowledged: set[str] = set()
        self.resyncs = 0
        self.asks = 0  # pushes that skipped a number, so the browser asked
        for number in range(clients):
            client = Client(f"c{number}", peer=None)  # type: ignore[arg-type]
            welcome = self._welcome(client.name, resumed=None, applied=0)
            client.peer = ClientPeer.welcomed(welcome)
            self.clients.append(client)

    # Server side

    def _welcome(self, name: str, *, resumed: str | None, applied: int) -> Message:
        session = str(uuid.uuid4())
        self.connections[name] = Connection(
            ServerPeer(self.truth, self.differ, self.version), session
        )
        return {
            "type": "welcome",
            "session": session,
            "resumed": resumed,
            "applied": applied,
            "text": self.truth,
            "version": self.version,
        }

    def serve(self, client: Client, message: Message) -> None:
        self.serve_together([(client, message)])

    def serve_together(self, arrived: list[tuple[Client, Message]]) -> None:
        """Messages from several browsers, written in one transaction (as the
        worker batches the edits that wait for a section), then answered;
        every other browser is pushed the change."""
        steps: list[tuple[Client, Connection, Step]] = []
        for client, message in arrived:
            connection = self.connections[client.name]
            if message["type"] == "resync":
                self._restart(client, connection)
                continue
            if message.get("session", connection.session) != connection.session:
                continue  # from before the last welcome, as the consumer drops it
            edits = [Edit(e["seq"], e["base"], e["delta"]) for e in message["edits"]]
            try:
                step = connection.peer.receive(message["ack"], edits)
            except Resync:
                self._restart(client, connection)
                continue
            steps.append((client, connection, step))
        writing = [item for item in steps if item[2].changes]
        batch = merge_batch(
            self.truth,
            [
                Waiting(
                    step.changes,
                    self.history.between(step.base_version, self.version),
                )
                for _, _, step in writing
            ],
            self.differ,
        )
        changed = batch.text != self.truth
        if changed:
            self.truth = batch.text
            self.version += 1
            self.history.record(self.version, batch.hunks)
        tails = {
            id(step): tail
            for (_, _, step), tail in zip(writing, batch.tails, strict=True)
        }
        for client, connection, step in steps:
            if step.changes:
                self.applied[connection.session] = step.remote_seq
                hunks: list[Hunk] | None = tails[id(step)]
            else:
                hunks = self.history.between(step.base_version, self.version)
            connection.peer.accept(step)
            reply = connection.peer.reply(self.truth, self.version, hunks)
            self._down(client, connection, reply)
        if changed:
            self.push_all(skip={client.name for client, _, _ in writing})

    def push_all(self, *, skip: set[str]) -> None:
        """The consumer's push: every other socket is sent the change at once."""
        for client in self.clients:
            connection = self.connections.get(client.name)
            if client.name in skip or connection is None or not client.connected:
                continue
            peer = connection.peer
            hunks = self.history.between(peer.shadow_version, self.version)
            pushed = peer.push(self.truth, self.version, hunks)
            if pushed is not None:
                self._down(client, connection, pushed)

    def _down(self, client: Client, connection: Connection, body: Message) -> None:
        client.down.append(
            {
                "type": "sync",
                "session": connection.session,
                "version": self.version,
                **copy.deepcopy(body),
            }
        )

    def _restart(self, client: Client, connection: Connection) -> None:
        self.resyncs += 1
        applied = connection.peer.remote_seq
        client.down.append(
            self._welcome(client.name, resumed=connection.session, applied=applied)
        )

    def restart_server(self) -> None:
        """Every worker stops: sockets and peers are lost, the database stays."""
        for client in self.clients:
            self.disconnect(client)
        self.connections.clear()

    # Network

    def disconnect(self, client: Client) -> None:
        client.up.clear()
        client.down.clear()
        client.connected = False

    def reconnect(self, client: Client) -> None:
        old = client.peer.session
        welcome = self._welcome(
            client.name, resumed=old, applied=self.applied.get(old, 0)
        )
        client.peer.rebase(welcome)
        client.connected = True

    def send(self, client: Client) -> None:
        if client.connected:
            client.up.append(copy.deepcopy(client.peer.outgoing()))

    def deliver_up(self, client: Client, index: int, *, keep: bool = False) -> None:
        if client.up:
            index %= len(client.up)
            message = client.up[index] if keep else client.up.pop(index)
            self.serve(client, copy.deepcopy(message))

    def deliver_together(self, clients: list[Client]) -> None:
        """The first waiting message of each of these browsers, in one batch."""
        arrived = [(client, client.up.pop(0)) for client in clients if client.up]
        self.serve_together([(client, copy.deepcopy(m)) for client, m in arrived])

    def deliver_down(self, client: Client, index: int, *, keep: bool = False) -> None:
        if not client.down:
            return
        index %= len(client.down)
        message = client.down[index] if keep else client.down.pop(index)
        message = copy.deepcopy(message)
        if message["type"] == "welcome":
            if client.peer.accepts(message):
                client.peer.rebase(message)
            return
        try:
            complete = client.peer.incoming(message)
        except Resync:
            client.up.append({"type": "resync"})
            return
        if not complete:
            self.asks += 1
            self.send(client)  # a push was missed: ask, as the browser does

    def drop(self, queue: list[Message], index: int) -> None:
        if queue:
            queue.pop(index % len(queue))

    def drain(self) -> None:
        """Deliver every message on its way, in order, until none is left."""
        while any(client.up or client.down for client in self.clients):
            for client in self.clients:
                if client.up:
                    self.deliver_up(client, 0)
                if client.down:
                    self.deliver_down(client, 0)

    def settle(self, rounds: int = 12) -> None:
        """Heal the network and let everyone sync until nothing moves."""
        for client in self.clients:
            if not client.connected:
                self.reconnect(client)
            client.up.clear()
            client.down.clear()
        for _ in range(rounds):
            for client, _pass in itertools.product(self.clients, range(2)):
                self.send(client)
                while client.up or client.down:
                    if client.up:
                        self.deliver_up(client, 0)
                    if client.down:
                        self.deliver_down(client, 0)
            if self.settled():
                return

    def settled(self) -> bool:
        return all(
            c.peer.text == self.truth and c.peer.shadow == self.truth
            for c in self.clients
        )
