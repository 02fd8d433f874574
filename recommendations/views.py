"""Pages for reading recommendations and tracking their implementation.

Each view checks abilities through the actions it calls, and turns a
``DomainError`` into a message on the page it returns to.
"""

from __future__ import annotations

import datetime as dt
from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from contributions.models import Entity
from drafting.models import Section
from recommendations import actions
from recommendations.answering import coverage
from recommendations.api import xlsx_response
from recommendations.grouping import GROUPING_LABELS, GROUPINGS, group_recommendations
from recommendations.models import (
    ImplementationStatus,
    PersonGroup,
    PlannedAction,
    Position,
    Recommendation,
    Sdg,
    Theme,
)
from recommendations.queries import filter_recommendations, with_relations
from recommendations.xlsx import plan_workbook
from reportdesk.abilities import (
    can_create_reports,
    report_abilities,
    visible_reports,
)
from reportdesk.abilities.recommendations import (
    can_import_recommendations,
    can_manage_clusters,
    can_see_progress,
    ministry_of,
    planned_action_abilities,
    recommendation_abilities,
    visible_recommendations,
)
from reportdesk.errors import DomainError

PAGE_SIZE = 50


def _person(request: HttpRequest) -> User:
    # Every view that calls this is behind login_required.
    return cast(User, request.user)


def _visible(request: HttpRequest, pk: int) -> Recommendation:
    return get_object_or_404(visible_recommendations(request.user), pk=pk)


def _version(request: HttpRequest) -> int:
    value = request.POST.get("base_version", "")
    if not value.isdigit():
        raise DomainError(_("The form was incomplete; reload the page and try again."))
    return int(value)


def _date(value: str) -> dt.date | None:
    if not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as err:
        raise DomainError(
            _("%(value)s is not a date; write it as 2026-06-30.") % {"value": value}
        ) from err


@login_required
def recommendation_list(request: HttpRequest) -> HttpResponse:
    visible = visible_recommendations(request.user)
    found = with_relations(filter_recommendations(visible, request.GET))
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "page": page,
        "count": page.paginator.count,
        "query": query.urlencode(),
        "filters": request.GET,
        "states": visible.order_by("state").values_list("state", flat=True).distinct(),
        "themes": Theme.objects.filter(recommendations__in=visible).distinct(),
        "groups": PersonGroup.objects.filter(recommendations__in=visible).distinct(),
        "sdgs": Sdg.objects.filter(recommendations__in=visible).distinct(),
        "entities": Entity.objects.filter(recommendations__in=visible).distinct(),
        "positions": Position.choices,
        "statuses": ImplementationStatus.choices,
        "groupings": GROUPING_LABELS,
        "can_import": can_import_recommendations(request.user),
        "can_cluster": can_manage_clusters(request.user),
        "can_see_progress": can_see_progress(request.user),
        "can_create_midterm": can_create_reports(request.user),
        "ministry": ministry_of(request.user),
    }
    return render(request, "recommendations/list.html", context)


@login_required
def recommendation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    recommendation = get_object_or_404(
        with_relations(visible_recommendations(request.user)), pk=pk
    )
    abilities = recommendation_abilities(request.user, recommendation)
    planned = [
        (item, planned_action_abilities(request.user, item))
        for item in recommendation.planned_actions.select_related(
            "entity", "recommendation"
        )
    ]
    reports = visible_reports(request.user)
    context = {
        "recommendation": recommendation,
        "abilities": abilities,
        "planned": planned,
        "statuses": ImplementationStatus.choices,
        "action_statuses": PlannedAction.Status.choices,
        "linked_sections": recommendation.sections.select_related("report").filter(
            report__in=reports
        ),
        "government_entities": Entity.objects.filter(
            kind__in=Entity.GOVERNMENT_KINDS
        ).exclude(kind=Entity.Kind.SECRETARIAT)
        if abilities["assign"]
        else [],
        "assigned_ids": {e.pk for e in recommendation.responsible_entities.all()},
        "sections": _linkable_sections(request) if abilities["link_sections"] else [],
        "linked_ids": {s.pk for s in recommendation.sections.all()},
        "ministry": ministry_of(request.user),
    }
    return render(request, "recommendations/detail.html", context)


def _linkable_sections(request: HttpRequest) -> list[Section]:
    editable = [
        report.pk
        for report in visible_reports(request.user)
        if report_abilities(request.user, report)["edit"]
    ]
    return list(
        Section.objects.filter(report_id__in=editable)
        .select_related("report")
        .order_by("report__slug", "parent_id", "position")
    )


def _back(pk: int) -> HttpResponseRedirect:
    return redirect("recommendation-detail", pk=pk)


@login_required
@require_POST
def tracking_update(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    recommendation = _visible(request, pk)
    try:
        actions.do_update_tracking(
            _person(request),
            recommendation,
            status=request.POST.get("status", ""),
            note=request.POST.get("status_note", "")[:10_000],
            base_version=_version(request),
        )
    except DomainError as err:
        messages.error(request, str(err.message))
    else:
        messages.success(request, _("The implementation status was saved."))
    return _back(pk)


@login_required
@require_POST
def assignment_update(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    recommendation = _visible(request, pk)
    ids = [int(v) for v in request.POST.getlist("entities") if v.isdigit()]
    try:
        actions.do_assign_entities(
            _person(request),
            recommendation,
            Entity.objects.filter(pk__in=ids[:50]),
            base_version=_version(request),
        )
    except DomainError as err:
        messages.error(request, str(err.message))
    else:
        messages.success(request, _("The responsible bodies were saved."))
    return _back(pk)


@login_required
@require_POST
def classification_update(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    recommendation = _visible(request, pk)

    def lines(name: str) -> list[str]:
        return [line.strip() for line in request.POST.get(name, "").splitlines()]

    try:
        sdgs = [int(v) for v in request.POST.get("sdgs", "").replace(",", " ").split()]
    except ValueError:
        messages.error(request, _("Write the SDG goals as numbers, such as 5, 10, 16."))
        return _back(pk)
    targets = request.POST.get("sdg_targets", "").replace(",", " ").split()
    try:
        actions.do_classify(
            _person(request),
            recommendation,
            themes=[n for n in lines("themes") if n],
            groups=[n for n in lines("groups") if n],
            sdgs=sdgs,
            sdg_targets=targets,
            base_version=_version(request),
        )
    except DomainError as err:
        messages.error(request, str(err.message))
    else:
        messages.success(request, _("The classification was saved."))
    return _back(pk)


@login_required
@require_POST
def sections_update(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    recommendation = _visible(request, pk)
    ids = [int(v) for v in request.POST.getlist("sections") if v.isdigit()]
    sections = Section.objects.select_related("report").filter(
        pk__in=ids[:200], report__in=visible_reports(request.user)
    )
    try:
        actions.do_link_sections(_person(request), recommendation, sections)
    except DomainError as err:
        messages.error(request, str(err.message))
    else:
        messages.success(request, _("The sections that answer it were saved."))
    return _back(pk)


@login_required
@require_POST
def action_add(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    recommendation = _visible(request, pk)
    entity_id = request.POST.get("entity", "")
    entity = (
        Entity.objects.filter(pk=int(entity_id)).first()
        if entity_id.isdigit()
        else None
    )
    try:
        actions.do_add_planned_action(
            _person(request),
            recommendation,
            description=request.POST.get("description", "")[:5000],
            entity=entity,
            start=_date(request.POST.get("start", "")),
            due=_date(request.POST.get("due", "")),
            indicator=request.POST.get("indicator", "")[:2000],
            status=request.POST.get("status", PlannedAction.Status.PLANNED),
        )
    except DomainError as err:
        messages.error(request, str(err.message))
    else:
        messages.success(request, _("The action was added to the plan."))
    return _back(pk)


@login_required
@require_POST
def action_update(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    item = get_object_or_404(
        PlannedAction.objects.select_related("recommendation"),
        pk=pk,
        recommendation__in=visible_recommendations(request.user),
    )
    try:
        if request.POST.get("delete"):
            actions.do_delete_planned_action(_person(request), item)
            messages.success(request, _("The action was removed from the plan."))
        else:
            actions.do_update_planned_action(
                _person(request),
                item,
                description=request.POST.get("description", item.description)[:5000],
                start=_date(request.POST.get("start", "")),
                due=_date(request.POST.get("due", "")),
                indicator=request.POST.get("indicator", "")[:2000],
                status=request.POST.get("status", item.status),
            )
            messages.success(request, _("The action was saved."))
    except DomainError as err:
        messages.error(request, str(err.message))
    return _back(item.recommendation_id)


@login_required
def recommendation_groups(request: HttpRequest) -> HttpResponse:
    by = request.GET.get("by", "theme")
    if by not in GROUPINGS:
        by = "theme"
    found = filter_recommendations(visible_recommendations(request.user), request.GET)
    context = {
        "by": by,
        "by_label": GROUPING_LABELS[by],
        "groupings": GROUPING_LABELS,
        "groups": group_recommendations(found, by),
        "filter_name": {"theme": "theme", "sdg": "sdg", "group": "group"}.get(
            by, "entity"
        ),
    }
    return render(request, "recommendations/groups.html", context)


@login_required
def plan_xlsx(request: HttpRequest) -> HttpResponse:
    found = filter_recommendations(visible_recommendations(request.user), request.GET)
    return xlsx_response(plan_workbook(found))


@login_required
def report_coverage(request: HttpRequest, slug: str) -> HttpResponse:
    report = get_object_or_404(visible_reports(request.user), slug=slug)
    rows = coverage(report)
    answered = sum(1 for row in rows if row.answered)
    context = {
        "report": report,
        "rows": rows,
        "answered": answered,
        "open": len(rows) - answered,
        "can_open": set(
            visible_recommendations(request.user)
            .filter(pk__in=[row.recommendation.pk for row in rows])
            .values_list("pk", flat=True)
        ),
    }
    return render(request, "recommendations/coverage.html", context)
