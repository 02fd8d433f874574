"""The secretariat's pages for the trail: browse with filters, export as CSV."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditEvent, Verb
from audit.queries import TrailFilter, csv_lines, filtered_events
from audit.recording import record
from reportdesk.abilities.audit import audit_abilities

PAGE_SIZE = 50


def _check(request: HttpRequest, ability: str) -> None:
    if not audit_abilities(request.user)[ability]:
        raise PermissionDenied(_("Only the secretariat reads the audit trail."))


@login_required
def trail(request: HttpRequest) -> HttpResponse:
    _check(request, "browse")
    form = TrailFilter(request.GET)
    # Every field is optional: no filter at all is a valid one (everything).
    events = (
        filtered_events(form.cleaned_data)
        if form.is_valid()
        else AuditEvent.objects.none()
    )
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "abilities": audit_abilities(request.user),
    }
    return render(request, "audit/trail.html", context)


@login_required
def trail_csv(request: HttpRequest) -> HttpResponseBase:
    _check(request, "export")
    form = TrailFilter(request.GET)
    if not form.is_valid():
        return HttpResponse(
            _("The filter is not valid: %(errors)s")
            % {"errors": form.errors.as_text()},
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    events = filtered_events(form.cleaned_data)
    with transaction.atomic():
        record(
            request.user,
            Verb.EXPORT,
            target=("audit.auditevent", ""),
            report=form.cleaned_data.get("report"),
            details={"trail": True, "filter": request.GET.dict()},
            request=request,
        )
    name = f"audit-trail-{timezone.localdate():%Y-%m-%d}.csv"
    response = StreamingHttpResponse(
        csv_lines(events.iterator(chunk_size=500)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
