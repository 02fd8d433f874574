"""Filtering a round's comments the way the secretariat works through them."""

from __future__ import annotations

from collections.abc import Mapping

from django.db.models import QuerySet

from consultation.models import Comment, Decision

UNDECIDED = "undecided"
PUBLIC = "public"


def filter_comments(
    comments: QuerySet[Comment], params: Mapping[str, str], *, reveal: bool = False
) -> QuerySet[Comment]:
    """Narrow by ``section`` (a snapshot section id), ``organisation`` (an
    entity id, or "public" for the public link) and ``decision`` (a decision,
    or "undecided"). ``reveal`` is for the secretariat, who may pick out an
    organisation that asked not to be named.

    An unknown value narrows to nothing rather than being ignored, so a typo
    never shows more than was asked for.
    """
    section = params.get("section", "")
    if section:
        if not section.isdigit():
            return comments.none()
        comments = comments.filter(snapshot_section=int(section))
    organisation = params.get("organisation", "")
    if organisation == PUBLIC:
        comments = comments.filter(entity__isnull=True)
    elif organisation:
        if not organisation.isdigit():
            return comments.none()
        comments = comments.filter(entity_id=int(organisation))
        if not reveal:
            comments = comments.filter(anonymous=False)
    decision = params.get("decision", "")
    if decision == UNDECIDED or params.get("undecided") in {"1", "true", "on"}:
        return comments.filter(decision="")
    if decision:
        if decision not in Decision.values:
            return comments.none()
        comments = comments.filter(decision=decision)
    return comments
