"""Audit events for acts on contributions and requests for input.

Each event is filed under the report of the section concerned and under the
entity that contributes or is asked, so the secretariat finds it both per
report and per ministry. Call these inside the act's transaction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from audit import record
from drafting.models import Report

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django.db import models

    from contributions.models import Contribution, InputRequest


def report_of_section(section_id: int) -> Report:
    return Report.objects.only("pk", "slug").get(sections__pk=section_id)


def record_contribution_act(
    user: User,
    verb: str,
    contribution: Contribution,
    *,
    target: models.Model | None = None,
    **details: Any,
) -> None:
    """``user`` did ``verb`` to ``contribution`` (or to ``target``, one of
    its revisions)."""
    record(
        user,
        verb,
        target=target if target is not None else contribution,
        report=report_of_section(contribution.section_id),
        entity=contribution.entity,
        details=details,
    )


def record_request_act(
    user: User, verb: str, request: InputRequest, **details: Any
) -> None:
    record(
        user,
        verb,
        target=request,
        report=report_of_section(request.section_id),
        entity=request.entity,
        details=details,
    )
