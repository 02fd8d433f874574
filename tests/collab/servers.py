"""ASGI servers for tests that need real sockets, on 127.0.0.1 only."""

from __future__ import annotations

import socket
import threading
import time

import uvicorn


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ThreadServer:
    """uvicorn serving the project in a thread of the test process.

    It shares the test database (SQLite in memory included) and, without
    REDIS_URL, the in-memory channel layer. ``restart`` stops it and starts
    a new one on the same port, as a deploy or a crash would.
    """

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        from channels.layers import channel_layers

        from reportdesk.asgi import application

        # The server's loop gets a channel layer of its own, as a new process
        # would: the Redis layer's locks belong to the loop that first used
        # them.
        channel_layers.backends = {}

        config = uvicorn.Config(
            application,
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            lifespan="off",
            ws="websockets-sansio",
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the test server did not start within 10 s")
            time.sleep(0.05)

    def stop(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(10)
        self._server = self._thread = None

    def restart(self) -> None:
        from collab.mirror import MIRRORS

        self.stop()
        # A new process would start with no copies of any section.
        MIRRORS.clear()
        self.start()
