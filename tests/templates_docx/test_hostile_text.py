"""Whatever a drafter types comes out as typed, and never breaks the export."""

from __future__ import annotations

import dataclasses

from drafting.sectiontext import Paragraph, Run
from templates_docx import styles
from templates_docx.model import ExportSection
from templates_docx.render import render_report
from tests.templates_docx.reading import open_docx, paragraphs, texts_in
from tests.templates_docx.samples import slovenia_report

HOSTILE = (
    "Slovenia & partners < > \" ' {{ report.symbol }} {% for x in y %} "
    "<w:p>fake</w:p> ]]> <!-- reportdesk:body --> end"
)
CONTROL = "\x00\x01\x0b\x0c\x1b\x7f"


def hostile_section() -> ExportSection:
    # Built as nodes: the parser would read some of these characters as markup,
    # and this test is about what the renderer does with any text at all.
    text = HOSTILE[:20] + CONTROL + HOSTILE[20:]
    return ExportSection("Hostile", 1, (Paragraph((Run(text),)),))


def test_it_exports_markup_like_text_verbatim_without_control_characters():
    report = slovenia_report(sections=(hostile_section(),), inputs_used=())

    result = render_report(report)

    paragraph = texts_in(open_docx(result.content), styles.PARA)
    assert paragraph == [f"1.\t{HOSTILE}"]


def test_it_warns_about_the_characters_it_removed():
    report = slovenia_report(sections=(hostile_section(),), inputs_used=())

    result = render_report(report)

    assert result.warnings == (
        "6 control characters that Word cannot store were removed from section "
        "“Hostile”.",
    )


def test_it_gives_no_warning_for_clean_text():
    assert render_report(slovenia_report()).warnings == ()


def test_it_never_lets_masthead_values_act_as_template_code():
    report = slovenia_report(
        title=HOSTILE + "\x1b",
        state="{{ symbol }}",
        body_lines=("{% if true %}yes{% endif %}", "line\x07 with a bell"),
        symbol="A/HRC/WG.6/48/SVN/1 {{ 7 * 7 }}",
    )

    result = render_report(report)

    document = open_docx(result.content)
    styled = paragraphs(document)
    assert (styles.TITLE, HOSTILE + "*") in styled
    assert (styles.STATE, "{{ symbol }}") in styled
    assert (styles.BODY_LINE, "{% if true %}yes{% endif %}") in styled
    assert (styles.BODY_LINE, "line with a bell") in styled
    assert document.sections[0].header.paragraphs[0].text == (
        "A/HRC/WG.6/48/SVN/1 {{ 7 * 7 }}"
    )
    assert result.warnings == (
        "2 control characters that Word cannot store were removed from the "
        "masthead or title.",
    )
    assert document.core_properties.title == HOSTILE
    # The hostile title did not swallow the report's body.
    assert texts_in(document, styles.PARA)[0].startswith("1.\tIn March 2022")


def test_it_strips_control_characters_from_footnotes_and_link_addresses():
    sections = slovenia_report().sections
    first = sections[0]
    blocks = (
        Paragraph(
            (
                Run("See "),
                Run("the\x02 site", href="https://www.ohchr.org/\x03en"),
            )
        ),
    )
    report = slovenia_report(
        sections=(dataclasses.replace(first, blocks=blocks),), inputs_used=()
    )

    result = render_report(report)

    link = open_docx(result.content).paragraphs[-1].hyperlinks[0]
    assert (link.text, link.address) == ("the site", "https://www.ohchr.org/en")
    assert len(result.warnings) == 1


# docxtpl rewrites these four sequences after rendering; a value typed with
# them must still come out as typed.
DOCXTPL_QUIRKS = "{_{ x }_} {_% if %_} {{ y }} {% z %} & < > \" ' <w:t>x</w:t>"


def test_it_keeps_docxtpl_s_own_escapes_verbatim_in_every_masthead_field():
    report = slovenia_report(
        title=DOCXTPL_QUIRKS,
        state="State " + DOCXTPL_QUIRKS,
        body_lines=("Line " + DOCXTPL_QUIRKS,),
        symbol="A/HRC/{_{1}_}",
        organ="Organ {_%x%_}",
    )

    document = open_docx(render_report(report).content)

    styled = paragraphs(document)
    assert (styles.TITLE, DOCXTPL_QUIRKS + "*") in styled
    assert (styles.STATE, "State " + DOCXTPL_QUIRKS) in styled
    assert (styles.BODY_LINE, "Line " + DOCXTPL_QUIRKS) in styled
    assert texts_in(document, styles.MASTHEAD)[0] == "United Nations\tA/HRC/{_{1}_}"
    assert texts_in(document, styles.MASTHEAD)[1] == "Organ {_%x%_}\tDistr.: General"
    assert document.sections[0].header.paragraphs[0].text == "A/HRC/{_{1}_}"


def test_it_keeps_docxtpl_s_own_escapes_verbatim_in_section_text_and_notes():
    from drafting.sectiontext import Footnote

    section = ExportSection(
        DOCXTPL_QUIRKS,
        1,
        (Paragraph((Run(DOCXTPL_QUIRKS), Footnote((Run(DOCXTPL_QUIRKS),)))),),
    )
    content = render_report(
        slovenia_report(sections=(section,), inputs_used=())
    ).content

    document = open_docx(content)
    assert texts_in(document, styles.HEADING_1) == [f"I.\t{DOCXTPL_QUIRKS}"]
    assert texts_in(document, styles.PARA) == [f"1.\t{DOCXTPL_QUIRKS}"]
    from tests.templates_docx.reading import note_text, notes

    assert note_text(notes(content)[1]) == DOCXTPL_QUIRKS
