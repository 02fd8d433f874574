"""Recommendations counted by theme, SDG, group of persons or responsible body."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from recommendations.models import ImplementationStatus, Recommendation

# For each way of grouping: the relation and the field that names a group.
GROUPINGS = {
    "theme": ("themes", "name"),
    "sdg": ("sdgs", "number"),
    "group": ("groups", "name"),
    "entity": ("responsible_entities", "name"),
}
GROUPING_LABELS = {
    "theme": _("Theme"),
    "sdg": _("Sustainable Development Goal"),
    "group": _("Group of persons"),
    "entity": _("Responsible body"),
}


@dataclass
class Group:
    """``key`` is None for the recommendations that have no such relation."""

    key: int | None
    label: str
    total: int = 0
    by_position: Counter[str] = field(default_factory=Counter)
    by_status: Counter[str] = field(default_factory=Counter)

    @property
    def implemented_share(self) -> int:
        """Percentage implemented, fully or partly counted as half."""
        if not self.total:
            return 0
        done = self.by_status[ImplementationStatus.IMPLEMENTED]
        partial = self.by_status[ImplementationStatus.PARTIALLY_IMPLEMENTED]
        return round(100 * (done + partial / 2) / self.total)

    def as_dict(self) -> dict[str, object]:
        return {
            "key": self.key,
            "label": self.label,
            "total": self.total,
            "by_position": dict(self.by_position),
            "by_status": dict(self.by_status),
            "implemented_share": self.implemented_share,
        }


def group_recommendations(
    recommendations: QuerySet[Recommendation], by: str
) -> list[Group]:
    """One group per theme (or goal, group, body) in one query, largest first;
    the group without any comes last."""
    relation, name = GROUPINGS[by]
    groups: dict[int | None, Group] = {}
    rows = recommendations.order_by().values_list(
        "pk", f"{relation}__pk", f"{relation}__{name}", "position", "status"
    )
    seen: set[tuple[int, int | None]] = set()
    for pk, key, label, position, status in rows:
        if (pk, key) in seen:
            continue
        seen.add((pk, key))
        group = groups.get(key)
        if group is None:
            text = str(label) if key is not None else str(_("None given"))
            group = groups[key] = Group(key, text)
        group.total += 1
        group.by_position[position or "none"] += 1
        group.by_status[status] += 1
    ordered = sorted(
        (g for g in groups.values() if g.key is not None),
        key=lambda g: (int(g.label) if by == "sdg" else -g.total, g.label),
    )
    if None in groups:
        ordered.append(groups[None])
    return ordered
