"""Domain errors, and the one place that turns them into HTTP answers."""

from __future__ import annotations

import logging
from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import status
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


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DomainError):
        if isinstance(exc, NotAllowed):
            request = context.get("request")
            security_log.warning(
                "denied %s %s for user %s",
                getattr(request, "method", "?"),
                getattr(request, "path", "?"),
                getattr(getattr(request, "user", None), "pk", None),
            )
        body = {"error": exc.code, "detail": str(exc.message), **exc.details}
        return Response(body, status=exc.status_code)
    return exception_handler(exc, context)
