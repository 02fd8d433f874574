"""The contribution page: its revisions, comparisons, notes, sign-off and the
secretariat's change-by-change review. Each view checks, calls one action,
and redirects with a message."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from contributions.actions import (
    do_return_contribution,
    do_review_contribution,
    do_send_back_contribution,
    do_upload_word,
    do_validate_contribution,
    review_plan,
)
from contributions.actions.review import ACCEPT, EDIT, REJECT, RESOLVE, Decision
from contributions.merge import Placement
from contributions.models import Contribution
from contributions.render import around, diff_html
from contributions.texts import BASE, DRAFT, comparison
from contributions.wordin.safety import MAX_FILE_BYTES
from reportdesk.abilities import contribution_abilities, visible_contributions
from reportdesk.errors import DomainError


def _person(request: HttpRequest) -> User:
    return cast(User, request.user)


def _contribution_for(request: HttpRequest, pk: int) -> Contribution:
    return get_object_or_404(
        visible_contributions(request.user).select_related("section__report", "entity"),
        pk=pk,
    )


def _int(request: HttpRequest, name: str) -> int | None:
    try:
        return int(request.POST.get(name, ""))
    except ValueError:
        return None


def _incomplete(request: HttpRequest) -> None:
    messages.error(
        request, _("The form was incomplete; reload the page and try again.")
    )


@dataclass
class ChangeView:
    placement: Placement
    before: str
    after: str
    text: str


def _change_views(
    contribution: Contribution, placements: list[Placement]
) -> list[ChangeView]:
    base = contribution.base_text
    views = []
    for placement in placements:
        change = placement.change
        before, after = around(base, change.start, change.end)
        text = placement.draft_words if placement.conflict else change.added
        views.append(ChangeView(placement, before, after, text))
    return views


@login_required
def contribution_detail(request: HttpRequest, pk: int) -> HttpResponse:
    contribution = _contribution_for(request, pk)
    section = contribution.section
    abilities = contribution_abilities(request.user, contribution)
    revisions = list(contribution.revisions.select_related("author").order_by("number"))
    latest = revisions[-1] if revisions else None
    references = [
        (str(r.number), _("Revision %(n)d") % {"n": r.number}) for r in revisions
    ]
    if contribution.is_proposal:
        references.insert(0, (BASE, _("The text it started from")))
    references.append((DRAFT, _("The current draft")))
    default_old = BASE if contribution.is_proposal else DRAFT
    old = request.GET.get("from", default_old)
    new = request.GET.get("to", str(latest.number) if latest else DRAFT)
    try:
        compared = comparison(contribution, old, new)
        compared_html = diff_html(compared.diffs)
    except DomainError as err:
        messages.error(request, str(err.message))
        compared_html = diff_html([])
    plan = None
    if abilities["accept"] and latest is not None:
        plan = review_plan(contribution, section)
    context = {
        "contribution": contribution,
        "section": section,
        "report": section.report,
        "abilities": abilities,
        "revisions": revisions,
        "latest": latest,
        "references": references,
        "compare_from": old,
        "compare_to": new,
        "compared": compared_html,
        "plan": plan,
        "changes": _change_views(contribution, plan.placements) if plan else [],
        "notes": contribution.notes.select_related("revision"),
        "max_mb": MAX_FILE_BYTES // (1024 * 1024),
    }
    return render(request, "contributions/contribution_detail.html", context)


def _back(contribution: Contribution) -> HttpResponseRedirect:
    return redirect("contribution-detail", pk=contribution.pk)


@login_required
@require_POST
def contribution_validate(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    contribution = _contribution_for(request, pk)
    base_number = _int(request, "base_number")
    if base_number is None:
        _incomplete(request)
        return _back(contribution)
    try:
        do_validate_contribution(
            _person(request),
            contribution,
            base_number=base_number,
            note=request.POST.get("note", ""),
        )
    except DomainError as err:
        messages.error(request, str(err.message))
    else:
        messages.success(request, _("Validated: the secretariat can now take it."))
    return _back(contribution)


@login_required
@require_POST
def contribution_send_back(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    contribution = _contribution_for(request, pk)
    base_number = _int(request, "base_number")
    if base_number is None:
        _incomplete(request)
        return _back(contribution)
    try:
        do_send_back_contribution(
            _person(request),
            contribution,
            base_number=base_number,
            comment=request.POST.get("comment", ""),
        )
    except DomainError as err:
        messages.error(request, str(err.message))
    else:
        messages.success(request, _("Sent back to the focal points with your comment."))
    return _back(contribution)


@login_required
@require_POST
def contribution_return(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    contribution = _contribution_for(request, pk)
    base_number = _int(request, "base_number")
    if base_number is None:
        _incomplete(request)
        return _back(contribution)
    try:
        do_return_contribution(
            _person(request),
            contribution,
            base_number=base_number,
            comment=request.POST.get("comment", ""),
        )
    except DomainError as err:
        messages.error(request, str(err.message))
    else:
        messages.success(
            request,
            _("Returned to %(entity)s with your comment.")
            % {"entity": contribution.entity.name},
        )
    return _back(contribution)


def _decisions(request: HttpRequest, numbers: list[int]) -> dict[int, Decision]:
    decisions = {}
    for number in numbers:
        action = request.POST.get(f"action_{number}", "")
        if action in (ACCEPT, REJECT, EDIT, RESOLVE):
            decisions[number] = Decision(action, request.POST.get(f"text_{number}", ""))
    return decisions


@login_required
@require_POST
def contribution_review(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    contribution = _contribution_for(request, pk)
    base_version = _int(request, "base_version")
    base_number = _int(request, "base_number")
    if base_version is None or base_number is None:
        _incomplete(request)
        return _back(contribution)
    numbers = [
        int(key.removeprefix("action_"))
        for key in request.POST
        if key.startswith("action_") and key.removeprefix("action_").isdigit()
    ]
    try:
        accepted = do_review_contribution(
            _person(request),
            contribution,
            base_version=base_version,
            base_number=base_number,
            decisions=_decisions(request, numbers),
        )
    except DomainError as err:
        messages.error(request, str(err.message))
        return _back(contribution)
    taken = sum(1 for item in accepted.decisions if item["action"] != REJECT)
    messages.success(
        request,
        _("%(taken)d of %(total)d change(s) went into the draft.")
        % {"taken": taken, "total": len(accepted.decisions)},
    )
    return redirect("section-detail", pk=contribution.section_id)


@login_required
@require_POST
def contribution_upload(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    """A new revision from a Word file."""
    contribution = _contribution_for(request, pk)
    base_number = _int(request, "base_number")
    upload = request.FILES.get("file")
    if base_number is None or upload is None:
        _incomplete(request)
        return _back(contribution)
    try:
        revision = do_upload_word(
            _person(request),
            upload.read(MAX_FILE_BYTES + 1),
            file_name=upload.name or "",
            contribution=contribution,
            base_number=base_number,
        )
    except DomainError as err:
        messages.error(request, str(err.message))
        return _back(contribution)
    messages.success(
        request, _("Saved as revision %(number)d.") % {"number": revision.number}
    )
    for warning in revision.warnings:
        messages.warning(request, warning)
    return _back(contribution)
