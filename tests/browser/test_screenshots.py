"""The README's screenshots, taken from the demo as it is built now.

Run with the other browser tests; each run rewrites docs/screenshots/*.png,
so the pictures in the README show the current build.
"""

import datetime as dt
import re

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from consultation.demo import load_consultation_demo
from contributions.actions import (
    do_create_contribution,
    do_request_input,
    do_submit_contribution,
)
from contributions.models import Entity, Membership
from drafting.demo import load_demo
from drafting.models import Report
from tests.collab.servers import ThreadServer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = settings.BASE_DIR / "docs" / "screenshots"
NATIONAL_REPORT = (
    settings.SHARED_DIR
    / "data"
    / "upr_slovenia_cycle4"
    / "A_HRC_WG.6_48_SVN_1_national_report.txt"
)


def _paragraph(number: int) -> str:
    text = NATIONAL_REPORT.read_text(encoding="utf-8")
    found = re.search(rf"\n\s+{number}\.\s+(.+?)\n\s+{number + 1}\.\s", text, re.S)
    assert found
    return " ".join(found.group(1).split())


def _person(username):
    return Membership.objects.select_related("user").get(user__username=username).user


@pytest.fixture
def server():
    # uvicorn, not the WSGI live server: the live editor needs its socket.
    running = ThreadServer()
    running.start()
    yield running
    running.stop()


def _open(browser, server, username, path, language="en"):
    client = Client()
    client.force_login(_person(username))
    context = browser.new_context(
        locale="en-GB", viewport={"width": 1280, "height": 820}
    )
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": server.url,
            },
            {
                "name": settings.LANGUAGE_COOKIE_NAME,
                "value": language,
                "url": server.url,
            },
        ]
    )
    page = context.new_page()
    page.goto(server.url + path)
    return page


def _shoot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path))
    page.context.close()
    return path


def test_the_main_screens_are_photographed_for_the_readme(browser, server):
    load_demo()
    round = load_consultation_demo()
    report = Report.objects.get(slug="svn-upr4")
    section = report.sections.get(heading__startswith="International obligations")
    labour = Entity.objects.get(name__startswith="Ministry of Labour")
    justice = Entity.objects.get(name="Ministry of Justice")
    do_request_input(
        _person("coordinator"),
        section,
        entities=[labour, justice],
        instructions="",
        due_date=timezone.localdate() + dt.timedelta(days=10),
    )
    contribution = do_create_contribution(
        _person("labour"), section, text=_paragraph(6), title="ILO Protocol"
    )
    do_submit_contribution(_person("labour"), contribution, base_number=1)

    shots = [
        _shoot(_open(browser, server, "coordinator", "/"), "dashboard"),
        _shoot(_open(browser, server, "drafter", f"/reports/{report.slug}/"), "report"),
        _shoot(
            _open(browser, server, "drafter", f"/contributions/{contribution.pk}/"),
            "contribution-review",
        ),
        _shoot(
            _open(browser, server, "ngo", f"/consultation/rounds/{round.pk}/"),
            "consultation-round",
        ),
        _shoot(_open(browser, server, "justice", "/", "ar"), "arabic-focal-point"),
    ]
    editor = _open(browser, server, "drafter", f"/sections/{section.pk}/edit/")
    editor.get_by_text("All changes saved").wait_for()
    shots.append(_shoot(editor, "section-editor"))

    for path in shots:
        assert path.stat().st_size > 10_000, path
