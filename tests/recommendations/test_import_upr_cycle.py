"""do_import_recommendations on Slovenia's 4th UPR cycle."""

from collections import Counter

import pytest

from recommendations.actions import do_import_recommendations
from recommendations.models import ImportRecord, Recommendation
from reportdesk.errors import DomainError, NotAllowed
from tests.recommendations.conftest import (
    NATIONAL_REPORT,
    THEMATIC_LIST,
    VIEWS,
    WG_REPORT,
    source,
)

pytestmark = pytest.mark.django_db


def test_all_254_recommendations_arrive_with_their_numbers(slovenia_cycle):
    rows = Recommendation.objects.filter(state="Slovenia")
    assert rows.count() == 254
    assert list(rows.order_by("sort_key").values_list("number", flat=True)) == [
        f"140.{n}" for n in range(1, 255)
    ]
    assert set(rows.values_list("symbol", "mechanism", "cycle", "session")) == {
        ("A/HRC/59/15", "UPR", 4, 48)
    }


def test_recommending_states_come_from_the_working_group_report(slovenia_cycle):
    first = Recommendation.objects.get(number="140.1")
    assert first.recommending_states == [
        "Algeria",
        "Cabo Verde",
        "Paraguay",
        "South Sudan",
        "Sri Lanka",
        "Togo",
        "Uruguay",
        "Bolivarian Republic of Venezuela",
    ]
    last = Recommendation.objects.get(number="140.254")
    assert last.recommending_states == ["Iraq"]
    assert last.text == (
        "Strengthen measures to reduce statelessness and ensure the protection "
        "of stateless persons"
    )


def test_positions_are_217_supported_and_37_noted(slovenia_cycle):
    positions = Counter(
        Recommendation.objects.filter(state="Slovenia").values_list(
            "position", flat=True
        )
    )
    assert positions == {"supported": 217, "noted": 37}
    assert Recommendation.objects.get(number="140.1").position == "noted"
    assert Recommendation.objects.get(number="140.7").position == "supported"


def test_themes_groups_and_goals_come_from_the_thematic_list(slovenia_cycle):
    row = Recommendation.objects.get(number="140.11")
    assert (
        row.main_theme.name
        == "Ratification of & accession to international instruments"
    )
    assert {t.name for t in row.themes.all()} == {
        "Ratification of & accession to international instruments",
        "Refugees & asylum seekers",
    }
    assert {g.name for g in row.groups.all()} == {
        "Refugees & asylum seekers",
        "Public officials",
        "Stateless persons",
    }
    assert [s.number for s in row.sdgs.all()] == [10]


def test_the_summary_counts_by_position_theme_and_goal(slovenia_cycle):
    summary = slovenia_cycle[-1]
    assert (summary.kind, summary.symbol, summary.state) == (
        "upr_thematic_list",
        "A/HRC/59/15",
        "Slovenia",
    )
    assert (summary.imported, summary.updated, summary.unchanged) == (0, 254, 0)
    assert summary.by_position == {"noted": 37, "supported": 217}
    assert summary.by_sdg == {
        "1": 11,
        "2": 5,
        "3": 38,
        "4": 41,
        "5": 54,
        "6": 10,
        "7": 4,
        "8": 50,
        "10": 87,
        "11": 15,
        "13": 3,
        "16": 94,
    }
    assert summary.by_theme["Equality & non-discrimination"] == 42
    assert len(summary.by_theme) == 60


def test_the_first_import_creates_and_the_addendum_only_updates(slovenia_cycle):
    report, views, _listing = slovenia_cycle
    assert (report.imported, report.updated, report.unchanged) == (254, 0, 0)
    assert views.imported == 0
    assert views.not_found == []
    # Every position was new, 83 explanations came with them.
    assert views.updated == 254


def test_importing_the_same_documents_again_changes_nothing(slovenia_cycle, personas):
    for name in (WG_REPORT, VIEWS, THEMATIC_LIST):
        again = do_import_recommendations(personas.drafter, source(name))
        assert (again.imported, again.updated, again.unchanged) == (0, 0, 254)
    assert Recommendation.objects.count() == 254
    assert ImportRecord.objects.count() == 6


def test_a_changed_recommendation_is_reported_as_updated(slovenia_cycle, personas):
    Recommendation.objects.filter(number="140.7").update(text="Edited.", position="")
    again = do_import_recommendations(personas.drafter, source(WG_REPORT))
    assert (again.imported, again.updated, again.unchanged) == (0, 1, 253)
    assert again.changes == [{"recommendation": "140.7", "fields": ["text"]}]
    assert Recommendation.objects.get(number="140.7").text.startswith("Ratify")


def test_the_report_text_wins_over_the_thematic_list_in_any_order(personas):
    listing = do_import_recommendations(personas.drafter, source(THEMATIC_LIST))
    assert listing.imported == 254
    report = do_import_recommendations(personas.drafter, source(WG_REPORT))
    # The list prints "justice system ’ s" and straight apostrophes.
    assert report.updated == 19
    assert Recommendation.objects.get(number="140.60").text == (
        "Continue to strengthen the justice system’s response to counter growing "
        "hate speech, particularly in the online domain"
    )
    again = do_import_recommendations(personas.drafter, source(THEMATIC_LIST))
    assert again.unchanged == 254


def test_positions_without_their_report_are_listed_as_not_found(personas):
    views = do_import_recommendations(personas.drafter, source(VIEWS))
    assert (views.imported, views.updated) == (0, 0)
    assert len(views.not_found) == 254
    assert Recommendation.objects.count() == 0


def test_a_national_report_is_refused_with_what_to_import_instead(personas):
    with pytest.raises(DomainError, match="national report"):
        do_import_recommendations(personas.drafter, source(NATIONAL_REPORT))
    assert ImportRecord.objects.count() == 0


@pytest.mark.parametrize(
    "persona", ["focal_point", "validator", "nhri_reviewer", "cso_reviewer", "outsider"]
)
def test_only_the_secretariat_imports(personas, persona):
    with pytest.raises(NotAllowed):
        do_import_recommendations(getattr(personas, persona), source(WG_REPORT))
    assert Recommendation.objects.count() == 0
