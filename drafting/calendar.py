"""The reporting calendar: what the State owes, when, and how far along it is."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils import timezone

from drafting.models import Obligation, Report
from drafting.sectiontext.wordcount import count_words
from reportdesk.abilities import visible_reports

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User


@dataclass(frozen=True)
class Progress:
    sections: int
    with_text: int
    ready: int
    words: int
    word_limit: int | None

    @property
    def percent_ready(self) -> int:
        return round(100 * self.ready / self.sections) if self.sections else 0


@dataclass(frozen=True)
class CalendarEntry:
    title: str
    mechanism: str
    kind: str
    due_date: dt.date | None
    due_text: str
    source: str
    report: Report | None
    progress: Progress | None

    @property
    def overdue(self) -> bool:
        return (
            self.due_date is not None
            and self.due_date < timezone.localdate()
            and (self.progress is None or self.progress.percent_ready < 100)
        )


def progress_of(report: Report) -> Progress:
    # "report" too: a related manager sets each row's report from report_id,
    # and a deferred report_id would cost one query per section.
    sections = list(
        report.sections.exclude(annex=True).only("text", "status", "report")
    )
    return Progress(
        sections=len(sections),
        with_text=sum(1 for s in sections if s.text.strip()),
        ready=sum(1 for s in sections if s.status == s.Status.READY),
        words=sum(
            count_words(s.text, footnotes=report.count_footnotes) for s in sections
        ),
        word_limit=report.word_limit,
    )


def reporting_calendar(user: User | AnonymousUser) -> list[CalendarEntry]:
    """Obligations and reports in progress, soonest first; undated ones last."""
    reports = list(visible_reports(user))
    if not reports and not visible_reports(user).exists():
        return []
    progress = {report.pk: progress_of(report) for report in reports}
    entries = [
        CalendarEntry(
            title=obligation.title,
            mechanism=obligation.mechanism,
            kind=obligation.get_kind_display(),
            due_date=obligation.due_date,
            due_text=obligation.due_text,
            source=_source(obligation),
            report=obligation.report,
            progress=progress.get(obligation.report_id)
            if obligation.report_id
            else None,
        )
        for obligation in Obligation.objects.select_related("report")
    ]
    answered = {entry.report.pk for entry in entries if entry.report is not None}
    entries.extend(
        CalendarEntry(
            title=report.title,
            mechanism=report.mechanism,
            kind=report.kind,
            due_date=report.due_date,
            due_text="",
            source=report.symbol,
            report=report,
            progress=progress[report.pk],
        )
        for report in reports
        if report.pk not in answered
    )
    return sorted(
        entries, key=lambda e: (e.due_date is None, e.due_date or dt.date.max)
    )


def _source(obligation: Obligation) -> str:
    if obligation.source_paragraph:
        return f"{obligation.source_symbol}, para. {obligation.source_paragraph}"
    return obligation.source_symbol
