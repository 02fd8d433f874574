"""Pages for building a report: start one, see its structure first, reshape it,
and the reporting calendar."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from drafting.actions import do_create_report
from drafting.calendar import reporting_calendar
from drafting.mechanisms import TREATY_BODIES
from drafting.models import Report, Section, Skeleton
from drafting.planning import Plan, generated_containers, plan_from_document
from drafting.serializers import MAX_DOCUMENT, STATE_CODE, SYMBOL
from drafting.structure import (
    do_add_section,
    do_move_section,
    do_remove_section,
    do_rename_section,
    do_split_section,
)
from reportdesk.abilities import can_create_reports, visible_reports
from reportdesk.errors import DomainError


class NewReportForm(forms.Form):
    skeleton = forms.ModelChoiceField(
        queryset=Skeleton.objects.all(),
        label=gettext_lazy("Kind of report"),
        to_field_name="key",
        empty_label=None,
    )
    mechanism = forms.ChoiceField(
        label=gettext_lazy("Committee"),
        required=False,
        choices=[
            ("", gettext_lazy("As the skeleton says")),
            *[(m, m) for m in TREATY_BODIES],
        ],
        help_text=gettext_lazy(
            "Only for a kind of report that serves every treaty body."
        ),
    )
    slug = forms.SlugField(
        label=gettext_lazy("Short name"),
        max_length=60,
        help_text=gettext_lazy("Letters, digits and hyphens, e.g. bra-cerd-21."),
    )
    state = forms.CharField(label=gettext_lazy("State"), max_length=120)
    state_code = forms.CharField(
        label=gettext_lazy("ISO code of the State"), min_length=3, max_length=3
    )
    symbol = forms.CharField(
        label=gettext_lazy("UN symbol"), max_length=80, required=False
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language"), choices=Report.Language.choices
    )
    due_date = forms.DateField(
        label=gettext_lazy("Due date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    carry_over_from = forms.ModelChoiceField(
        queryset=Report.objects.none(),
        label=gettext_lazy("Carry text over from"),
        required=False,
        to_field_name="slug",
        empty_label=gettext_lazy("Nothing: start empty"),
    )
    document_text = forms.CharField(
        label=gettext_lazy("The committee's document (optional)"),
        required=False,
        max_length=MAX_DOCUMENT,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy(
            "Paste the text of the concluding observations or the list of issues; "
            "the sections to answer are made from it."
        ),
    )
    document_file = forms.FileField(
        label=gettext_lazy("…or upload it as a .txt file"), required=False
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["carry_over_from"])
        field.queryset = visible_reports(user).order_by("slug")

    def clean_state_code(self) -> str:
        value = str(self.cleaned_data["state_code"])
        if not STATE_CODE.fullmatch(value):
            raise forms.ValidationError(
                _("Use the three-letter ISO code, such as SVN.")
            )
        return value.upper()

    def clean_symbol(self) -> str:
        value = str(self.cleaned_data["symbol"])
        if value and not SYMBOL.fullmatch(value):
            raise forms.ValidationError(
                _(
                    "A UN symbol is letters, digits, / . and -, such as CERD/C/BRA/FCO/18-20."
                )
            )
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        upload = data.get("document_file")
        if upload is not None:
            if upload.size > MAX_DOCUMENT * 4:
                self.add_error("document_file", _("Upload the text of one document."))
            else:
                try:
                    data["document_text"] = upload.read().decode("utf-8-sig")
                except UnicodeDecodeError:
                    self.add_error(
                        "document_file",
                        _(
                            "This file is not UTF-8 text. Save the PDF's text as .txt "
                            "and upload that."
                        ),
                    )
        return data


def _person(request: HttpRequest) -> User:
    return cast(User, request.user)


@login_required
def report_new(request: HttpRequest) -> HttpResponse:
    """Choose a skeleton, add the committee's document, preview, then create."""
    if not can_create_reports(request.user):
        raise PermissionDenied(
            _("Only the secretariat coordinator can start a report.")
        )
    form = NewReportForm(
        request.POST or None, request.FILES or None, user=_person(request)
    )
    plan: Plan | None = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        skeleton = data["skeleton"]
        try:
            if data["document_text"].strip():
                plan = plan_from_document(skeleton.structure, data["document_text"])
            if "create" in request.POST:
                report = do_create_report(
                    _person(request),
                    skeleton,
                    slug=data["slug"],
                    state=data["state"],
                    state_code=data["state_code"],
                    symbol=data["symbol"],
                    language=data["language"],
                    due_date=data["due_date"],
                    mechanism=data["mechanism"],
                    plan=plan,
                    carry_over_from=data["carry_over_from"],
                )
                messages.success(
                    request, _("The report was created from its skeleton.")
                )
                return redirect("report-detail", slug=report.slug)
        except DomainError as err:
            form.add_error(None, str(err.message))
    skeletons = [
        (skeleton, generated_containers(skeleton.structure))
        for skeleton in Skeleton.objects.all()
    ]
    return render(
        request,
        "frontend/report_new.html",
        {"form": form, "plan": plan, "skeletons": skeletons},
    )


@login_required
def calendar(request: HttpRequest) -> HttpResponse:
    return render(
        request, "frontend/calendar.html", {"entries": reporting_calendar(request.user)}
    )


def _section(request: HttpRequest, pk: int) -> Section:
    return get_object_or_404(
        Section.objects.select_related("report", "parent"),
        pk=pk,
        report__in=visible_reports(request.user),
    )


@login_required
@require_POST
def section_structure(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    """One form per change: rename, move up or down, remove, or add a part."""
    section = _section(request, pk)
    report = section.report
    action = request.POST.get("action", "")
    user = _person(request)
    try:
        if action == "rename":
            do_rename_section(
                user,
                section,
                heading=request.POST.get("heading", ""),
                base_version=int(request.POST.get("base_version", "0")),
            )
        elif action in {"up", "down"}:
            step = -1 if action == "up" else 1
            do_move_section(
                user,
                section,
                parent=section.parent,
                position=max(0, section.position + step),
            )
        elif action == "remove":
            receiver = do_remove_section(user, section)
            if receiver is not None:
                messages.info(
                    request,
                    _("Its text was kept at the end of “%(heading)s”.")
                    % {"heading": receiver.heading},
                )
        elif action == "add_part":
            do_add_section(
                user, report, heading=request.POST.get("heading", ""), parent=section
            )
        elif action == "split":
            new = do_split_section(
                user,
                section,
                at_block=int(request.POST.get("at_block", "0")),
                heading=request.POST.get("heading", ""),
                base_version=int(request.POST.get("base_version", "0")),
            )
            return redirect("section-detail", pk=new.pk)
        else:
            messages.error(request, _("Unknown change; reload the page and try again."))
    except ValueError:
        messages.error(
            request, _("The form was incomplete; reload the page and try again.")
        )
    except DomainError as err:
        messages.error(request, str(err.message))
    return redirect("report-detail", slug=report.slug)


@login_required
@require_POST
def report_section_add(request: HttpRequest, slug: str) -> HttpResponseRedirect:
    report = get_object_or_404(visible_reports(request.user), slug=slug)
    try:
        do_add_section(
            _person(request), report, heading=request.POST.get("heading", "")
        )
    except DomainError as err:
        messages.error(request, str(err.message))
    return redirect("report-detail", slug=report.slug)
