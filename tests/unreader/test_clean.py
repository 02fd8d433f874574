from __future__ import annotations

from unreader.clean import (
    find_date,
    find_symbol,
    join_lines,
    normalise_whitespace,
    page_lines,
    vocabulary,
)

from .documents import (
    BRAZIL_NATIONAL_REPORT,
    CONCLUDING_OBSERVATIONS,
    NATIONAL_REPORT,
    VIEWS,
    WORKING_GROUP_REPORT,
    text_of,
)


def slovenia_line_containing(fragment: str) -> str:
    return next(
        line.strip()
        for line in text_of(NATIONAL_REPORT).splitlines()
        if fragment in line
    )


def test_it_finds_the_symbol_each_masthead_gives():
    assert find_symbol(text_of(NATIONAL_REPORT)) == "A/HRC/WG.6/48/SVN/1"
    assert find_symbol(text_of(BRAZIL_NATIONAL_REPORT)) == "A/HRC/WG.6/41/BRA/1"
    assert find_symbol(text_of(CONCLUDING_OBSERVATIONS)) == "CERD/C/BRA/CO/18-20"
    assert find_symbol(text_of(WORKING_GROUP_REPORT)) == "A/HRC/59/15"
    assert find_symbol(text_of(VIEWS)) == "A/HRC/59/15/Add.1"


def test_it_reads_the_issue_date_as_an_iso_date():
    assert find_date(text_of(NATIONAL_REPORT)) == "2024-10-30"
    assert find_date(text_of(BRAZIL_NATIONAL_REPORT)) == "2022-09-01"
    assert find_date(text_of(CONCLUDING_OBSERVATIONS)) == "2022-12-19"
    assert find_date(text_of(VIEWS)) == "2025-04-08"


def test_it_finds_no_symbol_or_date_in_text_that_has_none():
    assert find_symbol("Minutes of the working group meeting") is None
    assert find_date("Minutes of the working group meeting") is None


def test_it_drops_running_headers_page_numbers_and_job_numbers():
    text = text_of(NATIONAL_REPORT)
    lines = [line.text for line in page_lines(text, "A/HRC/WG.6/48/SVN/1")]

    assert "A/HRC/WG.6/48/SVN/1" not in lines
    assert "GE.24-19950 (E)" not in lines
    assert not any("\f" in line for line in lines)
    # Page 2 ends with its number "2"; the page number must go.
    page_two = [line.text for line in page_lines(text, None) if line.page == 2]
    assert [t for t in page_two if t][-1] != "2"


def test_it_drops_a_job_number_printed_with_the_page_number():
    lines = page_lines(text_of(WORKING_GROUP_REPORT), "A/HRC/59/15")
    texts = [line.text for line in lines]

    assert not any("GE.25-02819" in text for text in texts)
    assert (
        "140.10   Consider ratifying the Optional Protocol to the International"
        in texts
    )


def test_it_keeps_a_footnote_number_that_stands_alone_mid_page():
    # Note 10 of the Slovenian report has its number alone on a line.
    lines = page_lines(text_of(NATIONAL_REPORT), "A/HRC/WG.6/48/SVN/1")

    assert "10" in [line.text for line in lines]


def test_it_keeps_a_real_hyphen_at_a_line_end():
    words = vocabulary(text_of(NATIONAL_REPORT))
    first = slovenia_line_containing("endorsed by the Inter-")
    second = slovenia_line_containing("Ministerial Commission on Human Rights. The")

    joined = join_lines([first, second], words)

    assert "endorsed by the Inter-Ministerial Commission on Human Rights." in joined


def test_it_keeps_compound_hyphens_that_the_document_writes_on_one_line():
    words = vocabulary(text_of(NATIONAL_REPORT))
    first = slovenia_line_containing("plays a special role in awareness-")
    second = slovenia_line_containing("raising and warning against illegal hate speech")

    assert "awareness-raising and warning" in join_lines([first, second], words)


def test_it_keeps_a_hyphen_before_digits():
    text = text_of(BRAZIL_NATIONAL_REPORT)
    lines = [line.strip() for line in text.splitlines()]
    start = lines.index(
        "times a week and receives two meals each day. In the absence of "
        "activities, due to the Covid-"
    )

    joined = join_lines(lines[start : start + 2], vocabulary(text))

    assert "due to the Covid-19 pandemic" in joined


def test_it_drops_the_hyphen_of_a_word_the_document_proves_was_broken():
    # The report writes "awareness" whole; break that real line inside the
    # word, as a PDF can, and the hyphen must go.
    words = vocabulary(text_of(NATIONAL_REPORT))
    line = slovenia_line_containing(
        "Slovenia continues to raise awareness of hate speech"
    )
    cut = line.index("awareness") + len("aware")

    joined = join_lines([line[:cut] + "-", line[cut:]], words)

    assert joined == normalise_whitespace(line)


def test_it_keeps_every_hyphen_without_a_vocabulary():
    assert join_lines(["raise aware-", "ness"]) == "raise aware-ness"


def test_it_joins_a_dash_at_a_line_end_without_a_space():
    first = slovenia_line_containing("Suppression for the 2019–2023 and 2024–")
    assert join_lines([first, "2028 periods."]).endswith(
        "2019–2023 and 2024–2028 periods."
    )


def test_it_normalises_every_kind_of_white_space():
    assert (
        normalise_whitespace("  Human\u00a0Rights \t Council\n ")
        == "Human Rights Council"
    )
