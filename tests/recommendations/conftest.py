"""Real sources of recommendations, and Slovenia's cycle imported."""

from __future__ import annotations

from functools import cache

import pytest

from recommendations.actions import do_import_recommendations
from tests.conftest import DATA

WG_REPORT = "upr_slovenia_cycle4/A_HRC_59_15_working_group_report.txt"
VIEWS = "upr_slovenia_cycle4/A_HRC_59_15_Add.1_views_on_recommendations.txt"
THEMATIC_LIST = "upr_slovenia_cycle4/UPR48_SVN_thematic_list_of_recommendations.txt"
BRAZIL_CO = "cerd_brazil/CERD_C_BRA_CO_18-20_concluding_observations.txt"
UPR_INFO = "upr_info/upr_info_sessions1-5_sample.csv"
NATIONAL_REPORT = "upr_slovenia_cycle4/A_HRC_WG.6_48_SVN_1_national_report.txt"


@cache
def source(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


@pytest.fixture
def slovenia_cycle(personas):
    """The Working Group report, its addendum and the thematic list, imported
    by the secretariat in the order a secretariat receives them."""
    return [
        do_import_recommendations(personas.drafter, source(name))
        for name in (WG_REPORT, VIEWS, THEMATIC_LIST)
    ]


@pytest.fixture
def brazil_observations(personas):
    return do_import_recommendations(personas.drafter, source(BRAZIL_CO))


@pytest.fixture
def assigned(slovenia_cycle, personas):
    """140.7 and 140.8 assigned to the Ministry of Justice, 140.11 to Labour."""
    from contributions.models import Entity
    from recommendations.models import Recommendation

    justice = Entity.objects.get(name="Ministry of Justice")
    labour = Entity.objects.get(
        name="Ministry of Labour, Family, Social Affairs and Equal Opportunities"
    )
    rows = {r.number: r for r in Recommendation.objects.filter(state="Slovenia")}
    rows["140.7"].responsible_entities.add(justice)
    rows["140.8"].responsible_entities.add(justice)
    rows["140.11"].responsible_entities.add(labour)
    return rows
