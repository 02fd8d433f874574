"""Assigning recommendations, classifying them, and tracking their implementation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit import Verb, record
from contributions.models import Entity
from drafting.models import Section
from recommendations.models import (
    ImplementationStatus,
    PersonGroup,
    PlannedAction,
    Recommendation,
    Sdg,
    Theme,
)
from recommendations.sdgs import SDG_TITLES, is_target
from reportdesk.abilities import report_abilities
from reportdesk.abilities.recommendations import (
    ministry_of,
    planned_action_abilities,
    recommendation_abilities,
)
from reportdesk.errors import DomainError, NotAllowed, StaleWrite

if TYPE_CHECKING:
    from django.contrib.auth.models import User

MAX_NAMES = 60


def _locked(recommendation: Recommendation, base_version: int) -> Recommendation:
    """The row, locked; refuses a write based on an older version."""
    locked = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    if locked.version != base_version:
        raise StaleWrite(locked.version)
    return locked


def do_update_tracking(
    user: User,
    recommendation: Recommendation,
    *,
    status: str,
    note: str,
    base_version: int,
) -> Recommendation:
    """Set the implementation status and its note.

    Takes the recommendation's row lock; a write based on an older version
    is refused as stale.
    """
    if not recommendation_abilities(user, recommendation)["track"]:
        raise NotAllowed(
            _(
                "Only the secretariat or a focal point of a responsible body can do this."
            )
        )
    if status not in ImplementationStatus.values:
        raise DomainError(
            _("Unknown status %(status)s; choose one of %(choices)s.")
            % {"status": status, "choices": ", ".join(ImplementationStatus.values)}
        )
    with transaction.atomic():
        locked = _locked(recommendation, base_version)
        locked.status = status
        locked.status_note = note
        locked.status_updated_at = timezone.now()
        locked.status_updated_by = user
        locked.version += 1
        locked.save()
        record(user, Verb.EDIT, target=locked, details={"status": status})
    return locked


def do_assign_entities(
    user: User,
    recommendation: Recommendation,
    entities: Iterable[Entity],
    *,
    base_version: int,
) -> Recommendation:
    """Make these government bodies responsible for the recommendation.

    Takes the row lock and bumps the version, since who may track the
    recommendation changes with it.
    """
    if not recommendation_abilities(user, recommendation)["assign"]:
        raise NotAllowed(_("Only the secretariat assigns recommendations."))
    chosen = list(entities)
    outside = [e.name for e in chosen if not e.is_government]
    if outside:
        raise DomainError(
            _(
                "Only government bodies answer for recommendations; %(names)s "
                "cannot be made responsible."
            )
            % {"names": ", ".join(outside)}
        )
    with transaction.atomic():
        locked = _locked(recommendation, base_version)
        locked.responsible_entities.set(chosen)
        locked.version += 1
        locked.save(update_fields=["version", "updated_at"])
        record(
            user,
            Verb.EDIT,
            target=locked,
            details={"responsible_entities": [e.pk for e in chosen]},
        )
    return locked


def do_classify(
    user: User,
    recommendation: Recommendation,
    *,
    themes: list[str],
    groups: list[str],
    sdgs: list[int],
    sdg_targets: list[str],
    base_version: int,
) -> Recommendation:
    """Replace the themes, groups of persons, SDG goals and targets.

    Takes the row lock. Re-importing the source that gave the
    classification puts the source's back.
    """
    if not recommendation_abilities(user, recommendation)["edit"]:
        raise NotAllowed(_("Only the secretariat classifies recommendations."))
    _check_classification(themes, groups, sdgs, sdg_targets)
    with transaction.atomic():
        locked = _locked(recommendation, base_version)
        locked.themes.set(
            [
                Theme.objects.get_or_create(name=n.strip())[0]
                for n in themes
                if n.strip()
            ]
        )
        locked.groups.set(
            [
                PersonGroup.objects.get_or_create(name=n.strip())[0]
                for n in groups
                if n.strip()
            ]
        )
        locked.sdgs.set(
            [
                Sdg.objects.get_or_create(number=n, defaults={"title": SDG_TITLES[n]})[
                    0
                ]
                for n in sorted(set(sdgs))
            ]
        )
        locked.sdg_targets = sorted(set(sdg_targets), key=_target_order)
        locked.version += 1
        locked.save(update_fields=["sdg_targets", "version", "updated_at"])
        record(user, Verb.EDIT, target=locked, details={"change": "classification"})
    return locked


def _check_classification(
    themes: list[str], groups: list[str], sdgs: list[int], targets: list[str]
) -> None:
    if len(themes) > MAX_NAMES or len(groups) > MAX_NAMES:
        raise DomainError(
            _("At most %(limit)s themes and %(limit)s groups of persons.")
            % {"limit": MAX_NAMES}
        )
    if any(len(n) > 300 for n in [*themes, *groups]):
        raise DomainError(_("A theme or group name is at most 300 characters."))
    wrong = [str(n) for n in sdgs if n not in SDG_TITLES]
    if wrong:
        raise DomainError(
            _("SDG goals are numbered 1 to 17; %(wrong)s is not one.")
            % {"wrong": ", ".join(wrong)}
        )
    bad_targets = [t for t in targets if not is_target(t)]
    if bad_targets:
        raise DomainError(
            _('An SDG target is written like "16.3" or "5.a"; %(wrong)s is not.')
            % {"wrong": ", ".join(bad_targets)}
        )


def _target_order(target: str) -> tuple[int, str]:
    goal, _dot, rest = target.partition(".")
    return int(goal), rest.zfill(2)


def do_link_sections(
    user: User, recommendation: Recommendation, sections: Iterable[Section]
) -> None:
    """Record the report sections that answer the recommendation (replacing
    the previous links). The person must be able to edit each section's report."""
    if not recommendation_abilities(user, recommendation)["link_sections"]:
        raise NotAllowed(_("Only the secretariat links recommendations to sections."))
    chosen = list(sections)
    for section in chosen:
        if not report_abilities(user, section.report)["edit"]:
            raise NotAllowed(
                _("You may not edit the report %(report)s.")
                % {"report": section.report.slug}
            )
    with transaction.atomic():
        recommendation.sections.set(chosen)
        record(
            user,
            Verb.EDIT,
            target=recommendation,
            details={"sections": [s.pk for s in chosen]},
        )


def do_add_planned_action(
    user: User,
    recommendation: Recommendation,
    *,
    description: str,
    entity: Entity | None = None,
    start: dt.date | None = None,
    due: dt.date | None = None,
    indicator: str = "",
    status: str = PlannedAction.Status.PLANNED,
) -> PlannedAction:
    """Plan an action. A ministry plans for itself; the secretariat names the
    responsible body, which must be one of the recommendation's."""
    if not recommendation_abilities(user, recommendation)["track"]:
        raise NotAllowed(
            _(
                "Only the secretariat or a focal point of a responsible body can do this."
            )
        )
    own = ministry_of(user)
    if own is not None:
        if entity is not None and entity.pk != own.pk:
            raise NotAllowed(_("You can plan actions only for your own body."))
        entity = own
    if entity is None:
        raise DomainError(_("Say which body will carry out the action."))
    if not recommendation.responsible_entities.filter(pk=entity.pk).exists():
        raise DomainError(
            _("%(entity)s is not responsible for this recommendation; assign it first.")
            % {"entity": entity.name}
        )
    _check_action(description, start, due, status)
    with transaction.atomic():
        action = PlannedAction.objects.create(
            recommendation=recommendation,
            entity=entity,
            description=description.strip(),
            start=start,
            due=due,
            indicator=indicator.strip(),
            status=status,
            created_by=user,
        )
        record(user, Verb.CREATE, target=action, entity=entity)
    return action


def do_update_planned_action(
    user: User,
    action: PlannedAction,
    *,
    description: str,
    start: dt.date | None,
    due: dt.date | None,
    indicator: str,
    status: str,
) -> PlannedAction:
    if not planned_action_abilities(user, action)["edit"]:
        raise NotAllowed(_("Only the body that planned this action can change it."))
    _check_action(description, start, due, status)
    action.description = description.strip()
    action.start = start
    action.due = due
    action.indicator = indicator.strip()
    action.status = status
    with transaction.atomic():
        action.save()
        record(user, Verb.EDIT, target=action, details={"status": status})
    return action


def do_delete_planned_action(user: User, action: PlannedAction) -> None:
    if not planned_action_abilities(user, action)["delete"]:
        raise NotAllowed(_("Only the body that planned this action can remove it."))
    with transaction.atomic():
        record(user, Verb.DELETE, target=action)
        action.delete()


def _check_action(
    description: str, start: dt.date | None, due: dt.date | None, status: str
) -> None:
    if not description.strip():
        raise DomainError(_("Describe the action."))
    if start and due and due < start:
        raise DomainError(_("The action cannot be due before it starts."))
    if status not in PlannedAction.Status.values:
        raise DomainError(
            _("Unknown status %(status)s; choose one of %(choices)s.")
            % {"status": status, "choices": ", ".join(PlannedAction.Status.values)}
        )
