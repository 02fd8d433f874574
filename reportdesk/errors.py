"""Domain errors, and the one place that turns errors into API answers.

Every API error has one shape: ``{"error": code, "detail": what to do}``,
plus ``fields`` (a message per field) for validation errors and any extra
facts the code carries (``current_version`` for a stale write).
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.db import DataError
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

security_log = logging.getLogger("security")


class DomainError(Exception):
    """An operation the service refuses; ``message`` tells the person what to do."""

    status_code: int = status.HTTP_400_BAD_REQUEST
    code = "invalid"

    def __init__(self, message: Any, **details: Any) -> None:
        super().__init__(str(message))
        self.message = message
        self.details = details


class NotAllowed(DomainError):
    status_code = status.HTTP_403_FORBIDDEN
    code = "not_allowed"


class TooManyRequests(DomainError):
    """Too many requests from one address; ``retry_after`` is in seconds."""

    status_code = status.HTTP_429_TOO_MANY_REQUESTS
    code = "too_many_requests"

    def __init__(self, message: Any, *, retry_after: int) -> None:
        super().__init__(message, retry_after=retry_after)


class StaleWrite(DomainError):
    """The write was based on a version that someone else has since replaced."""

    status_code = status.HTTP_409_CONFLICT
    code = "stale"

    def __init__(self, current_version: int) -> None:
        super().__init__(
            _(
                "Someone saved this in the meantime (now version %(version)s). "
                "Reload it, reapply your change, and save again."
            )
            % {"version": current_version},
            current_version=current_version,
        )


def _log_denial(context: dict[str, Any]) -> None:
    request = context.get("request")
    security_log.warning(
        "denied %s %s for user %s",
        getattr(request, "method", "?"),
        getattr(request, "path", "?"),
        getattr(getattr(request, "user", None), "pk", None),
    )


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DomainError):
        if isinstance(exc, NotAllowed):
            _log_denial(context)
        body = {"error": exc.code, "detail": str(exc.message), **exc.details}
        answer = Response(body, status=exc.status_code)
        if isinstance(exc, TooManyRequests):
            answer["Retry-After"] = str(exc.details["retry_after"])
        return answer
    if isinstance(exc, OverflowError | DataError):
        # A number too large for the database, sent where an id or a count
        # belongs (found by fuzzing): the request is wrong, not the server.
        return Response(
            {
                "error": "invalid",
                "detail": str(_("A number in the request is out of range.")),
            },
            status=status.HTTP_400_BAD_REQUEST,
        )
    if isinstance(exc, RequestDataTooBig):
        return Response(
            {"error": "too_large", "detail": str(_("The request is too large."))},
            status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
        )
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        response.data = {
            "error": "invalid",
            "detail": str(_("Some fields need fixing; see fields.")),
            "fields": response.data,
        }
    elif isinstance(exc, exceptions.APIException):
        detail = (
            response.data.get("detail", "") if isinstance(response.data, dict) else ""
        )
        codes = exc.get_codes()
        code = codes if isinstance(codes, str) else "error"
        response.data = {"error": code, "detail": str(detail)}
        if isinstance(exc, exceptions.PermissionDenied | exceptions.NotAuthenticated):
            _log_denial(context)
    return response


def api_not_found(request: HttpRequest, path: str = "") -> JsonResponse:
    """Any /api/ address that names no endpoint answers in the API's shape."""
    return JsonResponse(
        {"error": "not_found", "detail": str(_("There is no such API address."))},
        status=404,
    )
