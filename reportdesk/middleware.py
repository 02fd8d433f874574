"""Hardening that applies to every answer: security headers and a content
security policy, a cap on request size, and only GET and POST for pages."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db import DataError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from reportdesk.errors import api_not_found

security_log = logging.getLogger("security")

# No inline script anywhere: pages load their code from /static/. The one
# inline style is the live editor's (CodeMirror writes its rules into a
# <style> element), let in by a nonce made afresh for each answer and given
# to the page in <meta name="csp-nonce">. The socket is on the same host.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'nonce-{nonce}'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self' {sockets}; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
PAGE_METHODS = {"GET", "HEAD", "POST", "OPTIONS"}


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        nonce = secrets.token_urlsafe(18)
        request.csp_nonce = nonce  # type: ignore[attr-defined]
        response = self.get_response(request)
        scheme = "wss" if request.is_secure() else "ws"
        try:
            sockets = f"{scheme}://{request.get_host()}"
        except DisallowedHost:
            sockets = ""  # answered with 400 already; no socket for it
        response.headers.setdefault(
            "Content-Security-Policy",
            CONTENT_SECURITY_POLICY.format(nonce=nonce, sockets=sockets),
        )
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


class RequestLimitsMiddleware:
    """Refuses, before anything reads it, a body larger than MAX_REQUEST_BYTES
    (file uploads included, which DATA_UPLOAD_MAX_MEMORY_SIZE does not cover),
    and methods other than GET and POST on pages (forms send nothing else;
    the API keeps PUT, PATCH and DELETE)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        api = request.path.startswith("/api/")
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_REQUEST_BYTES:
            security_log.warning(
                "refused a request of %s bytes to %s", length, request.path
            )
            message = _("The request is too large (at most %(megabytes)s MB).") % {
                "megabytes": settings.MAX_REQUEST_BYTES // (1024 * 1024)
            }
            if api:
                return JsonResponse(
                    {"error": "too_large", "detail": message}, status=413
                )
            return HttpResponse(message, status=413, content_type="text/plain")
        if "\x00" in request.path or "%00" in request.META.get("QUERY_STRING", ""):
            # No name, number or filter holds a NUL character, so the address
            # names nothing; PostgreSQL would refuse it in a query anyway
            # (found by fuzzing the API).
            if api:
                return api_not_found(request)
            return _no_such_page()
        if not api and request.method not in PAGE_METHODS:
            return HttpResponse(
                status=405, headers={"Allow": ", ".join(sorted(PAGE_METHODS))}
            )
        return self.get_response(request)

    def process_exception(
        self, request: HttpRequest, exception: Exception
    ) -> HttpResponse | None:
        # An address like /sections/99999999999999999999999/ names no object;
        # the database cannot even hold the number.
        if isinstance(exception, OverflowError | DataError):
            return _no_such_page()
        return None


def _no_such_page() -> HttpResponse:
    return HttpResponse(
        _("There is no such page."), status=404, content_type="text/plain"
    )
