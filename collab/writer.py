"""Each worker process writes the edits waiting for its sections together.

A section's edits are written one after another under its row lock. When
many people type at once, a transaction per edit would each wait for the one
before, and the queue would grow faster than it drains. So a process writes
one batch at a time; the edits that arrive meanwhile, in every section,
wait, and the next transaction writes all of them
(``actions.do_apply_batches``) in a fixed number of queries. The service
then takes as many edits a second as people send, at one transaction per
round trip to the database instead of one per edit. Across processes the
row locks still order the batches, and a batch passes over a section that
another process is writing at that moment and writes it in its next round
(``patient`` in ``do_apply_batches``), rather than wait for the other's
whole batch.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from typing import Any

from channels.db import database_sync_to_async
from django.db import connection

from . import actions
from .actions import Applied, EditsToWrite
from .hub import HUBS
from .merge import Differ

logger = logging.getLogger(__name__)


def in_database_thread(func: Any) -> Any:
    """``func`` in a thread of its own where the database has row locks.

    By default every database call of the process runs in one thread, so a
    section's edits would wait for every other section's. PostgreSQL orders
    the edits of one section by its row lock, so there they run side by
    side; SQLite takes one writer at a time anyway, and keeps the one thread.
    """
    shared = connection.vendor == "sqlite"
    return database_sync_to_async(func, thread_sensitive=shared)


class Announcer:
    """Hands the events of committed writes to the event loop, in order.

    The database thread calls it on commit and goes on at once; waiting for
    the loop to send (``async_to_sync``) held every write of the section up
    for as long as the loop was busy.
    """

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.queue: asyncio.Queue[tuple[int, dict[str, Any]]] = asyncio.Queue()
        self.sending = loop.create_task(self._send_in_order())

    def __call__(self, section_id: int, event: dict[str, Any]) -> None:
        self.loop.call_soon_threadsafe(self.queue.put_nowait, (section_id, event))

    async def _send_in_order(self) -> None:
        while True:
            section_id, event = await self.queue.get()
            try:
                await HUBS.publish(section_id, event)
            except Exception:
                logger.exception("live section %s: event not sent", section_id)


class _LoopWriter:
    """The edits waiting in one event loop, by section, and the write under way."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.waiting: dict[int, list[tuple[EditsToWrite, asyncio.Future[Applied]]]]
        self.waiting = {}
        self.writing: asyncio.Task[None] | None = None
        # Sections whose edits were left for the next round because another
        # worker was writing them: the next round waits for them.
        self.patient: set[int] = set()
        self.differ = Differ()
        self.announce = Announcer(loop)

    async def drain(self) -> None:
        try:
            while self.waiting:
                batches, self.waiting = self.waiting, {}
                try:
                    results = await in_database_thread(actions.do_apply_batches)(
                        {
                            section_id: [edits for edits, _ in batch]
                            for section_id, batch in batches.items()
                        },
                        differ=self.differ,
                        send=self.announce,
                        patient=set(self.patient),
                    )
                except Exception as err:
                    results = {
                        section_id: [err] * len(batch)
                        for section_id, batch in batches.items()
                    }
                self._offer_again(batches, results)
                for section_id, batch in batches.items():
                    if section_id not in results:
                        continue
                    for (_, future), result in zip(
                        batch, results[section_id], strict=True
                    ):
                        if future.done():
                            continue  # its socket closed meanwhile
                        if isinstance(result, BaseException):
                            future.set_exception(result)
                        else:
                            future.set_result(result)
        finally:
            self.writing = None

    def _offer_again(
        self,
        batches: dict[int, list[tuple[EditsToWrite, asyncio.Future[Applied]]]],
        results: dict[int, Any],
    ) -> None:
        """Put the edits of sections left out of the write first in line again."""
        for section_id, batch in batches.items():
            if section_id in results:
                self.patient.discard(section_id)
                continue
            self.patient.add(section_id)
            self.waiting[section_id] = batch + self.waiting.get(section_id, [])


class Writers:
    """The edits this process is writing, per event loop (tests run several)."""

    def __init__(self) -> None:
        self._loops: weakref.WeakKeyDictionary[
            asyncio.AbstractEventLoop, _LoopWriter
        ] = weakref.WeakKeyDictionary()

    async def write(self, section_id: int, edits: EditsToWrite) -> Applied:
        """Write ``edits`` with whatever else waits, in this section or others.

        Raises the ``DomainError`` that refused these edits. A caller that
        is cancelled (its socket closed) leaves its edits in the batch: they
        are kept, and the browser learns so when it resumes.
        """
        loop = asyncio.get_running_loop()
        writer = self._loops.get(loop)
        if writer is None:
            writer = self._loops[loop] = _LoopWriter(loop)
        future: asyncio.Future[Applied] = loop.create_future()
        writer.waiting.setdefault(section_id, []).append((edits, future))
        if writer.writing is None:
            writer.writing = loop.create_task(writer.drain())
        return await future


WRITERS = Writers()
