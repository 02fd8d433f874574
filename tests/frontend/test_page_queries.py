"""The pages everyone opens first stay light on the demo: a bounded number of
database queries, and the first page of a report in well under a second.

The budgets are the counts measured on the demo plus a little headroom; a
change that makes a page query once per section or per contribution blows
through them.
"""

import time

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from contributions.models import Contribution
from drafting.actions import ordered_sections
from drafting.demo import load_demo
from drafting.models import Report
from drafting.sectiontext import parse
from drafting.sectiontext.html import Numbering, render_blocks

pytestmark = pytest.mark.django_db

# Queries per page, whatever the size of the report (the demo's Slovenian
# report has 21 sections and 151 numbered paragraphs).
BUDGETS = {"report-list": 16, "calendar": 12, "report-detail": 10, "section": 20}


@pytest.fixture
def demo():
    load_demo()
    return Report.objects.get(slug="svn-upr4")


def _client(client, username):
    client.force_login(User.objects.get(username=username))
    return client


def _busiest_section(report):
    """The section with the most contributions: the heaviest section page."""
    counts = {}
    for contribution in Contribution.objects.filter(section__report=report):
        counts[contribution.section_id] = counts.get(contribution.section_id, 0) + 1
    return max(counts, key=counts.get)


@pytest.mark.parametrize("username", ["coordinator", "justice"])
def test_the_dashboard_stays_within_its_query_budget(
    demo, client, username, django_assert_max_num_queries
):
    client = _client(client, username)
    with django_assert_max_num_queries(BUDGETS["report-list"]):
        assert client.get(reverse("report-list")).status_code == 200


@pytest.mark.parametrize("username", ["coordinator", "justice"])
def test_the_calendar_stays_within_its_query_budget(
    demo, client, username, django_assert_max_num_queries
):
    client = _client(client, username)
    with django_assert_max_num_queries(BUDGETS["calendar"]):
        assert client.get(reverse("calendar")).status_code == 200


@pytest.mark.parametrize("username", ["coordinator", "justice"])
def test_the_report_page_stays_within_its_query_budget(
    demo, client, username, django_assert_max_num_queries
):
    client = _client(client, username)
    with django_assert_max_num_queries(BUDGETS["report-detail"]):
        page = client.get(reverse("report-detail", args=[demo.slug]))
    assert page.status_code == 200


@pytest.mark.parametrize("username", ["coordinator", "justice"])
def test_the_section_page_stays_within_its_query_budget(
    demo, client, username, django_assert_max_num_queries
):
    client = _client(client, username)
    last = demo.sections.order_by("-position").first()
    for pk in (last.pk, _busiest_section(demo)):
        with django_assert_max_num_queries(BUDGETS["section"]):
            page = client.get(reverse("section-detail", args=[pk]))
        assert page.status_code == 200


def test_the_first_page_of_a_report_appears_in_under_a_second(demo, client):
    client = _client(client, "coordinator")
    # The first request of a process compiles templates and imports views;
    # what a person waits for is every request after it.
    client.get(reverse("report-detail", args=[demo.slug]))
    started = time.perf_counter()
    page = client.get(reverse("report-detail", args=[demo.slug]))
    assert page.status_code == 200
    assert time.perf_counter() - started < 1.0


def test_a_late_section_is_numbered_as_if_every_earlier_section_were_rendered(
    demo, client
):
    """The counts kept per text give the numbers full rendering gave."""
    numbering = Numbering()
    for section, _depth in ordered_sections(demo):
        if section.annex:
            continue
        before = numbering.paragraph
        render_blocks(parse(section.text), numbering)
        if numbering.paragraph > before:
            expected, chosen = before + 1, section
    client = _client(client, "coordinator")
    page = client.get(reverse("section-detail", args=[chosen.pk])).content.decode()
    assert expected > 100
    assert f'<span class="para-no">{expected}.</span>' in page
