"""The pages: requests for input, the contribution page, sign-off and review."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from contributions.actions import do_request_input
from contributions.models import AcceptedInput, Contribution, Entity
from tests.contributions.conftest import propose, send
from tests.contributions.wordfiles import ministry_docx

pytestmark = pytest.mark.django_db


@pytest.fixture
def asked(personas, report):
    return do_request_input(
        personas.coordinator,
        report.sections.get(key="upr.B"),
        entities=list(Entity.objects.filter(kind=Entity.Kind.MINISTRY)),
        instructions="Describe the Ombudsman's funding.",
        due_date=dt.date(2024, 6, 30),
        today=dt.date(2024, 6, 1),
    )


def test_the_secretariat_sees_what_is_late(client, personas, asked):
    client.force_login(personas.drafter)
    page = client.get(reverse("inputs")).content.decode()
    late_part = page.split('id="late-heading"')[1].split("</section>")[0]
    assert "Ministry of Justice" in late_part
    assert "Ministry of Labour" in late_part


def test_a_ministry_sees_everything_asked_of_it_and_nothing_else(
    client, personas, asked
):
    client.force_login(personas.other_focal_point)
    page = client.get(reverse("inputs")).content.decode()
    assert "Describe the Ombudsman&#x27;s funding." in page
    assert "Ministry of Justice" not in page


@pytest.mark.parametrize("persona", ["nhri_reviewer", "outsider"])
def test_people_outside_government_see_no_request(client, personas, asked, persona):
    client.force_login(getattr(personas, persona))
    page = client.get(reverse("inputs")).content.decode()
    assert "Describe the Ombudsman" not in page


def test_the_secretariat_asks_for_input_from_the_section_page(client, personas, report):
    section = report.sections.get(key="upr.C")
    client.force_login(personas.coordinator)
    page = client.get(reverse("section-detail", args=[section.pk])).content.decode()
    assert "Ask for input" in page
    labour = personas.other_focal_point.membership.entity
    response = client.post(
        reverse("section-ask", args=[section.pk]),
        {"entities": [labour.pk], "instructions": "Figures.", "due_date": "2099-01-31"},
        follow=True,
    )
    assert "Asked Ministry of Labour" in response.content.decode()
    assert section.input_requests.get().entity == labour


def test_a_focal_point_proposes_a_revision_and_sees_its_tracked_changes(
    client, personas, report
):
    section = report.sections.get(key="upr.A")
    client.force_login(personas.focal_point)
    response = client.post(
        reverse("section-propose", args=[section.pk]),
        {
            "base_version": section.version,
            "text": section.text.replace("autumn", "September"),
        },
        follow=True,
    )
    page = response.content.decode()
    assert "<del>autumn</del><ins>September</ins>" in page
    contribution = Contribution.objects.get()
    assert contribution.kind == "proposal"


def test_a_proposal_from_a_stale_page_is_refused(client, personas, report):
    section = report.sections.get(key="upr.A")
    client.force_login(personas.focal_point)
    response = client.post(
        reverse("section-propose", args=[section.pk]),
        {"base_version": section.version + 1, "text": "Changed."},
        follow=True,
    )
    assert "Someone saved this in the meantime" in response.content.decode()
    assert not Contribution.objects.exists()


def test_a_focal_point_uploads_a_word_file_and_is_told_what_changed(
    client, personas, report
):
    section = report.sections.get(key="upr.B")
    client.force_login(personas.focal_point)
    response = client.post(
        reverse("section-upload", args=[section.pk]),
        {
            "file": SimpleUploadedFile("justice.docx", ministry_docx()),
            "kind": "new_text",
        },
        follow=True,
    )
    page = response.content.decode()
    assert "tracked change" in page
    assert "Please check the figure with the Ombudsman." in page


def test_a_broken_file_is_refused_on_the_page_with_the_reason(client, personas, report):
    section = report.sections.get(key="upr.B")
    client.force_login(personas.focal_point)
    response = client.post(
        reverse("section-upload", args=[section.pk]),
        {"file": SimpleUploadedFile("notes.docx", b"plain words")},
        follow=True,
    )
    assert "This is not a Word file (.docx)." in response.content.decode()
    assert not Contribution.objects.exists()


def test_the_validator_signs_off_from_the_contribution_page(client, personas, report):
    section = report.sections.get(key="upr.A")
    contribution = propose(
        personas.focal_point, section, section.text.replace("autumn", "September")
    )
    client.force_login(personas.focal_point)
    client.post(
        reverse("contribution-submit", args=[contribution.pk]), {"base_number": 1}
    )
    client.force_login(personas.validator)
    page = client.get(
        reverse("contribution-detail", args=[contribution.pk])
    ).content.decode()
    assert "Validate and send to the secretariat" in page
    client.post(
        reverse("contribution-validate", args=[contribution.pk]), {"base_number": 1}
    )
    contribution.refresh_from_db()
    assert contribution.status == "validated"


def test_the_other_ministry_cannot_open_the_contribution(client, personas, report):
    section = report.sections.get(key="upr.A")
    contribution = propose(personas.focal_point, section, section.text + " More.")
    client.force_login(personas.other_focal_point)
    response = client.get(reverse("contribution-detail", args=[contribution.pk]))
    assert response.status_code == 404


def test_the_secretariat_reviews_change_by_change_in_the_browser(
    client, personas, long_section
):
    text = long_section.text.replace("2023", "2024", 1).replace(
        "hate speech", "hateful speech", 1
    )
    contribution = propose(personas.focal_point, long_section, text)
    send(personas, contribution)
    client.force_login(personas.drafter)
    page = client.get(
        reverse("contribution-detail", args=[contribution.pk])
    ).content.decode()
    assert "Review the changes" in page
    assert 'name="action_1"' in page and 'name="action_2"' in page
    long_section.refresh_from_db()
    client.post(
        reverse("contribution-review", args=[contribution.pk]),
        {
            "base_version": long_section.version,
            "base_number": 1,
            "action_1": "accept",
            "text_1": "",
            "action_2": "reject",
            "text_2": "",
        },
    )
    accepted = AcceptedInput.objects.get()
    assert [d["action"] for d in accepted.decisions] == ["accept", "reject"]


def test_the_secretariat_returns_a_contribution_with_a_comment(
    client, personas, long_section
):
    contribution = propose(
        personas.focal_point, long_section, long_section.text + "\n\nMore."
    )
    send(personas, contribution)
    client.force_login(personas.drafter)
    client.post(
        reverse("contribution-return", args=[contribution.pk]),
        {"base_number": 1, "comment": "Add sources."},
    )
    client.force_login(personas.focal_point)
    page = client.get(
        reverse("contribution-detail", args=[contribution.pk])
    ).content.decode()
    assert "Add sources." in page
    assert "Returned" in page
