"""Keeps the request at hand for events, and writes down refused requests.

A person who is refused an object (403), or asks for one that is hidden from
them or does not exist (404), leaves an event: guessing the numbers of
internal drafts must show in the trail, whether through a page, the API or a
download link. Addresses that name no object (a mistyped API path, a static
file) are left to the security log.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse

from audit.context import current_request
from audit.recording import SECRET_KWARGS, record_denied

logger = logging.getLogger(__name__)

REFUSED = {403, 404}
# Route names whose ``pk`` names a model with a report: the refusal is filed
# under that report, so the secretariat finds it when it looks at the report.
# The first prefix that matches wins, so the longer ones come first.
PK_MODELS = (
    ("section-revision", "collab.sectionrevision"),
    ("section", "drafting.section"),
    ("export", "exports.export"),
    ("contribution", "contributions.contribution"),
    ("revisions", "contributions.contribution"),  # a contribution's revisions
    ("revision-upload", "contributions.contribution"),
    ("revision", "contributions.revision"),
    ("consultation-comment-decision", "consultation.comment"),
    ("consultation-decide", "consultation.comment"),
    ("consultation-submission", "consultation.submission"),
    ("consultation-", "consultation.round"),  # every other one names a round
    ("recommendation", "recommendations.recommendation"),
)
# How to reach the report from each kind of object above.
REPORT_PATHS = {
    "drafting.section": "sections",
    "exports.export": "exports",
    "collab.sectionrevision": "sections__live_revisions",
    "contributions.contribution": "sections__contributions",
    "contributions.revision": "sections__contributions__revisions",
    "consultation.round": "consultation_rounds",
    "consultation.comment": "consultation_rounds__comments",
    "consultation.submission": "consultation_rounds__submissions",
}


class AuditMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = current_request.set(request)
        try:
            response = self.get_response(request)
        finally:
            current_request.reset(token)
        if response.status_code in REFUSED:
            self._record_refusal(request, response)
        return response

    def _record_refusal(self, request: HttpRequest, response: HttpResponse) -> None:
        user = getattr(request, "user", None)
        match = request.resolver_match
        if (
            user is None
            or not user.is_authenticated
            or getattr(request, "audit_denial_recorded", False)
            or match is None
            or not match.url_name
            or not (match.kwargs or response.status_code == 403)
        ):
            return
        kwargs = {
            key: ("…" if key in SECRET_KWARGS else str(value))
            for key, value in match.kwargs.items()
        }
        target, report = _target(match.url_name, match.kwargs)
        record_denied(
            user,
            target=target,
            report=report,
            via="api" if request.path.startswith("/api/") else "page",
            details={
                "method": request.method,
                "path": request.path if not set(kwargs) & SECRET_KWARGS else "",
                "route": match.url_name,
                "status": response.status_code,
                "address": kwargs,
            },
            request=request,
        )


def _target(route: str, kwargs: dict[str, Any]) -> tuple[Any, Any]:
    """What the refused address named, and the report it belongs to if any."""
    from drafting.models import Report

    if "slug" in kwargs:
        report = Report.objects.filter(slug=kwargs["slug"]).first()
        return ("drafting.report", kwargs["slug"]), report
    if "pk" not in kwargs:
        return (f"route:{route}", ""), None
    stem = route.removeprefix("api-")
    for prefix, label in PK_MODELS:
        if stem.startswith(prefix):
            return (label, kwargs["pk"]), _report_of(label, kwargs["pk"])
    return (f"route:{route}", kwargs["pk"]), None


def _report_of(label: str, pk: int) -> Any:
    """The report behind the object's id, if that id exists at all."""
    from drafting.models import Report

    path = REPORT_PATHS.get(label)
    if path is None:
        return None
    return Report.objects.filter(**{f"{path}__pk": pk}).first()
