from collections import Counter

import pytest

from tests.recommendations.conftest import THEMATIC_LIST, source
from unreader.errors import UnreadableDocument
from unreader.thematic_list import looks_like_thematic_list, read_thematic_list


@pytest.fixture(scope="module")
def listing():
    return read_thematic_list(source(THEMATIC_LIST))


def test_it_reads_all_254_recommendations_once(listing):
    numbers = [entry.number for entry in listing.entries]
    assert len(numbers) == 254
    assert sorted(numbers, key=lambda n: int(n.split(".")[1])) == [
        f"140.{n}" for n in range(1, 255)
    ]


def test_it_reads_the_state_session_and_report_symbol(listing):
    assert (listing.state, listing.session, listing.symbol) == (
        "Slovenia",
        48,
        "A/HRC/59/15",
    )


def test_positions_are_217_supported_and_37_noted(listing):
    assert Counter(entry.position for entry in listing.entries) == {
        "supported": 217,
        "noted": 37,
    }


def test_html_entities_are_decoded(listing):
    names = {theme for entry in listing.entries for theme in entry.themes}
    names |= {group for entry in listing.entries for group in entry.groups}
    assert "Refugees & asylum seekers" in names
    assert not [name for name in names if "&amp;" in name or "&#" in name]


def test_an_entry_keeps_its_states_themes_groups_and_goals(listing):
    entry = next(e for e in listing.entries if e.number == "140.7")
    assert entry.text == (
        "Ratify the Optional Protocol to the International Covenant on Economic, "
        "Social and Cultural Rights"
    )
    assert entry.states == ("Maldives", "Portugal")
    assert entry.theme == "Ratification of & accession to international instruments"
    assert entry.themes == [
        "Ratification of & accession to international instruments",
        "Economic, social & cultural rights - general measures of implementation",
    ]
    assert entry.groups == ["Public officials"]
    assert entry.sdgs == [1, 2, 3, 4, 5, 6, 7, 8]
    assert entry.position_source == "A/HRC/59/15/Add.1, para. 3"


def test_a_state_whose_name_holds_brackets_stays_whole(listing):
    entry = next(e for e in listing.entries if e.number == "140.1")
    assert len(entry.states) == 8
    assert entry.states[-1] == "Bolivarian Republic of Venezuela"
    assert entry.position == "noted"


def test_goal_counts_match_the_published_list(listing):
    goals = Counter(goal for entry in listing.entries for goal in entry.sdgs)
    assert goals[16] == 94
    assert goals[10] == 87
    assert goals[5] == 54
    assert sorted(goals) == [1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 13, 16]


def test_a_theme_that_starts_with_a_number_is_not_taken_for_a_goal(listing):
    themes = {theme for entry in listing.entries for theme in entry.themes}
    assert "2030 Agenda & other voluntary commitments" in themes


def test_the_recommendations_are_listed_under_43_themes(listing):
    assert len({entry.theme for entry in listing.entries}) == 43


def test_other_documents_are_not_taken_for_a_thematic_list():
    from tests.recommendations.conftest import WG_REPORT

    assert looks_like_thematic_list(source(THEMATIC_LIST))
    assert not looks_like_thematic_list(source(WG_REPORT))


def test_a_list_without_entries_is_refused_with_a_reason():
    with pytest.raises(UnreadableDocument, match="No recommendations were found"):
        read_thematic_list("Thematic List of Recommendations\nTheme: Nothing\n")
