"""One listener per process and section hands each event to every socket on
the section in this process, once, and a socket that fails costs only itself."""

from __future__ import annotations

import asyncio

from channels.layers import get_channel_layer

from collab.actions import group_name
from collab.hub import HUBS, SectionHub
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


@in_own_loop
async def test_a_quiet_section_is_pushed_at_once_and_quick_changes_together(
    monkeypatch,
):
    hub = SectionHub(4244, get_channel_layer())

    async def follow(event: dict) -> None:
        """The copy of the section is not what this test is about."""

    monkeypatch.setattr(hub, "_follow", follow)
    # A gap long enough that a busy test machine cannot outlast it by chance.
    monkeypatch.setattr("collab.hub.PUSH_GATHER", 0.3)
    socket = Socket()
    hub.members.add(socket)
    changed = {"type": "section.changed"}

    await hub.take(changed)
    await _turns(3)
    assert socket.events == [changed]  # no waiting in a quiet section

    await hub.take(changed)
    await hub.take(changed)
    await _turns(3)
    assert socket.events == [changed]  # within the gap: these two wait
    await _until(lambda: len(socket.events) == 2, seconds=1)
    assert socket.events == [changed, changed]
    assert hub.pushing is None  # the two went out in one push


async def _turns(count: int) -> None:
    """Let the event loop run a few rounds, without letting time pass."""
    for _ in range(count):
        await asyncio.sleep(0)
