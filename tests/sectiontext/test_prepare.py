from drafting.sectiontext import NumberedList, Paragraph, parse
from drafting.sectiontext.prepare import prepare_text

# Paragraphs 13 and 14 of A/HRC/WG.6/48/SVN/1, as pasted from a Word file.
PASTED = (
    "13.\tThe Constitution stipulates that everyone in Slovenia is guaranteed equal "
    "human rights and fundamental freedoms irrespective of personal circumstances "
    "(Article 14).\n\n"
    "14. The amendment to the Criminal Code adopted in 2023 introduces hate crime as a "
    "mandatory aggravating circumstance."
)


def test_paragraph_numbers_typed_by_hand_are_taken_out_and_counted():
    prepared = prepare_text(PASTED)
    blocks = parse(prepared.text)
    assert prepared.paragraph_numbers_removed == 2
    assert all(isinstance(b, Paragraph) and b.numbered for b in blocks)
    assert prepared.text.startswith("The Constitution stipulates")
    assert "\n\nThe amendment to the Criminal Code" in prepared.text


def test_a_year_opening_a_paragraph_is_kept():
    prepared = prepare_text("2024. was the year the Act was amended.")
    assert prepared.paragraph_numbers_removed == 0
    assert prepared.text == "2024. was the year the Act was amended."


def test_a_real_numbered_list_is_kept():
    text = "1. ratify the Convention;\n2. report on time."
    prepared = prepare_text(text)
    assert prepared.text == text
    assert isinstance(parse(prepared.text)[0], NumberedList)


def test_text_without_anything_to_take_out_is_stored_exactly_as_typed():
    text = "A \\*starred\\* word and **bold**, left   as typed."
    assert prepare_text(text).text == text


def test_characters_word_cannot_hold_are_removed_and_counted():
    prepared = prepare_text(
        "Null\x00, bell\x07, delete\x7f and a lone \ud800 surrogate."
    )
    assert prepared.removed_characters == 4
    assert prepared.text == "Null, bell, delete and a lone  surrogate."
