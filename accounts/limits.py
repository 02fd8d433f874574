"""Rate limits on the links anyone may open without an account: a
consultation round's public link and invitation links.

Requests are counted per client address in one-minute windows (settings:
PUBLIC_LINK_REQUESTS_PER_MINUTE, INVITATION_REQUESTS_PER_MINUTE). Over the
limit, the API answers ``429 too_many_requests`` in the one error shape and
pages answer 429 with a page that says to wait; both carry ``Retry-After``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from accounts import ratelimit
from audit.context import request_address
from reportdesk.errors import TooManyRequests

security_log = logging.getLogger("security")

PUBLIC_LINK = "public-link"
INVITATION = "invitation"
LIMIT_SETTINGS = {
    PUBLIC_LINK: "PUBLIC_LINK_REQUESTS_PER_MINUTE",
    INVITATION: "INVITATION_REQUESTS_PER_MINUTE",
}
WINDOW = 60


def check(scope: str, request: Any) -> None:
    """Count one request of ``scope`` from the request's address; raise
    ``TooManyRequests`` once the address is over its limit."""
    key = f"{scope}:{request_address(request) or 'unknown'}"
    if ratelimit.hit(key, getattr(settings, LIMIT_SETTINGS[scope]), WINDOW):
        return
    security_log.warning("%s requests rate-limited for an address", scope)
    raise TooManyRequests(
        _(
            "Too many requests from your address in a short time. Wait a "
            "minute and try again."
        ),
        retry_after=ratelimit.retry_after(key, WINDOW),
    )


def limited(
    scope: str,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Limit a page view: over the limit it answers 429 without running."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def limited_view(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            try:
                check(scope, request)
            except TooManyRequests as err:
                return too_many(request, err.details["retry_after"])
            return view(request, *args, **kwargs)

        return limited_view

    return decorate


def too_many(request: HttpRequest, retry_after: int | None = None) -> HttpResponse:
    response = render(request, "accounts/too_many.html", status=429)
    if retry_after is not None:
        response["Retry-After"] = str(retry_after)
    return response
