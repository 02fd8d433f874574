import pytest

from tests.recommendations.conftest import BRAZIL_CO, source
from unreader.co_recommendations import treaty_recommendations
from unreader.concluding_observations import read_concluding_observations


@pytest.fixture(scope="module")
def found():
    return treaty_recommendations(read_concluding_observations(source(BRAZIL_CO)))


def test_it_finds_the_32_recommendation_paragraphs(found):
    assert [item.number for item in found] == [
        6, 8, 10, 12, 14, 17, 19, 23, 25, 27, 29, 31, 33, 36, 38, 40,
        42, 44, 46, 48, 50, 53, 55, 57, 60, 61, 62, 63, 64, 65, 66, 67,
    ]  # fmt: skip


def test_concerns_and_procedure_are_not_recommendations(found):
    numbers = {item.number for item in found}
    # 59 quotes article 7 "which calls upon States"; 68-70 are procedure.
    assert not numbers & {5, 7, 16, 59, 68, 69, 70}


def test_sub_items_and_headings_are_kept(found):
    item = next(i for i in found if i.number == 17)
    assert [label for label, _text in item.subitems] == ["a", "b", "c", "d", "e", "f"]
    assert item.heading == "Right to health and the impact of the COVID-19 pandemic"
    assert sum(len(i.subitems) for i in found) == 61


def test_follow_up_and_particular_importance_are_marked(found):
    by_number = {item.number: item for item in found}
    assert by_number[17].follow_up == ("a",)
    assert by_number[17].particular_importance == ("b", "c", "e", "f")
    assert by_number[36].follow_up == ("a", "b", "c", "d")
    assert by_number[33].particular_importance == ()
    assert by_number[6].follow_up is None
