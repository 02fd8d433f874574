"""accounts.ratelimit: counts per window, refuses over the limit, starts afresh."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from accounts import ratelimit


@pytest.fixture
def clock(monkeypatch):
    now = {"t": 1_700_000_000.0}
    monkeypatch.setattr(ratelimit, "now", lambda: now["t"])
    cache.clear()
    return now


def test_hits_up_to_the_limit_pass_and_the_next_is_refused(clock):
    results = [ratelimit.hit("public-link:192.0.2.1", 3, 60) for _ in range(4)]

    assert results == [True, True, True, False]
    assert ratelimit.exceeded("public-link:192.0.2.1", 3, 60)


def test_a_new_window_starts_counting_afresh(clock):
    for _ in range(4):
        ratelimit.hit("k", 3, 60)
    wait = ratelimit.retry_after("k", 60)

    clock["t"] += wait

    assert ratelimit.hit("k", 3, 60) is True
    assert ratelimit.count("k", 60) == 1


def test_keys_are_counted_apart(clock):
    for _ in range(3):
        ratelimit.hit("a", 3, 60)

    assert ratelimit.hit("b", 3, 60) is True
    assert not ratelimit.exceeded("b", 3, 60)


def test_retry_after_says_how_long_is_left_in_the_window(clock):
    clock["t"] = 28_333_334 * 60 + 40.0  # 40 s into a window aligned on the clock

    assert ratelimit.retry_after("k", 60) == 20


def test_reset_forgets_the_count(clock):
    ratelimit.hit("k", 1, 60)
    ratelimit.reset("k", 60)

    assert ratelimit.count("k", 60) == 0
