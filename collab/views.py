"""Pages of live editing: the editor, the history, restoring a revision."""

from __future__ import annotations

from html import escape
from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from drafting.models import Section
from reportdesk.errors import DomainError, NotAllowed

from .actions import access_live_section, do_restore_revision
from .merge import DELETE, INSERT, Differ
from .models import SectionRevision


def _section(request: HttpRequest, pk: int) -> tuple[Section, dict[str, bool]]:
    try:
        return access_live_section(cast(User, request.user), pk)
    except NotAllowed as err:
        raise Http404(str(err.message)) from err


def _editor_messages() -> dict[str, str]:
    return {
        "editor_label": _("Section text"),
        "placeholder": _(
            "Write the section here. Leave an empty line between paragraphs."
        ),
        "status_connecting": _("Connecting…"),
        "status_saved": _("All changes saved"),
        "status_saving": _("Saving…"),
        "status_offline": _(
            "Offline: keep writing, your changes will be sent on reconnection"
        ),
        "status_error": _("A change could not be saved"),
        "revision_saved": _("Revision %(number)s saved"),
        "link_prompt": _("Address of the link (https://…)"),
        "no_limit": _("no limit"),
    }


@login_required
def section_edit(request: HttpRequest, pk: int) -> HttpResponse:
    section, abilities = _section(request, pk)
    config = {
        "socket": request.build_absolute_uri(f"/ws/sections/{section.pk}/").replace(
            "http", "ws", 1
        ),
        "messages": _editor_messages(),
    }
    report = section.report
    return render(
        request,
        "collab/section_edit.html",
        {
            "section": section,
            "report": report,
            "abilities": abilities,
            "config": config,
            "rtl": report.language == "ar",
        },
    )


@login_required
def section_history(request: HttpRequest, pk: int) -> HttpResponse:
    section, abilities = _section(request, pk)
    revisions = list(
        SectionRevision.objects.filter(section=section)
        .prefetch_related("authors")
        .order_by("-number")
    )
    compared = None
    number = request.GET.get("compare", "")
    if number.isdigit():
        chosen = next((r for r in revisions if r.number == int(number)), None)
        if chosen is None:
            raise Http404(_("There is no such revision of this section."))
        earlier = next((r for r in revisions if r.number < chosen.number), None)
        compared = {
            "revision": chosen,
            "against": earlier,
            "with_earlier": _compare(earlier.text if earlier else "", chosen.text),
            "with_current": _compare(chosen.text, section.text),
        }
    return render(
        request,
        "collab/section_history.html",
        {
            "section": section,
            "report": section.report,
            "revisions": revisions,
            "compared": compared,
            "abilities": abilities,
        },
    )


def _compare(before: str, after: str) -> SafeString:
    """Deleted words struck through, added ones underlined; all text escaped."""
    parts = []
    for op, text in Differ(timeout=1.0).diffs(before, after):
        safe = escape(text).replace("\n", "¶<br>" if op != 0 else "<br>")
        if op == DELETE:
            parts.append(f"<del>{safe}</del>")
        elif op == INSERT:
            parts.append(f"<ins>{safe}</ins>")
        else:
            parts.append(safe)
    return mark_safe("".join(parts))  # noqa: S308 - every piece was escaped above


@login_required
@require_POST
def revision_restore(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    revision = get_object_or_404(
        SectionRevision.objects.select_related("section"), pk=pk
    )
    _section(request, revision.section_id)
    try:
        restored = do_restore_revision(cast(User, request.user), revision)
    except DomainError as err:
        messages.error(request, str(err.message))
    else:
        messages.success(
            request,
            _(
                "Revision %(old)s is the section's text again (saved as revision %(new)s)."
            )
            % {"old": revision.number, "new": restored.number},
        )
    return redirect("section-history", pk=revision.section_id)
