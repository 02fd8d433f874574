from collections import Counter

import pytest

from tests.recommendations.conftest import UPR_INFO, source
from unreader.errors import UnreadableDocument
from unreader.upr_info import looks_like_upr_info, read_upr_info_csv


@pytest.fixture(scope="module")
def rows():
    return read_upr_info_csv(source(UPR_INFO))


def test_it_reads_198_recommendations_149_accepted_and_49_noted(rows):
    assert len(rows) == 198
    assert Counter(row.position for row in rows) == {"supported": 149, "noted": 49}


def test_it_counts_the_states_under_review(rows):
    assert Counter(row.state for row in rows) == {
        "Canada": 114,
        "Ghana": 56,
        "Brazil": 15,
        "Indonesia": 13,
    }


def test_a_row_keeps_its_state_issues_category_and_session(rows):
    first = rows[0]
    assert first.state == "Brazil"
    assert first.recommending_state == "Mexico"
    assert first.issues == ("NHRI",)
    assert (first.action_category, first.session) == (5, 1)


def test_an_unknown_recommending_state_is_none_not_a_name(rows):
    unknown = [row for row in rows if row.recommending_state is None]
    assert len(unknown) == 9
    assert not [row for row in rows if "&#" in (row.recommending_state or "")]


def test_comma_separated_issues_are_split(rows):
    several = [row for row in rows if len(row.issues) > 1]
    assert several
    assert all("," not in issue for row in several for issue in row.issues)


def test_a_csv_without_the_columns_is_refused_naming_them():
    assert not looks_like_upr_info("a,b\n1,2\n")
    with pytest.raises(UnreadableDocument, match="Response"):
        read_upr_info_csv("To,Text,From,Issue,Session\nBrazil,x,Chile,y,1\n")
