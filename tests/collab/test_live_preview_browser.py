"""The live editor shows bold, links and footnotes without their markup, shows
the marks of the span the cursor is in, and never changes the text for it."""

from __future__ import annotations

import pytest

from drafting.models import Section
from tests.browser.conftest import browser  # noqa: F401 - the shared fixture
from tests.collab.test_live_editing_browser import TEXT, open_editor, server  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ENGLISH = (
    "Slovenia’s preparations for the **UPR 4th cycle** started in autumn 2023. "
    "The report was drafted under the coordination of the [Ministry of Foreign "
    "and European Affairs](https://www.gov.si/en/state-authorities/ministries/) "
    "and endorsed by the Inter-Ministerial Commission on Human Rights.^[The "
    "Government adopted it on *17 July 2024*.]\n\n"
    "During the drafting of the report, the NGOs, the Ombudsman and the Advocate "
    "of the Principle of Equality were briefed and consulted."
)
ARABIC = (
    "بدأت سلوفينيا الأعمال التحضيرية **للجولة الرابعة** من الاستعراض في خريف 2023، "
    "بتنسيق من [وزارة الخارجية والشؤون الأوروبية](https://www.gov.si/en/) "
    "واعتمدته اللجنة المشتركة بين الوزارات.^[اعتمدته الحكومة في *17 تموز/يوليه 2024*.]"
    "\n\nأُطلعت المنظمات غير الحكومية وأمين المظالم على التقرير واستُشيروا."
)
MARKS = ("**", "](", "https://", "^[")
FIRST_LINE = ".cm-content .cm-line >> nth=0"
HEAD = "window.reportdeskEditor.view.state.selection.main.head"


@pytest.fixture
def marked_up(section):
    section.text = ENGLISH
    section.save()
    return section


def first_line(page) -> str:
    return page.locator(FIRST_LINE).inner_text()


def click_second_paragraph(page) -> None:
    page.locator(".cm-content .cm-line").last.click()


def test_words_show_without_marks_until_the_cursor_enters_their_span(
    browser,  # noqa: F811
    server,  # noqa: F811
    personas,
    marked_up,
    tmp_path,
):
    page = open_editor(browser, server, personas.drafter, marked_up)
    click_second_paragraph(page)

    line = first_line(page)
    assert not [mark for mark in MARKS if mark in line]
    assert page.locator(".cm-bold").first.inner_text() == "UPR 4th cycle"
    link = page.locator(".cm-link").first
    assert link.inner_text() == "Ministry of Foreign and European Affairs"
    assert (
        link.get_attribute("title")
        == "https://www.gov.si/en/state-authorities/ministries/"
    )
    assert page.locator(".cm-note-number").inner_text() == "1"
    assert "Human Rights.1The Government adopted it on 17 July 2024." in line
    page.locator(".live-text").screenshot(path=str(tmp_path / "english-preview.png"))

    page.locator(".cm-bold").first.click()
    line = first_line(page)
    assert "**UPR 4th cycle**" in line
    assert "](" not in line and "^[" not in line
    assert page.locator(".cm-markup").all_inner_texts() == ["**", "**"]
    page.locator(".live-text").screenshot(path=str(tmp_path / "english-in-bold.png"))

    page.locator(".cm-footnote").first.click()
    line = first_line(page)
    assert "1^[The Government adopted it on 17 July 2024.]" in line
    assert "**" not in line
    page.locator(".live-text").screenshot(path=str(tmp_path / "english-in-note.png"))

    click_second_paragraph(page)
    assert "**" not in first_line(page)

    # Viewing and clicking changed nothing, here or on the server.
    assert page.evaluate(TEXT) == ENGLISH
    assert Section.objects.get(pk=marked_up.pk).text == ENGLISH


def test_arrow_keys_step_into_a_span_one_mark_at_a_time(
    browser,  # noqa: F811
    server,  # noqa: F811
    personas,
    marked_up,
):
    page = open_editor(browser, server, personas.drafter, marked_up)
    after_bold = ENGLISH.index("** started") + 2
    page.evaluate(
        """(at) => {
          const view = window.reportdeskEditor.view;
          view.focus();
          view.dispatch({selection: {anchor: at + 1}});
        }""",
        after_bold,
    )
    assert "**" not in first_line(page)

    page.keyboard.press("ArrowLeft")
    assert page.evaluate(HEAD) == after_bold
    assert "**UPR 4th cycle**" in first_line(page)

    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert page.evaluate(HEAD) == after_bold - 3

    assert page.evaluate(TEXT) == ENGLISH


def test_a_reader_sees_the_words_only_even_after_clicking_them(
    browser,  # noqa: F811
    server,  # noqa: F811
    personas,
    marked_up,
):
    page = open_editor(browser, server, personas.focal_point, marked_up)

    page.locator(".cm-bold").first.click()

    line = first_line(page)
    assert not [mark for mark in MARKS if mark in line]
    assert Section.objects.get(pk=marked_up.pk).text == ENGLISH


def test_an_arabic_section_reads_right_to_left_without_marks(
    browser,  # noqa: F811
    server,  # noqa: F811
    personas,
    marked_up,
    tmp_path,
):
    report = marked_up.report
    report.language = "ar"
    report.save()
    marked_up.text = ARABIC
    marked_up.save()

    page = open_editor(browser, server, personas.drafter, marked_up)
    click_second_paragraph(page)

    assert page.locator(".cm-content").get_attribute("dir") == "rtl"
    line = first_line(page)
    assert not [mark for mark in MARKS if mark in line]
    # The text starts at the right; the bold words come after the first ones,
    # to their left, on the same line.
    start = page.evaluate("window.reportdeskEditor.view.coordsAtPos(0)")
    bold = page.locator(".cm-bold").first.bounding_box()
    assert bold is not None
    assert start["top"] <= bold["y"] + bold["height"] / 2 <= start["bottom"]
    assert bold["x"] + bold["width"] < start["left"]
    page.locator(".live-text").screenshot(path=str(tmp_path / "arabic-preview.png"))

    page.locator(".cm-bold").first.click()
    assert "**للجولة الرابعة**" in first_line(page)
    page.locator(".live-text").screenshot(path=str(tmp_path / "arabic-in-bold.png"))

    click_second_paragraph(page)
    assert page.evaluate(TEXT) == ARABIC
    assert Section.objects.get(pk=marked_up.pk).text == ARABIC


def test_an_arabic_paragraph_of_an_english_report_reads_right_to_left(
    browser,  # noqa: F811
    server,  # noqa: F811
    personas,
    marked_up,
    tmp_path,
):
    arabic = ARABIC.split("\n\n")[1]
    marked_up.text = f"{ENGLISH}\n\n{arabic}"
    marked_up.save()

    page = open_editor(browser, server, personas.drafter, marked_up)

    directions = page.evaluate(
        "[...document.querySelectorAll('.cm-content .cm-line')]"
        ".map((line) => getComputedStyle(line).direction)"
    )
    assert directions[0] == "ltr"
    assert directions[-1] == "rtl"
    page.locator(".live-text").screenshot(path=str(tmp_path / "mixed.png"))


def test_pasted_stars_and_brackets_stay_words_and_bold_comes_off_again(
    browser,  # noqa: F811
    server,  # noqa: F811
    personas,
    marked_up,
):
    page = open_editor(browser, server, personas.drafter, marked_up)
    click_second_paragraph(page)
    page.keyboard.press("End")
    pasted = " Art. 5*3 and 4*2, see ^[sic]."
    page.evaluate(
        """(text) => {
          const data = new DataTransfer();
          data.setData("text/plain", text);
          document.querySelector(".cm-content").dispatchEvent(
            new ClipboardEvent("paste", {clipboardData: data, bubbles: true}));
        }""",
        pasted,
    )
    expected = f"{ENGLISH} Art. 5\\*3 and 4\\*2, see \\^\\[sic\\]."
    page.wait_for_function(f"(want) => {TEXT} === want", arg=expected)
    assert page.locator(".cm-content .cm-line").last.inner_text().endswith(pasted)

    # The bold words selected, the Bold button takes their bold off.
    start = ENGLISH.index("UPR 4th cycle")
    page.evaluate(
        "([from, to]) => window.reportdeskEditor.view.dispatch("
        "{selection: {anchor: from, head: to}})",
        [start, start + len("UPR 4th cycle")],
    )
    page.locator("[data-command=bold]").click()
    plain = expected.replace("**UPR 4th cycle**", "UPR 4th cycle")
    page.wait_for_function(f"(want) => {TEXT} === want", arg=plain)
    page.get_by_text("All changes saved").wait_for()
    assert Section.objects.get(pk=marked_up.pk).text == plain
