"""A secretariat drafter signs in, opens the demo report and exports it."""

import io

import docx
import pytest

from drafting.demo import DEMO_PASSWORD, load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_drafter_signs_in_opens_the_demo_report_and_downloads_the_word_file(
    live_server, page, tmp_path
):
    load_demo()
    page.goto(f"{live_server.url}/")
    assert "/login/" in page.url
    page.get_by_label("User name").fill("drafter")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    # The dashboard links late reports too; open it from the list of reports.
    page.get_by_role("table").get_by_role(
        "link", name="National report submitted pursuant to"
    ).click()
    assert (
        page.get_by_role("heading", level=1).inner_text().startswith("National report")
    )
    assert page.get_by_role("link", name="Introduction", exact=True).is_visible()
    page.screenshot(path=str(tmp_path / "report.png"), full_page=True)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Export to Word").click()
    download = download_info.value
    assert download.suggested_filename == "A_HRC_WG.6_48_SVN_1.docx"
    saved = tmp_path / "svn-upr4.docx"
    download.save_as(saved)

    document = docx.Document(io.BytesIO(saved.read_bytes()))
    texts = [p.text for p in document.paragraphs]
    assert any(text.startswith("151.") for text in texts)
    assert any(
        "A/HRC/WG.6/48/SVN/1" in t for t in texts
    ) or "A/HRC/WG.6/48/SVN/1" in "".join(
        p.text for s in document.sections for p in s.header.paragraphs
    )
