"""Abilities for reports, sections and contributions.

Pages, the API, exports and (later) sockets all ask these functions; each
returns a dict keyed by action so the browser can be told what to offer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from contributions.models import Contribution, Entity, Membership, membership_of
from drafting.models import Report, Section

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.auth.models import User as Person

    User = Person | AnonymousUser

Role = Membership.Role
SECRETARIAT_ROLES = {Role.COORDINATOR, Role.DRAFTER}


def is_secretariat(membership: Membership | None) -> bool:
    return (
        membership is not None
        and membership.is_secretariat
        and membership.role in SECRETARIAT_ROLES
    )


def is_government(membership: Membership | None) -> bool:
    return membership is not None and membership.entity.is_government


def can_create_reports(user: User) -> bool:
    membership = membership_of(user)
    return is_secretariat(membership) and membership.role == Role.COORDINATOR  # type: ignore[union-attr]


def can_contribute(user: User) -> bool:
    """Whether the person writes contributions at all: a focal point of a
    body inside government. Which sections, ``section_abilities`` says."""
    membership = membership_of(user)
    return is_government(membership) and membership.role == Role.FOCAL_POINT  # type: ignore[union-attr]


def visible_reports(user: User) -> QuerySet[Report]:
    # Internal drafts are for government only; the NHRI and civil society see
    # what a consultation round shares with them (issue #6), never the draft.
    if is_government(membership_of(user)):
        return Report.objects.all()
    return Report.objects.none()


def report_abilities(user: User, report: Report) -> dict[str, bool]:
    membership = membership_of(user)
    secretariat = is_secretariat(membership)
    government = is_government(membership)
    return {
        "view": government,
        "export": government,
        "edit": secretariat,
        "edit_structure": secretariat and membership.role == Role.COORDINATOR,  # type: ignore[union-attr]
        "contribute": can_contribute(user),
    }


def section_abilities(user: User, section: Section) -> dict[str, bool]:
    report = report_abilities(user, section.report)
    return {
        "view": report["view"],
        "edit": report["edit"],
        "accept_input": report["edit"],
        "contribute": report["contribute"],
    }


def visible_contributions(user: User) -> QuerySet[Contribution]:
    # An entity sees its own contributions only; the secretariat sees all.
    membership = membership_of(user)
    if is_secretariat(membership):
        return Contribution.objects.all()
    if is_government(membership):
        return Contribution.objects.filter(entity=membership.entity)  # type: ignore[union-attr]
    return Contribution.objects.none()


def contribution_abilities(user: User, contribution: Contribution) -> dict[str, bool]:
    """What a person may do with a contribution, given its status.

    The rule for sign-off: when the entity has a validating authority
    (``Entity.requires_validation``), the secretariat sees a contribution
    only once that authority has validated it; otherwise once a focal point
    has submitted it. Only the entity's own validator validates it, or sends
    it back to its focal points.
    """
    membership = membership_of(user)
    secretariat = is_secretariat(membership)
    own = (
        membership is not None
        and membership.entity_id == contribution.entity_id
        and membership.entity.kind != Entity.Kind.SECRETARIAT
    )
    status = contribution.status
    Status = Contribution.Status
    writable = status in {Status.DRAFT, Status.RETURNED}
    focal_point = own and membership.role == Role.FOCAL_POINT  # type: ignore[union-attr]
    validator = own and membership.role == Role.VALIDATOR  # type: ignore[union-attr]
    needs_validation = status == Status.SUBMITTED and (
        contribution.entity.requires_validation()
    )
    # A draft is the ministry's work in progress, and a submitted one waits
    # for its validating authority: the secretariat takes only what the
    # ministry has signed off.
    reviewable = status == Status.VALIDATED or (
        status == Status.SUBMITTED and not needs_validation
    )
    return {
        "view": secretariat or own,
        "revise": focal_point and writable,
        "submit": focal_point and writable,
        "validate": validator and needs_validation,
        "send_back": validator and needs_validation,
        "accept": secretariat and reviewable,
        "return": secretariat and reviewable,
    }
