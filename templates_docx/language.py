"""What the report's language changes in the Word file: the proofing
language, the direction of text, the East Asian font and the date's form."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import formats, translation
from docx.oxml.ns import qn
from lxml import etree

from .ooxml import insert_ordered

RIGHT_TO_LEFT = frozenset({"ar", "he", "fa", "ur"})

# Word wants a full culture name in w:lang; a bare "ar" is not one. UN
# documents in English use British spelling, hence en-GB.
_CULTURES = {
    "ar": "ar-SA",
    "en": "en-GB",
    "es": "es-ES",
    "fa": "fa-IR",
    "fr": "fr-FR",
    "he": "he-IL",
    "ja": "ja-JP",
    "ko": "ko-KR",
    "pt": "pt-PT",
    "ru": "ru-RU",
    "ur": "ur-PK",
    "zh": "zh-CN",
}
_EAST_ASIAN_FONTS = {"zh": "SimSun", "ja": "MS Mincho", "ko": "Batang"}

# The day-month-year forms of the UN's own documents in each language; Django
# supplies the month names ("E" is the genitive form Russian needs).
_DATE_FORMATS = {
    "es": r"j \d\e F \d\e Y",
    "ja": "Y年n月j日",
    "ru": r"j E Y \г\о\д\а",
    "zh": "Y年n月j日",
}
_DEFAULT_DATE_FORMAT = "j F Y"

_RPR_AFTER_FONTS = tuple(
    qn(f"w:{tag}")
    for tag in [
        "b",
        "bCs",
        "i",
        "iCs",
        "caps",
        "smallCaps",
        "strike",
        "dstrike",
        "outline",
        "shadow",
        "emboss",
        "imprint",
        "noProof",
        "snapToGrid",
        "vanish",
        "webHidden",
        "color",
        "spacing",
        "w",
        "kern",
        "position",
        "sz",
        "szCs",
        "highlight",
        "u",
        "effect",
        "bdr",
        "shd",
        "fitText",
        "vertAlign",
        "rtl",
        "cs",
        "em",
        "lang",
        "eastAsianLayout",
        "specVanish",
        "oMath",
    ]
)
_RPR_AFTER_LANG = tuple(
    qn(f"w:{tag}") for tag in ["eastAsianLayout", "specVanish", "oMath"]
)


@dataclass(frozen=True)
class Language:
    code: str  # as given, e.g. "ar" or "pt-BR"

    @property
    def primary(self) -> str:
        return self.code.split("-")[0].split("_")[0].lower()

    @property
    def culture(self) -> str:
        if "-" in self.code:
            return self.code
        return _CULTURES.get(self.primary, self.code or "en-GB")

    @property
    def right_to_left(self) -> bool:
        return self.primary in RIGHT_TO_LEFT

    @property
    def east_asian_font(self) -> str | None:
        return _EAST_ASIAN_FONTS.get(self.primary)

    def django_code(self) -> str:
        # Django names Chinese by script, not by bare language.
        return "zh-hans" if self.primary == "zh" else self.code.lower()

    def format_date(self, day: dt.date) -> str:
        form = _DATE_FORMATS.get(self.primary, _DEFAULT_DATE_FORMAT)
        with translation.override(self.django_code()):
            return formats.date_format(day, form)


def apply_to_styles(styles_root: etree._Element, language: Language) -> None:
    """Set the document-wide language and fonts in the styles' defaults.

    Every style inherits from w:docDefaults, so one w:lang there covers the
    whole file, and a restyled template keeps it.
    """
    rpr = _default_run_properties(styles_root)
    culture = language.culture
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = rpr.makeelement(qn("w:lang"), {})
        insert_ordered(rpr, lang, _RPR_AFTER_LANG)
    lang.set(qn("w:val"), culture)
    lang.set(qn("w:bidi"), culture if language.right_to_left else "ar-SA")
    lang.set(qn("w:eastAsia"), culture)

    font = language.east_asian_font
    if font:
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = rpr.makeelement(qn("w:rFonts"), {})
            insert_ordered(rpr, fonts, _RPR_AFTER_FONTS)
        fonts.set(qn("w:eastAsia"), font)
        # A theme font would win over the named one.
        if qn("w:eastAsiaTheme") in fonts.attrib:
            del fonts.attrib[qn("w:eastAsiaTheme")]


def _default_run_properties(styles_root: etree._Element) -> etree._Element:
    defaults = styles_root.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = styles_root.makeelement(qn("w:docDefaults"), {})
        styles_root.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = defaults.makeelement(qn("w:rPrDefault"), {})
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = rpr_default.makeelement(qn("w:rPr"), {})
        rpr_default.append(rpr)
    return rpr
