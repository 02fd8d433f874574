"""Send today's e-mail reminders about requests for input (run once a day)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from contributions.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "E-mail each focal point and secretariat member one digest of the "
        "requests for input due soon or late. Safe to run more than once a day."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--date",
            help="Act as if today were this day (YYYY-MM-DD); for catching up.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        if options["date"]:
            try:
                today = dt.date.fromisoformat(options["date"])
            except ValueError as err:
                raise CommandError("--date must look like 2025-01-31.") from err
        sent = send_reminders(today)
        self.stdout.write(
            f"{sent.messages} message(s), {sent.reminders} reminder(s) for {today}."
        )
