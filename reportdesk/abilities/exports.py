"""Abilities for stored Word exports and redlines.

Whoever may export a report may also fetch its stored exports and compare its
versions: the file holds nothing the report page does not show them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from drafting.models import Report
from exports.models import Export
from reportdesk.abilities.core import report_abilities, visible_reports

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.auth.models import User as Person

    User = Person | AnonymousUser


def export_abilities(user: User, report: Report) -> dict[str, bool]:
    report_can = report_abilities(user, report)
    return {
        "export": report_can["export"],
        "download": report_can["export"],
        "redline": report_can["export"],
        # Freezing a new version is the secretariat's; others export the
        # latest frozen version.
        "freeze": report_can["edit"],
    }


def visible_exports(user: User) -> QuerySet[Export]:
    # Everyone who sees a report may export it (core: "export" == "view"), so
    # the stored exports of the visible reports are theirs to list.
    return Export.objects.filter(report__in=visible_reports(user))
