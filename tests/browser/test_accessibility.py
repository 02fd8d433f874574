"""axe-core finds nothing serious or critical on any page, for any persona.

Each persona signs in to the demo and walks every page it can reach by
following links, once per kind of page (one section, one contribution, one
round …); axe runs on each. Downloads and sign-out are not followed. The
walk must reach the pages listed in EXPECTED, so a page that stops being
linked, or starts failing, fails this test.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlparse

import pytest
from django.urls import Resolver404, resolve

from consultation.demo import load_consultation_demo
from drafting.demo import DEMO_PASSWORD, load_demo
from tests.browser.keyboard import serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Links that download a file, end the session or leave the interface.
NOT_PAGES = re.compile(
    r"^/(logout|admin|api|i18n|static|media|ws)/"
    r"|\.(docx|csv|xlsx|pdf|txt|json)$|/record\.|/export\.|/download"
)
# Pages each persona must have reached (by URL name), at the least.
EXPECTED = {
    "coordinator": {
        "report-list",
        "report-new",
        "calendar",
        "report-detail",
        "section-detail",
        "section-edit",
        "section-history",
        "inputs",
        "contribution-detail",
        "consultation-home",
        "consultation-report",
        "consultation-round",
        "consultation-manage",
        "consultation-decisions",
        "recommendation-list",
        "recommendation-detail",
        "report-coverage",
    },
    "justice": {
        "report-list",
        "inputs",
        "report-detail",
        "section-detail",
        "contribution-detail",
        "calendar",
    },
    "justice-validator": {"report-list", "inputs", "section-detail"},
    "ngo": {"consultation-home", "consultation-round", "consultation-my-comments"},
    "ombudsman": {"consultation-home", "consultation-round"},
}


def _walk(page, base: str) -> tuple[dict[str, str], list[str]]:
    """Visit one page of each kind reachable from the start page."""
    seen: dict[str, str] = {}
    queued = ["/"]
    followed: set[str] = set()
    problems: list[str] = []
    while queued:
        path = queued.pop(0)
        if path in followed:
            continue
        followed.add(path)
        try:
            name = resolve(urlparse(path).path).url_name or path
        except Resolver404:
            continue
        if name in seen:
            continue
        response = page.goto(base + path)
        seen[name] = path
        if response is None or "text/html" not in response.headers.get(
            "content-type", ""
        ):
            continue
        if response.status >= 400:
            problems.append(f"{path}: HTTP {response.status}")
            continue
        problems += [f"{path}: {found}" for found in serious_violations(page)]
        for href in page.eval_on_selector_all(
            "a[href]", "links => links.map((a) => a.getAttribute('href'))"
        ):
            target = urlparse(urljoin(base + path, href))
            if target.netloc == urlparse(base).netloc and not NOT_PAGES.search(
                target.path
            ):
                queued.append(
                    target.path + (f"?{target.query}" if target.query else "")
                )
    return seen, problems


def _sign_in(page, base, username):
    page.context.clear_cookies()
    page.goto(f"{base}/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()


@pytest.fixture
def demo():
    load_demo()
    load_consultation_demo()


def test_the_pages_before_sign_in_pass_the_accessibility_check(live_server, page):
    problems = []
    for path in ("/login/", "/account/password-reset/"):
        page.goto(live_server.url + path)
        problems += [f"{path}: {found}" for found in serious_violations(page)]
    assert problems == []


@pytest.mark.parametrize("username", sorted(EXPECTED))
def test_every_page_a_persona_reaches_passes_the_accessibility_check(
    demo, live_server, page, username
):
    _sign_in(page, live_server.url, username)

    seen, problems = _walk(page, live_server.url)

    assert problems == []
    assert EXPECTED[username] - set(seen) == set()


@pytest.mark.parametrize(
    ("username", "language"), [("drafter", "ar"), ("justice", "fr")]
)
def test_the_translated_right_to_left_and_french_pages_pass_too(
    demo, live_server, page, username, language
):
    _sign_in(page, live_server.url, username)
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )

    seen, problems = _walk(page, live_server.url)

    assert problems == []
    assert {"report-list", "section-detail"} <= set(seen)


def test_the_check_catches_a_button_nobody_can_name(page):
    page.set_content(
        '<html lang="en"><head><title>Check</title></head>'
        "<body><main><button></button></main></body></html>"
    )

    assert any(found.startswith("button-name") for found in serious_violations(page))
