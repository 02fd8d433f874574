"""Server-rendered pages. Each view checks abilities, calls one action, renders."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from audit import Verb, record
from contributions.actions import (
    do_accept_revision,
    do_add_revision,
    do_create_contribution,
    do_submit_contribution,
)
from contributions.diffing import compare
from contributions.models import Contribution, Revision, membership_of
from contributions.render import diff_html
from drafting.actions import (
    do_set_section_status,
    do_update_section_text,
    ordered_sections,
)
from drafting.api import docx_response
from drafting.budget import Budget
from drafting.export import do_export_report
from drafting.models import Report, Section
from drafting.sectiontext import Block, parse
from drafting.sectiontext.html import Numbering, render_blocks
from drafting.sectiontext.nodes import plain_text
from drafting.sectiontext.prepare import PreparedText, prepare_text
from drafting.sectiontext.wordcount import count_blocks
from frontend.counting import text_facts
from frontend.dashboard import dashboard_for
from reportdesk.abilities import (
    can_create_reports,
    contribution_abilities,
    report_abilities,
    section_abilities,
    visible_contributions,
    visible_reports,
)
from reportdesk.errors import DomainError


@dataclass
class SectionRow:
    section: Section
    depth: int
    words: int


@login_required
def report_list(request: HttpRequest) -> HttpResponse:
    """Everyone's first page: their reports and what needs them now."""
    membership = membership_of(request.user)
    if membership is not None and not membership.entity.is_government:
        # Reviewers outside government work in consultation rounds only.
        return redirect("consultation-home")
    reports = visible_reports(request.user).order_by("slug")
    context = {
        "reports": reports,
        "can_create": can_create_reports(request.user),
        "dashboard": dashboard_for(request.user, membership_of(request.user)),
        "today": timezone.localdate(),
    }
    return render(request, "frontend/report_list.html", context)


@login_required
def report_detail(request: HttpRequest, slug: str) -> HttpResponse:
    report = get_object_or_404(visible_reports(request.user), slug=slug)
    rows = []
    total = 0
    for section, depth in ordered_sections(report):
        words = text_facts(section.text).words_counted(footnotes=report.count_footnotes)
        if not section.annex:
            total += words
        rows.append(SectionRow(section, depth, words))
    record(request.user, Verb.VIEW, target=report, request=request)
    context = {
        "report": report,
        "rows": rows,
        "budget": Budget(total, report.word_limit),
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
            facts = text_facts(other.text)
            numbering.paragraph += facts.paragraphs
            numbering.footnote += facts.footnotes
    return numbering


@dataclass
class ContributionView:
    contribution: Contribution
    revision: Revision | None
    html: str
    notes: list[tuple[int, str]]
    abilities: dict[str, bool]
    accepted: bool
    # A proposal's tracked changes against the text it started from.
    changes: str = ""
    needs_validation: bool = False


def _contribution_views(
    request: HttpRequest, section: Section
) -> list[ContributionView]:
    views = []
    contributions = (
        visible_contributions(request.user)
        .filter(section=section)
        .select_related("entity")
        .prefetch_related("revisions__acceptances")
    )
    for contribution in contributions:
        revisions = sorted(contribution.revisions.all(), key=lambda r: r.number)
        revision = revisions[-1] if revisions else None
        # Each proposal has its own note anchors; its paragraphs are numbered
        # from 1 because where they land in the draft is not decided yet.
        numbering = Numbering(prefix=f"c{contribution.pk}-fn")
        changes = ""
        html = ""
        if revision is not None and contribution.is_proposal:
            changes = diff_html(compare(contribution.base_text, revision.text))
        elif revision is not None:
            html = render_blocks(parse(revision.text), numbering)
        abilities = contribution_abilities(request.user, contribution)
        views.append(
            ContributionView(
                contribution=contribution,
                revision=revision,
                html=html,
                notes=numbering.notes,
                abilities=abilities,
                accepted=revision is not None
                and any(a.section_id == section.pk for a in revision.acceptances.all()),
                changes=changes,
                needs_validation=abilities["submit"]
                and contribution.entity.requires_validation(),
            )
        )
    return views


def _report_budget(report: Report) -> Budget:
    texts = report.sections.filter(annex=False).values_list("text", flat=True)
    words = sum(
        text_facts(text).words_counted(footnotes=report.count_footnotes)
        for text in texts
    )
    return Budget(words, report.word_limit)


def _split_points(blocks: list[Block]) -> list[tuple[int, str]]:
    """Where a section can be split: before each block but the first."""
    points = []
    for index, block in enumerate(blocks[1:], start=1):
        content = getattr(block, "content", None)
        preview = plain_text(content) if content else type(block).__name__
        points.append((index, " ".join(preview.split())[:80]))
    return points


@login_required
def section_detail(request: HttpRequest, pk: int) -> HttpResponse:
    section = _section_for(request, pk)
    record(request.user, Verb.VIEW, target=section, request=request)
    numbering = _numbering_before(section)
    blocks = parse(section.text)
    body = render_blocks(blocks, numbering)
    words = count_blocks(blocks, footnotes=section.report.count_footnotes)
    context = {
        "section": section,
        "report": section.report,
        "body": body,
        "notes": numbering.notes,
        "children": section.children.order_by("position"),
        "contributions": _contribution_views(request, section),
        "abilities": section_abilities(request.user, section),
        "statuses": Section.Status.choices,
        "words": words,
        "split_points": _split_points(blocks),
        "budget": _report_budget(section.report),
        "can_reshape": report_abilities(request.user, section.report)["edit_structure"],
    }
    return render(request, "frontend/section_detail.html", context)


@login_required
@require_POST
def section_contribute(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    section = _section_for(request, pk)
    prepared = prepare_text(request.POST.get("text", ""))
    try:
        do_create_contribution(
            _person(request),
            section,
            text=prepared.text,
            title=request.POST.get("title", "")[:200],
        )
    except DomainError as err:
        messages.error(request, str(err.message))
    else:
        messages.success(
            request,
            _(
                "Your contribution was saved as revision 1. Send it to the "
                "secretariat when it is ready."
            ),
        )
        _tell(request, prepared)
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


def _tell(request: HttpRequest, prepared: PreparedText) -> None:
    """Say what saving took out of the text, so nothing changes unseen."""
    if prepared.removed_characters:
        messages.warning(
            request,
            _("%(count)d character(s) that cannot exist in a Word file were removed.")
            % {"count": prepared.removed_characters},
        )
    if prepared.paragraph_numbers_removed:
        messages.info(
            request,
            _(
                "%(count)d paragraph number(s) typed by hand were taken out: "
                "Reportdesk numbers paragraphs itself."
            )
            % {"count": prepared.paragraph_numbers_removed},
        )


def _int(request: HttpRequest, name: str) -> int | None:
    try:
        return int(request.POST.get(name, ""))
    except ValueError:
        return None


@login_required
@require_POST
def section_text(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    """Save the section's text from the plain editor (the live editor is #5)."""
    section = _section_for(request, pk)
    base_version = _int(request, "base_version")
    prepared = prepare_text(request.POST.get("text", ""))
    if base_version is None:
        messages.error(
            request, _("The form was incomplete; reload the page and try again.")
        )
        return redirect("section-detail", pk=section.pk)
    try:
        do_update_section_text(
            _person(request), section, text=prepared.text, base_version=base_version
        )
    except DomainError as err:
        messages.error(request, str(err.message))
    else:
        messages.success(request, _("The section was saved."))
        _tell(request, prepared)
    return redirect("section-detail", pk=section.pk)


@login_required
@require_POST
def section_status(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    section = _section_for(request, pk)
    try:
        do_set_section_status(
            _person(request), section, status=request.POST.get("status", "")
        )
    except DomainError as err:
        messages.error(request, str(err.message))
    return redirect("section-detail", pk=section.pk)


def _contribution_for(request: HttpRequest, pk: int) -> Contribution:
    return get_object_or_404(
        visible_contributions(request.user).select_related("section"), pk=pk
    )


def _after(request: HttpRequest, contribution: Contribution) -> HttpResponseRedirect:
    """Back to the page the form was on: the contribution's or the section's."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return HttpResponseRedirect(target)
    return redirect("section-detail", pk=contribution.section_id)


@login_required
@require_POST
def contribution_submit(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    contribution = _contribution_for(request, pk)
    base_number = _int(request, "base_number")
    if base_number is None:
        messages.error(
            request, _("The form was incomplete; reload the page and try again.")
        )
        return _after(request, contribution)
    try:
        do_submit_contribution(_person(request), contribution, base_number=base_number)
    except DomainError as err:
        messages.error(request, str(err.message))
    else:
        if contribution.entity.requires_validation():
            messages.success(request, _("Sent to your validating authority."))
        else:
            messages.success(request, _("Sent to the secretariat."))
    return _after(request, contribution)


@login_required
@require_POST
def contribution_revise(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    contribution = _contribution_for(request, pk)
    base_number = _int(request, "base_number")
    prepared = prepare_text(request.POST.get("text", ""))
    if base_number is None:
        messages.error(
            request, _("The form was incomplete; reload the page and try again.")
        )
        return _after(request, contribution)
    try:
        revision = do_add_revision(
            _person(request), contribution, text=prepared.text, base_number=base_number
        )
    except DomainError as err:
        messages.error(request, str(err.message))
    else:
        messages.success(
            request, _("Saved as revision %(number)d.") % {"number": revision.number}
        )
        _tell(request, prepared)
    return _after(request, contribution)
