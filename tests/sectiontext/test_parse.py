from drafting.sectiontext import (
    Break,
    BulletList,
    Footnote,
    Heading,
    NumberedList,
    PageBreak,
    Paragraph,
    Run,
    SubItem,
    Table,
    parse,
)


def test_blank_lines_separate_paragraphs_and_single_newlines_break_lines():
    blocks = parse("First line\nsecond line\n\n\nNext paragraph")
    assert blocks == [
        Paragraph((Run("First line"), Break(), Run("second line"))),
        Paragraph((Run("Next paragraph"),)),
    ]


def test_it_reads_each_kind_of_block():
    text = "\n\n".join(
        [
            "## Roma community",
            "> (Recommendations 22, 27–28)",
            "(a) Adopt a national action plan;",
            "- first\n- second",
            "1. one\n7. two",
            "| Year | Cases |\n|---|---|\n| 2023 | 41 |",
            "\\newpage",
        ]
    )
    kinds = [type(block) for block in parse(text)]
    assert kinds == [
        Heading,
        Paragraph,
        SubItem,
        BulletList,
        NumberedList,
        Table,
        PageBreak,
    ]
    assert parse(text)[1].numbered is False
    assert parse(text)[5].header is True


def test_footnote_keeps_links_and_formatting():
    (paragraph,) = parse(
        "OHCHR^[See *the* [report](https://www.ohchr.org/x).] follows."
    )
    note = paragraph.content[1]
    assert isinstance(note, Footnote)
    assert note.content == (
        Run("See "),
        Run("the", italic=True),
        Run(" "),
        Run("report", href="https://www.ohchr.org/x"),
        Run("."),
    )


def test_unclosed_markup_stays_as_typed():
    text = "5 * 3 = 15, a [bracket and ^[an open note and **half bold"
    (paragraph,) = parse(text)
    assert paragraph.content == (Run(text),)


def test_links_to_other_schemes_are_not_links():
    (paragraph,) = parse("[click](javascript:alert(1))")
    assert all(
        isinstance(item, Run) and item.href is None for item in paragraph.content
    )


def test_bold_and_italic_nest_and_cross():
    (paragraph,) = parse("***both*** and **bold *both* bold**")
    assert paragraph.content == (
        Run("both", bold=True, italic=True),
        Run(" and "),
        Run("bold ", bold=True),
        Run("both", bold=True, italic=True),
        Run(" bold", bold=True),
    )


def test_escapes_make_markup_literal():
    (paragraph,) = parse(r"\*not italic\* and \^\[not a note\]")
    assert paragraph.content == (Run("*not italic* and ^[not a note]"),)
