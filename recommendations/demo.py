"""The recommendations part of the demo.

Imports Slovenia's 4th UPR cycle (the Working Group report, the addendum with
the positions and the OHCHR thematic list) and the CERD's concluding
observations on Brazil, assigns each Slovenian recommendation to the demo
ministry whose field its main theme falls in, and builds ``svn-upr4-mtr``,
Slovenia's voluntary mid-term report, with one section per theme. The
recommendations are real; the assignment to ministries is invented, as the
demo people are. Running it again changes nothing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from contributions.models import Entity
from drafting.models import Mechanism, Report
from recommendations.actions import do_create_midterm_report, do_import_recommendations
from recommendations.models import Recommendation
from reportdesk.errors import DomainError

logger = logging.getLogger(__name__)

MIDTERM_SLUG = "svn-upr4-mtr"
SOURCES = (
    "upr_slovenia_cycle4/A_HRC_59_15_working_group_report.txt",
    "upr_slovenia_cycle4/A_HRC_59_15_Add.1_views_on_recommendations.txt",
    "upr_slovenia_cycle4/UPR48_SVN_thematic_list_of_recommendations.txt",
    "cerd_brazil/CERD_C_BRA_CO_18-20_concluding_observations.txt",
)
# Words of a main theme → the demo body that answers for it; the first match
# wins, and the Directorate for Multilateral Affairs takes the rest.
RESPONSIBLE = (
    (
        ("national minorit", "minorities", "racial"),
        "Government Office for National Minorities",
    ),
    (
        ("migrant", "refugee", "nationality", "trafficking", "law enforcement"),
        "Ministry of the Interior",
    ),
    (
        ("detention", "justice", "legislative", "legal &", "corruption", "criminal"),
        "Ministry of Justice",
    ),
    (("education",), "Ministry of Education"),
    (("environment", "climate"), "Ministry of the Economy, Tourism and Sport"),
    (
        (
            "women",
            "children",
            "disabilit",
            "social security",
            "poverty",
            "standard of living",
            "housing",
            "health",
            "family",
            "gender",
            "equality",
        ),
        "Ministry of Labour, Family, Social Affairs and Equal Opportunities",
    ),
)
DEFAULT_RESPONSIBLE = (
    "Ministry of Foreign and European Affairs – Directorate for Multilateral Affairs"
)


@dataclass
class RecommendationsDemo:
    imported: dict[str, dict[str, int]] = field(default_factory=dict)
    created: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


def load_recommendations_demo() -> RecommendationsDemo:
    """Import the demo sources and build the mid-term report.

    Needs the demo people (``drafting.demo.load_demo`` creates them): the
    coordinator starts the report.
    """
    coordinator = get_user_model().objects.filter(username="coordinator").first()
    if coordinator is None:
        raise DomainError(
            _(
                "Load the demo people first (manage.py load_demo): the demo "
                "coordinator creates the mid-term report."
            )
        )
    result = RecommendationsDemo()
    for name in SOURCES:
        # Not drafting.demo.data_dir: that module calls this one.
        text = (Path(settings.SHARED_DIR) / "data" / name).read_text(encoding="utf-8")
        summary = do_import_recommendations(coordinator, text, filename=name)
        result.imported[name] = {
            "imported": summary.imported,
            "updated": summary.updated,
            "unchanged": summary.unchanged,
        }
    _assign_slovenia()
    if Report.objects.filter(slug=MIDTERM_SLUG).exists():
        result.kept.append(MIDTERM_SLUG)
    else:
        do_create_midterm_report(
            coordinator,
            state="Slovenia",
            state_code="SVN",
            slug=MIDTERM_SLUG,
        )
        result.created.append(MIDTERM_SLUG)
    logger.info("recommendations demo: %s", result)
    return result


@transaction.atomic
def _assign_slovenia() -> None:
    entities = {e.name: e for e in Entity.objects.all()}
    for recommendation in Recommendation.objects.filter(
        state="Slovenia", mechanism=Mechanism.UPR
    ).select_related("main_theme"):
        if recommendation.responsible_entities.exists():
            continue
        name = _responsible_for(
            recommendation.main_theme.name if recommendation.main_theme else ""
        )
        if name in entities:
            recommendation.responsible_entities.add(entities[name])


def _responsible_for(theme: str) -> str:
    lowered = theme.lower()
    for words, entity in RESPONSIBLE:
        if any(word in lowered for word in words):
            return entity
    return DEFAULT_RESPONSIBLE
