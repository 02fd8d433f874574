import pytest
from django.urls import reverse

from drafting.models import Obligation, Report
from tests.conftest import DATA

pytestmark = pytest.mark.django_db

CO = (
    DATA / "cerd_brazil" / "CERD_C_BRA_CO_18-20_concluding_observations.txt"
).read_text(encoding="utf-8")
FIELDS = {
    "skeleton": "treaty-follow-up-report",
    "mechanism": "CERD",
    "slug": "bra-fu",
    "state": "Brazil",
    "state_code": "BRA",
    "symbol": "CERD/C/BRA/FCO/18-20",
    "language": "en",
    "document_text": CO,
}


def test_the_coordinator_previews_then_creates_a_follow_up_report(client, personas):
    client.force_login(personas.coordinator)
    preview = client.post(reverse("report-new"), {**FIELDS, "preview": "1"})
    page = preview.content.decode()
    assert "4 sections made from CERD/C/BRA/CO/18-20" in page
    assert "Information relating to paragraph 36 (a)–(d)" in page
    assert not Report.objects.exists()

    created = client.post(reverse("report-new"), {**FIELDS, "create": "1"})
    assert created.status_code == 302
    report = Report.objects.get(slug="bra-fu")
    assert report.sections.filter(key="co.36").exists()
    assert Obligation.objects.count() == 2


def test_the_form_says_what_to_fix(client, personas):
    client.force_login(personas.coordinator)
    page = client.post(
        reverse("report-new"), {**FIELDS, "state_code": "B1!", "create": "1"}
    ).content.decode()
    assert "three-letter ISO code" in page
    assert not Report.objects.exists()


@pytest.mark.parametrize("persona", ["drafter", "focal_point", "cso_reviewer"])
def test_only_the_coordinator_may_start_a_report(client, personas, persona):
    client.force_login(getattr(personas, persona))
    assert client.get(reverse("report-new")).status_code == 403


def test_the_calendar_page_lists_the_deadlines(client, personas):
    client.force_login(personas.coordinator)
    client.post(reverse("report-new"), {**FIELDS, "create": "1"})
    page = client.get(reverse("calendar")).content.decode()
    assert "Follow-up information on CERD/C/BRA/CO/18-20" in page
    assert "19 December 2023" in page
    assert "Periodic report CERD/C/BRA/20-22" in page


def test_the_coordinator_reshapes_the_report_from_its_page(client, personas, report):
    client.force_login(personas.coordinator)
    intro = report.sections.get(key="upr.A")
    response = client.post(
        reverse("section-structure", args=[intro.pk]),
        {
            "action": "split",
            "at_block": "1",
            "heading": "Consultation",
            "base_version": intro.version,
        },
    )
    new = report.sections.get(heading="Consultation")
    assert response["Location"] == reverse("section-detail", args=[new.pk])
    assert new.text.startswith("During the drafting")
    client.post(reverse("section-structure", args=[new.pk]), {"action": "up"})
    new.refresh_from_db()
    assert new.position == 0


def _skeleton_keys():
    from pathlib import Path

    import yaml

    folder = Path(__file__).resolve().parents[2] / "drafting" / "skeletons"
    return sorted(yaml.safe_load(p.read_text())["key"] for p in folder.glob("*.yaml"))


@pytest.mark.parametrize("key", _skeleton_keys())
def test_every_skeleton_creates_a_report_in_the_browser(client, personas, key):
    client.force_login(personas.coordinator)
    response = client.post(
        reverse("report-new"),
        {
            "skeleton": key,
            "slug": "new-report",
            "state": "Slovenia",
            "state_code": "SVN",
            "language": "en",
            "create": "1",
        },
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    report = Report.objects.get(slug="new-report")
    assert report.sections.exists()
    page = client.get(reverse("report-detail", args=["new-report"])).content.decode()
    assert report.sections.first().heading in page


def test_a_section_page_shows_the_report_against_its_limit(client, personas, report):
    report.word_limit = 35
    report.save()
    client.force_login(personas.drafter)
    page = client.get(
        reverse("section-detail", args=[report.sections.first().pk])
    ).content
    assert "report: 33 of 35 words" in page.decode()
    assert "close to the limit" in page.decode()
