"""A small rate limiter on Django's cache, for sign-in and public links.

    from accounts import ratelimit

    if not ratelimit.hit(f"public-link:{address}", limit=60, window=60):
        ...  # refuse; ratelimit.retry_after(key, window) says for how long

Counts are kept per fixed window (``window`` seconds, aligned on the clock)
with the cache's atomic increment, so several workers sharing Redis count
together. A burst that straddles two windows can reach twice the limit; for
lock-out and for slowing a crawler that is close enough. With the default
in-memory cache each worker process counts for itself (settings: CACHES).
"""

from __future__ import annotations

import time

from django.core.cache import cache

# Tests replace this to move the clock; never sleep.
now = time.time


def _window_key(key: str, window: int) -> str:
    return f"ratelimit:{key}:{window}:{int(now() // window)}"


def hit(key: str, limit: int, window: int) -> bool:
    """Count one event for ``key``; True while at most ``limit`` events fell
    in the current window of ``window`` seconds, False once over it."""
    name = _window_key(key, window)
    # add() does nothing if the counter exists; incr() is atomic.
    cache.add(name, 0, timeout=window + 1)
    try:
        count = cache.incr(name)
    except ValueError:
        # The counter expired between add() and incr(): this is the first.
        cache.set(name, 1, timeout=window + 1)
        count = 1
    return count <= limit


def count(key: str, window: int) -> int:
    """Events counted for ``key`` in the current window, without adding one."""
    return int(cache.get(_window_key(key, window), 0))


def exceeded(key: str, limit: int, window: int) -> bool:
    """Whether ``key`` has used up its ``limit``; counts nothing."""
    return count(key, window) >= limit


def retry_after(key: str, window: int) -> int:
    """Seconds until the current window ends and counting starts afresh."""
    return max(1, int(window - now() % window))


def reset(key: str, window: int) -> None:
    cache.delete(_window_key(key, window))
