"""Each document family has its own template and title block."""

from __future__ import annotations

import pytest
from docx.oxml.ns import qn

from templates_docx import styles
from templates_docx.build_templates import build_template
from templates_docx.errors import TemplateError
from templates_docx.families import FAMILIES, family_for
from templates_docx.render import render_report
from tests.templates_docx.reading import notes, open_docx, paragraphs, texts_in
from tests.templates_docx.samples import slovenia_report

UN_FAMILIES = [key for key, family in FAMILIES.items() if not family.internal]


@pytest.mark.parametrize("family", FAMILIES.values(), ids=list(FAMILIES))
def test_each_committed_template_is_what_the_build_script_makes(family):
    assert family.template_path.read_bytes() == build_template(family)


@pytest.mark.parametrize("family", UN_FAMILIES)
def test_every_un_family_has_the_masthead_symbol_header_page_numbers_and_a4(family):
    document = open_docx(render_report(slovenia_report(family=family)).content)

    masthead = texts_in(document, styles.MASTHEAD)
    assert masthead[0] == "United Nations\tA/HRC/WG.6/48/SVN/1"
    assert masthead[1].endswith("\tDistr.: General")
    section = document.sections[0]
    assert section.header.paragraphs[0].text == "A/HRC/WG.6/48/SVN/1"
    assert section.footer.paragraphs[0]._p.find(qn("w:fldSimple")) is not None
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


@pytest.mark.parametrize(
    ("family", "starred", "state_line"),
    [
        ("upr_national_report", styles.TITLE, True),
        ("treaty_report", styles.TITLE, False),
        ("list_of_issues_replies", styles.TITLE, False),
        ("follow_up_report", styles.TITLE, False),
        ("common_core_document", styles.STATE, True),
    ],
)
def test_the_star_note_hangs_where_the_family_puts_it(family, starred, state_line):
    content = render_report(slovenia_report(family=family)).content
    document = open_docx(content)

    marked = [
        p.style.name
        for p in document.paragraphs
        if p._p.find(f".//{qn('w:footnoteReference')}[@{qn('w:customMarkFollows')}]")
        is not None
    ]
    assert marked == [starred]
    assert (texts_in(document, styles.STATE) != []) is state_line
    star = notes(content)[0]
    assert "".join(star.itertext()).endswith("issued without formal editing.")


def test_the_internal_draft_has_a_watermark_status_and_what_is_owed():
    from templates_docx.model import Outstanding

    sections = tuple(
        section.__class__(**{**section.__dict__, "status": "drafting"})
        for section in slovenia_report().sections
    )
    report = slovenia_report(
        family="internal_draft",
        sections=sections,
        outstanding=(
            Outstanding("Introduction", "Ministry of Justice", "returned for revision"),
        ),
    )
    content = render_report(report).content
    document = open_docx(content)

    header = document.sections[0].header.part.blob.decode()
    assert 'string="DRAFT"' in header
    assert document.sections[0].header.paragraphs[0].text.startswith("DRAFT · ")
    assert texts_in(document, styles.MASTHEAD) == []
    status = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert status[:2] == [["Section", "Status"], ["Introduction", "Drafting"]]
    owed = [[c.text for c in row.cells] for row in document.tables[1].rows]
    assert owed[1] == ["Ministry of Justice", "Introduction", "returned for revision"]
    # No star note: the draft is not a UN document.
    assert all("formal editing" not in "".join(n.itertext()) for n in notes(content))
    assert (
        styles.BODY_LINE,
        "Draft for circulation inside government only. Not for submission.",
    ) in paragraphs(document)


@pytest.mark.parametrize(
    ("kind", "mechanism", "family"),
    [
        ("national_report", "UPR", "upr_national_report"),
        ("midterm_report", "UPR", "upr_national_report"),
        ("periodic_report", "CCPR", "treaty_report"),
        ("initial_report_simplified", "CAT", "treaty_report"),
        ("common_core_document", "HRI", "common_core_document"),
        ("replies_to_list_of_issues", "CESCR", "list_of_issues_replies"),
        ("follow_up_report", "CERD", "follow_up_report"),
        ("something_new", "UPR", "upr_national_report"),
        ("something_new", "CRC", "treaty_report"),
    ],
)
def test_a_skeleton_kind_picks_its_family(kind, mechanism, family):
    assert family_for(kind, mechanism) == family


def test_it_refuses_an_unknown_family_with_the_known_ones_named():
    with pytest.raises(TemplateError, match="upr_national_report"):
        render_report(slovenia_report(family="press_release"))


@pytest.mark.parametrize("family", list(FAMILIES))
def test_every_family_template_is_refused_without_a_needed_style(tmp_path, family):
    import docx

    document = docx.Document(str(FAMILIES[family].template_path))
    element = document.styles[styles.HEADING_2].element
    element.getparent().remove(element)
    path = tmp_path / f"{family}.docx"
    document.save(str(path))

    with pytest.raises(TemplateError) as raised:
        render_report(slovenia_report(family=family), template_path=path)

    assert raised.value.details["missing_styles"] == [styles.HEADING_2]
