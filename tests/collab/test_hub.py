"""One listener per process and section hands each event to every socket on
the section in this process, once, and a socket that fails costs only itself."""

from __future__ import annotations

import asyncio

from channels.layers import get_channel_layer

from collab.actions import group_name
from collab.hub import HUBS
from tests.collab.conftest import in_own_loop


class Socket:
    def __init__(self, *, broken: bool = False) -> None:
        self.events: list[dict] = []
        self.broken = broken

    async def section_event(self, event: dict) -> None:
        if self.broken:
            raise RuntimeError("a bug in one socket")
        self.events.append(event)


async def _until(condition, seconds: float = 3.0) -> None:
    """Wait for the channel layer (in memory or Redis) to deliver."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not condition() and loop.time() < deadline:
        await asyncio.sleep(0.01)


@in_own_loop
async def test_each_socket_gets_each_event_once_even_beside_a_broken_one():
    first, broken, last = Socket(), Socket(broken=True), Socket()
    for socket in (first, broken, last):
        await HUBS.join(4242, socket)

    layer = get_channel_layer()
    await layer.group_send(group_name(4242), {"type": "presence.left", "from": "x"})
    await _until(lambda: first.events and last.events)

    assert first.events == last.events == [{"type": "presence.left", "from": "x"}]
    for socket in (first, broken, last):
        await HUBS.leave(4242, socket)


@in_own_loop
async def test_the_process_leaves_the_group_when_its_last_socket_leaves():
    gone, later = Socket(), Socket()
    await HUBS.join(4243, gone)
    await HUBS.leave(4243, gone)
    layer = get_channel_layer()
    await layer.group_send(group_name(4243), {"type": "presence.left", "from": "x"})

    await HUBS.join(4243, later)
    await layer.group_send(group_name(4243), {"type": "presence.left", "from": "y"})
    await _until(lambda: later.events)

    assert gone.events == []
    assert later.events == [{"type": "presence.left", "from": "y"}]
    await HUBS.leave(4243, later)
