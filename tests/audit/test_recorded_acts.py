"""The acts the issue names leave their event, with the report they concern."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent, Verb
from collab.actions import do_restore_revision
from collab.models import SectionRevision
from contributions.models import Entity, Membership
from drafting.actions import do_freeze_version, do_update_section_text
from drafting.structure import do_add_section
from exports.actions import access_export, do_export_report
from recommendations.actions import do_update_tracking
from tests.recommendations.conftest import assigned, slovenia_cycle  # noqa: F401

pytestmark = pytest.mark.django_db


def _only(verb, **where):
    return AuditEvent.objects.get(verb=verb, **where)


def test_saving_a_section_is_recorded_and_a_refused_save_is_not(personas, report):
    section = report.sections.get(key="upr.A")
    do_update_section_text(
        personas.drafter,
        section,
        text=section.text + "\n\nThe Government adopted it on 17 July 2024.",
        base_version=section.version,
    )

    event = _only(Verb.EDIT, actor=personas.drafter)
    assert event.report_id == report.pk and event.target_id == str(section.pk)
    with pytest.raises(Exception, match="Someone saved this"):
        do_update_section_text(
            personas.drafter, section, text="stale", base_version=section.version
        )
    assert AuditEvent.objects.filter(verb=Verb.EDIT).count() == 1


def test_structure_changes_and_frozen_versions_are_recorded(personas, report):
    do_add_section(personas.coordinator, report, heading="Follow-up to the review")
    version = do_freeze_version(personas.drafter, report, label="Before consultation")

    added = _only(Verb.RESTRUCTURE)
    assert added.details == {"change": "add"} and added.report_id == report.pk
    frozen = _only(Verb.FREEZE)
    assert frozen.target_id == str(version.pk) and frozen.report_id == report.pk


def test_an_export_and_its_download_are_recorded(personas, report):
    export = do_export_report(personas.coordinator, report)
    access_export(personas.focal_point, export.pk)

    exported = _only(Verb.EXPORT, actor=personas.coordinator)
    assert exported.details["sha256"] == export.sha256
    downloaded = _only(Verb.DOWNLOAD, actor=personas.focal_point)
    assert downloaded.report_id == report.pk
    assert downloaded.actor_entity.name == "Ministry of Justice"


def test_viewing_a_report_or_a_section_page_is_recorded(client, personas, report):
    client.force_login(personas.validator)
    section = report.sections.get(key="upr.A")

    client.get(reverse("report-detail", args=[report.slug]))
    client.get(reverse("section-detail", args=[section.pk]))

    views = AuditEvent.objects.filter(verb=Verb.VIEW, actor=personas.validator)
    assert sorted(views.values_list("target_type", flat=True)) == [
        "drafting.report",
        "drafting.section",
    ]
    assert {event.report_id for event in views} == {report.pk}


def test_restoring_a_live_revision_is_recorded(personas, report):
    section = report.sections.get(key="upr.A")
    first = SectionRevision.objects.create(
        section=section,
        number=1,
        text="Slovenia’s preparations for the UPR 4th cycle started in autumn 2023.",
        section_version=section.version,
        reason=SectionRevision.Reason.CHECKPOINT,
        created_at=timezone.now(),
    )

    do_restore_revision(personas.drafter, first)

    event = _only(Verb.RESTORE)
    assert event.details["restored"] == 1 and event.report_id == report.pk
    assert AuditEvent.objects.filter(verb=Verb.REVISE).exists()


def test_a_change_of_role_is_recorded_with_who_made_it(client, personas):
    membership = Membership.objects.get(user=personas.focal_point)
    membership.role = Membership.Role.VALIDATOR
    membership.save()
    membership.save()  # saved again unchanged: nothing more to record

    events = AuditEvent.objects.filter(
        verb=Verb.PERMISSION_CHANGE, target_id=str(personas.focal_point.pk)
    )
    changed = events.get(details__change="changed")
    assert changed.details["before"]["role"] == "focal_point"
    assert changed.entity == Entity.objects.get(name="Ministry of Justice")
    membership.delete()
    assert events.filter(details__change="removed").count() == 1


def test_tracking_a_recommendation_is_recorded(personas, assigned):  # noqa: F811
    from recommendations.models import Recommendation

    row = Recommendation.objects.get(state="Slovenia", number="140.7")
    do_update_tracking(
        personas.focal_point,
        row,
        status="in_progress",
        note="Draft law sent to the National Assembly.",
        base_version=row.version,
    )

    event = _only(Verb.EDIT, actor=personas.focal_point)
    assert event.target_type == "recommendations.recommendation"
    assert event.details == {"status": "in_progress"}
