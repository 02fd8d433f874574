import pytest
from django.urls import reverse

from contributions.models import AcceptedInput

pytestmark = pytest.mark.django_db


def test_pages_send_anonymous_visitors_to_sign_in(client, report):
    for url in (
        reverse("report-list"),
        reverse("report-detail", args=[report.slug]),
        reverse("section-detail", args=[report.sections.first().pk]),
        reverse("report-export", args=[report.slug]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_the_report_page_shows_sections_and_the_word_budget(client, personas, report):
    client.force_login(personas.drafter)
    page = client.get(reverse("report-detail", args=[report.slug])).content.decode()
    assert "Methodology and broad national consultation process" in page
    assert "33 of 10,700 words" in page
    assert "Export to Word" in page


def test_a_report_over_its_limit_says_so(client, personas, report):
    report.word_limit = 30
    report.save()
    client.force_login(personas.drafter)
    page = client.get(reverse("report-detail", args=[report.slug])).content.decode()
    assert "Over the word limit" in page


@pytest.mark.parametrize("persona", ["cso_reviewer", "nhri_reviewer", "outsider"])
def test_people_outside_government_get_not_found(client, personas, report, persona):
    client.force_login(getattr(personas, persona))
    assert client.get(reverse("report-detail", args=[report.slug])).status_code == 404
    section = report.sections.first()
    assert client.get(reverse("section-detail", args=[section.pk])).status_code == 404


def test_user_text_is_escaped_on_the_section_page(client, personas, report):
    section = report.sections.get(key="upr.B")
    section.text = "<script>alert(1)</script> and [x](javascript:alert(1))"
    section.save()
    client.force_login(personas.drafter)
    page = client.get(reverse("section-detail", args=[section.pk])).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page
    assert 'href="javascript' not in page


def test_paragraph_numbers_on_a_section_page_continue_from_earlier_sections(
    client, personas, report
):
    section = report.sections.get(key="upr.B")
    section.text = "Third paragraph of the report."
    section.save()
    client.force_login(personas.drafter)
    page = client.get(reverse("section-detail", args=[section.pk])).content.decode()
    assert '<span class="para-no">3.</span>' in page


def test_a_focal_point_contributes_and_the_secretariat_accepts_in_the_browser(
    client, personas, report
):
    section = report.sections.get(key="upr.C")
    client.force_login(personas.focal_point)
    client.post(
        reverse("section-contribute", args=[section.pk]),
        {
            "title": "Ombudsman funding",
            "text": "In 2021, the Human Rights Ombudsman received “A” status accreditation.",
        },
    )
    contribution = section.contributions.get()
    client.post(
        reverse("contribution-submit", args=[contribution.pk]), {"base_number": 1}
    )
    # The Ministry of Justice has a validating authority, who signs off first.
    client.force_login(personas.validator)
    client.post(
        reverse("contribution-validate", args=[contribution.pk]), {"base_number": 1}
    )
    revision = contribution.revisions.get()
    client.force_login(personas.coordinator)
    page = client.get(reverse("section-detail", args=[section.pk])).content.decode()
    assert "Accept into the draft" in page
    client.post(
        reverse("revision-accept", args=[revision.pk]),
        {"base_version": section.version},
    )
    section.refresh_from_db()
    assert "“A” status accreditation" in section.text
    assert AcceptedInput.objects.filter(section=section, revision=revision).exists()


def test_accepting_from_a_stale_page_is_refused_with_a_message(
    client, personas, report
):
    section = report.sections.get(key="upr.C")
    client.force_login(personas.focal_point)
    client.post(
        reverse("section-contribute", args=[section.pk]), {"text": "Some input."}
    )
    contribution = section.contributions.get()
    client.post(
        reverse("contribution-submit", args=[contribution.pk]), {"base_number": 1}
    )
    # The Ministry of Justice has a validating authority, who signs off first.
    client.force_login(personas.validator)
    client.post(
        reverse("contribution-validate", args=[contribution.pk]), {"base_number": 1}
    )
    revision = contribution.revisions.get()
    client.force_login(personas.coordinator)
    response = client.post(
        reverse("revision-accept", args=[revision.pk]),
        {"base_version": 99},
        follow=True,
    )
    assert "Someone saved this in the meantime" in response.content.decode()
    assert not AcceptedInput.objects.exists()
