"""Comments stay anchored to their passage while the demo report is edited.

The draft is Slovenia's real report (svn-upr4); the edits are the kind a
secretariat makes after a round: a paragraph inserted before the passage
(a real paragraph of the Working Group's report A/HRC/59/15), words changed
inside it, the paragraph deleted, the paragraph moved to another section.
"""

import datetime as dt

import pytest

from consultation.actions import do_open_round
from consultation.anchoring import anchor, find_passage, number_sections
from consultation.export import current_texts
from consultation.reviewing import do_comment
from drafting.actions import do_update_section_text
from drafting.demo import load_demo
from drafting.models import Report

pytestmark = pytest.mark.django_db

FUNDING = (
    "The Ombudsman’s work is funded by the Slovenian budget, and the funding was "
    "systematically regulated by the 2023 amendment to the Public Finance Act."
)
# A/HRC/59/15, paragraph 5, as the Working Group reported the presentation.
INSERTED = (
    "The head of the delegation informed the Human Rights Council that the national "
    "report had been prepared inclusively, involving government institutions, the "
    "Human Rights Ombudsman and civil society."
)


@pytest.fixture
def demo(clock):
    load_demo(extras=False)
    report = Report.objects.get(slug="svn-upr4")
    from django.contrib.auth import get_user_model

    people = get_user_model().objects.in_bulk(
        ["coordinator", "drafter", "ombudsman", "ngo"], field_name="username"
    )
    round = do_open_round(
        people["coordinator"],
        report,
        title="Draft for consultation",
        opens_at=clock.now,
        closes_at=clock.now + dt.timedelta(days=21),
        organisations=[
            people["ombudsman"].membership.entity,
            people["ngo"].membership.entity,
        ],
    )
    return report, round, people


def _section(report, heading):
    return report.sections.get(heading=heading)


def _edit(people, section, change):
    section.refresh_from_db()
    return do_update_section_text(
        people["drafter"],
        section,
        text=change(section.text),
        base_version=section.version,
    )


def _comment_on_funding(round, people, report):
    framework = _section(report, "Institutional framework of human rights protection")
    return do_comment(
        people["ombudsman"],
        round,
        section_id=framework.pk,
        quote=FUNDING,
        body="Give the budget figures.",
    )


def test_a_passage_is_found_where_it_was_before_any_edit(demo):
    report, round, people = demo
    comment = _comment_on_funding(round, people, report)
    assert comment.paragraph == 9
    found = anchor(comment, current_texts(report))
    assert (found.status, found.paragraphs) == ("unchanged", (9,))


def test_a_paragraph_inserted_before_moves_the_passage_to_the_next_number(demo):
    report, round, people = demo
    comment = _comment_on_funding(round, people, report)
    _edit(people, _section(report, "Introduction"), lambda t: f"{INSERTED}\n\n{t}")
    found = anchor(comment, current_texts(report))
    assert found.status == "unchanged"
    assert found.paragraphs == (10,)
    assert found.passage == FUNDING


def test_words_changed_inside_the_passage_still_find_it_as_edited(demo):
    report, round, people = demo
    comment = _comment_on_funding(round, people, report)
    framework = _section(report, "Institutional framework of human rights protection")
    _edit(
        people,
        framework,
        lambda t: t.replace(
            "the funding was systematically regulated by the 2023 amendment",
            "its funding was regulated by an amendment adopted in 2023",
        ),
    )
    found = anchor(comment, current_texts(report))
    assert found.status == "edited"
    assert found.paragraphs == (9,)
    assert "regulated by an amendment adopted in 2023" in found.passage


def test_an_edit_at_the_start_of_a_long_passage_is_followed_by_its_end(demo):
    report, round, people = demo
    comment = _comment_on_funding(round, people, report)
    framework = _section(report, "Institutional framework of human rights protection")
    _edit(
        people,
        framework,
        lambda t: t.replace(
            "The Ombudsman’s work is funded by the Slovenian budget",
            "The work of the Ombudsman is financed from the State budget",
        ),
    )
    found = anchor(comment, current_texts(report))
    assert found.status == "edited"
    assert found.paragraphs == (9,)


def test_a_deleted_paragraph_leaves_the_comment_gone(demo):
    report, round, people = demo
    comment = _comment_on_funding(round, people, report)
    framework = _section(report, "Institutional framework of human rights protection")
    _edit(
        people,
        framework,
        lambda t: "\n\n".join(p for p in t.split("\n\n") if FUNDING not in p),
    )
    found = anchor(comment, current_texts(report))
    assert found.status == "gone"
    assert found.paragraphs == ()


def test_all_three_edits_together_keep_every_comment_where_it_belongs(demo):
    report, round, people = demo
    funding = _comment_on_funding(round, people, report)
    intro = _section(report, "Introduction")
    consulted = do_comment(
        people["ngo"],
        round,
        section_id=intro.pk,
        quote="were briefed and consulted",
        body="Say how.",
    )
    adopted = do_comment(
        people["ngo"],
        round,
        section_id=intro.pk,
        quote="The Government adopted it on 17 July 2024.",
        body="After the consultation?",
    )
    # Insert a paragraph at the top, rewrite paragraph 3, delete the sentence
    # on adoption.
    _edit(
        people,
        intro,
        lambda t: (
            f"{INSERTED}\n\n"
            + t.replace(
                "were briefed and consulted", "were briefed, and consulted"
            ).replace(" The Government adopted it on 17 July 2024.", "")
        ),
    )
    texts = current_texts(report)
    assert anchor(consulted, texts).status == "edited"
    assert anchor(consulted, texts).paragraphs == (4,)
    assert anchor(adopted, texts).status == "gone"
    assert anchor(funding, texts).paragraphs == (10,)


def test_a_paragraph_moved_to_another_section_is_found_there(demo):
    report, round, people = demo
    comment = _comment_on_funding(round, people, report)
    framework = _section(report, "Institutional framework of human rights protection")
    moved = next(p for p in framework.text.split("\n\n") if FUNDING in p)
    _edit(people, framework, lambda t: t.replace(moved + "\n\n", ""))
    intro = _section(report, "Introduction")
    _edit(people, intro, lambda t: f"{t}\n\n{moved}")
    found = anchor(comment, current_texts(report))
    assert found.status == "moved"
    assert found.section_id == intro.pk
    assert found.paragraphs == (4,)


def test_the_same_words_twice_are_told_apart_by_their_surroundings():
    # "the Human Rights Ombudsman" stands in both paragraphs of the real text.
    text = number_sections(
        [
            (
                1,
                "Slovenia considers that Recommendation 15 on a national human rights "
                "institution is fulfilled through the Human Rights Ombudsman, the "
                "Advocate for the Principle of Equality.\n\n"
                "In 2021, the Human Rights Ombudsman received “A” status accreditation "
                "according to the Paris Principles.",
                False,
            )
        ]
    )[1]
    found = find_passage(
        text.text,
        "the Human Rights Ombudsman",
        prefix="In 2021, ",
        suffix=" received “A” status",
    )
    assert text.paragraph_at(found.start) == 2
    first = find_passage(
        text.text, "the Human Rights Ombudsman", prefix="is fulfilled through "
    )
    assert text.paragraph_at(first.start) == 1


def test_a_passage_with_nothing_like_it_in_the_text_is_not_found():
    text = (
        "In 2021, the Human Rights Ombudsman received “A” status accreditation "
        "according to the Paris Principles."
    )
    assert (
        find_passage(text, "Hate speech is criminalised under the Criminal Code")
        is None
    )
