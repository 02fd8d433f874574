"""A browser stand-in over a real WebSocket: ``ClientPeer`` plus a socket.

Used by the two-worker test.
"""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

from websockets.asyncio.client import ClientConnection, connect

from collab.sync import ClientPeer, Resync


class LiveClient:
    def __init__(self, socket: ClientConnection, peer: ClientPeer) -> None:
        self.socket = socket
        self.peer = peer
        # When each push (a change made by someone else) arrived, by version.
        self.pushes: list[tuple[int, float]] = []

    @classmethod
    async def open(cls, port: int, cookie: str, section_id: int) -> LiveClient:
        socket = await connect(
            f"ws://127.0.0.1:{port}/ws/sections/{section_id}/",
            additional_headers={"Cookie": f"sessionid={cookie}"},
            origin=f"http://127.0.0.1:{port}",  # type: ignore[arg-type]
            max_size=2**24,
        )
        welcome = json.loads(await socket.recv())
        if welcome["type"] != "welcome":
            raise RuntimeError(f"refused: {welcome}")
        return cls(socket, ClientPeer.welcomed(welcome))

    def type_at(self, position: int, words: str) -> None:
        text = self.peer.text
        at = position % (len(text) + 1)
        self.peer.text = text[:at] + words + text[at:]

    async def sync(self, timeout: float = 10) -> dict[str, Any]:
        await self.socket.send(json.dumps(self.peer.outgoing()))
        deadline = time.monotonic() + timeout
        while True:
            frame = json.loads(
                await asyncio.wait_for(self.socket.recv(), deadline - time.monotonic())
            )
            if frame["type"] == "sync":
                try:
                    self.peer.incoming(frame)
                except Resync:
                    await self.socket.send(json.dumps({"type": "resync"}))
                    continue
                if frame.get("push"):
                    self.pushes.append((frame["version"], time.monotonic()))
                    continue  # the answer to what we sent is still due
                return frame
            elif frame["type"] == "welcome" and self.peer.accepts(frame):
                self.peer.rebase(frame)
                return frame
            elif frame["type"] == "error":
                raise RuntimeError(frame["detail"])

    async def settle(self, *others: LiveClient, rounds: int = 20) -> None:
        everyone = (self, *others)
        for _ in range(rounds):
            for client in everyone:
                await client.sync()
            texts = {client.peer.text for client in everyone}
            if len(texts) == 1 and all(not c.peer.stack for c in everyone):
                return
            await asyncio.sleep(0.05)

    async def close(self) -> None:
        await self.socket.close()
