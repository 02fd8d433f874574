"""Which words of a section came from which revision, through later edits."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contributions.models import SectionProvenance
from drafting.provenance import (
    block_ranges,
    carry_spans,
    record_text_change,
    revisions_by_block,
    spans_for,
)
from drafting.sectiontext import parse
from tests.factories import RevisionFactory

MARKUP = st.text(alphabet="ab -#>|()*^[]\\\n\t\u00a0.1", max_size=80)


@settings(max_examples=300, deadline=None)
@given(MARKUP)
def test_block_ranges_find_the_blocks_parse_finds(text):
    ranges = block_ranges(text)
    assert len(ranges) == len(parse(text))
    for block in ranges:
        assert text[block.start : block.end].strip(" \t\u00a0\n")


def test_block_ranges_of_the_real_report_part(slovenian_parts):
    text = slovenian_parts["C"]
    ranges = block_ranges(text)
    assert len(ranges) == len(parse(text))
    assert text[ranges[0].start : ranges[0].end] == text.split("\n\n")[0].strip()


def test_carried_spans_follow_unchanged_words_and_drop_rewritten_ones():
    from contributions.diffing import word_diff

    old = "The Ombudsman received A status."
    new = "In 2021 the Ombudsman received A status accreditation."
    spans = carry_spans([(0, len(old), 7)], word_diff(old, new), None)
    credited = "".join(new[s:e] for s, e, _r in spans)
    assert "Ombudsman received A status" in credited
    assert "2021" not in credited
    assert "accreditation" not in credited


@pytest.mark.django_db
def test_a_person_s_edit_on_a_section_nobody_contributed_to_stores_nothing(report):
    section = report.sections.get(key="upr.A")
    record_text_change(section.pk, section.text, section.text + " More.")
    assert not SectionProvenance.objects.exists()


@pytest.mark.django_db
def test_a_writer_that_did_not_report_is_caught_up(report):
    section = report.sections.get(key="upr.B")
    revision = RevisionFactory()
    accepted = "The Advocate of the Principle of Equality became an autonomous body."
    record_text_change(section.pk, "", accepted, revision_id=revision.pk)
    # Someone changes the text without telling provenance.
    moved = "Since 2016, t" + accepted[1:]
    spans = spans_for(section.pk, moved)
    credited = "".join(moved[s:e] for s, e, _r in spans)
    assert "Advocate of the Principle of Equality" in credited
    assert "2016" not in credited


@pytest.mark.django_db
def test_each_block_lists_the_revisions_that_gave_its_words(report):
    section = report.sections.get(key="upr.B")
    justice, labour = RevisionFactory(), RevisionFactory()
    first = "In 2021, the Human Rights Ombudsman received A status."
    record_text_change(section.pk, "", first, revision_id=justice.pk)
    both = first + "\n\nThe Advocate of the Principle of Equality was strengthened."
    record_text_change(section.pk, first, both, revision_id=labour.pk)
    mixed = both.replace("A status", "A status, with more staff")
    record_text_change(section.pk, both, mixed, revision_id=labour.pk)
    assert revisions_by_block(mixed, spans_for(section.pk, mixed)) == [
        {justice.pk, labour.pk},
        {labour.pk},
    ]
