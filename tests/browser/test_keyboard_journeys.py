"""Two people do their whole job in their own language with the keyboard
alone: a French-speaking focal point answers what the secretariat asked of
the Ministry of Justice, and an Arabic-speaking reviewer comments on the
draft shared in a consultation round. Nothing is clicked; the focus moves
only with Tab, and the pages must be in the chosen language."""

import datetime as dt
import re

import pytest
from django.conf import settings
from django.utils import timezone

from consultation.demo import load_consultation_demo
from consultation.models import Comment
from contributions.actions import do_request_input
from contributions.models import Contribution, Entity
from drafting.demo import DEMO_PASSWORD, load_demo
from drafting.models import Report
from tests.browser.keyboard import (
    by_id,
    by_text,
    choose_language_by_keyboard,
    sign_in_by_keyboard,
    tab_to,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NATIONAL_REPORT = (
    settings.SHARED_DIR
    / "data"
    / "upr_slovenia_cycle4"
    / "A_HRC_WG.6_48_SVN_1_national_report.txt"
)


def _paragraph(number: int) -> str:
    """Numbered paragraph ``number`` of Slovenia's real national report."""
    text = NATIONAL_REPORT.read_text(encoding="utf-8")
    found = re.search(rf"\n\s+{number}\.\s+(.+?)\n\s+{number + 1}\.\s", text, re.S)
    assert found, f"paragraph {number} not found"
    return " ".join(found.group(1).split())


def _message(page) -> str:
    return page.locator(".messages").inner_text()


def test_a_french_focal_point_answers_a_request_with_the_keyboard_alone(
    live_server, page
):
    load_demo()
    report = Report.objects.get(slug="svn-upr4")
    section = report.sections.get(heading__startswith="International obligations")
    justice = Entity.objects.get(name="Ministry of Justice")
    coordinator = justice.members.model.objects.get(user__username="coordinator").user
    do_request_input(
        coordinator,
        section,
        entities=[justice],
        instructions="",
        due_date=timezone.localdate() + dt.timedelta(days=7),
    )
    base = live_server.url

    page.goto(f"{base}/login/")
    choose_language_by_keyboard(page, "fr")
    assert page.locator("html").get_attribute("lang") == "fr"
    sign_in_by_keyboard(page, base, "justice", DEMO_PASSWORD)

    # The first page says what is asked of the ministry, in French.
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Ce qui nous est demandé"
    )
    tab_to(page, by_text(section.heading))
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # Write the contribution: a paragraph of the real report.
    tab_to(page, by_id("id_title"))
    page.keyboard.type("Apatridie")
    tab_to(page, by_id("id_text"))
    page.keyboard.type(_paragraph(5))
    tab_to(page, by_text("Enregistrer la contribution"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Votre contribution a été enregistrée comme révision 1." in _message(page)

    # Send it on to the ministry's validating authority.
    tab_to(page, by_text("Envoyer à votre autorité de validation"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Envoyée à votre autorité de validation." in _message(page)

    contribution = Contribution.objects.get(section=section, entity=justice)
    assert contribution.status == Contribution.Status.SUBMITTED
    assert contribution.title == "Apatridie"
    assert "Convention on the Reduction of Statelessness" in (
        contribution.revisions.get().text
    )


def test_an_arabic_reviewer_comments_on_the_draft_with_the_keyboard_alone(
    live_server, page
):
    load_demo()
    round = load_consultation_demo()
    base = live_server.url
    passage = "started in autumn 2023"

    page.goto(f"{base}/login/")
    choose_language_by_keyboard(page, "ar")
    assert page.locator("html").get_attribute("dir") == "rtl"
    sign_in_by_keyboard(page, base, "ngo", DEMO_PASSWORD)

    # A reviewer lands on their consultation rounds, in Arabic.
    assert page.get_by_role("heading", level=1).inner_text() == "المشاورات"
    tab_to(page, by_text(round.title))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("heading", level=1).inner_text() == round.title

    # Open the comment form of the first section and fill it in.
    tab_to(page, by_text("تعليق على"))
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.type(passage)
    tab_to(page, lambda element: element["name"] == "body")
    page.keyboard.type("في أي شهر بدأت الأعمال التحضيرية؟")
    tab_to(page, by_text("إرسال التعليق"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "أُرسل تعليقكم إلى الأمانة." in _message(page)

    comment = Comment.objects.get(round=round, body__startswith="في أي شهر")
    assert comment.quote == passage
    assert comment.entity.name == "Legal-Informational Centre for NGOs"

    # The comment is on the organisation's own page, in Arabic.
    tab_to(page, by_text("المشاورات"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, by_text("تعليقات منظمتكم"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "في أي شهر بدأت الأعمال التحضيرية؟" in page.content()
