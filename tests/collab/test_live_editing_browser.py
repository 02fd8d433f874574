"""Two drafters write in the same paragraph in two Chromium pages, see each
other, lose the server for a moment, keep typing, and end with one text."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from drafting.models import Section
from tests.browser.conftest import browser  # noqa: F401 - the shared fixture
from tests.collab.servers import ThreadServer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = "window.reportdeskEditor.view.state.doc.toString()"


@pytest.fixture
def server():
    running = ThreadServer()
    running.start()
    yield running
    running.stop()


def open_editor(browser, server, user, section):  # noqa: F811
    client = Client()
    client.force_login(user)
    # wait_for_function evaluates strings, which the content security policy
    # forbids; the policy itself is tested in tests/browser/.
    context = browser.new_context(locale="en-GB", bypass_csp=True)
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
    page.goto(f"{server.url}/sections/{section.pk}/edit/")
    page.wait_for_function(f"window.reportdeskEditor && {TEXT}.length > 0")
    page.get_by_text("All changes saved").wait_for()
    return page


def type_in_first_paragraph(page, words: str, *, at_end: bool = True) -> None:
    page.evaluate(
        """(atEnd) => {
          const view = window.reportdeskEditor.view;
          const line = view.state.doc.line(1);
          view.dispatch({selection: {anchor: atEnd ? line.to : line.from}});
          view.focus();
        }""",
        at_end,
    )
    page.keyboard.type(words, delay=15)


def converged(first, second, *expected: str) -> str:
    script = f"(words) => words.every((w) => {TEXT}.includes(w))"
    for page in (first, second):
        page.wait_for_function(script, arg=list(expected), timeout=15000)
    first.get_by_text("All changes saved").wait_for(timeout=15000)
    second.get_by_text("All changes saved").wait_for(timeout=15000)
    text = first.evaluate(TEXT)
    assert second.evaluate(TEXT) == text
    return text


def test_two_drafters_type_in_one_paragraph_survive_a_restart_and_converge(
    browser,  # noqa: F811
    server,
    personas,
    section,
    tmp_path,
):
    first = open_editor(browser, server, personas.drafter, section)
    second = open_editor(browser, server, personas.coordinator, section)

    # Each sees the other in the section, and the other's cursor.
    first.locator(".live-people li", has_text="coordinator").wait_for()
    second.locator(".live-people li", has_text="drafter").wait_for()

    # One writes at the end of the paragraph, the other at its start.
    for part in (" Ljubljana", " 😀 agreed", " حقوق"):
        type_in_first_paragraph(first, part)
        type_in_first_paragraph(second, part.upper().strip() + " ", at_end=False)
    first.locator(".cm-remote-caret").first.wait_for()
    text = converged(
        first, second, "Ljubljana", "LJUBLJANA ", "😀 agreed", "😀 AGREED "
    )
    first.screenshot(path=str(tmp_path / "both.png"), full_page=True)

    # The server goes away; the first drafter keeps writing; it comes back.
    server.stop()
    first.get_by_text("Offline", exact=False).wait_for(timeout=10000)
    type_in_first_paragraph(first, " written offline 人权")
    server.restart()
    text = converged(first, second, "written offline 人权", "LJUBLJANA")

    saved = Section.objects.get(pk=section.pk).text
    assert saved == text
    assert saved.count("written offline 人权") == 1
    assert saved.splitlines()[0].count("Ljubljana") == 1


CARET_AT = """() => {
  const view = window.reportdeskEditor.view;
  const caret = document.querySelector(".cm-remote-caret");
  return caret ? view.posAtDOM(caret) : -1;
}"""


def test_a_cursor_stands_where_its_owner_typed_and_a_reader_gets_no_toolbar(
    browser,  # noqa: F811
    server,
    personas,
    section,
):
    writer = open_editor(browser, server, personas.drafter, section)
    watcher = open_editor(browser, server, personas.coordinator, section)
    reader = open_editor(browser, server, personas.focal_point, section)

    type_in_first_paragraph(writer, " kappa")
    converged(writer, watcher, " kappa")
    end_of_kappa = watcher.evaluate(f"{TEXT}.indexOf(' kappa') + 6")

    # The cursor came before the words typed ahead of it; it is not moved
    # on by their length a second time when they arrive.
    watcher.wait_for_function(f"() => ({CARET_AT})() === {end_of_kappa}", timeout=10000)
    assert reader.locator(".live-toolbar").is_hidden()
    reader.wait_for_function(f"{TEXT}.includes(' kappa')", timeout=10000)
