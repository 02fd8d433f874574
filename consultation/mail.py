"""The e-mails a consultation sends: invitations and decisions.

They are sent only after the transaction that made them true commits, so
nobody is invited to a round that was rolled back.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from django.core.mail import send_mail
from django.db import transaction
from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from consultation.models import Comment, Invitation

logger = logging.getLogger(__name__)


def send_after_commit(subject: str, body: str, to: str) -> None:
    def send() -> None:
        send_mail(subject, body, None, [to])
        logger.info("sent consultation e-mail %r", subject)

    transaction.on_commit(send)


def invitation_mail(invitation: Invitation, link: str) -> tuple[str, str]:
    round = invitation.participant.round
    subject = _("Invitation to comment: %(title)s") % {"title": round.title}
    body = _(
        "%(organisation)s is invited to comment on %(report)s in the consultation "
        "round “%(title)s”, open until %(closes)s (UTC).\n\n"
        "Open this link to create your account; it works once, until %(expires)s "
        "(UTC):\n%(link)s\n\n"
        "You will see only what this round shares with you."
    ) % {
        "organisation": invitation.participant.entity.name,
        "report": round.report.title,
        "title": round.title,
        "closes": round.closes_at.strftime("%d %B %Y %H:%M"),
        "expires": invitation.expires_at.strftime("%d %B %Y %H:%M"),
        "link": link,
    }
    return subject, body


def decisions_mail(comments: list[Comment], link: str) -> tuple[str, str]:
    round = comments[0].round
    subject = _("Decisions on your comments: %(title)s") % {"title": round.title}
    lines = [
        _("The secretariat has decided on %(count)d of your comments:")
        % {"count": len(comments)},
        "",
    ]
    for comment in comments:
        where = comment.section_heading
        if comment.paragraph:
            where += " " + _("(paragraph %(number)d)") % {"number": comment.paragraph}
        lines += [
            f"– {where}: {comment.get_decision_display()}",
            "  " + _("Reason: %(reason)s") % {"reason": comment.reason},
        ]
    lines += ["", _("All your comments and their decisions: %(link)s") % {"link": link}]
    return subject, "\n".join(lines)
