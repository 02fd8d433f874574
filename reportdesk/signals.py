"""Sign-in events go to the security log and the audit trail: who signed in,
who failed, from where. Failures count towards the lock-out."""

from __future__ import annotations

import logging
from typing import Any

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from accounts import lockout
from audit import Verb, record
from audit.context import request_address

security_log = logging.getLogger("security")


def _address(request: HttpRequest | None) -> str:
    return request.META.get("REMOTE_ADDR", "?") if request is not None else "?"


@receiver(user_logged_in)
def log_sign_in(
    sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any
) -> None:
    security_log.info("sign-in user %s from %s", user.pk, _address(request))
    record(user, Verb.SIGN_IN, target=user, request=request)


@receiver(user_login_failed)
def log_failed_sign_in(
    sender: Any,
    credentials: dict[str, Any],
    request: HttpRequest | None = None,
    **kwargs: Any,
) -> None:
    # The user name is logged so repeated attempts on one account show up;
    # the password never is (Django has already masked it).
    username = str(credentials.get("username") or "")
    security_log.warning("failed sign-in for %r from %s", username, _address(request))
    locked = lockout.count_failure(username, request_address(request))
    record(
        None,
        Verb.LOCKED_OUT if locked else Verb.SIGN_IN_FAILED,
        target=("auth.user", username[:64]),
        details={"username": username[:150]},
        request=request,
    )
