"""Abilities for recommendations, their planned actions and clusters.

The recommendations themselves are public UN text, but here each one carries
internal data: which ministry answers for it, how far implementation has come,
what is planned. So they are treated like contributions, not like public
documents: the secretariat sees and edits all of them; a ministry sees and
updates only the recommendations assigned to it; NHRI and civil-society
reviewers and outsiders see none (what is shared with them goes through a
consultation round, as for reports). Coverage of a report (which
recommendation is answered in which section) follows the report's own
abilities and shows no tracking data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from contributions.models import Entity, Membership, membership_of
from recommendations.models import Cluster, PlannedAction, Recommendation
from reportdesk.abilities.core import is_secretariat

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.auth.models import User as Person

    User = Person | AnonymousUser

Role = Membership.Role


def _ministry(membership: Membership | None) -> Membership | None:
    """The membership when it is in a government body other than the
    secretariat (a ministry, the statistics office …), else None."""
    if (
        membership is None
        or not membership.entity.is_government
        or membership.entity.kind == Entity.Kind.SECRETARIAT
    ):
        return None
    return membership


def can_import_recommendations(user: User) -> bool:
    return is_secretariat(membership_of(user))


def can_manage_clusters(user: User) -> bool:
    return is_secretariat(membership_of(user))


def can_see_progress(user: User) -> bool:
    """Progress across all ministries is the secretariat's view."""
    return is_secretariat(membership_of(user))


def visible_recommendations(user: User) -> QuerySet[Recommendation]:
    membership = membership_of(user)
    if is_secretariat(membership):
        return Recommendation.objects.all()
    ministry = _ministry(membership)
    if ministry is not None:
        return Recommendation.objects.filter(responsible_entities=ministry.entity_id)
    return Recommendation.objects.none()


def recommendation_abilities(
    user: User, recommendation: Recommendation
) -> dict[str, bool]:
    """``track`` is updating the status and planned actions; ``edit`` is the
    classification, assignment and links to report sections."""
    membership = membership_of(user)
    secretariat = is_secretariat(membership)
    ministry = _ministry(membership)
    assigned = (
        ministry is not None
        and recommendation.responsible_entities.filter(pk=ministry.entity_id).exists()
    )
    focal_point = assigned and ministry.role == Role.FOCAL_POINT  # type: ignore[union-attr]
    return {
        "view": secretariat or assigned,
        "track": secretariat or focal_point,
        "edit": secretariat,
        "assign": secretariat,
        "link_sections": secretariat,
    }


def planned_action_abilities(user: User, action: PlannedAction) -> dict[str, bool]:
    """A focal point changes the actions of its own entity only; the
    secretariat changes any."""
    membership = membership_of(user)
    secretariat = is_secretariat(membership)
    ministry = _ministry(membership)
    own = (
        ministry is not None
        and ministry.entity_id == action.entity_id
        and ministry.role == Role.FOCAL_POINT
    )
    view = recommendation_abilities(user, action.recommendation)["view"]
    return {"view": view, "edit": secretariat or own, "delete": secretariat or own}


def visible_clusters(user: User) -> QuerySet[Cluster]:
    if can_manage_clusters(user):
        return Cluster.objects.all()
    return Cluster.objects.none()


def ministry_of(user: User) -> Entity | None:
    """The ministry a person tracks recommendations for, or None."""
    ministry = _ministry(membership_of(user))
    return ministry.entity if ministry is not None else None
