"""Reading the trail: one filter for the page, the API and the CSV file."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Iterator
from typing import cast

from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit.models import AuditEvent, Verb
from contributions.models import Entity
from drafting.models import Report


class TrailFilter(forms.Form):
    report = forms.ModelChoiceField(
        Report.objects.order_by("slug"),
        to_field_name="slug",
        required=False,
        label=_("Report"),
        empty_label=_("All reports"),
    )
    entity = forms.ModelChoiceField(
        Entity.objects.all(),
        required=False,
        label=_("Entity"),
        empty_label=_("All entities"),
    )
    person = forms.CharField(required=False, max_length=150, label=_("User name"))
    verb = forms.ChoiceField(
        choices=[("", _("All acts")), *Verb.choices], required=False, label=_("Act")
    )
    since = forms.DateField(required=False, label=_("From"))
    until = forms.DateField(required=False, label=_("Until"))

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        since, until = data.get("since"), data.get("until")
        if since and until and until < since:
            raise forms.ValidationError(_("The period ends before it starts."))
        return data


def filtered_events(data: dict[str, object]) -> QuerySet[AuditEvent]:
    """Events matching a cleaned ``TrailFilter``, newest first.

    An entity matches both the acts of its people and the acts concerning
    it; the period is in whole days of the service's time zone.
    """
    events = AuditEvent.objects.select_related("actor_entity", "entity")
    report = data.get("report")
    if report is not None:
        events = events.filter(report_id=report.pk)  # type: ignore[attr-defined]
    entity = data.get("entity")
    if entity is not None:
        events = events.filter(Q(actor_entity=entity) | Q(entity=entity))
    if data.get("person"):
        events = events.filter(actor_label=data["person"])
    if data.get("verb"):
        events = events.filter(verb=data["verb"])
    if data.get("since"):
        events = events.filter(at__gte=_start_of(data["since"]))  # type: ignore[arg-type]
    if data.get("until"):
        until = cast(dt.date, data["until"])
        events = events.filter(at__lt=_start_of(until + dt.timedelta(days=1)))
    return events.order_by("-at", "-id")


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


CSV_COLUMNS = (
    "time",
    "person",
    "person_entity",
    "act",
    "object_kind",
    "object_id",
    "object",
    "report",
    "entity",
    "address",
    "details",
)


def csv_lines(events: Iterable[AuditEvent]) -> Iterator[str]:
    """The trail as CSV, one line at a time so a long trail streams."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def line(row: Iterable[object]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(row)
        return buffer.getvalue()

    yield line(CSV_COLUMNS)
    for event in events:
        yield line(
            (
                event.at.isoformat(),
                event.actor_label,
                event.actor_entity.name if event.actor_entity else "",
                event.verb,
                event.target_type,
                event.target_id,
                _safe(event.target_label),
                event.report_label,
                event.entity.name if event.entity else "",
                event.ip or "",
                json.dumps(event.details, ensure_ascii=False, sort_keys=True),
            )
        )


def _safe(value: str) -> str:
    # A label that starts like a formula would run in a spreadsheet.
    return "'" + value if value[:1] in {"=", "+", "-", "@"} else value
