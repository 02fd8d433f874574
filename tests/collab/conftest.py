"""Sockets on a section of the Slovenian report, opened as a given persona."""

from __future__ import annotations

import asyncio
import functools
import json
import threading
from collections.abc import Callable, Coroutine
from typing import Any

import pytest
from asgiref.testing import ApplicationCommunicator
from channels.layers import channel_layers
from channels.routing import URLRouter

from collab.mirror import MIRRORS
from collab.routing import websocket_urlpatterns
from collab.sync import ClientPeer
from tests.conftest import DATA

SLOVENIA = DATA / "upr_slovenia_cycle4" / "A_HRC_WG.6_48_SVN_1_national_report.txt"


def real_paragraphs(count: int = 6) -> str:
    """Numbered paragraphs of Slovenia's national report, as section text."""
    paragraphs = []
    for line in SLOVENIA.read_text(encoding="utf-8").splitlines():
        head, _, rest = line.strip().partition(". ")
        if head.isdigit() and len(rest) > 80:
            paragraphs.append(rest.strip())
        if len(paragraphs) == count:
            break
    return "\n\n".join(paragraphs)


@pytest.fixture
def section(report):
    intro = report.sections.get(key="upr.A")
    intro.text = real_paragraphs()
    intro.save()
    return intro


@pytest.fixture(autouse=True)
def fresh_mirrors():
    # Each test starts from the database, as a freshly started worker does.
    MIRRORS.clear()
    yield


class WebsocketCommunicator(ApplicationCommunicator):
    """A WebSocket client for an ASGI application, in the test's event loop.

    ``channels.testing`` has one, but importing that package needs daphne,
    which this project does not install; this is the part the tests use.
    """

    def __init__(self, application: Any, path: str) -> None:
        path, _, query = path.partition("?")
        super().__init__(
            application,
            {
                "type": "websocket",
                "path": path,
                "query_string": query.encode(),
                "headers": [],
                "subprotocols": [],
            },
        )

    async def connect(self, timeout: float = 3) -> bool:
        await self.send_input({"type": "websocket.connect"})
        answer = await self.receive_output(timeout)
        return answer["type"] == "websocket.accept"

    async def send_text(self, text: str) -> None:
        await self.send_input({"type": "websocket.receive", "text": text})

    async def send_bytes(self, data: bytes) -> None:
        await self.send_input({"type": "websocket.receive", "bytes": data})

    async def send_json_to(self, data: Any) -> None:
        await self.send_text(json.dumps(data))

    async def receive_json_from(self, timeout: float = 3) -> Any:
        answer = await self.receive_output(timeout)
        if answer["type"] == "websocket.close":
            return {"type": "closed", "code": answer.get("code")}
        return json.loads(answer["text"])

    async def disconnect(self, code: int = 1000, timeout: float = 3) -> None:
        await self.send_input({"type": "websocket.disconnect", "code": code})
        await self.wait(timeout)


class Browser:
    """A socket plus the client half of the synchronisation."""

    def __init__(self, communicator: WebsocketCommunicator) -> None:
        self.socket = communicator
        self.peer: ClientPeer | None = None
        self.frames: list[dict[str, Any]] = []

    async def receive(self, timeout: float = 3) -> dict[str, Any]:
        frame = await self.socket.receive_json_from(timeout=timeout)
        self.frames.append(frame)
        return frame

    async def receive_type(self, kind: str, timeout: float = 3) -> dict[str, Any]:
        while True:
            frame = await self.receive(timeout)
            if frame["type"] == kind:
                return frame

    async def sync(self) -> dict[str, Any]:
        assert self.peer is not None
        await self.socket.send_json_to(self.peer.outgoing())
        while True:
            frame = await self.receive()
            if frame["type"] == "sync":
                self.peer.incoming(frame)
                if frame.get("push"):
                    continue  # someone else's change; the answer is still due
                return frame
            if frame["type"] == "welcome" and self.peer.accepts(frame):
                self.peer.rebase(frame)
                return frame
            if frame["type"] == "error":
                return frame

    async def close(self) -> None:
        await self.socket.disconnect()


async def open_browser(user, section_id: int, *, resume: str | None = None) -> Browser:
    path = f"/ws/sections/{section_id}/"
    if resume:
        path += f"?resume={resume}"
    communicator = WebsocketCommunicator(URLRouter(websocket_urlpatterns), path)
    communicator.scope["user"] = user
    connected = await communicator.connect()
    assert connected
    browser = Browser(communicator)
    first = await browser.receive()
    if first["type"] == "welcome":
        browser.peer = ClientPeer.welcomed(first)
    return browser


def in_own_loop(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async test in a thread with its own event loop.

    The browser tests keep Playwright's loop running in the main thread for
    the whole session, so an async test cannot run its loop there.
    """

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        failure: list[BaseException] = []

        def target() -> None:
            # A channel layer belongs to the loop that first used it (the
            # Redis layer's locks and pools do): each test's loop gets its own.
            channel_layers.backends = {}
            try:
                asyncio.run(test(*args, **kwargs))
            except BaseException as err:  # handed to the test's thread below
                failure.append(err)

        thread = threading.Thread(target=target)
        thread.start()
        thread.join()
        if failure:
            raise failure[0]

    return run
