"""Every consultation endpoint for every persona: who gets what answer.

404 means the person may not know the object exists; 403 that they may see
it but not do this; 401 that they are not signed in.
"""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from consultation.reviewing import do_comment, do_upload_submission
from tests.consultation.conftest import section_id
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
SECRETARIAT = {"coordinator", "drafter"}
INVITED = {"nhri_reviewer", "cso_reviewer"}


@pytest.fixture
def world(personas, consultation_round, uninvited_reviewer, clock):
    upr_a = section_id(consultation_round, "upr.A")
    comment = do_comment(
        personas.nhri_reviewer, consultation_round, section_id=upr_a, body="Dates?"
    )
    submission = do_upload_submission(
        personas.nhri_reviewer,
        consultation_round,
        upload=SimpleUploadedFile("ours.docx", word_submission()),
    )
    people = {name: getattr(personas, name, None) for name in PERSONAS}
    people["uninvited"] = uninvited_reviewer
    return {
        "round": consultation_round,
        "comment": comment,
        "submission": submission,
        "section": upr_a,
        "people": people,
        "clock": clock,
    }


def _client(world, persona):
    client = APIClient()
    user = world["people"].get(persona)
    if user is not None:
        client.force_authenticate(user)
    return client


def _expect(persona, *, secretariat, invited, government=404, others=404):
    if persona == "anonymous":
        return 401
    if persona in SECRETARIAT:
        return secretariat
    if persona in INVITED:
        return invited
    if persona == "focal_point":
        return government
    return others


READS = {
    "round list of the report": (
        "/api/reports/svn-test/consultation-rounds/",
        {"secretariat": 200, "invited": 404, "government": 200},
    ),
    "round": (
        "/api/consultation-rounds/{round}/",
        {"secretariat": 200, "invited": 200},
    ),
    "shared text": (
        "/api/consultation-rounds/{round}/text/",
        {"secretariat": 200, "invited": 200},
    ),
    "comments": (
        "/api/consultation-rounds/{round}/comments/",
        {"secretariat": 200, "invited": 200},
    ),
    "invitations": (
        "/api/consultation-rounds/{round}/invitations/",
        {"secretariat": 200, "invited": 403},
    ),
    "submissions": (
        "/api/consultation-rounds/{round}/submissions/",
        {"secretariat": 200, "invited": 403},
    ),
    "record": (
        "/api/consultation-rounds/{round}/record/csv/",
        {"secretariat": 200, "invited": 403},
    ),
    "submission file": (
        "/api/consultation-submissions/{submission}/file/",
        {"secretariat": 200, "invited": 404},
    ),
    "methodology facts": (
        "/api/reports/svn-test/consultation-methodology/",
        {"secretariat": 200, "invited": 404, "government": 403},
    ),
}


def _url(world, template):
    return template.format(
        round=world["round"].pk,
        submission=world["submission"].pk,
        comment=world["comment"].pk,
    )


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("endpoint", list(READS))
def test_reading_endpoints_answer_each_persona_as_their_abilities_say(
    world, persona, endpoint
):
    template, expected = READS[endpoint]
    response = _client(world, persona).get(_url(world, template))
    assert response.status_code == _expect(persona, **expected), response.content[:300]


def _round_payload(world):
    now = world["clock"].now
    return {
        "title": "Second round",
        "opens_at": now.isoformat(),
        "closes_at": (now + dt.timedelta(days=5)).isoformat(),
    }


WRITES = {
    "open a round": (
        "post",
        "/api/reports/svn-test/consultation-rounds/",
        _round_payload,
        {"secretariat": 201, "invited": 404, "government": 403},
    ),
    "change a round": (
        "patch",
        "/api/consultation-rounds/{round}/",
        lambda w: {"reviewers_see_each_other": True},
        {"secretariat": 200, "invited": 403},
    ),
    "close a round": (
        "post",
        "/api/consultation-rounds/{round}/close/",
        lambda w: {},
        {"secretariat": 200, "invited": 403},
    ),
    "comment": (
        "post",
        "/api/consultation-rounds/{round}/comments/",
        lambda w: {"section": w["section"], "body": "A comment."},
        {"secretariat": 403, "invited": 201},
    ),
    "invite": (
        "post",
        "/api/consultation-rounds/{round}/invitations/",
        lambda w: {"email": "a@example.org", "organisation_name": "Amnesty Slovenia"},
        {"secretariat": 201, "invited": 403},
    ),
    "ask not to be named": (
        "post",
        "/api/consultation-rounds/{round}/anonymous/",
        lambda w: {"anonymous": True},
        {"secretariat": 403, "invited": 200},
    ),
    "tell authors": (
        "post",
        "/api/consultation-rounds/{round}/tell-authors/",
        lambda w: {},
        {"secretariat": 200, "invited": 403},
    ),
    "decide": (
        "post",
        "/api/consultation-comments/{comment}/decision/",
        lambda w: {"decision": "noted", "reason": "Noted."},
        {"secretariat": 200, "invited": 403},
    ),
    "put the facts into the section": (
        "post",
        "/api/reports/svn-test/consultation-methodology/",
        lambda w: {},
        {"secretariat": 200, "invited": 404, "government": 403},
    ),
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("endpoint", list(WRITES))
def test_writing_endpoints_answer_each_persona_as_their_abilities_say(
    world, persona, endpoint
):
    method, template, payload, expected = WRITES[endpoint]
    client = _client(world, persona)
    response = getattr(client, method)(
        _url(world, template), payload(world), format="json"
    )
    assert response.status_code == _expect(persona, **expected), response.content[:300]


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_invited_reviewers_upload_through_the_api(world, persona):
    response = _client(world, persona).post(
        _url(world, "/api/consultation-rounds/{round}/submissions/"),
        {"file": SimpleUploadedFile("ours.docx", word_submission())},
        format="multipart",
    )
    assert response.status_code == _expect(persona, secretariat=403, invited=201)


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_public_link_opens_the_round_to_anyone_who_holds_it(world, persona):
    token = world["round"].public_token
    client = _client(world, persona)
    read = client.get(f"/api/public/consultations/{token}/")
    assert read.status_code == 200
    assert [s["id"] for s in read.json()["text"]["sections"]][:1] == [world["section"]]
    # The NHRI's comment is the secretariat's and the NHRI's to see; through
    # the link, reviewers do not see each other in this round.
    shown = [c["id"] for c in read.json()["comments"]]
    sees = persona in SECRETARIAT or persona == "nhri_reviewer"
    assert shown == ([world["comment"].pk] if sees else [])
    wrote = client.post(
        f"/api/public/consultations/{token}/comments/",
        {
            "section": world["section"],
            "body": "Please publish the draft.",
            "name": "Marta Kranjc",
            "organisation": "individual",
        },
        format="json",
    )
    # The secretariat does not comment on its own round.
    assert wrote.status_code == (403 if persona in SECRETARIAT else 201)
    assert client.get("/api/public/consultations/not-the-token/").status_code == 404


def test_a_reviewer_lists_only_the_rounds_their_organisation_is_invited_to(world):
    invited = _client(world, "cso_reviewer").get("/api/consultation-rounds/").json()
    uninvited = _client(world, "uninvited").get("/api/consultation-rounds/").json()
    assert [r["id"] for r in invited] == [world["round"].pk]
    assert uninvited == []
    # Who else is invited is not theirs to know.
    assert invited[0]["organisations"] == [] and invited[0]["public_link"] == ""


def test_a_reviewer_never_sees_another_organisations_comment_or_its_decision(world):
    comments = (
        _client(world, "cso_reviewer")
        .get(_url(world, "/api/consultation-rounds/{round}/comments/"))
        .json()
    )
    assert comments == []
    own = (
        _client(world, "nhri_reviewer")
        .get(_url(world, "/api/consultation-rounds/{round}/comments/"))
        .json()
    )
    assert [c["id"] for c in own] == [world["comment"].pk]
    assert own[0]["anchor"] is None


@pytest.mark.parametrize("persona", ["nhri_reviewer", "cso_reviewer", "uninvited"])
def test_reviewers_never_reach_the_internal_draft_or_contributions(world, persona):
    client = _client(world, persona)
    section = world["round"].report.sections.get(key="upr.A")
    for url in [
        "/api/reports/",
        "/api/reports/svn-test/",
        "/api/reports/svn-test/sections/",
        f"/api/sections/{section.pk}/",
        "/api/contributions/",
        "/api/reports/svn-test/export/",
    ]:
        response = client.get(url)
        assert response.status_code in {200, 404}, url
        if response.status_code == 200:
            body = response.json()
            assert body == [] or body.get("results") == [], url


def test_the_secretariat_sees_where_each_passage_is_now(world):
    comments = (
        _client(world, "drafter")
        .get(_url(world, "/api/consultation-rounds/{round}/comments/"))
        .json()
    )
    assert comments[0]["anchor"]["status"] == "section"


def test_comments_filter_by_decision_organisation_and_section(world, personas):
    client = _client(world, "drafter")
    base = _url(world, "/api/consultation-rounds/{round}/comments/")
    nhri = personas.nhri_reviewer.membership.entity.pk
    assert len(client.get(base, {"decision": "undecided"}).json()) == 1
    assert client.get(base, {"decision": "accepted"}).json() == []
    assert len(client.get(base, {"organisation": nhri}).json()) == 1
    assert client.get(base, {"organisation": "public"}).json() == []
    assert len(client.get(base, {"section": world["section"]}).json()) == 1
    assert client.get(base, {"decision": "typo"}).json() == []


def test_a_closed_round_takes_no_comment_through_the_api(world):
    world["clock"].advance(days=21)
    response = _client(world, "cso_reviewer").post(
        _url(world, "/api/consultation-rounds/{round}/comments/"),
        {"section": world["section"], "body": "Late."},
        format="json",
    )
    assert response.status_code == 403
    assert response.json()["error"] == "not_allowed"


def test_an_invitation_is_accepted_through_the_api_without_signing_in(world):
    from consultation.actions import do_invite

    _invitation, token = do_invite(
        world["people"]["drafter"],
        world["round"],
        email="info@amnesty.example",
        site="http://testserver",
        organisation_name="Amnesty International Slovenia",
    )
    client = APIClient()
    response = client.post(
        "/api/consultation-invitations/accept/",
        {"token": token, "username": "amnesty", "password": "a long passphrase 2024"},
        format="json",
    )
    assert response.status_code == 201
    assert response.json() == {
        "username": "amnesty",
        "organisation": "Amnesty International Slovenia",
    }
    again = client.post(
        "/api/consultation-invitations/accept/",
        {"token": token, "username": "amnesty2", "password": "a long passphrase 2024"},
        format="json",
    )
    assert again.status_code == 400
