"""The request being served, for events recorded far from the view.

Actions do not take the request, yet their events should carry the address
it came from; signal receivers (a membership saved in the admin) do not even
know who acted. ``AuditMiddleware`` puts the request here for its duration.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.http import HttpRequest

current_request: ContextVar[HttpRequest | None] = ContextVar(
    "audit_current_request", default=None
)


def request_address(request: object | None) -> str | None:
    """The client's address. Behind a proxy, run uvicorn with
    ``--proxy-headers --forwarded-allow-ips`` so this is the real client."""
    meta = getattr(request, "META", None)
    if not meta:
        return None
    return meta.get("REMOTE_ADDR") or None
