"""The secretariat's pages: import, clusters, progress, the mid-term report."""

from __future__ import annotations

import datetime as dt
import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from recommendations import actions
from recommendations.actions.importing import check_request_size, read_upload
from recommendations.grouping import group_recommendations
from recommendations.importers import KINDS
from recommendations.models import Cluster, ImportRecord, Recommendation
from recommendations.queries import filter_recommendations
from recommendations.views import _person
from reportdesk.abilities import can_create_reports
from reportdesk.abilities.recommendations import (
    can_import_recommendations,
    can_manage_clusters,
    can_see_progress,
    visible_clusters,
    visible_recommendations,
)
from reportdesk.errors import DomainError

security_log = logging.getLogger("security")


def _require(allowed: bool, request: HttpRequest) -> None:
    if not allowed:
        security_log.warning(
            "denied %s %s for user %s", request.method, request.path, request.user.pk
        )
        raise PermissionDenied(_("This page is for the reporting secretariat."))


@login_required
def recommendation_import(request: HttpRequest) -> HttpResponse:
    _require(can_import_recommendations(request.user), request)
    summary = None
    if request.method == "POST":
        try:
            check_request_size(request.META.get("CONTENT_LENGTH"))
            upload = request.FILES.get("file")
            if upload is not None:
                text, filename = read_upload(upload), upload.name or ""
            else:
                text, filename = request.POST.get("text", ""), ""
            kind = request.POST.get("kind") or None
            summary = actions.do_import_recommendations(
                _person(request),
                text,
                filename=filename,
                kind=kind if kind in KINDS else None,
            )
        except DomainError as err:
            messages.error(request, str(err.message))
    context = {
        "summary": summary.as_dict() if summary else None,
        "kinds": KINDS,
        "recent": ImportRecord.objects.select_related("imported_by")[:10],
    }
    return render(request, "recommendations/import.html", context)


@login_required
def cluster_list(request: HttpRequest) -> HttpResponse:
    _require(can_manage_clusters(request.user), request)
    status = request.GET.get("status", Cluster.Status.PROPOSED)
    clusters = visible_clusters(request.user).prefetch_related("members")
    if status in Cluster.Status.values:
        clusters = clusters.filter(status=status)
    context = {
        "clusters": clusters[:200],
        "status": status,
        "statuses": Cluster.Status.choices,
        "states": Recommendation.objects.order_by("state")
        .values_list("state", flat=True)
        .distinct(),
    }
    return render(request, "recommendations/clusters.html", context)


@login_required
@require_POST
def cluster_propose(request: HttpRequest) -> HttpResponseRedirect:
    _require(can_manage_clusters(request.user), request)
    try:
        created = actions.do_propose_clusters(
            _person(request), state=request.POST.get("state", "")[:120]
        )
    except DomainError as err:
        messages.error(request, str(err.message))
    else:
        messages.success(
            request,
            _("%(count)s new cluster(s) proposed; confirm or reject each.")
            % {"count": len(created)},
        )
    return redirect("recommendation-clusters")


@login_required
@require_POST
def cluster_decide(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    cluster = get_object_or_404(visible_clusters(request.user), pk=pk)
    try:
        if request.POST.get("decision") == "reject":
            actions.do_reject_cluster(_person(request), cluster)
            messages.success(request, _("The proposal was rejected."))
        else:
            members = [int(v) for v in request.POST.getlist("members") if v.isdigit()]
            actions.do_confirm_cluster(
                _person(request),
                cluster,
                title=request.POST.get("title", "")[:300],
                members=members or None,
            )
            messages.success(request, _("The cluster was confirmed."))
    except DomainError as err:
        messages.error(request, str(err.message))
    return redirect("recommendation-clusters")


@login_required
def progress(request: HttpRequest) -> HttpResponse:
    _require(can_see_progress(request.user), request)
    found = filter_recommendations(visible_recommendations(request.user), request.GET)
    context = {
        "groups": group_recommendations(found, "entity"),
        "total": found.count(),
        "states": Recommendation.objects.order_by("state")
        .values_list("state", flat=True)
        .distinct(),
        "filters": request.GET,
    }
    return render(request, "recommendations/progress.html", context)


@login_required
def midterm_create(request: HttpRequest) -> HttpResponse:
    _require(can_create_reports(request.user), request)
    if request.method == "POST":
        try:
            due = request.POST.get("due_date", "").strip()
            report = actions.do_create_midterm_report(
                _person(request),
                state=request.POST.get("state", "").strip()[:120],
                state_code=request.POST.get("state_code", "").strip()[:3],
                slug=request.POST.get("slug", "").strip()[:60],
                title=request.POST.get("title", "").strip()[:300],
                due_date=dt.date.fromisoformat(due) if due else None,
            )
        except ValueError:
            messages.error(request, _("Write the due date as 2027-06-30."))
        except DomainError as err:
            messages.error(request, str(err.message))
        else:
            messages.success(
                request,
                _("The mid-term report was created with a section for each theme."),
            )
            return redirect("report-coverage", slug=report.slug)
    context = {
        "states": Recommendation.objects.filter(mechanism="UPR")
        .order_by("state")
        .values_list("state", flat=True)
        .distinct(),
        "form": request.POST,
    }
    return render(request, "recommendations/midterm.html", context)
