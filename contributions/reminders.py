"""E-mail reminders about requests for input, as one digest per person a day.

Run once a day by ``manage.py send_reminders`` (from cron or a timer). For
each request still owed (requested, in progress or returned):

- its entity's focal points are reminded once when the due date is
  ``DUE_SOON_DAYS`` days away or less, and once when it has passed;
- the person in the secretariat who asked is told once that it is late.

Everything one person is to hear about goes in one message. Each reminder is
recorded (``ReminderSent``) in the same transaction that follows a sent
message, and anything recorded is never sent again: running the command
twice on a day sends nothing the second time. A new due date clears a
request's record, so its reminders start afresh.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import send_mail
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from contributions.models import InputRequest, Membership, ReminderSent

logger = logging.getLogger(__name__)

DUE_SOON_DAYS = 3
Kind = ReminderSent.Kind


@dataclass
class Digest:
    recipient: User
    items: list[tuple[InputRequest, str]] = field(default_factory=list)


@dataclass
class Sent:
    messages: int = 0
    reminders: int = 0


def _owed() -> list[InputRequest]:
    return list(
        InputRequest.objects.filter(status__in=InputRequest.OPEN).select_related(
            "section__report", "entity", "requested_by"
        )
    )


def _focal_points(request: InputRequest) -> list[User]:
    return [
        member.user
        for member in request.entity.people(Membership.Role.FOCAL_POINT)
        if member.user.email
    ]


def collect(today: dt.date) -> dict[int, Digest]:
    """Who is to hear about what today, leaving out what was already sent."""
    sent = set(ReminderSent.objects.values_list("request_id", "recipient_id", "kind"))
    digests: dict[int, Digest] = {}

    def add(user: User, request: InputRequest, kind: str) -> None:
        if (request.pk, user.pk, kind) in sent:
            return
        digests.setdefault(user.pk, Digest(user)).items.append((request, kind))

    for request in _owed():
        if request.due_date < today:
            for user in _focal_points(request):
                add(user, request, Kind.OVERDUE)
            if request.requested_by.email:
                add(request.requested_by, request, Kind.LATE_DIGEST)
        elif request.due_date <= today + dt.timedelta(days=DUE_SOON_DAYS):
            for user in _focal_points(request):
                add(user, request, Kind.DUE_SOON)
    return digests


def send_reminders(today: dt.date) -> Sent:
    """Send today's digests; returns how many messages and reminders went."""
    result = Sent()
    for digest in collect(today).values():
        subject, body = _message(digest)
        try:
            send_mail(
                subject,
                body,
                getattr(settings, "DEFAULT_FROM_EMAIL", None),
                [digest.recipient.email],
            )
        except OSError:
            # Not recorded, so tomorrow's run tries again.
            logger.exception(
                "reminder to user %s could not be sent", digest.recipient.pk
            )
            continue
        with transaction.atomic():
            ReminderSent.objects.bulk_create(
                [
                    ReminderSent(
                        request=request,
                        recipient=digest.recipient,
                        kind=kind,
                        sent_on=today,
                    )
                    for request, kind in digest.items
                ],
                ignore_conflicts=True,
            )
        result.messages += 1
        result.reminders += len(digest.items)
    logger.info(
        "sent %d reminder message(s) with %d reminder(s) for %s",
        result.messages,
        result.reminders,
        today,
    )
    return result


def _message(digest: Digest) -> tuple[str, str]:
    late = [item for item in digest.items if item[1] != Kind.DUE_SOON]
    soon = [item for item in digest.items if item[1] == Kind.DUE_SOON]
    parts = []
    if late:
        parts.append(
            ngettext(
                "%(count)d request is late", "%(count)d requests are late", len(late)
            )
            % {"count": len(late)}
        )
    if soon:
        parts.append(
            ngettext("%(count)d is due soon", "%(count)d are due soon", len(soon))
            % {"count": len(soon)}
        )
    subject = _("Reportdesk – requests for input: %(summary)s") % {
        "summary": ", ".join(parts)
    }
    lines = [
        _("Hello %(name)s,")
        % {"name": digest.recipient.get_full_name() or digest.recipient.get_username()},
        "",
    ]
    for title, items in (
        (_("Late:"), late),
        (_("Due soon:"), soon),
    ):
        if not items:
            continue
        lines.append(title)
        for request, _kind in items:
            lines.append(
                _(
                    "- %(entity)s, for “%(section)s” in %(report)s: due %(due)s (%(status)s)"
                )
                % {
                    "entity": request.entity.name,
                    "section": request.section.heading,
                    "report": request.section.report.slug,
                    "due": request.due_date.isoformat(),
                    "status": request.get_status_display().lower(),
                }
            )
        lines.append("")
    lines.append(
        _("Everything asked of you is on the Requests for input page of Reportdesk.")
    )
    return subject, "\n".join(lines)
