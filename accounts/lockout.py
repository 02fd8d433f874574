"""Lock-out after repeated failed sign-ins, per account and per address.

Five failures for one user name within fifteen minutes lock that name; more
failures from one address (settings: SIGNIN_FAILURES_PER_ADDRESS, higher
because a ministry's whole office may share one address) lock the address.
Failed second-factor codes count like failed passwords.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from accounts import ratelimit


def _limits() -> tuple[int, int, int]:
    return (
        getattr(settings, "SIGNIN_FAILURES_PER_ACCOUNT", 5),
        getattr(settings, "SIGNIN_FAILURES_PER_ADDRESS", 20),
        getattr(settings, "SIGNIN_LOCKOUT_SECONDS", 15 * 60),
    )


def _keys(username: str, address: str | None) -> list[tuple[str, int]]:
    per_account, per_address, _window = _limits()
    keys = [(f"signin:account:{username.strip().lower()}", per_account)]
    if address:
        keys.append((f"signin:address:{address}", per_address))
    return keys


@dataclass(frozen=True)
class Lock:
    seconds: int

    @property
    def minutes(self) -> int:
        return max(1, -(-self.seconds // 60))


def lock_for(username: str, address: str | None) -> Lock | None:
    """The lock on this user name or address, or None when they may try."""
    window = _limits()[2]
    for key, limit in _keys(username, address):
        if ratelimit.exceeded(key, limit, window):
            return Lock(ratelimit.retry_after(key, window))
    return None


def count_failure(username: str, address: str | None) -> bool:
    """Count one failure; True when it has just locked the name or address."""
    window = _limits()[2]
    locked = False
    for key, limit in _keys(username, address):
        ratelimit.hit(key, limit, window)
        locked = locked or ratelimit.exceeded(key, limit, window)
    return locked


def clear(username: str) -> None:
    """A successful sign-in forgives the account's earlier failures."""
    window = _limits()[2]
    key, _limit = _keys(username, None)[0]
    ratelimit.reset(key, window)
