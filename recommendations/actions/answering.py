"""Create a report that answers a cycle's recommendations, grouped by theme."""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from drafting.actions import add_section, do_create_report
from drafting.models import Mechanism, Report, Section, Skeleton
from recommendations.answering import latest_upr_cycle
from recommendations.models import Recommendation
from reportdesk.abilities import can_create_reports
from reportdesk.errors import DomainError, NotAllowed

if TYPE_CHECKING:
    from django.contrib.auth.models import User

logger = logging.getLogger(__name__)

MIDTERM_SKELETON = "upr-midterm-report"
THEMES_KEY = "mtr.themes"
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
STATE_CODE = re.compile(r"[A-Za-z]{3}")


def do_create_midterm_report(
    user: User,
    *,
    state: str,
    state_code: str,
    slug: str,
    title: str = "",
    symbol: str = "",
    due_date: dt.date | None = None,
) -> Report:
    """Create the State's voluntary mid-term report on its latest UPR cycle.

    Under the section "by theme" there is one section per main theme of the
    recommendations (in the order of their first recommendation), and each
    recommendation is linked to its theme's section. Recommendations without
    a theme go to a last section of their own.
    """
    if not can_create_reports(user):
        raise NotAllowed(
            gettext_lazy("Only the secretariat coordinator can start a report.")
        )
    if not SLUG.fullmatch(slug) or not STATE_CODE.fullmatch(state_code):
        raise DomainError(
            gettext_lazy(
                "Give a short name of letters, digits and hyphens (such as "
                "svn-upr4-mtr) and the State's three-letter code (such as SVN)."
            )
        )
    skeleton = Skeleton.objects.filter(key=MIDTERM_SKELETON).first()
    if skeleton is None:
        raise DomainError(
            gettext_lazy(
                "The mid-term report skeleton is not loaded; run "
                "manage.py load_skeletons."
            )
        )
    cycle = latest_upr_cycle(state)
    recommendations = list(
        Recommendation.objects.filter(
            state__iexact=state, mechanism=Mechanism.UPR, cycle=cycle
        )
        .select_related("main_theme")
        .order_by("symbol", "sort_key", "id")
    )
    if not recommendations:
        raise DomainError(
            gettext_lazy(
                "No UPR recommendations to %(state)s have been imported; import "
                "the Working Group report and the thematic list first."
            )
            % {"state": state}
        )
    with transaction.atomic():
        report = do_create_report(
            user,
            skeleton,
            slug=slug,
            title=title,
            state=state,
            state_code=state_code,
            symbol=symbol,
            due_date=due_date,
        )
        _theme_sections(report, recommendations)
    logger.info(
        "created mid-term report %s answering %s recommendations",
        report.slug,
        len(recommendations),
    )
    return report


def _theme_sections(report: Report, recommendations: list[Recommendation]) -> None:
    parent = report.sections.filter(key=THEMES_KEY).first()
    if parent is None:
        raise DomainError(
            gettext_lazy(
                "The mid-term report skeleton has no section %(key)s to put the "
                "themes under."
            )
            % {"key": THEMES_KEY}
        )
    by_theme: dict[str, list[Recommendation]] = {}
    for recommendation in recommendations:
        name = (
            recommendation.main_theme.name
            if recommendation.main_theme
            else _("Other recommendations")
        )
        by_theme.setdefault(name, []).append(recommendation)
    through = Recommendation.sections.through
    links: list[Any] = []
    for index, (name, members) in enumerate(by_theme.items(), start=1):
        section = add_section(
            report,
            heading=name,
            parent=parent,
            key=f"{THEMES_KEY}.{index}",
            guidance=_("Recommendations %(numbers)s.")
            % {"numbers": ", ".join(m.label for m in members)},
        )
        links.extend(
            through(recommendation_id=m.pk, section_id=section.pk) for m in members
        )
    through.objects.bulk_create(links)


def theme_sections(report: Report) -> list[Section]:
    """The sections created for the themes, in reading order."""
    return list(report.sections.filter(parent__key=THEMES_KEY).order_by("position"))
