"""Ending a person's sessions, API tokens and open sockets at once."""

from __future__ import annotations

import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.contrib.sessions.models import Session
from django.utils import timezone
from rest_framework.authtoken.models import Token

security_log = logging.getLogger("security")

# The consumers of a signed-in person join this group (collab.consumers) and
# close when told the account is closed.
CLOSE_EVENT = "account.closed"


def person_group(user_id: int) -> str:
    return f"person.{user_id}"


def end_sessions(user_id: int) -> int:
    """Delete the person's sessions and API token; close their sockets.

    Sessions are found by decoding each unexpired one: the session table has
    no user column. That is a scan, fine for a government's few hundred
    users; returns how many sessions were ended. Call after the deactivation
    has committed (``transaction.on_commit``), so a rollback leaves them be.
    """
    ended = []
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user_id):
            ended.append(session.pk)
    Session.objects.filter(pk__in=ended).delete()
    Token.objects.filter(user_id=user_id).delete()
    layer = get_channel_layer()
    if layer is not None:
        async_to_sync(layer.group_send)(person_group(user_id), {"type": CLOSE_EVENT})
    security_log.info(
        "ended %s session(s) and the sockets of user %s", len(ended), user_id
    )
    return len(ended)
