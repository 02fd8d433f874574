"""The browser pages of recommendations, for each persona."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from drafting.models import Report
from recommendations.models import Cluster, PlannedAction, Recommendation
from tests.recommendations.conftest import THEMATIC_LIST, source

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_are_sent_to_sign_in(client, assigned):
    for url in (
        reverse("recommendation-list"),
        reverse("recommendation-detail", args=[assigned["140.7"].pk]),
        reverse("recommendation-import"),
        reverse("recommendation-groups"),
        reverse("recommendation-clusters"),
        reverse("recommendation-progress"),
        reverse("recommendation-plan"),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login"))


def test_the_secretariat_lists_and_filters_recommendations(client, personas, assigned):
    client.force_login(personas.drafter)
    page = client.get(reverse("recommendation-list")).content.decode()
    assert "254 recommendations" in page
    assert "Import recommendations" in page
    noted = client.get(reverse("recommendation-list"), {"position": "noted"})
    assert "37 recommendations" in noted.content.decode()


def test_a_ministry_lists_only_its_own(client, personas, assigned):
    client.force_login(personas.focal_point)
    page = client.get(reverse("recommendation-list")).content.decode()
    assert "2 recommendations" in page
    assert "Import recommendations" not in page


@pytest.mark.parametrize("persona", ["nhri_reviewer", "cso_reviewer", "outsider"])
def test_reviewers_and_outsiders_see_no_recommendation(
    client, personas, assigned, persona
):
    client.force_login(getattr(personas, persona))
    page = client.get(reverse("recommendation-list")).content.decode()
    assert "No recommendation to show." in page
    detail = reverse("recommendation-detail", args=[assigned["140.7"].pk])
    assert client.get(detail).status_code == 404


@pytest.mark.parametrize(
    "name",
    ["recommendation-import", "recommendation-clusters", "recommendation-progress"],
)
@pytest.mark.parametrize("persona", ["focal_point", "nhri_reviewer", "outsider"])
def test_the_secretariats_pages_are_forbidden_to_others(
    client, personas, name, persona
):
    client.force_login(getattr(personas, persona))
    assert client.get(reverse(name)).status_code == 403


def test_a_focal_point_updates_the_status_and_plans_an_action(
    client, personas, assigned
):
    row = assigned["140.7"]
    client.force_login(personas.focal_point)
    page = client.get(reverse("recommendation-detail", args=[row.pk])).content.decode()
    assert "Save the status" in page
    assert "Save the bodies" not in page
    client.post(
        reverse("recommendation-tracking", args=[row.pk]),
        {
            "status": "in_progress",
            "status_note": "Draft act prepared.",
            "base_version": 1,
        },
    )
    client.post(
        reverse("recommendation-action-add", args=[row.pk]),
        {"description": "Submit the act.", "due": "2026-06-30", "indicator": "Adopted"},
    )
    row.refresh_from_db()
    assert (row.status, row.status_note) == ("in_progress", "Draft act prepared.")
    assert PlannedAction.objects.get().entity.name == "Ministry of Justice"


def test_a_stale_status_form_says_so_and_keeps_the_newer_status(
    client, personas, assigned
):
    row = assigned["140.7"]
    Recommendation.objects.filter(pk=row.pk).update(version=2, status="implemented")
    client.force_login(personas.focal_point)
    response = client.post(
        reverse("recommendation-tracking", args=[row.pk]),
        {"status": "not_started", "base_version": 1},
        follow=True,
    )
    assert "Someone saved this in the meantime" in response.content.decode()
    assert Recommendation.objects.get(pk=row.pk).status == "implemented"


def test_the_secretariat_assigns_and_links_from_the_page(
    client, personas, assigned, report
):
    from contributions.models import Entity

    row = assigned["140.9"]
    labour = Entity.objects.get(name__startswith="Ministry of Labour")
    section = report.sections.get(key="upr.B")
    client.force_login(personas.drafter)
    page = client.get(reverse("recommendation-detail", args=[row.pk])).content.decode()
    assert "Save the bodies" in page and "Save the links" in page
    client.post(
        reverse("recommendation-assignment", args=[row.pk]),
        {"entities": [labour.pk], "base_version": 1},
    )
    client.post(
        reverse("recommendation-sections", args=[row.pk]), {"sections": [section.pk]}
    )
    assert list(row.responsible_entities.all()) == [labour]
    assert list(row.sections.all()) == [section]


def test_imported_text_is_escaped(client, personas, assigned):
    Recommendation.objects.filter(number="140.7").update(
        text="<script>alert(1)</script> Ratify"
    )
    client.force_login(personas.drafter)
    page = client.get(
        reverse("recommendation-detail", args=[assigned["140.7"].pk])
    ).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_the_secretariat_imports_through_the_browser(client, personas):
    client.force_login(personas.drafter)
    upload = SimpleUploadedFile("list.txt", source(THEMATIC_LIST).encode())
    page = client.post(
        reverse("recommendation-import"), {"file": upload}
    ).content.decode()
    assert "A/HRC/59/15" in page
    assert Recommendation.objects.count() == 254
    pasted = client.post(
        reverse("recommendation-import"), {"text": source(THEMATIC_LIST)}
    )
    assert 'class="unchanged">254<' in pasted.content.decode()


def test_a_bad_upload_is_explained_on_the_page(client, personas):
    client.force_login(personas.drafter)
    upload = SimpleUploadedFile("report.pdf", b"%PDF-1.7 \xff\xfe")
    page = client.post(
        reverse("recommendation-import"), {"file": upload}
    ).content.decode()
    assert "not UTF-8 text" in page


def test_groups_page_and_progress_page(client, personas, assigned):
    client.force_login(personas.coordinator)
    groups = client.get(
        reverse("recommendation-groups"), {"by": "sdg"}
    ).content.decode()
    assert "Goal 16" in groups
    progress = client.get(reverse("recommendation-progress")).content.decode()
    assert "Ministry of Justice" in progress


def test_clusters_are_proposed_and_confirmed_from_the_page(client, personas, assigned):
    client.force_login(personas.drafter)
    client.post(reverse("recommendation-clusters-propose"), {"state": "Slovenia"})
    cluster = Cluster.objects.order_by("id").first()
    page = client.get(reverse("recommendation-clusters")).content.decode()
    assert "Propose clusters" in page and cluster.title in page
    client.post(
        reverse("recommendation-cluster-decide", args=[cluster.pk]),
        {"decision": "confirm", "title": "Statelessness convention"},
    )
    cluster.refresh_from_db()
    assert (cluster.status, cluster.title) == ("confirmed", "Statelessness convention")


def test_the_coordinator_creates_the_midterm_report_from_the_page(
    client, personas, slovenia_cycle
):
    client.force_login(personas.coordinator)
    assert (
        "Create the report"
        in client.get(reverse("recommendation-midterm")).content.decode()
    )
    response = client.post(
        reverse("recommendation-midterm"),
        {"state": "Slovenia", "state_code": "SVN", "slug": "svn-upr4-mtr"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("report-coverage", args=["svn-upr4-mtr"])
    report = Report.objects.get(slug="svn-upr4-mtr")
    assert report.sections.filter(parent__key="mtr.themes").count() == 43
    client.force_login(personas.drafter)
    assert client.get(reverse("recommendation-midterm")).status_code == 403
