"""The pages work under the content security policy: Chromium reports no
violation on the sign-in page, the report and section pages, the live editor
(its bundle, its styles and its socket), the audit trail and the second
factor page."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from tests.collab.servers import ThreadServer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture
def server():
    running = ThreadServer()
    running.start()
    yield running
    running.stop()


def _signed_in_page(browser, server, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context(locale="en-GB")
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": server.url,
            }
        ]
    )
    page = context.new_page()
    page.add_init_script(WATCH)
    return page


def _visit(page, url: str, console: list[str]) -> list[str]:
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_load_state("networkidle")
    return page.evaluate("window.__violations") + [
        line for line in console if "Content Security Policy" in line
    ]


def test_the_pages_and_the_live_editor_run_without_a_policy_violation(
    browser,
    server,
    personas,
    report,
):
    section = report.sections.get(key="upr.A")
    page = _signed_in_page(browser, server, personas.coordinator)
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    addresses = [
        "/",
        f"/reports/{report.slug}/",
        f"/sections/{section.pk}/",
        "/audit/",
        "/account/second-factor/",
        "/people/",
    ]

    violations = {url: _visit(page, server.url + url, console) for url in addresses}
    page.goto(f"{server.url}/sections/{section.pk}/edit/")
    # Waiting on the page itself: wait_for_function would evaluate a string,
    # which the policy forbids (no 'unsafe-eval').
    page.locator(".cm-content").wait_for()
    page.get_by_text("All changes saved").wait_for()
    violations["editor"] = page.evaluate("window.__violations") + [
        line for line in console if "Content Security Policy" in line
    ]

    assert {url: found for url, found in violations.items() if found} == {}


def test_the_sign_in_page_runs_without_a_policy_violation(
    browser,
    server,
):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.add_init_script(WATCH)
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))

    assert _visit(page, f"{server.url}/login/", console) == []
