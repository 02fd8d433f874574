import pytest
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
        "accept": False,
    }


def _submit(api_client, personas, contribution):
    api_client.force_authenticate(personas.focal_point)
    response = api_client.post(
        reverse("api-contribution-submit", args=[contribution.pk])
    )
    assert response.status_code == 200


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
