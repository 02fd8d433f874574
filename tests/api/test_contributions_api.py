import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from contributions.models import AcceptedInput, Contribution, Revision

pytestmark = pytest.mark.django_db

JUSTICE_TEXT = (
    "The amendment to the Criminal Code adopted in 2023 introduces hate crime as a "
    "mandatory aggravating circumstance.^[The offence committed because of the victim's "
    "national, racial, religious or ethnic origin.]"
)


@pytest.fixture
def contribution(api_client, personas, report):
    api_client.force_authenticate(personas.focal_point)
    section = report.sections.get(key="upr.B")
    response = api_client.post(
        reverse("api-contributions"),
        {"section": section.pk, "title": "Hate crime", "text": JUSTICE_TEXT},
        format="json",
    )
    assert response.status_code == 201, response.json()
    api_client.force_authenticate(None)
    return Contribution.objects.get(pk=response.json()["id"])


def test_a_focal_point_contributes_for_its_own_ministry(contribution, personas):
    assert contribution.entity.name == "Ministry of Justice"
    assert contribution.revisions.get().text == JUSTICE_TEXT


def test_another_ministry_cannot_see_or_revise_it(api_client, personas, contribution):
    api_client.force_authenticate(personas.other_focal_point)
    assert api_client.get(reverse("api-contributions")).json()["results"] == []
    assert (
        api_client.get(reverse("api-contribution", args=[contribution.pk])).status_code
        == 404
    )
    response = api_client.post(
        reverse("api-revisions", args=[contribution.pk]),
        {"text": "Hijacked.", "base_number": 1},
        format="json",
    )
    assert response.status_code == 404
    assert Revision.objects.filter(contribution=contribution).count() == 1


@pytest.mark.parametrize("persona", ["nhri_reviewer", "cso_reviewer", "outsider"])
def test_people_outside_government_see_no_contribution(
    api_client, personas, contribution, persona
):
    api_client.force_authenticate(getattr(personas, persona))
    assert api_client.get(reverse("api-contributions")).json()["results"] == []
    assert (
        api_client.get(reverse("api-revisions", args=[contribution.pk])).status_code
        == 404
    )


def test_revisions_are_numbered_and_a_stale_one_is_refused(
    api_client, personas, contribution
):
    api_client.force_authenticate(personas.focal_point)
    url = reverse("api-revisions", args=[contribution.pk])
    assert (
        api_client.post(
            url, {"text": "Second.", "base_number": 1}, format="json"
        ).status_code
        == 201
    )
    stale = api_client.post(
        url, {"text": "Also second.", "base_number": 1}, format="json"
    )
    assert stale.status_code == 409
    assert [r["number"] for r in api_client.get(url).json()] == [1, 2]


def test_a_validator_reads_its_ministry_contribution_but_does_not_write_it(
    api_client, personas, contribution
):
    api_client.force_authenticate(personas.validator)
    detail = api_client.get(reverse("api-contribution", args=[contribution.pk])).json()
    assert detail["abilities"] == {
        "view": True,
        "revise": False,
        "submit": False,
        "validate": False,
        "send_back": False,
        "accept": False,
        "return": False,
    }


def _submit(api_client, personas, contribution):
    """Submitted by the focal point and validated by Justice's authority."""
    number = contribution.revisions.order_by("-number").first().number
    api_client.force_authenticate(personas.focal_point)
    response = api_client.post(
        reverse("api-contribution-submit", args=[contribution.pk]),
        {"base_number": number},
        format="json",
    )
    assert response.status_code == 200, response.json()
    api_client.force_authenticate(personas.validator)
    response = api_client.post(
        reverse("api-contribution-validate", args=[contribution.pk]),
        {"base_number": number},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "validated"


def test_the_secretariat_accepts_a_revision_into_the_draft(
    api_client, personas, contribution
):
    _submit(api_client, personas, contribution)
    revision = contribution.revisions.get()
    section = contribution.section
    api_client.force_authenticate(personas.drafter)
    response = api_client.post(
        reverse("api-revision-accept", args=[revision.pk]),
        {"base_version": section.version},
        format="json",
    )
    assert response.status_code == 201, response.json()
    section.refresh_from_db()
    assert section.text == JUSTICE_TEXT
    accepted = AcceptedInput.objects.get()
    assert (accepted.revision, accepted.accepted_by) == (revision, personas.drafter)
    again = api_client.post(
        reverse("api-revision-accept", args=[revision.pk]),
        {"base_version": section.version},
        format="json",
    )
    assert again.status_code == 400
    assert AcceptedInput.objects.count() == 1


def test_a_focal_point_cannot_accept_its_own_text(api_client, personas, contribution):
    api_client.force_authenticate(personas.focal_point)
    revision = contribution.revisions.get()
    response = api_client.post(
        reverse("api-revision-accept", args=[revision.pk]),
        {"base_version": 1},
        format="json",
    )
    assert response.status_code == 403
    assert not AcceptedInput.objects.exists()


def test_revisions_cannot_be_changed_once_saved(contribution):
    revision = contribution.revisions.get()
    revision.text = "Rewritten history."
    with pytest.raises(ValueError, match="immutable"):
        revision.save()


def test_a_draft_the_ministry_has_not_submitted_cannot_be_accepted(
    api_client, personas, contribution
):
    api_client.force_authenticate(personas.coordinator)
    response = api_client.post(
        reverse("api-revision-accept", args=[contribution.revisions.get().pk]),
        {"base_version": contribution.section.version},
        format="json",
    )
    assert response.status_code == 400
    assert "submitted" in response.json()["detail"]
    assert not AcceptedInput.objects.exists()


def test_only_the_latest_revision_can_be_accepted(api_client, personas, contribution):
    api_client.force_authenticate(personas.focal_point)
    api_client.post(
        reverse("api-revisions", args=[contribution.pk]),
        {"text": "Corrected text.", "base_number": 1},
        format="json",
    )
    _submit(api_client, personas, contribution)
    first = contribution.revisions.get(number=1)
    api_client.force_authenticate(personas.coordinator)
    response = api_client.post(
        reverse("api-revision-accept", args=[first.pk]),
        {"base_version": contribution.section.version},
        format="json",
    )
    assert response.status_code == 400
    assert "Revision 2 replaces this one" in response.json()["detail"]
    contribution.section.refresh_from_db()
    assert "Corrected text." not in contribution.section.text


# Sign-off, review, comparisons, uploads and requests for input.

INTRO = "Slovenia’s preparations for the UPR 4th cycle started in autumn 2023."


def _proposal(api_client, personas, report, text):
    section = report.sections.get(key="upr.A")
    api_client.force_authenticate(personas.focal_point)
    response = api_client.post(
        reverse("api-contributions"),
        {
            "section": section.pk,
            "kind": "proposal",
            "base_version": section.version,
            "text": text,
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    return Contribution.objects.get(pk=response.json()["id"])


def test_the_secretariat_cannot_accept_before_the_validating_authority_signs_off(
    api_client, personas, contribution
):
    api_client.force_authenticate(personas.focal_point)
    api_client.post(
        reverse("api-contribution-submit", args=[contribution.pk]),
        {"base_number": 1},
        format="json",
    )
    api_client.force_authenticate(personas.drafter)
    response = api_client.post(
        reverse("api-revision-accept", args=[contribution.revisions.get().pk]),
        {"base_version": contribution.section.version},
        format="json",
    )
    assert response.status_code == 400
    assert "validating authority" in response.json()["detail"]
    assert not AcceptedInput.objects.exists()


def test_a_submission_without_the_revision_it_sends_is_refused(
    api_client, personas, contribution
):
    api_client.force_authenticate(personas.focal_point)
    response = api_client.post(
        reverse("api-contribution-submit", args=[contribution.pk]), {}, format="json"
    )
    assert response.status_code == 400
    assert "base_number" in response.json()["fields"]


def test_a_submission_based_on_an_old_revision_gets_409(
    api_client, personas, contribution
):
    api_client.force_authenticate(personas.focal_point)
    api_client.post(
        reverse("api-revisions", args=[contribution.pk]),
        {"text": "Second.", "base_number": 1},
        format="json",
    )
    response = api_client.post(
        reverse("api-contribution-submit", args=[contribution.pk]),
        {"base_number": 1},
        format="json",
    )
    assert response.status_code == 409
    assert response.json()["current_version"] == 2
    contribution.refresh_from_db()
    assert contribution.status == "draft"


def test_the_other_ministry_cannot_validate_nor_the_focal_point_itself(
    api_client, personas, contribution
):
    api_client.force_authenticate(personas.focal_point)
    api_client.post(
        reverse("api-contribution-submit", args=[contribution.pk]),
        {"base_number": 1},
        format="json",
    )
    url = reverse("api-contribution-validate", args=[contribution.pk])
    api_client.force_authenticate(personas.other_focal_point)
    assert api_client.post(url, {"base_number": 1}, format="json").status_code == 404
    api_client.force_authenticate(personas.focal_point)
    assert api_client.post(url, {"base_number": 1}, format="json").status_code == 403
    contribution.refresh_from_db()
    assert contribution.status == "submitted"


def test_the_validator_sends_it_back_with_a_comment_the_focal_point_reads(
    api_client, personas, contribution
):
    api_client.force_authenticate(personas.focal_point)
    api_client.post(
        reverse("api-contribution-submit", args=[contribution.pk]),
        {"base_number": 1},
        format="json",
    )
    api_client.force_authenticate(personas.validator)
    response = api_client.post(
        reverse("api-contribution-send-back", args=[contribution.pk]),
        {"base_number": 1, "comment": "Add the 2023 figures."},
        format="json",
    )
    assert response.json()["status"] == "returned"
    api_client.force_authenticate(personas.focal_point)
    notes = api_client.get(
        reverse("api-contribution-notes", args=[contribution.pk])
    ).json()
    assert [(n["kind"], n["text"]) for n in notes] == [
        ("sent_back", "Add the 2023 figures.")
    ]


def test_the_secretariat_returns_a_contribution_with_comments(
    api_client, personas, contribution
):
    _submit(api_client, personas, contribution)
    api_client.force_authenticate(personas.drafter)
    response = api_client.post(
        reverse("api-contribution-return", args=[contribution.pk]),
        {"base_number": 1, "comment": "Please shorten to 200 words."},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["status"] == "returned"
    assert contribution.notes.get().kind == "returned"


def test_a_proposal_is_reviewed_change_by_change_through_the_api(
    api_client, personas, report
):
    proposal = _proposal(
        api_client,
        personas,
        report,
        INTRO.replace("autumn 2023", "September 2023")
        + "\n\n"
        + "During the drafting of the report, the NGOs and the Ombudsman were "
        "briefed and consulted.",
    )
    _submit(api_client, personas, proposal)
    api_client.force_authenticate(personas.drafter)
    changes = api_client.get(
        reverse("api-contribution-changes", args=[proposal.pk])
    ).json()
    assert [(c["removed"], c["added"], c["conflict"]) for c in changes["changes"]] == [
        ("autumn", "September", False),
        (
            ", the Ombudsman and the Advocate of the Principle of Equality",
            " and the Ombudsman",
            False,
        ),
    ]
    section = proposal.section
    response = api_client.post(
        reverse("api-contribution-review", args=[proposal.pk]),
        {
            "base_version": changes["section_version"],
            "base_number": 1,
            "decisions": [
                {"change": 1, "action": "accept"},
                {"change": 2, "action": "reject"},
            ],
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    section.refresh_from_db()
    assert "started in September 2023" in section.text
    assert "Advocate of the Principle of Equality" in section.text
    assert [d["action"] for d in response.json()["decisions"]] == ["accept", "reject"]


def test_a_review_of_a_draft_that_moved_on_gets_409(api_client, personas, report):
    proposal = _proposal(
        api_client, personas, report, INTRO.replace("autumn", "September")
    )
    _submit(api_client, personas, proposal)
    section = proposal.section
    seen = section.version
    section.text += "\n\nA sentence the secretariat added."
    section.version += 1
    section.save()
    api_client.force_authenticate(personas.drafter)
    response = api_client.post(
        reverse("api-contribution-review", args=[proposal.pk]),
        {
            "base_version": seen,
            "base_number": 1,
            "decisions": [{"change": 1, "action": "accept"}],
        },
        format="json",
    )
    assert response.status_code == 409
    assert response.json()["current_version"] == section.version


def test_any_two_texts_of_a_contribution_can_be_compared(api_client, personas, report):
    proposal = _proposal(
        api_client, personas, report, INTRO.replace("autumn", "September")
    )
    api_client.post(
        reverse("api-revisions", args=[proposal.pk]),
        {"text": INTRO.replace("autumn", "October"), "base_number": 1},
        format="json",
    )
    url = reverse("api-contribution-compare", args=[proposal.pk])
    between = api_client.get(url, {"from": "1", "to": "2"}).json()["diffs"]
    assert [d for d in between if d[0] != 0] == [[-1, "September"], [1, "October"]]
    with_draft = api_client.get(url, {"from": "draft", "to": "2"}).json()["diffs"]
    assert [-1, "autumn"] in with_draft
    assert api_client.get(url, {"from": "nonsense"}).status_code == 400


def test_a_word_file_becomes_a_contribution_with_its_comments_as_notes(
    api_client, personas, report
):
    from tests.contributions.wordfiles import ministry_docx

    section = report.sections.get(key="upr.B")
    api_client.force_authenticate(personas.focal_point)
    upload = SimpleUploadedFile("justice.docx", ministry_docx())
    response = api_client.post(
        reverse("api-contribution-upload"),
        {"section": section.pk, "file": upload},
        format="multipart",
    )
    assert response.status_code == 201, response.json()
    contribution = Contribution.objects.get(pk=response.json()["id"])
    revision = contribution.revisions.get()
    assert revision.source == "word"
    assert "^[Office of the High Commissioner for Human Rights.]" in revision.text
    assert any("tracked change" in warning for warning in revision.warnings)
    assert contribution.notes.get().author_name == "Irena Golob"


def test_a_file_that_is_not_word_is_refused_with_the_reason(
    api_client, personas, report
):
    section = report.sections.get(key="upr.B")
    api_client.force_authenticate(personas.focal_point)
    response = api_client.post(
        reverse("api-contribution-upload"),
        {"section": section.pk, "file": SimpleUploadedFile("a.docx", b"%PDF-1.7")},
        format="multipart",
    )
    assert response.status_code == 400
    assert response.json()["reason"] == "not_word"
    assert not Contribution.objects.exists()


def test_the_secretariat_asks_two_ministries_and_each_sees_only_its_own(
    api_client, personas, report
):
    from contributions.models import Entity

    section = report.sections.get(key="upr.B")
    api_client.force_authenticate(personas.coordinator)
    entities = Entity.objects.filter(kind="ministry").values_list("pk", flat=True)
    response = api_client.post(
        reverse("api-input-requests"),
        {
            "section": section.pk,
            "entities": list(entities),
            "instructions": "Describe the institutional framework.",
            "due_date": "2099-01-31",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert len(response.json()) == 2
    api_client.force_authenticate(personas.focal_point)
    mine = api_client.get(reverse("api-input-requests")).json()
    assert [r["entity"] for r in mine] == ["Ministry of Justice"]
    api_client.force_authenticate(personas.nhri_reviewer)
    assert api_client.get(reverse("api-input-requests")).json() == []


def test_a_focal_point_cannot_ask_for_input(api_client, personas, report):
    api_client.force_authenticate(personas.focal_point)
    response = api_client.post(
        reverse("api-input-requests"),
        {
            "section": report.sections.get(key="upr.B").pk,
            "entities": [personas.other_focal_point.membership.entity_id],
            "instructions": "",
            "due_date": "2099-01-31",
        },
        format="json",
    )
    assert response.status_code == 403


def test_changing_a_request_from_a_stale_version_gets_409(api_client, personas, report):
    from contributions.models import InputRequest

    api_client.force_authenticate(personas.coordinator)
    created = api_client.post(
        reverse("api-input-requests"),
        {
            "section": report.sections.get(key="upr.B").pk,
            "entities": [personas.focal_point.membership.entity_id],
            "instructions": "",
            "due_date": "2099-01-31",
        },
        format="json",
    ).json()[0]
    url = reverse("api-input-request", args=[created["id"]])
    first = api_client.patch(
        url, {"base_version": 1, "due_date": "2099-02-28"}, format="json"
    )
    assert first.status_code == 200
    stale = api_client.patch(
        url, {"base_version": 1, "due_date": "2099-03-31"}, format="json"
    )
    assert stale.status_code == 409
    assert str(InputRequest.objects.get().due_date) == "2099-02-28"
