"""do_import_recommendations on CERD's concluding observations on Brazil."""

import pytest

from recommendations.actions import do_import_recommendations
from recommendations.models import Recommendation
from tests.recommendations.conftest import BRAZIL_CO, source

pytestmark = pytest.mark.django_db


def test_the_32_recommendation_paragraphs_are_imported(brazil_observations):
    assert brazil_observations.imported == 32
    rows = Recommendation.objects.filter(state="Brazil")
    assert set(rows.values_list("mechanism", "symbol")) == {
        ("CERD", "CERD/C/BRA/CO/18-20")
    }
    assert list(rows.order_by("sort_key").values_list("number", flat=True)[:3]) == [
        "6",
        "8",
        "10",
    ]


def test_a_paragraph_keeps_its_sub_items_heading_and_follow_up(brazil_observations):
    row = Recommendation.objects.get(symbol="CERD/C/BRA/CO/18-20", number="17")
    assert [item["label"] for item in row.subitems] == ["a", "b", "c", "d", "e", "f"]
    assert row.main_theme.name == (
        "Right to health and the impact of the COVID-19 pandemic"
    )
    assert row.priority == {
        "follow_up": ["a"],
        "particular_importance": ["b", "c", "e", "f"],
    }
    assert row.position == ""
    assert row.label == "CERD/C/BRA/CO/18-20, para. 17"


def test_importing_them_again_changes_nothing(brazil_observations, personas):
    again = do_import_recommendations(personas.drafter, source(BRAZIL_CO))
    assert (again.imported, again.updated, again.unchanged) == (0, 0, 32)
    assert again.by_position == {"none": 32}
