"""Filtering a list of recommendations by what a person asks for in the URL.

Pages and the API take the same parameters: ``state``, ``mechanism``,
``symbol``, ``theme``, ``group``, ``entity`` (ids), ``sdg`` (goal number),
``position``, ``status``, ``cluster`` (id) and ``q`` (words of the text).
Unknown or malformed values are ignored rather than refused: a filter
narrows a list, it never fails.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.db.models import QuerySet

from recommendations.models import ImplementationStatus, Position, Recommendation

MAX_QUERY = 200


def filter_recommendations(
    recommendations: QuerySet[Recommendation], params: Mapping[str, str]
) -> QuerySet[Recommendation]:
    result = recommendations
    for name in ("state", "mechanism", "symbol"):
        value = params.get(name, "").strip()
        if value:
            result = result.filter(**{f"{name}__iexact": value[:MAX_QUERY]})
    relations = {
        "theme": "themes",
        "group": "groups",
        "entity": "responsible_entities",
        "cluster": "clusters",
    }
    for name, relation in relations.items():
        value = params.get(name, "")
        if value.isdigit():
            result = result.filter(**{relation: int(value)})
    sdg = params.get("sdg", "")
    if sdg.isdigit():
        result = result.filter(sdgs__number=int(sdg))
    position = params.get("position", "")
    if position in Position.values:
        result = result.filter(position=position)
    elif position == "none":
        result = result.filter(position="")
    status = params.get("status", "")
    if status in ImplementationStatus.values:
        result = result.filter(status=status)
    for word in params.get("q", "")[:MAX_QUERY].split()[:10]:
        result = result.filter(text__icontains=word)
    return result.distinct()


def with_relations(
    recommendations: QuerySet[Recommendation],
) -> QuerySet[Recommendation]:
    """What a list shows of each row, fetched in a fixed number of queries."""
    return recommendations.select_related("main_theme").prefetch_related(
        "themes", "groups", "sdgs", "responsible_entities", "sections"
    )
