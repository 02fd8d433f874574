"""Each worker process's copy of the sections its sockets are editing.

Answering a browser needs the section's current text. Reading it from the
database for every answer would cost a query per browser per change, so each
process keeps one copy per open section, moved forward by the deltas that
every committed change broadcasts (``actions.broadcast_change``). A copy that
misses a delta only lags; it is reloaded, and a lagging copy is still a true
past text of the section, which the synchronisation handles like any other.

Beside the copy, each section keeps the hunks of its recent versions
(``history.History``), so that the change from any recent version to the
current one is composed instead of diffed.

The database thread records the changes it commits, and the event loop
follows broadcasts, so every change of a copy holds the lock.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import dataclass, field

from .delta import DeltaMismatch, apply_delta
from .history import History
from .merge import Hunk

# The service's own writes broadcast their change; one that does not (the
# admin site, a data migration) is found by checking copies older than this.
STALE_AFTER = 10.0


@dataclass(slots=True)
class Mirror:
    text: str
    version: int
    checked: float = field(default_factory=time.monotonic)

    @property
    def stale(self) -> bool:
        return time.monotonic() - self.checked > STALE_AFTER


class Mirrors:
    def __init__(self) -> None:
        self._mirrors: dict[int, Mirror] = {}
        self._histories: dict[int, History] = {}
        self._sockets: Counter[int] = Counter()
        self._lock = threading.Lock()

    def attach(self, section_id: int, text: str, version: int) -> Mirror:
        with self._lock:
            self._sockets[section_id] += 1
        return self.offer(section_id, text, version)

    def detach(self, section_id: int) -> None:
        with self._lock:
            self._sockets[section_id] -= 1
            if self._sockets[section_id] <= 0:
                del self._sockets[section_id]
                self._mirrors.pop(section_id, None)
                self._histories.pop(section_id, None)

    def get(self, section_id: int) -> Mirror | None:
        return self._mirrors.get(section_id)

    def offer(
        self,
        section_id: int,
        text: str,
        version: int,
        *,
        hunks: list[Hunk] | None = None,
    ) -> Mirror:
        """Keep ``text`` if it is newer than the copy; return the copy.

        ``hunks``, when given, turn version ``version - 1`` into ``text``.
        """
        with self._lock:
            if hunks is not None and section_id in self._sockets:
                self._history(section_id).record(version, hunks)
            mirror = self._mirrors.get(section_id)
            if mirror is None or version > mirror.version:
                mirror = Mirror(text, version)
                self._mirrors[section_id] = mirror
            elif version == mirror.version:
                mirror.checked = time.monotonic()
            return mirror

    def follow(
        self, section_id: int, from_version: int, version: int, delta: list[object]
    ) -> bool:
        """Move the copy forward by a broadcast delta; False when it must reload."""
        with self._lock:
            mirror = self._mirrors.get(section_id)
            if mirror is None:
                return False
            if mirror.version >= version:
                return True
            if mirror.version != from_version:
                return False
            try:
                text, hunks = apply_delta(mirror.text, delta)
            except DeltaMismatch:
                return False
            if version == from_version + 1:
                self._history(section_id).record(version, hunks)
            self._mirrors[section_id] = Mirror(text, version)
            return True

    def record(self, section_id: int, version: int, hunks: list[Hunk]) -> None:
        """Note how version ``version - 1`` became ``version``, before the commit.

        A version whose transaction then fails leaves hunks that lead nowhere;
        whoever uses the history checks hunks against the text first, and the
        version committed in its place overwrites them.
        """
        with self._lock:
            if section_id in self._sockets:
                self._history(section_id).record(version, hunks)

    def between(
        self, section_id: int, since: int | None, until: int
    ) -> list[Hunk] | None:
        """The hunks from version ``since`` to ``until``; None when not known."""
        history = self._histories.get(section_id)
        return history.between(since, until) if history else None

    def clear(self) -> None:
        """Forget every copy, as a freshly started process."""
        with self._lock:
            self._mirrors.clear()
            self._histories.clear()
            self._sockets.clear()

    def _history(self, section_id: int) -> History:
        history = self._histories.get(section_id)
        if history is None:
            history = self._histories[section_id] = History()
        return history


MIRRORS = Mirrors()
