"""Server-rendered pages. Each view checks abilities, calls one action, renders."""

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

from contributions.actions import do_accept_revision, do_create_contribution
from contributions.models import Revision
from drafting.actions import ordered_sections
from drafting.api import docx_response
from drafting.export import do_export_report
from drafting.models import Section
from drafting.sectiontext import parse
from drafting.sectiontext.clean import clean_text
from drafting.sectiontext.html import Numbering, render_blocks
from drafting.sectiontext.wordcount import count_blocks
from reportdesk.abilities import (
    contribution_abilities,
    report_abilities,
    section_abilities,
    visible_contributions,
    visible_reports,
)
from reportdesk.errors import DomainError

WARN_SHARE = 0.9


@dataclass
class SectionRow:
    section: Section
    depth: int
    words: int


def _budget(words: int, limit: int | None) -> dict[str, object]:
    """How a word count stands against a limit, for the templates."""
    if not limit:
        return {"words": words, "limit": None, "state": "ok", "percent": 0}
    share = words / limit
    state = "over" if share > 1 else "near" if share >= WARN_SHARE else "ok"
    return {
        "words": words,
        "limit": limit,
        "state": state,
        "percent": min(100, round(share * 100)),
    }


@login_required
def report_list(request: HttpRequest) -> HttpResponse:
    reports = visible_reports(request.user).order_by("slug")
    return render(request, "frontend/report_list.html", {"reports": reports})


@login_required
def report_detail(request: HttpRequest, slug: str) -> HttpResponse:
    report = get_object_or_404(visible_reports(request.user), slug=slug)
    rows = []
    total = 0
    for section, depth in ordered_sections(report):
        words = count_blocks(parse(section.text), footnotes=report.count_footnotes)
        if not section.annex:
            total += words
        rows.append(SectionRow(section, depth, words))
    context = {
        "report": report,
        "rows": rows,
        "budget": _budget(total, report.word_limit),
        "abilities": report_abilities(request.user, report),
    }
    return render(request, "frontend/report_detail.html", context)


@login_required
def report_export(request: HttpRequest, slug: str) -> HttpResponse:
    report = get_object_or_404(visible_reports(request.user), slug=slug)
    try:
        result = do_export_report(request.user, report)
    except DomainError as err:
        messages.error(request, str(err.message))
        return redirect("report-detail", slug=slug)
    return docx_response(result.content, report)


def _person(request: HttpRequest) -> User:
    # Every view that calls this is behind login_required.
    return cast(User, request.user)


def _section_for(request: HttpRequest, pk: int) -> Section:
    return get_object_or_404(
        Section.objects.select_related("report"),
        pk=pk,
        report__in=visible_reports(request.user),
    )


def _numbering_before(section: Section) -> Numbering:
    """Counters as they stand when this section starts, so numbers match Word."""
    numbering = Numbering()
    for other, _depth in ordered_sections(section.report):
        if other.pk == section.pk:
            break
        if not other.annex:
            render_blocks(parse(other.text), numbering)
    numbering.notes = []
    return numbering


@login_required
def section_detail(request: HttpRequest, pk: int) -> HttpResponse:
    section = _section_for(request, pk)
    numbering = _numbering_before(section)
    body = render_blocks(parse(section.text), numbering)
    contributions = []
    for contribution in (
        visible_contributions(request.user)
        .filter(section=section)
        .select_related("entity")
    ):
        revision = contribution.latest_revision()
        contributions.append(
            {
                "contribution": contribution,
                "revision": revision,
                "html": render_blocks(parse(revision.text)) if revision else "",
                "abilities": contribution_abilities(request.user, contribution),
                "accepted": revision is not None
                and revision.acceptances.filter(section=section).exists(),
            }
        )
    words = count_blocks(parse(section.text), footnotes=section.report.count_footnotes)
    context = {
        "section": section,
        "report": section.report,
        "body": body,
        "notes": numbering.notes,
        "contributions": contributions,
        "abilities": section_abilities(request.user, section),
        "words": words,
    }
    return render(request, "frontend/section_detail.html", context)


@login_required
@require_POST
def section_contribute(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    section = _section_for(request, pk)
    text, removed = clean_text(request.POST.get("text", ""))
    try:
        do_create_contribution(
            _person(request),
            section,
            text=text,
            title=request.POST.get("title", "")[:200],
        )
    except DomainError as err:
        messages.error(request, str(err.message))
    else:
        messages.success(request, _("Your contribution was saved as revision 1."))
        if removed:
            messages.warning(
                request,
                _(
                    "%(count)d character(s) that cannot exist in a Word file were removed."
                )
                % {"count": removed},
            )
    return redirect("section-detail", pk=section.pk)


@login_required
@require_POST
def revision_accept(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    revision = get_object_or_404(
        Revision.objects.select_related("contribution__section"),
        pk=pk,
        contribution__in=visible_contributions(request.user),
    )
    section = revision.contribution.section
    try:
        base_version = int(request.POST.get("base_version", "0"))
        do_accept_revision(_person(request), revision, base_version=base_version)
    except ValueError:
        messages.error(
            request, _("The form was incomplete; reload the page and try again.")
        )
    except DomainError as err:
        messages.error(request, str(err.message))
    else:
        messages.success(request, _("The contribution was added to the draft."))
    return redirect("section-detail", pk=section.pk)
