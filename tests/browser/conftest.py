"""Headless Chromium (Debian's package) driven by Playwright."""

from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    return (
        os.environ.get("CHROMIUM")
        or shutil.which("chromium")
        or shutil.which("chromium-browser")
    )


# The one running Chromium. Modules elsewhere (tests/collab, the policy test)
# import the ``browser`` fixture, which makes a second session fixture of the
# same name; Playwright's sync API allows one instance per thread, so the
# second use shares the first one's browser.
_RUNNING: list = []


@pytest.fixture(scope="session")
def browser():
    if _RUNNING:
        yield _RUNNING[0]
        return
    path = chromium_path()
    if path is None:
        pytest.fail(
            "Chromium is not installed: apt-get install chromium (.ci/run does it)."
        )
    # Playwright's sync API runs an event loop in this thread; Django's guard
    # against ORM calls inside a loop would otherwise stop the live server's
    # test fixtures.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        _RUNNING.append(launched)
        yield launched
        _RUNNING.clear()
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(accept_downloads=True, locale="en-GB")
    opened = context.new_page()
    yield opened
    context.close()
