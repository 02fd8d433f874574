"""Pages for stored exports: list them, export anew, compare two versions."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from drafting.models import Report
from exports.actions import access_export, do_export_redline, do_export_report
from exports.api import docx_download
from exports.models import Export
from reportdesk.abilities import visible_reports
from reportdesk.abilities.exports import export_abilities, visible_exports
from reportdesk.errors import DomainError


def _report(request: HttpRequest, slug: str) -> Report:
    return get_object_or_404(visible_reports(request.user), slug=slug)


def _person(request: HttpRequest) -> User:
    # Every view that calls this is behind login_required.
    return cast(User, request.user)


@login_required
def report_exports(request: HttpRequest, slug: str) -> HttpResponse:
    report = _report(request, slug)
    exports = (
        visible_exports(request.user)
        .filter(report=report)
        .select_related("version", "base_version", "created_by")
        .defer("content")
    )
    versions = list(report.versions.order_by("number"))
    context = {
        "report": report,
        "exports": exports,
        "versions": versions,
        "abilities": export_abilities(request.user, report),
        "kinds": Export.Kind,
    }
    return render(request, "exports/report_exports.html", context)


@login_required
@require_POST
def export_create(request: HttpRequest, slug: str) -> HttpResponseRedirect:
    report = _report(request, slug)
    try:
        export = do_export_report(
            _person(request), report, internal=request.POST.get("internal") == "1"
        )
    except DomainError as err:
        messages.error(request, str(err.message))
    else:
        _announce(request, export)
    return redirect("report-exports", slug=slug)


@login_required
@require_POST
def redline_create(request: HttpRequest, slug: str) -> HttpResponseRedirect:
    report = _report(request, slug)
    try:
        numbers = int(request.POST.get("base", "")), int(request.POST.get("target", ""))
    except ValueError:
        messages.error(request, _("Choose the two versions to compare."))
        return redirect("report-exports", slug=slug)
    versions = {v.number: v for v in report.versions.filter(number__in=numbers)}
    if len(versions) != len(set(numbers)) or numbers[0] == numbers[1]:
        messages.error(request, _("Choose two different versions of this report."))
        return redirect("report-exports", slug=slug)
    try:
        export = do_export_redline(
            _person(request),
            report,
            base=versions[numbers[0]],
            target=versions[numbers[1]],
        )
    except DomainError as err:
        messages.error(request, str(err.message))
    else:
        _announce(request, export)
    return redirect("report-exports", slug=slug)


@login_required
def export_download(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        export = access_export(request.user, pk)
    except DomainError as err:
        # Refused like a missing file: the number tells nobody it exists.
        raise Http404(str(err.message)) from err
    return docx_download(export)


def _announce(request: HttpRequest, export: Export) -> None:
    messages.success(
        request,
        _("%(file)s is ready (SHA-256 %(digest)s…).")
        % {"file": export.filename, "digest": export.sha256[:12]},
    )
    # A removed character is something the person must know about, not a
    # line in a log: it is shown with the export, now and on the list.
    for warning in export.warnings:
        messages.warning(request, warning)
