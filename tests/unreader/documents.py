"""The real UN documents the reader tests read, each read once."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from django.conf import settings

DATA = Path(settings.SHARED_DIR) / "data"
SLOVENIA = DATA / "upr_slovenia_cycle4"
BRAZIL = DATA / "cerd_brazil"

NATIONAL_REPORT = SLOVENIA / "A_HRC_WG.6_48_SVN_1_national_report.txt"
BRAZIL_NATIONAL_REPORT = BRAZIL / "A_HRC_WG.6_41_BRA_1_upr_national_report.txt"
CONCLUDING_OBSERVATIONS = BRAZIL / "CERD_C_BRA_CO_18-20_concluding_observations.txt"
WORKING_GROUP_REPORT = SLOVENIA / "A_HRC_59_15_working_group_report.txt"
VIEWS = SLOVENIA / "A_HRC_59_15_Add.1_views_on_recommendations.txt"
THEMATIC_LIST = SLOVENIA / "UPR48_SVN_thematic_list_of_recommendations.txt"
GUIDELINES = BRAZIL / "CERD_C_2007_1_reporting_guidelines.txt"
FOLLOW_UP_PDF = BRAZIL / "CERD_C_BRA_FCO_18-20_follow_up_report.pdf"


@cache
def text_of(path: Path) -> str:
    return path.read_text(encoding="utf-8")
