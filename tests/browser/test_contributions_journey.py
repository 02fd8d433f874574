"""The whole contribution journey in Chromium, on the demo report.

The secretariat asks two ministries for input on part C of Slovenia's
report; Justice proposes a revision in the browser, Labour uploads a Word
file with a footnote and tracked changes; each ministry's validating
authority signs off; meanwhile the secretariat edits the section; then it
accepts one change, rejects another, resolves a conflict, takes Labour's
text, and the export's annex attributes the accepted words to each ministry.
"""

import datetime as dt
import re

import pytest
from django.utils import timezone

from contributions.models import Contribution, Entity, Membership
from drafting.demo import DEMO_PASSWORD, load_demo
from drafting.export import build_export
from drafting.models import Report
from drafting.sectiontext import Paragraph
from drafting.sectiontext.nodes import plain_text
from tests.contributions.wordfiles import ministry_docx
from tests.factories import MembershipFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LABOUR = "Ministry of Labour, Family, Social Affairs and Equal Opportunities"


def sign_in(page, base, username):
    page.context.clear_cookies()
    page.goto(f"{base}/login/")
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r".*/$"))


def message(page) -> str:
    return page.locator(".messages").inner_text()


def number_of(report, phrase: str) -> int:
    """The printed number of the numbered paragraph that holds ``phrase``."""
    counter = 0
    for section in build_export(report).sections:
        if section.annex:
            continue
        for block in section.blocks:
            if isinstance(block, Paragraph) and block.numbered:
                counter += 1
                if phrase in plain_text(block.content, footnotes=True):
                    return counter
    raise AssertionError(f"no numbered paragraph holds {phrase!r}")


def test_two_ministries_contribute_are_validated_and_merged_into_the_draft(
    live_server, page, tmp_path
):
    load_demo()
    validator = UserFactory(username="labour-validator")
    validator.set_password(DEMO_PASSWORD)
    validator.save()
    MembershipFactory(
        user=validator,
        entity=Entity.objects.get(name=LABOUR),
        role=Membership.Role.VALIDATOR,
    )
    report = Report.objects.get(slug="svn-upr4")
    section = report.sections.get(heading__startswith="Non-discrimination")
    original = section.text
    base = live_server.url
    section_url = f"{base}/sections/{section.pk}/"

    # The secretariat asks Justice and Labour for input.
    sign_in(page, base, "drafter")
    page.goto(section_url)
    page.get_by_text("Ask for input").click()
    page.get_by_role("checkbox", name="Ministry of Justice").check()
    page.get_by_role("checkbox", name=LABOUR).check()
    page.locator("#id_ask_instructions").fill("Update the part on hate speech.")
    due = (timezone.localdate() + dt.timedelta(days=10)).isoformat()
    page.locator("#id_ask_due").fill(due)
    page.get_by_role("button", name="Send the request").click()
    assert "Asked" in message(page)

    # Justice sees the request and proposes a revision of the current text:
    # a word in an early paragraph, one in the middle, a sentence at the end
    # of a late paragraph.
    sign_in(page, base, "justice")
    page.goto(f"{base}/inputs/")
    assert "Update the part on hate speech." in page.content()
    page.get_by_role("link", name=section.heading).first.click()
    page.get_by_text("Propose changes to the current text").click()
    copy = page.locator("#id_proposal_text").input_value()
    paragraphs = copy.split("\n\n")
    usable = [
        i
        for i, text in enumerate(paragraphs)
        if not text.startswith((">", "#")) and " the " in text and " and " in text
    ]
    early, middle, late = usable[0], usable[len(usable) // 2], usable[-1]
    paragraphs[early] = paragraphs[early].replace(" the ", " the relevant ", 1)
    paragraphs[middle] = paragraphs[middle].replace(" and ", " and equally ", 1)
    paragraphs[late] += " Justice added this closing sentence."
    page.locator("#id_proposal_text").fill("\n\n".join(paragraphs))
    page.get_by_role("button", name="Save proposed revision").click()
    assert re.search(r"<ins>[^<]*relevant[^<]*</ins>", page.content())
    page.get_by_role("button", name="Submit").click()
    assert "validating authority" in message(page)

    # Labour uploads a Word file with a footnote and tracked changes.
    word_file = tmp_path / "labour.docx"
    word_file.write_bytes(ministry_docx())
    sign_in(page, base, "labour")
    page.goto(section_url)
    page.get_by_text("Upload a Word file").click()
    page.locator("#id_upload_file").set_input_files(str(word_file))
    page.locator("#id_upload_title").fill("Equality bodies")
    page.get_by_role("button", name="Upload").click()
    assert "tracked change" in message(page)
    assert "Please check the figure with the Ombudsman." in page.content()
    page.get_by_role("button", name="Submit").click()

    # Each ministry's validating authority signs off its own contribution.
    for username in ("justice-validator", "labour-validator"):
        sign_in(page, base, username)
        page.goto(f"{base}/inputs/")
        page.locator("#waiting-heading + ul a").first.click()
        page.get_by_role("button", name="Validate and send to the secretariat").click()
        assert "Validated" in message(page)
    asked = Contribution.objects.filter(section=section, request__isnull=False)
    assert sorted(asked.values_list("status", flat=True)) == ["validated"] * 2

    # Meanwhile the secretariat edits the end of the late paragraph too.
    sign_in(page, base, "drafter")
    page.goto(section_url)
    page.get_by_text("Edit the text").click()
    draft = page.locator("#id_section_text").input_value().split("\n\n")
    draft[late] += " As the secretariat notes."
    page.locator("#id_section_text").fill("\n\n".join(draft))
    page.get_by_role("button", name="Save the section").click()
    assert "The section was saved." in message(page)
    page.goto(f"{base}/inputs/")
    assert "Nothing is late." in page.content()

    # Review Justice: accept one change, reject one, resolve the conflict.
    justice = asked.get(entity__name="Ministry of Justice")
    page.goto(f"{base}/contributions/{justice.pk}/")
    assert page.locator(".change").count() == 3
    page.screenshot(path=str(tmp_path / "review.png"), full_page=False)
    conflict = page.locator(".change.conflict")
    assert conflict.count() == 1
    conflict.get_by_label("Resolve with the text below").check()
    words = conflict.locator("textarea").input_value()
    conflict.locator("textarea").fill(
        words.replace(
            "As the secretariat notes.",
            "As the secretariat notes. Justice added this closing sentence.",
        )
    )
    page.locator(".change:not(.conflict)").nth(1).get_by_label("Reject").check()
    page.get_by_role("button", name="Apply these decisions to the draft").click()
    assert "2 of 3 change(s) went into the draft." in message(page)

    # Take Labour's text as it is.
    labour = asked.get(entity__name=LABOUR)
    page.goto(f"{base}/contributions/{labour.pk}/")
    page.get_by_role("button", name="Apply these decisions to the draft").click()
    assert "1 of 1 change(s) went into the draft." in message(page)

    section.refresh_from_db()
    assert section.text.count("the relevant ") == original.count("the relevant ") + 1
    assert section.text.count("and equally") == original.count("and equally")
    assert (
        "As the secretariat notes. Justice added this closing sentence." in section.text
    )
    assert "^[Office of the High Commissioner for Human Rights.]" in section.text

    # The Word file is exported, and its annex credits each ministry's words.
    page.goto(f"{base}/reports/svn-upr4/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Export to Word").click()
    assert download_info.value.suggested_filename.endswith(".docx")
    credited: dict[int, set[str]] = {}
    for item in build_export(report).inputs_used:
        for number in item.paragraphs:
            credited.setdefault(number, set()).add(item.entity)
    after = paragraphs[early].split("the relevant ", 1)[1].split(" ")[:3]
    changed = number_of(report, "the relevant " + " ".join(after))
    assert credited[changed] == {"Ministry of Justice"}
    assert credited[number_of(report, "Justice added this closing")] == {
        "Ministry of Justice"
    }
    assert credited[number_of(report, "See the Ombudsman’s website")] == {LABOUR}
