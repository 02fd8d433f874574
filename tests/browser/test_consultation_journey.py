"""An NGO reviewer signs in, reads the shared draft, selects a passage,
comments on it with proposed wording, uploads a submission, and finds the
comment on their own page; the internal draft stays out of reach."""

import pytest

from consultation.demo import load_consultation_demo
from consultation.models import Comment, Submission
from drafting.demo import DEMO_PASSWORD, load_demo
from tests.consultation.test_upload_submission import PDF

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSAGE = "started in autumn 2023"

SELECT = """(passage) => {
  const text = document.querySelector('.draft[data-section]');
  const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(passage);
    if (at !== -1) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + passage.length);
      const selection = document.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    }
  }
  return false;
}"""


def test_a_reviewer_selects_a_passage_comments_and_uploads(live_server, page, tmp_path):
    load_demo()
    round = load_consultation_demo()
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("User name").fill("ngo")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    page.goto(f"{live_server.url}/consultation/")
    page.get_by_role("link", name=round.title).click()
    assert page.get_by_role("heading", level=1).inner_text() == round.title

    # Selecting words in the text puts them into that section's form.
    assert page.evaluate(SELECT, PASSAGE)
    quote = page.locator("form.comment-form").first.locator("textarea[name=quote]")
    quote.wait_for(state="visible")
    page.wait_for_function(
        "() => document.querySelector('form.comment-form textarea[name=quote]').value !== ''"
    )
    assert quote.input_value() == PASSAGE
    form = page.locator("form.comment-form").first
    form.get_by_label("Comment", exact=True).fill(
        "Which month did the preparations start?"
    )
    form.get_by_label("Proposed wording (optional)").fill("started in October 2023")
    form.get_by_role("button", name="Send comment").click()
    assert page.get_by_text("Your comment was sent to the secretariat.").is_visible()
    page.screenshot(path=str(tmp_path / "round.png"), full_page=True)

    comment = Comment.objects.get(body="Which month did the preparations start?")
    assert comment.quote == PASSAGE
    assert comment.proposed_wording == "started in October 2023"
    assert comment.entity.name == "Legal-Informational Centre for NGOs"

    page.get_by_label("File").set_input_files(str(PDF))
    page.get_by_role("button", name="Upload").click()
    assert page.get_by_text("Your written submission was received.").is_visible()
    assert Submission.objects.get().file_type == "pdf"

    page.goto(f"{live_server.url}/consultation/my-comments/")
    assert page.get_by_text("Which month did the preparations start?").is_visible()

    # The internal draft is not theirs to read.
    response = page.goto(f"{live_server.url}/reports/svn-upr4/")
    assert response.status == 404
