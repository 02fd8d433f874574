"""The masthead in each UN language, as the UN's own language versions write it."""

from __future__ import annotations

import pytest

from templates_docx import styles
from templates_docx.render import render_report
from tests.templates_docx.reading import notes, open_docx, texts_in
from tests.templates_docx.samples import slovenia_report

# (language, first line, organ and distribution line, date, original line)
MASTHEADS = [
    (
        "en",
        "United Nations",
        "General Assembly\tDistr.: General",
        "\t30 October 2024",
        "\tOriginal: English",
    ),
    (
        "fr",
        "Nations Unies",
        "Assemblée générale\tDistr. générale",
        "\t30 octobre 2024",
        "\tOriginal\u00a0: français",
    ),
    (
        "es",
        "Naciones Unidas",
        "Asamblea General\tDistr. general",
        "\t30 de octubre de 2024",
        "\tOriginal: español",
    ),
    # Arabic, Chinese and Russian versions keep these lines in English.
    (
        "ar",
        "الأمم المتحدة",
        "الجمعية العامة\tDistr.: General",
        "\t\u200e30 October 2024",
        "\tOriginal: Arabic",
    ),
    (
        "zh",
        "联合国",
        "大会\tDistr.: General",
        "\t30 October 2024",
        "\tOriginal: Chinese",
    ),
    (
        "ru",
        "Организация Объединенных Наций",
        "Генеральная Ассамблея\tDistr.: General",
        "\t30 October 2024",
        "\tOriginal: Russian",
    ),
]


@pytest.mark.parametrize(
    ("code", "united_nations", "organ", "date", "original"),
    MASTHEADS,
    ids=[row[0] for row in MASTHEADS],
)
def test_the_masthead_speaks_the_report_s_language(
    code, united_nations, organ, date, original
):
    # drafting/export.py names the original language in English.
    names = {"en": "English", "fr": "French", "es": "Spanish"}
    names |= {"ar": "Arabic", "zh": "Chinese", "ru": "Russian"}
    report = slovenia_report(language_code=code, original_language=names[code])

    masthead = texts_in(open_docx(render_report(report).content), styles.MASTHEAD)

    assert masthead == [
        f"{united_nations}\tA/HRC/WG.6/48/SVN/1",
        organ,
        date,
        original,
    ]


@pytest.mark.parametrize(
    ("code", "opening"),
    [
        ("en", "The present document"),
        ("fr", "Le présent document"),
        ("es", "El presente documento"),
        ("ar", "تصدر هذه الوثيقة"),
        ("zh", "本文件"),
        ("ru", "Настоящий документ"),
    ],
)
def test_the_star_note_is_in_the_report_s_language(code, opening):
    content = render_report(slovenia_report(language_code=code)).content

    star = "".join(notes(content)[0].itertext())
    assert star.startswith(f"*{opening}")


def test_an_organ_line_other_than_the_general_assembly_is_printed_as_given():
    report = slovenia_report(language_code="fr", organ="Pacte international")

    masthead = texts_in(open_docx(render_report(report).content), styles.MASTHEAD)

    assert masthead[1] == "Pacte international\tDistr. générale"


def test_an_original_language_outside_the_six_is_printed_as_given():
    report = slovenia_report(original_language="Portuguese")

    masthead = texts_in(open_docx(render_report(report).content), styles.MASTHEAD)

    assert masthead[3] == "\tOriginal: Portuguese"
