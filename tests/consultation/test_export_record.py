import csv
import io

import docx
import openpyxl
import pytest

from consultation.actions import do_set_anonymous
from consultation.export import (
    consultation_inputs,
    record_csv,
    record_docx,
    record_xlsx,
)
from consultation.reviewing import do_comment, do_decide, do_public_comment
from drafting.actions import do_update_section_text
from templates_docx.model import CONSULTATION_COMMENT
from tests.consultation.conftest import PASSAGE, section_id

pytestmark = pytest.mark.django_db

WORDING = (
    "During the drafting of the report, the NGOs, the Ombudsman and the Advocate "
    "of the Principle of Equality were invited to comment on a written draft."
)


@pytest.fixture
def decided(personas, report, consultation_round):
    """Three comments: the NHRI's accepted and carried into the draft, an
    anonymous NGO's not accepted, a public one undecided."""
    upr_a = section_id(consultation_round, "upr.A")
    nhri = do_comment(
        personas.nhri_reviewer,
        consultation_round,
        section_id=upr_a,
        quote=PASSAGE,
        body="Say that the draft was shared in writing.",
        proposed_wording=WORDING,
    )
    do_set_anonymous(personas.cso_reviewer, consultation_round, anonymous=True)
    ngo = do_comment(
        personas.cso_reviewer,
        consultation_round,
        section_id=upr_a,
        body="The section should list every organisation consulted.",
    )
    do_public_comment(
        consultation_round,
        consultation_round.public_token,
        address="192.0.2.1",
        section_id=upr_a,
        name="Marta Kranjc",
        organisation='=HYPERLINK("http://example.org")',
        body="-1+1 is how many NGOs were asked?",
    )
    section = report.sections.get(key="upr.A")
    old = (
        "During the drafting of the report, the NGOs, the Ombudsman and the Advocate "
        "of the Principle of Equality were briefed and consulted."
    )
    edited = do_update_section_text(
        personas.drafter,
        section,
        text=section.text.replace(old, WORDING),
        base_version=section.version,
    )
    do_decide(
        personas.drafter,
        nhri,
        decision="accepted",
        reason="The draft now says so.",
        carried_in_section=edited,
        carried_in_version=edited.version,
    )
    do_decide(
        personas.drafter,
        ngo,
        decision="not_accepted",
        reason="The list is in the annex.",
    )
    return consultation_round


def test_the_csv_record_has_every_comment_its_author_decision_and_reason(decided):
    rows = list(csv.reader(io.StringIO(record_csv(decided).decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    assert header[6] == "Organisation" and header[8] == "Decision"
    assert [(r[6], r[8], r[9]) for r in body] == [
        ("Human Rights Ombudsman", "Accepted", "The draft now says so."),
        ("anonymous", "Not accepted", "The list is in the annex."),
        ('\'=HYPERLINK("http://example.org")', "not yet decided", ""),
    ]
    # Where the passage is now, and the change that carried the decision out.
    # The quoted words survived the rewrite of their sentence.
    assert body[0][10] == "paragraph 2"
    assert body[0][11].startswith(
        "Methodology and broad national consultation process (version"
    )
    # A cell that would start a formula is neutralised.
    assert body[2][4].startswith("'-1+1")


def test_the_excel_record_matches_and_never_holds_a_formula(decided):
    book = openpyxl.load_workbook(io.BytesIO(record_xlsx(decided)))
    sheet = book.active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[1][6] == "Human Rights Ombudsman"
    assert values[2][6] == "anonymous"
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_the_word_record_is_a_table_of_the_same_rows(decided):
    document = docx.Document(io.BytesIO(record_docx(decided)))
    table = document.tables[0]
    assert table.rows[0].cells[8].text == "Decision"
    assert [row.cells[6].text for row in table.rows[1:]] == [
        "Human Rights Ombudsman",
        "anonymous",
        '=HYPERLINK("http://example.org")',
    ]
    assert "Round “Draft for consultation”" in "\n".join(
        p.text for p in document.paragraphs
    )
    # The Ombudsman's name never appears for the anonymous NGO.
    assert "Legal-Informational Centre for NGOs" not in "".join(
        c.text for row in table.rows for c in row.cells
    )


def test_the_annex_lists_the_accepted_comments_and_where_they_landed(decided, report):
    inputs = consultation_inputs(report)
    assert len(inputs) == 1
    used = inputs[0]
    assert used.kind == CONSULTATION_COMMENT
    assert used.entity == "Human Rights Ombudsman"
    assert used.revision == "Draft for consultation"
    assert used.section_heading == "Methodology and broad national consultation process"
    assert used.paragraphs == (2,)
    assert used.note.startswith("During the drafting of the report")


def test_an_anonymous_organisations_accepted_comment_is_anonymous_in_the_annex(
    personas, report, consultation_round
):
    do_set_anonymous(personas.cso_reviewer, consultation_round, anonymous=True)
    comment = do_comment(
        personas.cso_reviewer,
        consultation_round,
        section_id=section_id(consultation_round, "upr.A"),
        quote="Slovenia’s preparations for the UPR 4th cycle started in autumn 2023.",
        body="Good.",
    )
    do_decide(personas.drafter, comment, decision="partly_accepted", reason="Kept.")
    [used] = consultation_inputs(report)
    assert used.entity == "anonymous"
    assert used.paragraphs == (1,)


def test_every_comment_becomes_a_word_comment_for_the_redline(decided, report):
    from consultation.export import review_comments

    comments = review_comments(report)
    assert [c.author for c in comments] == [
        "Human Rights Ombudsman",
        "anonymous",
        '=HYPERLINK("http://example.org")',
    ]
    assert comments[0].section_heading == (
        "Methodology and broad national consultation process"
    )
    assert comments[0].text.startswith(f"“{PASSAGE}”")
    assert "Proposed wording: During the drafting" in comments[0].text
