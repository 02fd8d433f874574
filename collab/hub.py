"""Each worker process listens once per open section and fans events out itself.

Every change and every cursor move in a section goes to everyone in it. If
each socket were a member of the section's channel-layer group, one event
would be copied, queued and dispatched once per socket: with 50 people in a
section, most of the server's time went there. Instead one listener per
process and section is the group's member; it receives each event once,
moves the process's copy of the section forward, and hands the event to the
process's sockets on that section directly. With several workers, the
channel layer (Redis) still carries each event to every worker.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from typing import TYPE_CHECKING, Any, Protocol

from channels.db import database_sync_to_async
from channels.layers import InMemoryChannelLayer, get_channel_layer

from . import actions
from .mirror import MIRRORS

if TYPE_CHECKING:
    from channels.layers import BaseChannelLayer

logger = logging.getLogger(__name__)

# The shortest gap between two pushes of a section.
PUSH_GATHER = 0.01


class Member(Protocol):
    """What a socket on the section offers the hub."""

    async def section_event(self, event: dict[str, Any]) -> None: ...


class SectionHub:
    def __init__(self, section_id: int, layer: BaseChannelLayer) -> None:
        self.section_id = section_id
        self.group = actions.group_name(section_id)
        self.layer = layer
        self.members: set[Member] = set()
        self.channel = ""
        self.subscribed: asyncio.Future[None] | None = None
        self.listening: asyncio.Task[None] | None = None
        self.pushing: asyncio.Task[None] | None = None
        self.pushed_at = float("-inf")  # when the last push went out (loop time)

    async def join(self, member: Member) -> None:
        """Add ``member``; returns once the process hears the section's events."""
        self.members.add(member)
        if self.subscribed is None:
            self.subscribed = asyncio.ensure_future(self._subscribe())
        await asyncio.shield(self.subscribed)

    async def leave(self, member: Member) -> bool:
        """Drop ``member``; True once nobody in this process is on the section."""
        self.members.discard(member)
        if self.members:
            return False
        if self.pushing is not None:
            self.pushing.cancel()
            self.pushing = None
        if self.listening is not None:
            self.listening.cancel()
            self.listening = None
            await self.layer.group_discard(self.group, self.channel)
        return True

    async def _subscribe(self) -> None:
        self.channel = await self.layer.new_channel()
        await self.layer.group_add(self.group, self.channel)
        if not self.members:  # everyone left meanwhile
            await self.layer.group_discard(self.group, self.channel)
            return
        self.listening = asyncio.create_task(self._listen())

    async def _listen(self) -> None:
        while True:
            await self.take(await self.layer.receive(self.channel))

    async def take(self, event: dict[str, Any]) -> None:
        """Hand ``event`` to this process's sockets on the section."""
        if event.get("type") != "section.changed":
            await self._hand_out(event)
            return
        try:
            await self._follow(event)
        except Exception:
            # The sockets still push from the copy they have; a copy that
            # lags is reloaded on the next change.
            logger.exception("live section %s: copy not moved", self.section_id)
        if self.pushing is None:
            self.pushing = asyncio.create_task(self._push_soon())

    async def _push_soon(self) -> None:
        """Push the section's latest text to every socket, at most once per gap.

        A change of a quiet section goes out at once. One that follows the
        last push within ``PUSH_GATHER`` waits for the rest of that gap, and
        every change arriving meanwhile goes out with it: when a busy section
        changes faster than that, everyone gets fewer, larger pushes instead
        of one per change, and nobody waits for a gathering that gathers
        nothing.
        """
        loop = asyncio.get_running_loop()
        wait = self.pushed_at + PUSH_GATHER - loop.time()
        if wait > 0:
            await asyncio.sleep(wait)
        self.pushing = None
        self.pushed_at = loop.time()
        await self._hand_out({"type": "section.changed"})

    async def _hand_out(self, event: dict[str, Any]) -> None:
        for member in list(self.members):
            try:
                await member.section_event(event)
            except OSError:
                # Its browser went away; the socket is leaving the section.
                logger.debug("live section %s: a socket closed", self.section_id)
            except Exception:
                # A bug: it costs that socket this event, never the others
                # theirs.
                logger.exception(
                    "live section %s: event not delivered to a socket",
                    self.section_id,
                )

    async def _follow(self, event: dict[str, Any]) -> None:
        """Move the process's copy of the section forward, once for everyone."""
        followed = event["delta"] is not None and MIRRORS.follow(
            self.section_id, event["from_version"], event["version"], event["delta"]
        )
        if not followed:
            # A delta we cannot follow, or a write made elsewhere: read it.
            text, version = await database_sync_to_async(actions.current_text)(
                self.section_id
            )
            MIRRORS.offer(self.section_id, text, version)


class Hubs:
    """The hubs of this process, per event loop (tests run several)."""

    def __init__(self) -> None:
        self._loops: weakref.WeakKeyDictionary[
            asyncio.AbstractEventLoop, dict[int, SectionHub]
        ] = weakref.WeakKeyDictionary()

    async def join(self, section_id: int, member: Member) -> None:
        hubs = self._loops.setdefault(asyncio.get_running_loop(), {})
        hub = hubs.get(section_id)
        if hub is None:
            layer = get_channel_layer()
            assert layer is not None  # noqa: S101 - settings always configure one
            hub = hubs[section_id] = SectionHub(section_id, layer)
        await hub.join(member)

    async def publish(self, section_id: int, event: dict[str, Any]) -> None:
        """Send ``event`` to everyone on the section, in every worker.

        The in-memory channel layer serves this one process, and each of its
        group sends scans every channel of the process: there the event goes
        to the process's hub directly.
        """
        layer = get_channel_layer()
        if not isinstance(layer, InMemoryChannelLayer):
            assert layer is not None  # noqa: S101 - settings always configure one
            await layer.group_send(actions.group_name(section_id), event)
            return
        hub = self._loops.get(asyncio.get_running_loop(), {}).get(section_id)
        if hub is not None:
            await hub.take(event)

    async def leave(self, section_id: int, member: Member) -> None:
        hubs = self._loops.get(asyncio.get_running_loop(), {})
        hub = hubs.get(section_id)
        if hub is not None and await hub.leave(member) and hubs.get(section_id) is hub:
            del hubs[section_id]


HUBS = Hubs()
