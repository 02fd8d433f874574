"""Abilities for consultation rounds, their comments and submissions.

The secretariat runs rounds and sees everything in them. A reviewer of an
invited organisation (the NHRI, a civil-society organisation) sees the rounds
its organisation is invited to once they have opened, the text they share,
its own organisation's comments and decisions, and the others' comments only
when the round says so; never the live draft, contributions, other rounds or
the submissions. Anyone holding a round's public link may read it and comment.
Ministries take no part: consultation is the secretariat's conversation.
"""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

from consultation import clock
from consultation.models import Comment, Round, Submission
from contributions.models import Entity, Membership, membership_of
from reportdesk.abilities.core import is_secretariat, report_abilities, visible_reports

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.auth.models import User as Person

    from drafting.models import Report

    User = Person | AnonymousUser

CONSULTED_KINDS = frozenset({Entity.Kind.NHRI, Entity.Kind.CSO})


def consulted_entity(user: User) -> Entity | None:
    """The NHRI or civil-society organisation a reviewer speaks for, or None."""
    membership = membership_of(user)
    if (
        membership is None
        or membership.role != Membership.Role.REVIEWER
        or membership.entity.kind not in CONSULTED_KINDS
    ):
        return None
    return membership.entity


def can_run_consultations(user: User, report: Report) -> bool:
    return report_abilities(user, report)["edit"]


def visible_rounds(user: User) -> QuerySet[Round]:
    """Rounds a signed-in person may open (the public link is separate)."""
    if is_secretariat(membership_of(user)):
        return Round.objects.filter(report__in=visible_reports(user))
    entity = consulted_entity(user)
    if entity is not None:
        return Round.objects.filter(
            participants__entity=entity, opens_at__lte=clock.now()
        )
    return Round.objects.none()


def holds_public_link(round: Round, token: str | None) -> bool:
    return bool(
        token
        and round.public_token
        and secrets.compare_digest(round.public_token.encode(), token.encode())
    )


def round_abilities(
    user: User, round: Round, *, public_token: str | None = None
) -> dict[str, bool]:
    """What the person may do with a round; ``public_token`` is the public
    link they came through, if any."""
    secretariat = can_run_consultations(user, round.report)
    entity = consulted_entity(user)
    invited = (
        entity is not None
        and round.has_opened()
        and round.participants.filter(entity=entity).exists()
    )
    public = (
        not secretariat
        and not invited
        and round.has_opened()
        and holds_public_link(round, public_token)
    )
    open_now = round.is_open()
    reader = secretariat or invited or public
    return {
        "view": reader,
        "comment": (invited or public) and open_now,
        "upload": invited and open_now,
        "see_all_comments": secretariat,
        "see_others_comments": secretariat
        or ((invited or public) and round.reviewers_see_each_other),
        "manage": secretariat,
        "decide": secretariat,
        "export": secretariat,
        "download_submissions": secretariat,
        "set_anonymous": invited and open_now,
    }


def visible_comments(user: User, round: Round, *, public_token: str | None = None):
    """The comments of a round the person may read."""
    can = round_abilities(user, round, public_token=public_token)
    comments = Comment.objects.filter(round=round)
    if can["see_all_comments"]:
        return comments
    if not can["view"]:
        return comments.none()
    entity = consulted_entity(user)
    own = Q(entity=entity) if entity is not None else Q(pk__in=[])
    if can["see_others_comments"]:
        return comments
    return comments.filter(own)


def comment_abilities(user: User, comment: Comment) -> dict[str, bool]:
    secretariat = can_run_consultations(user, comment.round.report)
    entity = consulted_entity(user)
    own = entity is not None and comment.entity_id == entity.pk
    return {
        "decide": secretariat,
        # Reviewers learn the decisions on their own organisation's comments.
        "see_decision": secretariat or own,
        "see_anchor": secretariat,
    }


def visible_submissions(user: User) -> QuerySet[Submission]:
    """Submissions are served to the secretariat only."""
    if is_secretariat(membership_of(user)):
        return Submission.objects.filter(round__report__in=visible_reports(user))
    return Submission.objects.none()


def own_comments(user: User) -> QuerySet[Comment]:
    """The comments a reviewer's organisation made, in every round."""
    entity = consulted_entity(user)
    if entity is None:
        return Comment.objects.none()
    return Comment.objects.filter(entity=entity)
