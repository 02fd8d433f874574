"""The words the renderer itself writes into the document, in each UN language.

The masthead follows the UN's own practice, checked against documents of each
language version (CCPR/C/MNG/CO/6 in French, A/59/100 in Spanish,
CERD/C/ARE/CO/18-21 in Russian, CERD/C/IRL/CO/5-9 in Chinese,
CERD/C/CYP/CO/23-24 in Arabic): French and Spanish translate the distribution
line and the "Original" line, while the Arabic, Chinese and Russian versions
keep "Distr.: General", the date and "Original: …" in English and translate
only the organisation and organ lines. A State submits in its own language, so
the original is always the report's language.

These are document words, not interface strings: they follow the report's
language, never the language of the person exporting, so they are tables here
rather than gettext messages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .language import Language

UN_LANGUAGES = ("en", "fr", "es", "ar", "zh", "ru")


@dataclass(frozen=True)
class Labels:
    united_nations: str
    distribution: str
    original: str  # "Original: %s", with the language name in the same form
    general_assembly: str
    # The name of each UN language as the masthead writes it after "Original".
    language_names: dict[str, str]
    # Whether the masthead date is written in English (Arabic, Chinese and
    # Russian documents do so) rather than in the report's language.
    english_date: bool
    star_note: str
    annex: str
    annex_numbered: str  # "Annex %s"
    inputs_used: str
    paragraph: str
    section: str
    contributions: str
    consultation_comments: str
    not_in_a_paragraph: str
    draft: str
    draft_notice: str
    section_status: str
    status: str
    outstanding: str
    entity: str
    what_stands: str
    statuses: dict[str, str]


_ENGLISH_NAMES = {
    "en": "English",
    "fr": "French",
    "es": "Spanish",
    "ar": "Arabic",
    "zh": "Chinese",
    "ru": "Russian",
}

# TODO(#7): the star note and the annex and draft words below in French,
# Spanish, Arabic, Chinese and Russian are our translations and have not been
# checked against UN-edited documents; the masthead lines above them have.
LABELS: dict[str, Labels] = {
    "en": Labels(
        united_nations="United Nations",
        distribution="Distr.: General",
        original="Original: %s",
        general_assembly="General Assembly",
        language_names=_ENGLISH_NAMES,
        english_date=True,
        star_note="The present document is being issued without formal editing.",
        annex="Annex",
        annex_numbered="Annex %s",
        inputs_used="Inputs used",
        paragraph="Paragraph",
        section="Section",
        contributions="Contributions",
        consultation_comments="Consultation comments",
        not_in_a_paragraph="—",
        draft="DRAFT",
        draft_notice="Draft for circulation inside government only. Not for "
        "submission.",
        section_status="Status of the sections",
        status="Status",
        outstanding="Contributions still owed",
        entity="Entity",
        what_stands="What stands",
        statuses={
            "not_started": "Not started",
            "drafting": "Drafting",
            "ready": "Ready",
        },
    ),
    "fr": Labels(
        united_nations="Nations Unies",
        distribution="Distr. générale",
        original="Original\u00a0: %s",
        general_assembly="Assemblée générale",
        language_names={
            "en": "anglais",
            "fr": "français",
            "es": "espagnol",
            "ar": "arabe",
            "zh": "chinois",
            "ru": "russe",
        },
        english_date=False,
        star_note="Le présent document n’a pas été revu par les services d’édition.",
        annex="Annexe",
        annex_numbered="Annexe %s",
        inputs_used="Contributions utilisées",
        paragraph="Paragraphe",
        section="Section",
        contributions="Contributions",
        consultation_comments="Observations reçues en consultation",
        not_in_a_paragraph="—",
        draft="PROJET",
        draft_notice="Projet diffusé au sein du Gouvernement uniquement. Ne pas "
        "soumettre.",
        section_status="État d’avancement des sections",
        status="État",
        outstanding="Contributions attendues",
        entity="Entité",
        what_stands="Situation",
        statuses={
            "not_started": "Non commencée",
            "drafting": "En rédaction",
            "ready": "Prête",
        },
    ),
    "es": Labels(
        united_nations="Naciones Unidas",
        distribution="Distr. general",
        original="Original: %s",
        general_assembly="Asamblea General",
        language_names={
            "en": "inglés",
            "fr": "francés",
            "es": "español",
            "ar": "árabe",
            "zh": "chino",
            "ru": "ruso",
        },
        english_date=False,
        star_note="El presente documento se publica sin haber sido objeto de "
        "revisión editorial oficial.",
        annex="Anexo",
        annex_numbered="Anexo %s",
        inputs_used="Aportaciones utilizadas",
        paragraph="Párrafo",
        section="Sección",
        contributions="Aportaciones",
        consultation_comments="Observaciones de la consulta",
        not_in_a_paragraph="—",
        draft="BORRADOR",
        draft_notice="Borrador para circulación interna del Gobierno. No presentar.",
        section_status="Estado de las secciones",
        status="Estado",
        outstanding="Aportaciones pendientes",
        entity="Entidad",
        what_stands="Situación",
        statuses={
            "not_started": "Sin empezar",
            "drafting": "En redacción",
            "ready": "Lista",
        },
    ),
    "ar": Labels(
        united_nations="الأمم المتحدة",
        distribution="Distr.: General",
        original="Original: %s",
        general_assembly="الجمعية العامة",
        language_names=_ENGLISH_NAMES,
        english_date=True,
        star_note="تصدر هذه الوثيقة دون تحرير رسمي.",
        annex="المرفق",
        annex_numbered="المرفق %s",
        inputs_used="المدخلات المستخدمة",
        paragraph="الفقرة",
        section="الفرع",
        contributions="المساهمات",
        consultation_comments="تعليقات المشاورات",
        not_in_a_paragraph="—",
        draft="مسودة",
        draft_notice="مسودة للتداول داخل الحكومة فقط. لا تُقدَّم.",
        section_status="حالة الفروع",
        status="الحالة",
        outstanding="المساهمات المنتظرة",
        entity="الجهة",
        what_stands="الوضع",
        statuses={
            "not_started": "لم يبدأ",
            "drafting": "قيد الصياغة",
            "ready": "جاهز",
        },
    ),
    "zh": Labels(
        united_nations="联合国",
        distribution="Distr.: General",
        original="Original: %s",
        general_assembly="大会",
        language_names=_ENGLISH_NAMES,
        english_date=True,
        star_note="本文件未经正式编辑即发布。",
        annex="附件",
        annex_numbered="附件%s",
        inputs_used="所用材料",
        paragraph="段落",
        section="节",
        contributions="提交的材料",
        consultation_comments="磋商意见",
        not_in_a_paragraph="—",
        draft="草稿",
        draft_notice="仅供政府内部传阅的草稿。请勿提交。",
        section_status="各节状态",
        status="状态",
        outstanding="尚待提交的材料",
        entity="单位",
        what_stands="情况",
        statuses={"not_started": "未开始", "drafting": "起草中", "ready": "就绪"},
    ),
    "ru": Labels(
        united_nations="Организация Объединенных Наций",
        distribution="Distr.: General",
        original="Original: %s",
        general_assembly="Генеральная Ассамблея",
        language_names=_ENGLISH_NAMES,
        english_date=True,
        star_note="Настоящий документ выпускается без официального редактирования.",
        annex="Приложение",
        annex_numbered="Приложение %s",
        inputs_used="Использованные материалы",
        paragraph="Пункт",
        section="Раздел",
        contributions="Материалы",
        consultation_comments="Замечания, полученные в ходе консультаций",
        not_in_a_paragraph="—",
        draft="ПРОЕКТ",
        draft_notice="Проект для распространения только внутри правительства. "
        "Не представлять.",
        section_status="Состояние разделов",
        status="Состояние",
        outstanding="Ожидаемые материалы",
        entity="Орган",
        what_stands="Положение",
        statuses={
            "not_started": "Не начат",
            "drafting": "Готовится",
            "ready": "Готов",
        },
    ),
}

# Every name a report may give its original language in, mapped to its code,
# so that "English", "anglais" or "en" all print in the masthead's own form.
_LANGUAGE_CODES = {
    name.casefold(): code
    for labels in LABELS.values()
    for code, name in labels.language_names.items()
} | {code: code for code in UN_LANGUAGES}


def labels_for(language: Language) -> Labels:
    """The labels of the report's language; English for a non-UN language."""
    return LABELS.get(language.primary, LABELS["en"])


def original_line(language: Language, original: str) -> str:
    """The "Original: …" line, naming a known UN language in the masthead's form.

    Any other value (say, "Portuguese") is printed as given.
    """
    labels = labels_for(language)
    code = _LANGUAGE_CODES.get(original.strip().casefold())
    name = labels.language_names[code] if code else original
    return labels.original % name


def masthead_date(language: Language, day: dt.date) -> str:
    if not labels_for(language).english_date:
        return language.format_date(day)
    english = Language("en").format_date(day)
    if language.right_to_left:
        # In a right-to-left paragraph "12 May 2025" would print as
        # "May 2025 12": a left-to-right mark before the day keeps it in order.
        return "\u200e" + english
    return english


def organ_line(language: Language, organ: str) -> str:
    """The organ line; the General Assembly is named in the report's language."""
    if organ.strip() == LABELS["en"].general_assembly:
        return labels_for(language).general_assembly
    return organ
