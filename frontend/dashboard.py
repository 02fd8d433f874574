"""What each person sees first after signing in.

The secretariat sees what is late, what waits for it, each report's word
budget and the next deadlines; a ministry sees what is asked of it; a
reviewer sees the consultation rounds open to them. Every list is built in
a fixed number of queries (plus one per report for its progress), because
this is the page everyone opens first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from contributions.models import Contribution, InputRequest, Membership
from drafting.budget import Budget
from drafting.calendar import CalendarEntry, reporting_calendar
from drafting.models import Report
from reportdesk.abilities import visible_contributions
from reportdesk.abilities.consultation import visible_rounds
from reportdesk.abilities.core import is_government, is_secretariat
from reportdesk.abilities.inputs import visible_requests

# How many of the coming deadlines the secretariat's dashboard lists.
NEXT_DEADLINES = 5


@dataclass
class ReportBudget:
    report: Report
    budget: Budget
    ready: int
    sections: int


@dataclass
class Dashboard:
    secretariat: bool = False
    government: bool = False
    late_entries: list[CalendarEntry] = field(default_factory=list)
    late_requests: list[InputRequest] = field(default_factory=list)
    waiting: list[Contribution] = field(default_factory=list)
    budgets: list[ReportBudget] = field(default_factory=list)
    next_deadlines: list[CalendarEntry] = field(default_factory=list)
    open_requests: list[InputRequest] = field(default_factory=list)
    rounds: list[Any] = field(default_factory=list)


def dashboard_for(user: Any, membership: Membership | None) -> Dashboard:
    if is_secretariat(membership):
        return _secretariat(user)
    if is_government(membership):
        return _ministry(user)
    return Dashboard(rounds=list(visible_rounds(user).select_related("report")))


def _secretariat(user: Any) -> Dashboard:
    today = timezone.localdate()
    calendar = reporting_calendar(user)
    budgets = {}
    for entry in calendar:
        if entry.report is not None and entry.progress is not None:
            progress = entry.progress
            budgets[entry.report.pk] = ReportBudget(
                report=entry.report,
                budget=Budget(progress.words, progress.word_limit),
                ready=progress.ready,
                sections=progress.sections,
            )
    late_requests = list(
        visible_requests(user)
        .filter(status__in=InputRequest.OPEN, due_date__lt=today)
        .select_related("entity", "section__report")
    )
    return Dashboard(
        secretariat=True,
        government=True,
        late_entries=[entry for entry in calendar if entry.overdue],
        late_requests=late_requests,
        waiting=awaiting_secretariat(user),
        budgets=sorted(budgets.values(), key=lambda b: b.report.slug),
        next_deadlines=_upcoming(calendar, today)[:NEXT_DEADLINES],
    )


def _upcoming(calendar: list[CalendarEntry], today: dt.date) -> list[CalendarEntry]:
    return [e for e in calendar if e.due_date is not None and e.due_date >= today]


def awaiting_secretariat(user: Any) -> list[Contribution]:
    """Contributions the secretariat can take now, oldest first.

    The rule is the one ``contribution_abilities`` applies one contribution
    at a time (validated, or submitted by an entity without a validating
    authority); here it is applied to all at once, in two queries.
    """
    candidates = list(
        visible_contributions(user)
        .filter(
            status__in=[Contribution.Status.SUBMITTED, Contribution.Status.VALIDATED]
        )
        .select_related("entity", "section__report")
        .order_by("created_at", "pk")
    )
    submitted_entities = {
        c.entity_id for c in candidates if c.status == Contribution.Status.SUBMITTED
    }
    validated_by_own_authority = set(
        Membership.objects.filter(
            entity_id__in=submitted_entities,
            role=Membership.Role.VALIDATOR,
            user__is_active=True,
        ).values_list("entity_id", flat=True)
    )
    return [
        c
        for c in candidates
        if c.status == Contribution.Status.VALIDATED
        or c.entity_id not in validated_by_own_authority
    ]


def _ministry(user: Any) -> Dashboard:
    requests = list(
        visible_requests(user)
        .filter(status__in=InputRequest.OPEN)
        .select_related("section__report")
        .order_by("due_date", "pk")
    )
    today = timezone.localdate()
    return Dashboard(
        government=True,
        open_requests=requests,
        late_requests=[r for r in requests if r.is_late(today)],
    )
