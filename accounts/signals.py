"""Session bookkeeping at sign-in, and ending sessions when a person is
deactivated by any path (the people page, the admin, the shell)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils import timezone

from accounts import lockout
from accounts.sessions import end_sessions
from audit import Verb, record

SIGNED_IN_AT = "accounts.signed_in_at"
SEEN_AT = "accounts.seen_at"


@receiver(user_logged_in)
def start_session_clock(
    sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any
) -> None:
    lockout.clear(user.get_username())
    if request is not None and hasattr(request, "session"):
        now = timezone.now().timestamp()
        request.session[SIGNED_IN_AT] = now
        request.session[SEEN_AT] = now


@receiver(user_logged_out)
def record_sign_out(
    sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any
) -> None:
    if user is not None:
        record(user, Verb.SIGN_OUT, target=user, request=request)


@receiver(pre_save, sender=get_user_model())
def remember_was_active(
    sender: Any, instance: Any, update_fields: Any = None, **kwargs: Any
) -> None:
    if update_fields is not None and "is_active" not in update_fields:
        instance._was_active = None  # e.g. last_login at every sign-in
        return
    instance._was_active = (
        sender.objects.filter(pk=instance.pk)
        .values_list("is_active", flat=True)
        .first()
        if instance.pk
        else None
    )


@receiver(post_save, sender=get_user_model())
def end_sessions_of_deactivated(sender: Any, instance: Any, **kwargs: Any) -> None:
    if getattr(instance, "_was_active", None) and not instance.is_active:
        person_id = instance.pk
        transaction.on_commit(lambda: end_sessions(person_id))
