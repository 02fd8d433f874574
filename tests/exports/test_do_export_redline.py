"""do_export_redline: two versions compared as tracked changes, by the right people."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx.oxml.ns import qn
from lxml import etree

from contributions.actions import (
    do_accept_revision,
    do_create_contribution,
    do_submit_contribution,
    do_validate_contribution,
)
from drafting.actions import do_freeze_version, do_update_section_text
from exports.actions import do_export_redline
from exports.models import Export
from reportdesk.errors import DomainError, NotAllowed

pytestmark = pytest.mark.django_db

# Paragraph 4 of A/HRC/WG.6/48/SVN/1, as the Ministry of Justice's contribution.
JUSTICE_TEXT = (
    "Since the previous review, Slovenia has ratified the International Convention "
    "for the Protection of All Persons from Enforced Disappearance (in 2021)."
)


def tracked(content: bytes, kind: str) -> list[tuple[str, str | None]]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
    text = "w:delText" if kind == "del" else "w:t"
    return [
        (
            "".join(t.text or "" for t in change.iter(qn(text))),
            change.get(qn("w:author")),
        )
        for change in body.iter(qn(f"w:{kind}"))
        if getattr(change.getparent(), "tag", None) != qn("w:rPr")
    ]


@pytest.fixture
def two_versions(personas, report):
    """Version 1 as shown to civil society; version 2 after the ministry's input
    was accepted and the secretariat edited a sentence."""
    personas.drafter.first_name, personas.drafter.last_name = "Luka", "Kovač"
    personas.drafter.save()
    personas.focal_point.first_name, personas.focal_point.last_name = "Tomaž", "Zupan"
    personas.focal_point.save()
    first = do_freeze_version(personas.drafter, report, label="Shown to civil society")
    section = report.sections.get(key="upr.A")
    contribution = do_create_contribution(
        personas.focal_point, section, text=JUSTICE_TEXT
    )
    do_submit_contribution(personas.focal_point, contribution, base_number=1)
    # The Ministry of Justice has a validating authority, who signs it off.
    do_validate_contribution(personas.validator, contribution, base_number=1)
    section.refresh_from_db()
    do_accept_revision(
        personas.drafter, contribution.revisions.get(), base_version=section.version
    )
    section.refresh_from_db()
    do_update_section_text(
        personas.drafter,
        section,
        text=section.text.replace("in autumn 2023", "in September 2023"),
        base_version=section.version,
    )
    second = do_freeze_version(personas.drafter, report, label="Final")
    return first, second


def test_it_stores_the_redline_with_both_versions(personas, report, two_versions):
    first, second = two_versions

    export = do_export_redline(personas.drafter, report, base=first, target=second)

    assert export.kind == Export.Kind.REDLINE
    assert (export.base_version, export.version) == (first, second)
    assert export.filename == "A_HRC_WG.6_48_SVN_1-v1-v2-changes.docx"


def test_contributed_text_is_by_its_author_and_entity_edits_by_the_freezer(
    personas, report, two_versions
):
    first, second = two_versions

    content = bytes(
        do_export_redline(personas.drafter, report, base=first, target=second).content
    )

    inserted = tracked(content, "ins")
    deleted = tracked(content, "del")
    assert any(
        JUSTICE_TEXT in text and author == "Tomaž Zupan (Ministry of Justice)"
        for text, author in inserted
    )
    secretariat = "Luka Kovač (Ministry of Foreign and European Affairs)"
    assert ("September", secretariat) in inserted
    assert ("autumn", secretariat) in deleted


def test_the_versions_may_be_given_in_either_order(personas, report, two_versions):
    first, second = two_versions

    export = do_export_redline(personas.drafter, report, base=second, target=first)

    assert (export.base_version, export.version) == (first, second)


def test_a_version_compared_with_itself_is_refused(personas, report, two_versions):
    first, _second = two_versions

    with pytest.raises(DomainError, match="two different versions"):
        do_export_redline(personas.drafter, report, base=first, target=first)


@pytest.mark.parametrize("persona", ["nhri_reviewer", "cso_reviewer", "outsider"])
def test_people_outside_government_may_not_compare(
    personas, report, two_versions, persona
):
    first, second = two_versions

    with pytest.raises(NotAllowed):
        do_export_redline(getattr(personas, persona), report, base=first, target=second)
