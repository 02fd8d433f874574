"""do_export_report: export, store with the version and digest, reuse."""

from __future__ import annotations

import hashlib
import io

import docx
import pytest

from contributions.actions import do_create_contribution
from drafting.actions import do_update_section_text
from drafting.models import ReportVersion
from exports.actions import do_export_report
from exports.models import Export
from reportdesk.errors import DomainError, NotAllowed

pytestmark = pytest.mark.django_db


def test_it_freezes_a_version_and_stores_the_file_with_its_digest(personas, report):
    export = do_export_report(personas.drafter, report)

    assert ReportVersion.objects.filter(report=report).count() == 1
    assert export.version.number == 1
    assert export.kind == Export.Kind.REPORT
    assert export.family == "upr_national_report"
    assert export.sha256 == hashlib.sha256(bytes(export.content)).hexdigest()
    assert export.size == len(export.content)
    assert export.filename == "A_HRC_WG.6_48_SVN_1-v1.docx"
    document = docx.Document(io.BytesIO(bytes(export.content)))
    assert any(
        "preparations for the UPR 4th cycle" in p.text for p in document.paragraphs
    )


def test_exporting_unchanged_text_again_gives_the_same_bytes_and_row(personas, report):
    first = do_export_report(personas.drafter, report)
    second = do_export_report(personas.coordinator, report)

    assert second.pk == first.pk
    assert Export.objects.count() == 1
    assert ReportVersion.objects.filter(report=report).count() == 1


def test_changed_text_is_frozen_as_a_new_version_before_export(personas, report):
    first = do_export_report(personas.drafter, report)
    section = report.sections.get(key="upr.A")
    do_update_section_text(
        personas.drafter,
        section,
        text=section.text + "\n\nThe Government adopted it on 17 July 2024.",
        base_version=section.version,
    )

    second = do_export_report(personas.drafter, report)

    assert second.version.number == 2
    assert second.sha256 != first.sha256
    assert Export.objects.count() == 2
    assert second.version.snapshot["sections"][0] is not None


def test_a_focal_point_exports_the_frozen_version(personas, report):
    frozen = do_export_report(personas.drafter, report)

    export = do_export_report(personas.focal_point, report)

    assert export.pk == frozen.pk


def test_a_focal_point_cannot_export_text_no_one_has_frozen(personas, report):
    do_export_report(personas.drafter, report)
    section = report.sections.get(key="upr.A")
    do_update_section_text(
        personas.drafter, section, text="Changed.", base_version=section.version
    )

    with pytest.raises(DomainError, match="only the secretariat can freeze"):
        do_export_report(personas.focal_point, report)
    assert ReportVersion.objects.filter(report=report).count() == 1


@pytest.mark.parametrize("persona", ["nhri_reviewer", "cso_reviewer", "outsider"])
def test_people_outside_government_may_not_export(personas, report, persona):
    with pytest.raises(NotAllowed):
        do_export_report(getattr(personas, persona), report)
    assert Export.objects.count() == 0


def test_the_internal_draft_lists_status_and_contributions_still_owed(personas, report):
    section = report.sections.get(key="upr.A")
    do_create_contribution(
        personas.focal_point,
        section,
        text="Slovenia ratified the International Convention for the Protection of "
        "All Persons from Enforced Disappearance in 2021.",
    )

    export = do_export_report(personas.drafter, report, internal=True)

    assert export.family == "internal_draft"
    assert export.filename == "A_HRC_WG.6_48_SVN_1-v1-draft.docx"
    document = docx.Document(io.BytesIO(bytes(export.content)))
    owed = [[cell.text for cell in row.cells] for row in document.tables[1].rows]
    assert owed[1] == [
        "Ministry of Justice",
        section.heading,
        "draft not yet submitted",
    ]


def test_removed_characters_are_kept_as_warnings_with_the_export(personas, report):
    report.title = "National report\x07"
    report.save()

    export = do_export_report(personas.drafter, report)

    assert export.warnings == [
        "1 control character that Word cannot store was removed from the masthead "
        "or title."
    ]
