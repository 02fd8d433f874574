"""The consultation pages for each persona, and the forms behind them."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from consultation.actions import do_invite
from consultation.models import Comment, Submission
from consultation.reviewing import do_comment, do_decide
from tests.consultation.conftest import PASSAGE, section_id
from tests.consultation.test_upload_submission import word_submission

pytestmark = pytest.mark.django_db

PERSONAS = [
    "coordinator",
    "drafter",
    "focal_point",
    "nhri_reviewer",
    "cso_reviewer",
    "uninvited",
    "outsider",
    "anonymous",
]


@pytest.fixture
def people(personas, uninvited_reviewer):
    found = {name: getattr(personas, name, None) for name in PERSONAS}
    found["uninvited"] = uninvited_reviewer
    return found


def _client(people, persona):
    client = Client()
    if people.get(persona) is not None:
        client.force_login(people[persona])
    return client


@pytest.fixture
def commented(personas, consultation_round):
    comment = do_comment(
        personas.nhri_reviewer,
        consultation_round,
        section_id=section_id(consultation_round, "upr.A"),
        quote=PASSAGE,
        body="Give the dates of the consultation.",
    )
    return consultation_round, comment


SECRETARIAT_PAGES = [
    "/reports/svn-test/consultation/",
    "/consultation/rounds/{round}/manage/",
    "/consultation/rounds/{round}/decisions/",
    "/consultation/rounds/{round}/record.docx",
    "/consultation/rounds/{round}/record.xlsx",
    "/consultation/rounds/{round}/record.csv",
]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("page", SECRETARIAT_PAGES)
def test_secretariat_pages_are_for_the_secretariat_only(
    people, commented, persona, page
):
    round, _comment = commented
    response = _client(people, persona).get(page.format(round=round.pk))
    if persona == "anonymous":
        assert response.status_code == 302 and "/login/" in response["Location"]
    elif persona in {"coordinator", "drafter"}:
        assert response.status_code == 200
    else:
        assert response.status_code == 404


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("coordinator", 302),
        ("drafter", 302),
        ("focal_point", 404),
        ("nhri_reviewer", 200),
        ("cso_reviewer", 200),
        ("uninvited", 404),
        ("outsider", 404),
    ],
)
def test_the_round_page_opens_for_invited_reviewers_only(
    people, commented, persona, status
):
    round, _comment = commented
    response = _client(people, persona).get(f"/consultation/rounds/{round.pk}/")
    assert response.status_code == status
    if status == 302:
        assert response["Location"].endswith(f"/consultation/rounds/{round.pk}/manage/")


def test_the_reviewer_reads_the_frozen_text_with_its_paragraph_numbers(
    people, commented, report
):
    round, _comment = commented
    # The live draft moves on; the round keeps showing what was frozen.
    intro = report.sections.get(key="upr.A")
    intro.text = "A later draft nobody outside government may read."
    intro.save()
    page = _client(people, "cso_reviewer").get(f"/consultation/rounds/{round.pk}/")
    html = page.content.decode()
    assert "Slovenia’s preparations for the UPR 4th cycle" in html
    assert "A later draft" not in html
    assert '<span class="para-no">2.</span>' in html
    # The NHRI's comment is not shown to the NGO.
    assert "Give the dates of the consultation." not in html
    assert 'class="comment-form"' in html


def test_a_reviewer_comments_through_the_page(people, commented):
    round, _comment = commented
    response = _client(people, "cso_reviewer").post(
        f"/consultation/rounds/{round.pk}/comment/",
        {
            "section": section_id(round, "upr.A"),
            "quote": "started in autumn 2023",
            "body": "Which month?",
            "proposed_wording": "started in October 2023",
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"#section-{section_id(round, 'upr.A')}")
    made = Comment.objects.get(body="Which month?")
    assert made.quote == "started in autumn 2023"
    assert made.proposed_wording == "started in October 2023"


def test_a_closed_round_page_offers_no_form_and_refuses_a_post(
    people, commented, clock
):
    round, _comment = commented
    clock.advance(days=21)
    client = _client(people, "cso_reviewer")
    html = client.get(f"/consultation/rounds/{round.pk}/").content.decode()
    assert 'class="comment-form"' not in html
    assert "nothing more can be added" in html
    client.post(
        f"/consultation/rounds/{round.pk}/comment/",
        {"section": section_id(round, "upr.A"), "body": "Late."},
    )
    assert not Comment.objects.filter(body="Late.").exists()


def test_a_reviewer_uploads_and_only_the_secretariat_downloads(people, commented):
    round, _comment = commented
    _client(people, "nhri_reviewer").post(
        f"/consultation/rounds/{round.pk}/upload/",
        {"file": SimpleUploadedFile("ours.docx", word_submission()), "title": "Ours"},
    )
    submission = Submission.objects.get()
    url = f"/consultation/submissions/{submission.pk}/"
    download = _client(people, "drafter").get(url)
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment;")
    assert b"".join(download.streaming_content) == word_submission()
    for persona in ["nhri_reviewer", "cso_reviewer", "focal_point", "outsider"]:
        assert _client(people, persona).get(url).status_code == 404


def test_the_secretariat_decides_from_the_filtered_list(people, commented):
    round, comment = commented
    client = _client(people, "drafter")
    page = client.get(f"/consultation/rounds/{round.pk}/decisions/?decision=undecided")
    assert "Give the dates of the consultation." in page.content.decode()
    assert "In today's draft:" in page.content.decode()
    back = f"/consultation/rounds/{round.pk}/decisions/?decision=undecided"
    response = client.post(
        f"/consultation/comments/{comment.pk}/decide/",
        {"decision": "accepted", "reason": "The dates are added.", "back": back},
    )
    assert response["Location"] == f"{back}#comment-{comment.pk}"
    comment.refresh_from_db()
    assert comment.decision == "accepted"
    after = client.get(back).content.decode()
    assert "Give the dates of the consultation." not in after


def test_the_author_sees_the_decision_on_their_comments_page(people, commented):
    _round, comment = commented
    do_decide(people["drafter"], comment, decision="noted", reason="For next cycle.")
    mine = _client(people, "nhri_reviewer").get("/consultation/my-comments/")
    assert "For next cycle." in mine.content.decode()
    theirs = _client(people, "cso_reviewer").get("/consultation/my-comments/")
    assert "For next cycle." not in theirs.content.decode()


def test_the_invitation_page_creates_the_account_and_signs_in(
    people, commented, personas
):
    round, _comment = commented
    _invitation, token = do_invite(
        personas.drafter,
        round,
        email="info@amnesty.example",
        site="http://testserver",
        organisation_name="Amnesty International Slovenia",
    )
    client = Client()
    assert (
        "Amnesty International Slovenia"
        in client.get(f"/consultation/invitations/{token}/").content.decode()
    )
    response = client.post(
        f"/consultation/invitations/{token}/",
        {
            "username": "amnesty",
            "password": "a long passphrase 2024",
            "full_name": "Ana Kos",
        },
    )
    assert response["Location"] == "/consultation/"
    home_response = client.get("/consultation/")
    assert home_response.status_code == 200, home_response.get("Location")
    home = home_response.content.decode()
    assert "Draft for consultation" in home
    used = client.get(f"/consultation/invitations/{token}/")
    assert used.status_code == 410


def test_the_public_page_reads_and_takes_a_comment_without_an_account(commented):
    round, _comment = commented
    client = Client()
    url = f"/consultation/public/{round.public_token}/"
    assert "Slovenia’s preparations" in client.get(url).content.decode()
    client.post(
        url,
        {
            "section": section_id(round, "upr.A"),
            "body": "Publish the draft online.",
            "name": "Marta Kranjc",
            "organisation": "individual",
        },
    )
    assert Comment.objects.filter(
        body="Publish the draft online.", public_name="Marta Kranjc"
    ).exists()
    assert client.get("/consultation/public/wrong/").status_code == 404


def test_the_secretariat_opens_a_round_and_fills_the_methodology_from_the_page(
    people, personas, report, clock
):
    client = _client(people, "coordinator")
    response = client.post(
        "/reports/svn-test/consultation/",
        {
            "title": "Draft for consultation",
            "opens_at": "2024-06-03T09:00",
            "closes_at": "2024-06-24T17:00",
            "organisations": [personas.nhri_reviewer.membership.entity.pk],
            "sections": [report.sections.get(key="upr.A").pk],
        },
    )
    round = report.consultation_rounds.get()
    assert response["Location"] == f"/consultation/rounds/{round.pk}/manage/"
    assert round.shared_sections == [report.sections.get(key="upr.A").pk]
    page = client.get("/reports/svn-test/consultation/").content.decode()
    assert "From 3 June 2024 to 24 June 2024" in page
    client.post("/reports/svn-test/consultation/methodology/")
    assert "From 3 June 2024 to 24 June 2024" in report.sections.get(key="upr.A").text
