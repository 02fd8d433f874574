"""Password sign-in that refuses a locked user name or address.

The sign-in form says why and for how long before it even asks; this backend
makes the same refusal hold on every other path to ``authenticate`` (the
admin's sign-in page), where a right password must not get through either.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from accounts.lockout import lock_for
from audit.context import request_address


class LockoutModelBackend(ModelBackend):
    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> Any:
        if username and lock_for(username, request_address(request)):
            # PermissionDenied stops Django trying any other backend.
            raise PermissionDenied
        return super().authenticate(request, username, password, **kwargs)
