"""Pages for the secretariat: opening rounds, inviting, closing, working
through the comments, the record, the submissions, the methodology facts."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from audit import Verb
from consultation import actions, clock, reviewing
from consultation.anchoring import anchor
from consultation.api import record_response, site_of, submission_response
from consultation.export import current_texts, describe_anchor
from consultation.methodology import (
    do_prefill_methodology,
    methodology_section,
    methodology_text,
)
from consultation.models import Comment, Decision, Invitation, Round
from consultation.queries import UNDECIDED, filter_comments
from consultation.reading import shared_sections
from consultation.trail import record_round_act
from contributions.models import AcceptedInput, Entity, Revision
from drafting.actions import ordered_sections
from drafting.models import Report, Section
from reportdesk.abilities import visible_reports
from reportdesk.abilities.consultation import (
    CONSULTED_KINDS,
    can_run_consultations,
    visible_rounds,
    visible_submissions,
)
from reportdesk.errors import DomainError


def _person(request: HttpRequest) -> User:
    return cast(User, request.user)


def _report_for(request: HttpRequest, slug: str) -> Report:
    report = get_object_or_404(visible_reports(request.user), slug=slug)
    if not can_run_consultations(request.user, report):
        raise Http404(_("There is no consultation here for you."))
    return report


def _managed_round(request: HttpRequest, pk: int) -> Round:
    round = get_object_or_404(
        visible_rounds(request.user).select_related("report", "version"), pk=pk
    )
    if not can_run_consultations(request.user, round.report):
        raise Http404(_("There is no consultation here for you."))
    return round


def _local(value: dt.datetime) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%dT%H:%M")


def _when(value: str) -> dt.datetime | None:
    """A date and time from a datetime-local field, in the site's time zone."""
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    return parsed


@login_required
def report_rounds(request: HttpRequest, slug: str) -> HttpResponse:
    """A report's rounds, the form to open one, and the methodology facts."""
    report = _report_for(request, slug)
    if request.method == "POST":
        return _open_round(request, report)
    facts, facts_error = "", ""
    try:
        methodology_section(report)
        facts = methodology_text(report)
    except DomainError as err:
        facts_error = str(err.message)
    now = timezone.localtime()
    context = {
        "report": report,
        "rounds": Round.objects.filter(report=report).select_related("version"),
        "sections": ordered_sections(report),
        "organisations": Entity.objects.filter(kind__in=CONSULTED_KINDS),
        "facts": facts,
        "facts_error": facts_error,
        "default_opens": _local(now),
        "default_closes": _local(now + dt.timedelta(days=21)),
    }
    return render(request, "consultation/report_rounds.html", context)


def _open_round(request: HttpRequest, report: Report) -> HttpResponseRedirect:
    opens_at = _when(request.POST.get("opens_at", ""))
    closes_at = _when(request.POST.get("closes_at", ""))
    if opens_at is None or closes_at is None:
        messages.error(request, _("Give the opening and closing dates and times."))
        return redirect("consultation-report", slug=report.slug)
    chosen = {int(v) for v in request.POST.getlist("sections") if v.isdigit()}
    organisations = Entity.objects.filter(
        pk__in=[int(v) for v in request.POST.getlist("organisations") if v.isdigit()]
    )
    try:
        round = actions.do_open_round(
            _person(request),
            report,
            title=request.POST.get("title", ""),
            opens_at=opens_at,
            closes_at=closes_at,
            sections=_with_descendants(report, chosen),
            organisations=list(organisations),
            public_link=request.POST.get("public_link") == "1",
            reviewers_see_each_other=request.POST.get("see_each_other") == "1",
        )
    except DomainError as err:
        messages.error(request, str(err.message))
        return redirect("consultation-report", slug=report.slug)
    messages.success(
        request,
        _("The round is open on version %(number)d; now invite the organisations.")
        % {"number": round.version.number},
    )
    return redirect("consultation-manage", pk=round.pk)


def _with_descendants(report: Report, chosen: set[int]) -> set[int]:
    """Choosing a chapter shares its parts too."""
    if not chosen:
        return chosen
    children: dict[int | None, list[int]] = {}
    for section in report.sections.only("pk", "parent_id"):
        children.setdefault(section.parent_id, []).append(section.pk)
    result, stack = set(), list(chosen)
    while stack:
        pk = stack.pop()
        if pk not in result:
            result.add(pk)
            stack.extend(children.get(pk, []))
    return result


@login_required
@require_POST
def prefill_methodology(request: HttpRequest, slug: str) -> HttpResponseRedirect:
    report = _report_for(request, slug)
    try:
        section = do_prefill_methodology(_person(request), report)
    except DomainError as err:
        messages.error(request, str(err.message))
        return redirect("consultation-report", slug=slug)
    messages.success(request, _("The consultation facts are in the section."))
    return redirect("section-detail", pk=section.pk)


@login_required
def manage(request: HttpRequest, pk: int) -> HttpResponse:
    round = _managed_round(request, pk)
    record_round_act(request.user, Verb.VIEW, round, request=request)
    context = {
        "round": round,
        "report": round.report,
        "participants": round.participants.select_related("entity"),
        "invitations": Invitation.objects.filter(participant__round=round)
        .select_related("participant__entity")
        .order_by("created_at", "id"),
        "organisations": Entity.objects.filter(kind__in=CONSULTED_KINDS),
        "submissions": visible_submissions(request.user)
        .filter(round=round)
        .select_related("entity"),
        "sections": shared_sections(round),
        "counts": _counts(round),
        "now": clock.now(),
        "closes_local": _local(round.closes_at),
    }
    return render(request, "consultation/manage.html", context)


def _counts(round: Round) -> dict[str, int]:
    comments = list(round.comments.values_list("decision", flat=True))
    return {"total": len(comments), "undecided": comments.count("")}


@login_required
@require_POST
def manage_action(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    """The round page's forms: invite, add, close, change."""
    round = _managed_round(request, pk)
    action = request.POST.get("action", "")
    try:
        message = _run(request, round, action)
    except DomainError as err:
        messages.error(request, str(err.message))
    else:
        messages.success(request, message)
    return redirect("consultation-manage", pk=round.pk)


def _run(request: HttpRequest, round: Round, action: str) -> str:
    user = _person(request)
    if action == "invite":
        entity_id = request.POST.get("entity", "")
        entity = (
            get_object_or_404(Entity, pk=int(entity_id), kind__in=CONSULTED_KINDS)
            if entity_id.isdigit()
            else None
        )
        invitation, _token = actions.do_invite(
            user,
            round,
            email=request.POST.get("email", ""),
            site=site_of(request),
            entity=entity,
            organisation_name=request.POST.get("organisation_name", ""),
            kind=request.POST.get("kind", Entity.Kind.CSO),
        )
        return _("An invitation was sent to %(email)s.") % {"email": invitation.email}
    if action == "close":
        actions.do_close_round(user, round)
        return _("The round is closed.")
    if action == "update":
        typed = request.POST.get("closes_at", "")
        # The field shows minutes; only a closing time someone changed moves.
        unchanged = typed == _local(round.closes_at)
        actions.do_update_round(
            user,
            round,
            closes_at=None if unchanged else _when(typed),
            reviewers_see_each_other=request.POST.get("see_each_other") == "1",
            public_link=request.POST.get("public_link") == "1",
        )
        return _("The round was changed.")
    if action == "tell":
        sent = reviewing.do_tell_authors(user, round, site=site_of(request))
        return _("%(count)d e-mail(s) told authors of the decisions.") % {"count": sent}
    raise DomainError(_("Unknown action; reload the page and try again."))


@login_required
def decisions(request: HttpRequest, pk: int) -> HttpResponse:
    """Work through a round's comments section by section, with filters."""
    round = _managed_round(request, pk)
    texts = current_texts(round.report)
    comments = filter_comments(
        round.comments.select_related(
            "entity", "carried_in_section", "carried_in_revision__contribution__entity"
        ),
        request.GET,
        reveal=True,
    )
    order = {s["id"]: i for i, s in enumerate(round.version.snapshot["sections"])}
    rows = sorted(
        comments, key=lambda c: (order.get(c.snapshot_section, 0), c.created_at, c.pk)
    )
    groups: list[dict[str, Any]] = []
    for comment in rows:
        found = anchor(comment, texts)
        if not groups or groups[-1]["section"] != comment.snapshot_section:
            groups.append(
                {
                    "section": comment.snapshot_section,
                    "heading": comment.section_heading,
                    "rows": [],
                }
            )
        groups[-1]["rows"].append(
            {"comment": comment, "anchor": found, "where": describe_anchor(found)}
        )
    context = {
        "round": round,
        "report": round.report,
        "groups": groups,
        "decisions": Decision.choices,
        "sections": shared_sections(round),
        "participants": round.participants.select_related("entity"),
        "filters": request.GET,
        "undecided": UNDECIDED,
        "draft_sections": ordered_sections(round.report),
        "revisions": AcceptedInput.objects.filter(section__report=round.report)
        .select_related("revision__contribution__entity", "section")
        .order_by("section_id", "accepted_at"),
        "total": round.comments.count(),
    }
    return render(request, "consultation/decisions.html", context)


def _optional_int(value: str) -> int | None:
    return int(value) if value.isdigit() else None


@login_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    comment = get_object_or_404(
        Comment.objects.select_related("round__report"),
        pk=pk,
        round__in=visible_rounds(request.user),
    )
    report = comment.round.report
    if not can_run_consultations(request.user, report):
        raise Http404(_("There is no consultation here for you."))
    section_id = _optional_int(request.POST.get("carried_in_section", ""))
    revision_id = _optional_int(request.POST.get("carried_in_revision", ""))
    try:
        reviewing.do_decide(
            _person(request),
            comment,
            decision=request.POST.get("decision", ""),
            reason=request.POST.get("reason", ""),
            carried_in_section=get_object_or_404(Section, pk=section_id, report=report)
            if section_id
            else None,
            carried_in_version=_optional_int(
                request.POST.get("carried_in_version", "")
            ),
            carried_in_revision=get_object_or_404(
                Revision, pk=revision_id, contribution__section__report=report
            )
            if revision_id
            else None,
        )
    except DomainError as err:
        messages.error(request, str(err.message))
    else:
        messages.success(request, _("The decision was recorded."))
    back = request.POST.get("back", "")
    # Only a path on this site, so the form cannot send anyone elsewhere.
    if back.startswith("/") and not back.startswith("//"):
        return HttpResponseRedirect(f"{back}#comment-{comment.pk}")
    return redirect("consultation-decisions", pk=comment.round_id)


@login_required
def record(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    round = _managed_round(request, pk)
    try:
        return record_response(request.user, round, kind)
    except DomainError as err:
        raise Http404(str(err.message)) from err


@login_required
def submission_file(request: HttpRequest, pk: int) -> HttpResponseBase:
    submission = get_object_or_404(
        visible_submissions(request.user).select_related("round__report"), pk=pk
    )
    return submission_response(request.user, submission)
