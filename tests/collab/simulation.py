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
from collab.sync import ClientPeer, Resync, ServerPeer, merge_into

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
        connection = self.connections[client.name]
        if message["type"] == "resync":
            self._restart(client, connection)
            return
        from collab.sync import Edit

        if message.get("session", connection.session) != connection.session:
            return  # from before the last welcome, as the consumer drops it
        edits = [Edit(e["seq"], e["base"], e["delta"]) for e in message["edits"]]
        try:
            step = connection.peer.receive(message["ack"], edits)
        except Resync:
            self._restart(client, connection)
            return
        if step.changes:
            since = self.history.between(step.base_version, self.version)
            merged = merge_into(self.truth, step.changes, self.differ, since=since)
            if merged.text != self.truth:
                self.truth = merged.text
                self.version += 1
                self.history.record(self.version, merged.hunks)
            self.applied[connection.session] = step.remote_seq
            hunks: list[Hunk] | None = merged.tail
        else:
            hunks = self.history.between(step.base_version, self.version)
        connection.peer.accept(step)
        reply = connection.peer.reply(self.truth, self.version, hunks)
        client.down.append(
            {
                "type": "sync",
                "session": connection.session,
                "version": self.version,
                **copy.deepcopy(reply),
            }
        )

    def _restart(self, client: Client, connection: Connection) -> None:
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
            client.peer.incoming(message)
        except Resync:
            client.up.append({"type": "resync"})

    def drop(self, queue: list[Message], index: int) -> None:
        if queue:
            queue.pop(index % len(queue))

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
