"""Abilities for requests for input.

The secretariat asks entities for input and sees every request; an entity
inside government sees only what was asked of it. Nobody outside government
sees any.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from contributions.models import InputRequest, Membership, membership_of
from reportdesk.abilities.core import is_government, is_secretariat

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.auth.models import User as Person

    from drafting.models import Section

    User = Person | AnonymousUser


def visible_requests(user: User) -> QuerySet[InputRequest]:
    membership = membership_of(user)
    if is_secretariat(membership):
        return InputRequest.objects.all()
    if is_government(membership):
        return InputRequest.objects.filter(entity=membership.entity)  # type: ignore[union-attr]
    return InputRequest.objects.none()


def can_request_input(user: User, section: Section | None = None) -> bool:
    """Asking for input is the secretariat's (coordinator or drafter)."""
    return is_secretariat(membership_of(user))


def request_abilities(user: User, request: InputRequest) -> dict[str, bool]:
    membership = membership_of(user)
    secretariat = is_secretariat(membership)
    own = membership is not None and membership.entity_id == request.entity_id
    return {
        "view": secretariat or own,
        "change": secretariat,
        "answer": own and membership.role == Membership.Role.FOCAL_POINT,  # type: ignore[union-attr]
    }
