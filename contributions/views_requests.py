"""Requests for input in the browser: the one page where an entity sees all
that is asked of it (and the secretariat what is late), asking for input
from a section page, and new contributions as proposals or Word files."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from contributions.actions import (
    do_create_contribution,
    do_request_input,
    do_update_request,
    do_upload_word,
)
from contributions.models import Contribution, Entity, InputRequest, membership_of
from contributions.wordin.safety import MAX_FILE_BYTES
from drafting.models import Section
from drafting.sectiontext.prepare import prepare_text
from reportdesk.abilities import (
    contribution_abilities,
    is_secretariat,
    visible_contributions,
    visible_reports,
)
from reportdesk.abilities.inputs import visible_requests
from reportdesk.errors import DomainError


def _person(request: HttpRequest) -> User:
    return cast(User, request.user)


def _section_for(request: HttpRequest, pk: int) -> Section:
    return get_object_or_404(
        Section.objects.select_related("report"),
        pk=pk,
        report__in=visible_reports(request.user),
    )


def _int(request: HttpRequest, name: str) -> int | None:
    try:
        return int(request.POST.get(name, ""))
    except ValueError:
        return None


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


@dataclass
class RequestRow:
    request: InputRequest
    late: bool
    contributions: list[Contribution]


@login_required
def inputs(request: HttpRequest) -> HttpResponse:
    """Everything asked of the person's entity, or, for the secretariat,
    everything asked, late requests first, and what waits for review."""
    today = timezone.localdate()
    membership = membership_of(request.user)
    secretariat = is_secretariat(membership)
    found = visible_requests(request.user).select_related("section__report", "entity")
    contributions = list(
        visible_contributions(request.user)
        .select_related("section__report", "entity")
        .order_by("-created_at")
    )
    by_request: dict[int, list[Contribution]] = {}
    for contribution in contributions:
        if contribution.request_id:
            by_request.setdefault(contribution.request_id, []).append(contribution)
    rows = [RequestRow(r, r.is_late(today), by_request.get(r.pk, [])) for r in found]
    waiting = [
        c
        for c in contributions
        if c.status in (Contribution.Status.SUBMITTED, Contribution.Status.VALIDATED)
        and _can_act(request, c)
    ]
    context = {
        "secretariat": secretariat,
        "entity": membership.entity if membership else None,
        "late": [row for row in rows if row.late],
        "rows": rows,
        "waiting": waiting,
        "unrequested": [c for c in contributions if c.request_id is None],
        "today": today,
    }
    return render(request, "contributions/inputs.html", context)


def _can_act(request: HttpRequest, contribution: Contribution) -> bool:
    abilities = contribution_abilities(request.user, contribution)
    return abilities["accept"] or abilities["validate"]


@login_required
@require_POST
def section_ask(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    """The secretariat asks the chosen entities for input on this section."""
    section = _section_for(request, pk)
    due_date = _date(request.POST.get("due_date", ""))
    ids = [int(v) for v in request.POST.getlist("entities") if v.isdigit()]
    if due_date is None:
        messages.error(request, _("Give the date the input is due."))
        return redirect("section-detail", pk=section.pk)
    entities = list(Entity.objects.filter(pk__in=ids))
    try:
        created = do_request_input(
            _person(request),
            section,
            entities=entities,
            instructions=request.POST.get("instructions", ""),
            due_date=due_date,
        )
    except DomainError as err:
        messages.error(request, str(err.message))
    else:
        messages.success(
            request,
            _("Asked %(names)s for input by %(date)s.")
            % {
                "names": ", ".join(r.entity.name for r in created),
                "date": due_date.isoformat(),
            },
        )
    return redirect("section-detail", pk=section.pk)


@login_required
@require_POST
def request_update(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    found = get_object_or_404(visible_requests(request.user), pk=pk)
    base_version = _int(request, "base_version")
    due_date = _date(request.POST.get("due_date", ""))
    if base_version is None or due_date is None:
        messages.error(
            request, _("The form was incomplete; reload the page and try again.")
        )
        return redirect("inputs")
    try:
        do_update_request(
            _person(request),
            found,
            base_version=base_version,
            due_date=due_date,
            instructions=request.POST.get("instructions"),
        )
    except DomainError as err:
        messages.error(request, str(err.message))
    else:
        messages.success(request, _("The request was changed."))
    return redirect("inputs")


@login_required
@require_POST
def section_propose(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    """A proposed revision of the section's text, edited in the browser."""
    section = _section_for(request, pk)
    base_version = _int(request, "base_version")
    if base_version is None:
        messages.error(
            request, _("The form was incomplete; reload the page and try again.")
        )
        return redirect("section-detail", pk=section.pk)
    prepared = prepare_text(request.POST.get("text", ""))
    try:
        contribution = do_create_contribution(
            _person(request),
            section,
            text=prepared.text,
            title=request.POST.get("title", "")[:200],
            kind=Contribution.Kind.PROPOSAL,
            base_version=base_version,
        )
    except DomainError as err:
        messages.error(request, str(err.message))
        return redirect("section-detail", pk=section.pk)
    messages.success(
        request,
        _("Your proposed revision was saved. Send it on when it is ready."),
    )
    return redirect("contribution-detail", pk=contribution.pk)


@login_required
@require_POST
def section_upload(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    """A new contribution from a Word file: new text, or a proposed revision."""
    section = _section_for(request, pk)
    upload = request.FILES.get("file")
    kind = request.POST.get("kind", Contribution.Kind.NEW_TEXT)
    if upload is None:
        messages.error(request, _("Choose a Word file to upload."))
        return redirect("section-detail", pk=section.pk)
    try:
        revision = do_upload_word(
            _person(request),
            upload.read(MAX_FILE_BYTES + 1),
            file_name=upload.name or "",
            section=section,
            kind=kind,
            base_version=_int(request, "base_version"),
            title=request.POST.get("title", "")[:200],
        )
    except DomainError as err:
        messages.error(request, str(err.message))
        return redirect("section-detail", pk=section.pk)
    messages.success(request, _("The Word file was read and saved as revision 1."))
    for warning in revision.warnings:
        messages.warning(request, warning)
    return redirect("contribution-detail", pk=revision.contribution_id)


def askable_entities() -> list[Entity]:
    """Bodies inside government the secretariat can ask for input."""
    return list(
        Entity.objects.filter(kind__in=Entity.GOVERNMENT_KINDS)
        .exclude(kind=Entity.Kind.SECRETARIAT)
        .filter(~Q(members=None))
        .distinct()
        .order_by("name")
    )
