"""Each worker process writes the waiting edits of a section together.

A section's edits are written one after another under its row lock. When
many people type in one section, each edit's transaction would wait for the
one before, and the queue would grow faster than it drains. So a process
writes at most one batch per section at a time; the edits that arrive
meanwhile wait, and the next transaction writes all of them
(``actions.do_apply_batch``). A busy section then takes as many edits a
second as its people send, at one transaction per round trip to the
database instead of one per edit. Across processes the row lock still
orders the batches.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from dataclasses import dataclass, field
from typing import Any

from channels.db import database_sync_to_async
from django.db import connection

from . import actions
from .actions import Applied, EditsToWrite
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


@dataclass
class _Section:
    waiting: list[tuple[EditsToWrite, asyncio.Future[Applied]]] = field(
        default_factory=list
    )
    writing: asyncio.Task[None] | None = None
    differ: Differ = field(default_factory=Differ)


class Writers:
    """The sections this process is writing, per event loop (tests run several)."""

    def __init__(self) -> None:
        self._loops: weakref.WeakKeyDictionary[
            asyncio.AbstractEventLoop, dict[int, _Section]
        ] = weakref.WeakKeyDictionary()

    async def write(self, section_id: int, edits: EditsToWrite) -> Applied:
        """Write ``edits`` with whatever else waits for the section.

        Raises the ``DomainError`` that refused these edits. A caller that
        is cancelled (its socket closed) leaves its edits in the batch: they
        are kept, and the browser learns so when it resumes.
        """
        loop = asyncio.get_running_loop()
        sections = self._loops.setdefault(loop, {})
        section = sections.setdefault(section_id, _Section())
        future: asyncio.Future[Applied] = loop.create_future()
        section.waiting.append((edits, future))
        if section.writing is None:
            section.writing = loop.create_task(self._drain(section_id, section))
        return await future

    async def _drain(self, section_id: int, section: _Section) -> None:
        try:
            while section.waiting:
                batch, section.waiting = section.waiting, []
                try:
                    results = await in_database_thread(actions.do_apply_batch)(
                        section_id,
                        [edits for edits, _ in batch],
                        differ=section.differ,
                    )
                except Exception as err:
                    results = [err] * len(batch)
                for (_, future), result in zip(batch, results, strict=True):
                    if future.done():
                        continue  # its socket closed meanwhile
                    if isinstance(result, BaseException):
                        future.set_exception(result)
                    else:
                        future.set_result(result)
        finally:
            section.writing = None
            sections = self._loops.get(asyncio.get_running_loop(), {})
            if not section.waiting and sections.get(section_id) is section:
                del sections[section_id]


WRITERS = Writers()
