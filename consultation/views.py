"""Pages for reviewers: the rounds they are invited to, reading and commenting,
uploading, their comments with decisions; the invitation link and the public
link. Each view finds the round through the abilities and calls one action;
a ``DomainError`` becomes a message on the page it returns to."""

from __future__ import annotations

from typing import Any, cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import limits
from audit import Verb
from consultation import actions, reviewing
from consultation.api import client_address
from consultation.models import Comment, Round
from consultation.reading import shared_sections
from consultation.trail import record_round_act
from reportdesk.abilities.consultation import (
    can_run_consultations,
    comment_abilities,
    consulted_entity,
    own_comments,
    round_abilities,
    visible_comments,
    visible_rounds,
)
from reportdesk.errors import DomainError


def _person(request: HttpRequest) -> User:
    # Every view that calls this is behind login_required.
    return cast(User, request.user)


def _round_for(request: HttpRequest, pk: int) -> Round:
    return get_object_or_404(
        visible_rounds(request.user).select_related("report", "version"), pk=pk
    )


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The rounds a person may open; the reviewer's start page."""
    rounds = visible_rounds(request.user).select_related("report").order_by("-opens_at")
    context = {
        "rounds": rounds,
        "entity": consulted_entity(request.user),
    }
    return render(request, "consultation/home.html", context)


def _reading_context(
    request: HttpRequest, round: Round, *, public_token: str | None = None
) -> dict[str, Any]:
    can = round_abilities(request.user, round, public_token=public_token)
    comments = (
        visible_comments(request.user, round, public_token=public_token)
        .select_related("entity")
        .order_by("created_at", "id")
    )
    by_section: dict[int, list[Comment]] = {}
    for comment in comments:
        # Read by the template: reviewers see decisions on their own only.
        comment.show_decision = comment_abilities(request.user, comment)["see_decision"]
        by_section.setdefault(comment.snapshot_section, []).append(comment)
    sections = [
        {"section": s, "comments": by_section.get(s.id, [])}
        for s in shared_sections(round)
    ]
    entity = consulted_entity(request.user)
    participant = (
        round.participants.filter(entity=entity).first() if entity is not None else None
    )
    return {
        "round": round,
        "report": round.report,
        "sections": sections,
        "abilities": can,
        "entity": entity,
        "participant": participant,
        "public_token": public_token,
    }


@login_required
def round_page(request: HttpRequest, pk: int) -> HttpResponse:
    round = _round_for(request, pk)
    if can_run_consultations(request.user, round.report):
        return redirect("consultation-manage", pk=round.pk)
    record_round_act(request.user, Verb.VIEW, round, request=request)
    return render(request, "consultation/round.html", _reading_context(request, round))


def _section_id(request: HttpRequest) -> int | None:
    try:
        return int(request.POST.get("section", ""))
    except ValueError:
        return None


@login_required
@require_POST
def comment(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    round = _round_for(request, pk)
    section_id = _section_id(request)
    if section_id is None:
        messages.error(request, _("Choose the section you comment on."))
        return redirect("consultation-round", pk=round.pk)
    try:
        reviewing.do_comment(
            _person(request),
            round,
            section_id=section_id,
            quote=request.POST.get("quote", ""),
            body=request.POST.get("body", ""),
            proposed_wording=request.POST.get("proposed_wording", ""),
        )
    except DomainError as err:
        messages.error(request, str(err.message))
    else:
        messages.success(request, _("Your comment was sent to the secretariat."))
    return HttpResponseRedirect(
        reverse("consultation-round", args=[round.pk]) + f"#section-{section_id}"
    )


@login_required
@require_POST
def upload(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    round = _round_for(request, pk)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose a Word or PDF file to upload."))
        return redirect("consultation-round", pk=round.pk)
    try:
        reviewing.do_upload_submission(
            _person(request), round, upload=upload, title=request.POST.get("title", "")
        )
    except DomainError as err:
        messages.error(request, str(err.message))
    else:
        messages.success(request, _("Your written submission was received."))
    return redirect("consultation-round", pk=round.pk)


@login_required
@require_POST
def anonymous(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    round = _round_for(request, pk)
    wanted = request.POST.get("anonymous") == "1"
    try:
        actions.do_set_anonymous(_person(request), round, anonymous=wanted)
    except DomainError as err:
        messages.error(request, str(err.message))
    else:
        messages.success(
            request,
            _("The record will not name your organisation.")
            if wanted
            else _("The record will name your organisation."),
        )
    return redirect("consultation-round", pk=round.pk)


@login_required
def my_comments(request: HttpRequest) -> HttpResponse:
    comments = (
        own_comments(request.user)
        .select_related("round__report", "entity")
        .order_by("-created_at", "-id")
    )
    return render(
        request,
        "consultation/my_comments.html",
        {"comments": comments, "entity": consulted_entity(request.user)},
    )


@limits.limited(limits.INVITATION)
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """Open an invitation link: create an account in the invited organisation,
    or, signed in already as one of its reviewers, confirm it."""
    try:
        found = actions.access_invitation(token)
    except DomainError as err:
        return render(
            request, "consultation/invitation.html", {"error": err.message}, status=410
        )
    if request.method == "POST":
        try:
            person = actions.do_accept_invitation(
                token,
                user=request.user,
                username=request.POST.get("username", ""),
                password=request.POST.get("password", ""),
                full_name=request.POST.get("full_name", ""),
            )
        except DomainError as err:
            messages.error(request, str(err.message))
        else:
            if not request.user.is_authenticated:
                # The account was just made with its password: the first
                # configured backend is the one that signs people in.
                login(request, person, backend=settings.AUTHENTICATION_BACKENDS[0])
            messages.success(
                request,
                _(
                    "Welcome. You can now read and comment on the rounds "
                    "%(name)s is invited to."
                )
                % {"name": found.participant.entity.name},
            )
            return redirect("consultation-home")
    context = {
        "invitation": found,
        "round": found.participant.round,
        "entity": found.participant.entity,
        "form": request.POST if request.method == "POST" else {},
    }
    return render(request, "consultation/invitation.html", context)


def _public_round(token: str) -> Round:
    round = (
        Round.objects.select_related("report", "version")
        .exclude(public_token="")
        .filter(public_token=token)
        .first()
    )
    if round is None or not round.has_opened():
        raise Http404(_("There is no consultation at this address."))
    return round


@limits.limited(limits.PUBLIC_LINK)
def public(request: HttpRequest, token: str) -> HttpResponse:
    """Read a round through its public link, and comment with a name."""
    round = _public_round(token)
    if request.method != "POST":
        record_round_act(request.user, Verb.VIEW, round, public=True)
    if request.method == "POST":
        section_id = _section_id(request)
        try:
            if section_id is None:
                raise DomainError(_("Choose the section you comment on."))
            reviewing.do_public_comment(
                round,
                token,
                address=client_address(request),
                section_id=section_id,
                name=request.POST.get("name", ""),
                organisation=request.POST.get("organisation", ""),
                quote=request.POST.get("quote", ""),
                body=request.POST.get("body", ""),
                proposed_wording=request.POST.get("proposed_wording", ""),
                anonymous=request.POST.get("anonymous") == "1",
                user=request.user,
            )
        except DomainError as err:
            messages.error(request, str(err.message))
        else:
            messages.success(request, _("Thank you: your comment was received."))
            return redirect("consultation-public", token=token)
    context = _reading_context(request, round, public_token=token)
    return render(request, "consultation/round.html", context)
