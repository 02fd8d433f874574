"""do_import_recommendations on a UPR Info CSV export."""

from collections import Counter

import pytest

from recommendations.actions import do_import_recommendations
from recommendations.models import Recommendation
from tests.recommendations.conftest import UPR_INFO, source

pytestmark = pytest.mark.django_db


def test_the_198_rows_are_imported_149_supported_49_noted(personas):
    summary = do_import_recommendations(personas.drafter, source(UPR_INFO))
    assert (summary.kind, summary.imported) == ("upr_info_csv", 198)
    assert summary.by_position == {"noted": 49, "supported": 149}
    assert Counter(Recommendation.objects.values_list("state", flat=True)) == {
        "Canada": 114,
        "Ghana": 56,
        "Brazil": 15,
        "Indonesia": 13,
    }
    assert set(Recommendation.objects.values_list("cycle", flat=True)) == {1}
    assert summary.by_theme["International instruments"] == 56


def test_a_row_keeps_its_recommending_state_and_issues(personas):
    do_import_recommendations(personas.drafter, source(UPR_INFO))
    row = Recommendation.objects.get(
        state="Brazil", text__startswith="Encourage the establishment of a national"
    )
    assert row.recommending_states == ["Mexico"]
    assert row.action_category == 5
    assert row.main_theme.name == "NHRI"
    assert (row.mechanism, row.session) == ("UPR", 1)


def test_identical_texts_from_different_states_stay_separate_rows(personas):
    do_import_recommendations(personas.drafter, source(UPR_INFO))
    signs = Recommendation.objects.filter(state="Canada", text="Sign ICRMW")
    assert sorted(s for r in signs for s in r.recommending_states) == [
        "Chile",
        "Egypt",
        "Mexico",
        "Syria",
    ]


def test_importing_the_export_again_changes_nothing(personas):
    do_import_recommendations(personas.drafter, source(UPR_INFO))
    again = do_import_recommendations(personas.drafter, source(UPR_INFO))
    assert (again.imported, again.updated, again.unchanged) == (0, 0, 198)
    assert Recommendation.objects.count() == 198
