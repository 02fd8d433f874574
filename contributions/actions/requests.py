"""The secretariat asks entities for input on a section, by a date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit import Verb
from contributions.actions.contributions import sync_request
from contributions.actions.trail import record_request_act
from contributions.models import Contribution, Entity, InputRequest, ReminderSent
from drafting.models import Section
from reportdesk.abilities.inputs import can_request_input, request_abilities
from reportdesk.errors import DomainError, NotAllowed, StaleWrite

if TYPE_CHECKING:
    from django.contrib.auth.models import User


def do_request_input(
    user: User,
    section: Section,
    *,
    entities: Sequence[Entity],
    instructions: str,
    due_date: dt.date,
    today: dt.date | None = None,
) -> list[InputRequest]:
    """Ask each entity for input on the section by ``due_date``.

    One request per entity; an entity already asked about this section is
    refused by name (change that request instead). A contribution the entity
    already started for the section is linked to its new request.
    """
    if not can_request_input(user, section):
        raise NotAllowed(_("Only the secretariat can ask for input."))
    today = today or timezone.localdate()
    if not entities:
        raise DomainError(_("Choose at least one body to ask."))
    if due_date < today:
        raise DomainError(_("The due date has passed; choose a later one."))
    outside = [
        e.name for e in entities if not e.is_government or e.kind == "secretariat"
    ]
    if outside:
        raise DomainError(
            _("Input is asked of bodies inside government, not of %(names)s.")
            % {"names": ", ".join(outside)}
        )
    asked = list(
        InputRequest.objects.filter(section=section, entity__in=entities).values_list(
            "entity__name", flat=True
        )
    )
    if asked:
        raise DomainError(
            _(
                "%(names)s already has a request for this section; change that "
                "request's due date or instructions instead."
            )
            % {"names": ", ".join(asked)}
        )
    now = timezone.now()
    created = []
    try:
        with transaction.atomic():
            for entity in entities:
                request = InputRequest.objects.create(
                    section=section,
                    entity=entity,
                    instructions=instructions.strip(),
                    due_date=due_date,
                    requested_by=user,
                    requested_at=now,
                )
                # Work in progress answers the request; text already taken
                # into the draft answered an earlier need.
                started = (
                    section.contributions.filter(entity=entity, request=None)
                    .exclude(status=Contribution.Status.ACCEPTED)
                    .order_by("-created_at")
                    .first()
                )
                if started is not None:
                    started.request = request
                    started.save(update_fields=["request"])
                    sync_request(started)
                    request.refresh_from_db()
                record_request_act(
                    user, Verb.REQUEST_INPUT, request, due_date=request.due_date
                )
                created.append(request)
    except IntegrityError as err:
        # Someone asked the same body at the same moment.
        raise DomainError(
            _("One of these bodies was asked just now; reload the page.")
        ) from err
    return created


def do_update_request(
    user: User,
    request: InputRequest,
    *,
    base_version: int,
    instructions: str | None = None,
    due_date: dt.date | None = None,
) -> InputRequest:
    """Change a request's instructions or due date.

    Locks the request row; a change based on an older version is refused.
    A new due date starts the reminders afresh.
    """
    if not request_abilities(user, request)["change"]:
        raise NotAllowed(_("Only the secretariat can change a request for input."))
    with transaction.atomic():
        locked = InputRequest.objects.select_for_update().get(pk=request.pk)
        if locked.version != base_version:
            raise StaleWrite(locked.version)
        fields = ["version"]
        if instructions is not None:
            locked.instructions = instructions.strip()
            fields.append("instructions")
        if due_date is not None and due_date != locked.due_date:
            locked.due_date = due_date
            fields.append("due_date")
            ReminderSent.objects.filter(request=locked).delete()
        locked.version += 1
        locked.save(update_fields=fields)
        record_request_act(
            user,
            Verb.EDIT,
            locked,
            fields=sorted(set(fields) - {"version"}),
            due_date=locked.due_date,
        )
    return locked
