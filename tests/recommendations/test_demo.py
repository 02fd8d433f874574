"""load_recommendations_demo: the Slovenian cycle and svn-upr4-mtr."""

import pytest

from drafting.demo import load_demo
from drafting.models import Report
from recommendations.demo import MIDTERM_SLUG, load_recommendations_demo
from recommendations.export import implementation_matrix
from recommendations.models import Recommendation
from reportdesk.errors import DomainError

pytestmark = pytest.mark.django_db


def test_it_builds_the_midterm_report_once(db):
    # The main demo loader runs this step itself, after its own reports.
    load_demo()
    assert Report.objects.filter(slug=MIDTERM_SLUG).exists()
    assert Recommendation.objects.filter(state="Slovenia").count() == 254
    assert Recommendation.objects.filter(state="Brazil").count() == 32
    unassigned = Recommendation.objects.filter(
        state="Slovenia", responsible_entities=None
    )
    assert not unassigned.exists()
    report = Report.objects.get(slug=MIDTERM_SLUG)
    assert len(implementation_matrix(report).rows) == 254
    again = load_recommendations_demo()
    assert (again.created, again.kept) == ([], [MIDTERM_SLUG])
    assert {v["unchanged"] for v in again.imported.values()} == {254, 32}
    assert Report.objects.filter(slug=MIDTERM_SLUG).count() == 1


def test_it_needs_the_demo_people(db):
    with pytest.raises(DomainError, match="demo people"):
        load_recommendations_demo()
