"""Signed links that work once and expire.

    from accounts import tokens

    token = tokens.make("invite-person", {"email": email, "entity": 3})
    payload = tokens.use(token, "invite-person", max_age=7 * 24 * 3600)

The payload travels inside the token, signed with SECRET_KEY and salted with
the purpose, so a token made for one purpose is refused for another. ``use``
writes the token's digest to ``UsedToken`` in the caller's transaction: a
second use is refused, and if the caller's act rolls back the token stays
good. ``read`` checks a token without spending it (to show a form first).
"""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import UsedToken
from reportdesk.errors import DomainError


class TokenRefused(DomainError):
    code = "token_refused"


def make(purpose: str, payload: dict[str, Any]) -> str:
    body = {"p": payload, "n": secrets.token_urlsafe(16)}
    return signing.dumps(body, salt=_salt(purpose), compress=True)


def read(token: str, purpose: str, *, max_age: int) -> dict[str, Any]:
    """The payload of a good, unexpired, unused token; else ``TokenRefused``."""
    try:
        body = signing.loads(token, salt=_salt(purpose), max_age=max_age)
    except signing.SignatureExpired as err:
        raise TokenRefused(_("This link has expired. Ask for a new one.")) from err
    except signing.BadSignature as err:
        raise TokenRefused(
            _("This link is not valid. Check that it was copied whole.")
        ) from err
    if UsedToken.objects.filter(digest=_digest(token)).exists():
        raise TokenRefused(_("This link has been used already. Ask for a new one."))
    return dict(body["p"])


def use(token: str, purpose: str, *, max_age: int) -> dict[str, Any]:
    """Read the token and spend it. Call inside the act's transaction."""
    payload = read(token, purpose, max_age=max_age)
    try:
        with transaction.atomic():
            UsedToken.objects.create(
                digest=_digest(token), purpose=purpose, used_at=timezone.now()
            )
    except IntegrityError as err:
        # Two requests raced with the same link; the other one won.
        raise TokenRefused(
            _("This link has been used already. Ask for a new one.")
        ) from err
    return payload


def _salt(purpose: str) -> str:
    return f"reportdesk.tokens.{purpose}"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
