"""The issue's whole story on the demo report, through the API.

The secretariat opens a round on svn-upr4 for the Ombudsman and two NGOs;
they comment on passages, propose wording and upload a submission; the
secretariat edits the draft, decides on every comment, and the round
closes. The record and the Word file's annex show each decision and where
accepted input landed, and one NGO never sees what the round did not share
with it.
"""

import csv
import dataclasses
import datetime as dt
import io

import docx
import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from consultation.demo import SECOND_NGO, _second_ngo
from consultation.export import consultation_inputs
from drafting.demo import load_demo
from drafting.export import build_export
from drafting.models import Report
from templates_docx.render import render_report
from tests.consultation.test_upload_submission import PDF

pytestmark = pytest.mark.django_db

# Real passages of A/HRC/WG.6/48/SVN/1.
CONSULTED = "were briefed and consulted"
FUNDING = "the funding was systematically regulated by the 2023 amendment"
WORDING = (
    "During the drafting of the report, a written draft was shared with the NGOs, "
    "the Ombudsman and the Advocate of the Principle of Equality for comment."
)


def _as(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_a_consultation_round_on_the_demo_report_from_opening_to_the_annex(clock):
    load_demo()
    report = Report.objects.get(slug="svn-upr4")
    people = get_user_model().objects.in_bulk(
        ["coordinator", "drafter", "ombudsman", "ngo"], field_name="username"
    )
    second = _second_ngo()
    people["ngo2"] = get_user_model().objects.get(username="ngo2")
    intro = report.sections.get(heading="Introduction")
    framework = report.sections.get(
        heading="Institutional framework of human rights protection"
    )
    lgbti = report.sections.get(heading="LGBTI")

    # The secretariat shares two sections, not the LGBTI part.
    opened = _as(people["coordinator"]).post(
        "/api/reports/svn-upr4/consultation-rounds/",
        {
            "title": "Draft for consultation",
            "opens_at": clock.now.isoformat(),
            "closes_at": (clock.now + dt.timedelta(days=21)).isoformat(),
            "sections": [intro.pk, framework.pk],
            "organisations": [
                people["ombudsman"].membership.entity.pk,
                people["ngo"].membership.entity.pk,
                second.pk,
            ],
        },
        format="json",
    )
    assert opened.status_code == 201, opened.content
    round_id = opened.json()["id"]
    comments_url = f"/api/consultation-rounds/{round_id}/comments/"

    # They comment on passages, propose wording, upload a submission.
    ombudsman = _as(people["ombudsman"]).post(
        comments_url,
        {
            "section": intro.pk,
            "quote": CONSULTED,
            "body": "Say that the draft was shared in writing.",
            "proposed_wording": WORDING,
        },
        format="json",
    )
    ngo = _as(people["ngo"]).post(
        comments_url,
        {"section": framework.pk, "quote": FUNDING, "body": "Give the amounts."},
        format="json",
    )
    ngo2 = _as(people["ngo2"]).post(
        comments_url,
        {"section": intro.pk, "body": "Name the NGOs that were consulted."},
        format="json",
    )
    assert {ombudsman.status_code, ngo.status_code, ngo2.status_code} == {201}
    uploaded = _as(people["ngo"]).post(
        f"/api/consultation-rounds/{round_id}/submissions/",
        {"file": SimpleUploadedFile("submission.pdf", PDF.read_bytes())},
        format="multipart",
    )
    assert uploaded.status_code == 201

    # The second NGO sees the shared text only, and only its own comment.
    text = _as(people["ngo2"]).get(f"/api/consultation-rounds/{round_id}/text/").json()
    assert [s["id"] for s in text["sections"]] == [intro.pk, framework.pk]
    assert lgbti.text[:60] not in str(text)
    seen = _as(people["ngo2"]).get(comments_url).json()
    assert [c["body"] for c in seen] == ["Name the NGOs that were consulted."]
    assert (
        _as(people["ngo2"])
        .get(f"/api/consultation-submissions/{uploaded.json()['id']}/file/")
        .status_code
        == 404
    )
    assert _as(people["ngo2"]).get(f"/api/sections/{lgbti.pk}/").status_code == 404

    # The secretariat edits the draft: a new first paragraph, the Ombudsman's
    # wording in place of paragraph 3.
    secretariat = _as(people["drafter"])
    intro.refresh_from_db()
    new_text = intro.text.replace(
        "During the drafting of the report, the NGOs, the Ombudsman and the "
        "Advocate of the Principle of Equality were briefed and consulted.",
        WORDING,
    )
    saved = secretariat.patch(
        f"/api/sections/{intro.pk}/",
        {"text": new_text, "base_version": intro.version},
        format="json",
    )
    assert saved.status_code == 200
    version_after = saved.json()["version"]

    # It decides on every comment, working through the undecided ones.
    undecided = secretariat.get(comments_url, {"decision": "undecided"}).json()
    assert len(undecided) == 3
    where = {c["id"]: c["anchor"] for c in undecided}
    assert where[ombudsman.json()["id"]]["status"] == "gone"
    assert where[ngo.json()["id"]]["paragraphs"] == [9]
    decisions = {
        ombudsman.json()["id"]: {
            "decision": "accepted",
            "reason": "The paragraph now says the draft was shared.",
            "carried_in_section": intro.pk,
            "carried_in_version": version_after,
        },
        ngo.json()["id"]: {
            "decision": "noted",
            "reason": "The budget figures are in the Ombudsman's annual report.",
        },
        ngo2.json()["id"]: {
            "decision": "not_accepted",
            "reason": "The report names no organisation individually.",
        },
    }
    for comment_id, payload in decisions.items():
        answer = secretariat.post(
            f"/api/consultation-comments/{comment_id}/decision/", payload, format="json"
        )
        assert answer.status_code == 200, answer.content
    assert secretariat.get(comments_url, {"decision": "undecided"}).json() == []

    # The round closes by itself.
    clock.advance(days=21)
    late = _as(people["ngo"]).post(
        comments_url, {"section": intro.pk, "body": "One more."}, format="json"
    )
    assert late.status_code == 403

    # The record shows every decision.
    record = secretariat.get(f"/api/consultation-rounds/{round_id}/record/csv/")
    rows = list(csv.reader(io.StringIO(record.content.decode("utf-8-sig"))))[1:]
    assert {(r[6], r[8]) for r in rows} == {
        ("Human Rights Ombudsman", "Accepted"),
        ("Legal-Informational Centre for NGOs", "Noted"),
        (SECOND_NGO, "Not accepted"),
    }

    # The annex says where the accepted input landed: paragraph 3.
    [used] = consultation_inputs(report)
    assert (used.entity, used.paragraphs) == ("Human Rights Ombudsman", (3,))
    model = build_export(report)
    model = dataclasses.replace(
        model, inputs_used=(*model.inputs_used, *consultation_inputs(report))
    )
    document = docx.Document(io.BytesIO(render_report(model).content))
    annex = document.tables[-1]
    rows = [[cell.text for cell in row.cells] for row in annex.rows]
    landed = [
        row
        for row in rows
        if "Human Rights Ombudsman (Draft for consultation" in row[3]
    ]
    assert landed and landed[0][0] == "3"

    # What each reviewer learns.
    mine = _as(people["ngo2"]).get("/api/my-consultation-comments/").json()
    assert [(c["decision"], c["reason"]) for c in mine] == [
        ("not_accepted", "The report names no organisation individually.")
    ]
