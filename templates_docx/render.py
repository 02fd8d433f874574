"""Render a report into a UN-layout Word document.

docxtpl fills the masthead and title block of the family's template; the body
is then built as WordprocessingML with lxml and put where the template's
``{{ body }}`` paragraph stood. Report values reach docxtpl only as context
values, escaped by us (see ``_verbatim``), so anything a drafter typed,
``{{ }}`` and ``{_{`` included, comes out as typed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Length, Twips
from docxtpl import DocxTemplate
from jinja2 import StrictUndefined
from jinja2 import TemplateError as JinjaError
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree
from markupsafe import Markup, escape

from .bidi import mark_right_to_left, mark_section_right_to_left
from .body import BodyBuilder
from .errors import TemplateError
from .families import Family, get_family
from .footnotes import Footnotes, declare_separators, footnotes_part
from .inline import InlineWriter
from .labels import labels_for, masthead_date, organ_line, original_line
from .language import Language, apply_to_styles
from .layout import COLUMN_INDENT
from .model import ExportReport
from .package import save_reproducibly, set_core_properties
from .template_check import open_template, style_ids
from .text import TextCleaner, without_unwritable
from .traceability import embed_inputs_used

__all__ = ["RenderResult", "TemplateError", "render_document", "render_report"]

log = logging.getLogger(__name__)

# The template's {{ body }} renders to this comment. Escaped report text can
# never produce a real XML comment, so the marker cannot be forged.
_BODY_MARK = "reportdesk:body"
_BODY_COMMENT = Markup("<!--reportdesk:body-->")
_A4_WIDTH = 11906
_DEFAULT_MARGIN = 1134
_MASTHEAD = None  # the cleaner's place for the masthead and title block

BodyWriter = Callable[[BodyBuilder], None]
Finisher = Callable[[Document, TextCleaner], None]


@dataclass(frozen=True)
class RenderResult:
    """The .docx file, and what the person should know about it.

    ``warnings`` are translated sentences (e.g. characters that had to be
    dropped), empty when the export is exactly what was typed.
    """

    content: bytes
    warnings: tuple[str, ...] = ()


def render_report(
    report: ExportReport, template_path: Path | str | None = None
) -> RenderResult:
    """Render ``report`` with its family's template, or with ``template_path``.

    Raises ``TemplateError`` when the template cannot be used; the message
    says what to fix in it.
    """
    family = get_family(report.family)

    def write_body(builder: BodyBuilder) -> None:
        builder.build(report, internal=family.internal)

    return render_document(report, write_body, template_path, embed_record=True)


def render_document(
    report: ExportReport,
    write_body: BodyWriter,
    template_path: Path | str | None = None,
    *,
    embed_record: bool = False,
    finish: Finisher | None = None,
) -> RenderResult:
    """Fill the template's masthead from ``report`` and let ``write_body`` add
    the body; the redline uses this with a body of tracked changes.

    ``finish`` gets the document before it is saved, to add parts of its own.
    """
    family = get_family(report.family)
    language = Language(report.language_code)
    cleaner = TextCleaner()
    template = open_template(Path(template_path or family.template_path))
    document: Document = template.docx
    ids = style_ids(document)
    # Read before docxtpl swaps in a body python-docx no longer understands.
    column_width = _column_width(document)

    _render_title_block(template, _context(report, language, cleaner, family))
    placeholder = _body_placeholder(document)

    notes_part = footnotes_part(document.part)
    notes_root = etree.fromstring(notes_part.blob)
    notes = Footnotes(notes_root)
    notes.drop_unreferenced(_references(document.element))

    # A plain lxml element, not one made by python-docx's parser: python-docx
    # gives each of its elements a Python class, which costs time on every
    # one of the body's many thousand elements and buys nothing here.
    holder = etree.Element(qn("w:body"))
    inline = InlineWriter(ids, cleaner, notes, notes_part)
    write_body(BodyBuilder(holder, inline, document.part, language, column_width))
    parent = placeholder.getparent()
    if parent is not None:
        # One slice assignment moves the whole body in place of the
        # placeholder paragraph.
        index = parent.index(placeholder)
        parent[index : index + 1] = list(holder)

    apply_to_styles(document.styles.element, language)
    if language.right_to_left:
        for root in _text_roots(document, notes_root):
            mark_right_to_left(root)
        for section_properties in document.element.body.iter(qn("w:sectPr")):
            mark_section_right_to_left(section_properties)
    notes_part._blob = etree.tostring(
        notes_root, xml_declaration=True, encoding="UTF-8", standalone=True
    )
    declare_separators(document.settings.element)
    if embed_record:
        embed_inputs_used(document.part, report, without_unwritable)
    if finish is not None:
        finish(document, cleaner)

    set_core_properties(
        document, title=without_unwritable(report.title), day=report.issued_on
    )
    document.core_properties.language = language.culture
    content = save_reproducibly(document)
    log.info(
        "rendered %s: %d footnotes, %d bytes", report.symbol, notes.count, len(content)
    )
    return RenderResult(content, _warnings(cleaner))


def _verbatim(text: str) -> Markup:
    """Text escaped for the template so that it comes out exactly as typed.

    Autoescaping alone is not enough: after rendering, docxtpl turns ``{_{``,
    ``}_}``, ``{_%`` and ``%_}`` into ``{{``, ``}}``, ``{%`` and ``%}``. Writing
    braces and percent signs as character references keeps those sequences
    out of the XML text docxtpl rewrites; Word reads them back as the
    characters.
    """
    escaped = str(escape(text))
    # Safe: the text was escaped on the line above; only references are added.
    return Markup(  # noqa: S704
        escaped.replace("{", "&#123;").replace("}", "&#125;").replace("%", "&#37;")
    )


def _context(
    report: ExportReport, language: Language, cleaner: TextCleaner, family: Family
) -> dict:
    cleaner.place = _MASTHEAD

    def value(text: str) -> Markup:
        return _verbatim(cleaner.clean(text))

    labels = labels_for(language)
    original = cleaner.clean(report.original_language)
    return {
        "symbol": value(report.symbol),
        "organ": value(organ_line(language, report.organ)),
        "date": masthead_date(language, report.issued_on),
        "original_language": _verbatim(original),
        "body_lines": [value(line) for line in report.body_lines],
        "title": value(report.title),
        "state": value(report.state),
        "without_formal_editing": report.without_formal_editing and not family.internal,
        "extra": {value(key): value(text) for key, text in report.extra.items()},
        "labels": {
            "united_nations": labels.united_nations,
            "distribution": labels.distribution,
            "original": _verbatim(original_line(language, original)),
            "star_note": labels.star_note,
            "draft": labels.draft,
            "draft_notice": labels.draft_notice,
        },
        "body": _BODY_COMMENT,
    }


def _render_title_block(template: DocxTemplate, context: dict) -> None:
    # Sandboxed: a template can be replaced by the secretariat, and its tags
    # must not reach into Python. Strict: a misspelt placeholder is reported
    # rather than left blank.
    environment = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
    try:
        template.render(context, jinja_env=environment, autoescape=True)
    except JinjaError as err:
        raise TemplateError(
            _(
                "A placeholder in the Word template's masthead or title block "
                "cannot be filled (%(problem)s). Correct the text between {{ and }} "
                "or {%% and %%} in the template."
            )
            % {"problem": err.message or err.__class__.__name__}
        ) from err


def _body_placeholder(document: Document) -> etree._Element:
    for comment in document.element.body.iter(etree.Comment):
        if comment.text == _BODY_MARK:
            paragraph = next(comment.iterancestors(qn("w:p")), None)
            if paragraph is not None:
                return paragraph
    raise TemplateError(
        _(
            "The Word template has no paragraph holding {{ body }}, so there is "
            "nowhere to put the text of the report. Add a paragraph that contains "
            "only {{ body }} after the title."
        )
    )


def _references(root: etree._Element) -> set[int]:
    return {
        int(reference.get(qn("w:id"), "0"))
        for reference in root.iter(qn("w:footnoteReference"))
    }


def _column_width(document: Document) -> int:
    """The width of the body text column, from the template's page setup."""
    section = document.sections[-1]
    # A template may leave page size or margins to Word's defaults.
    width = section.page_width or Twips(_A4_WIDTH)
    left = section.left_margin or Twips(_DEFAULT_MARGIN)
    right = section.right_margin or Twips(_DEFAULT_MARGIN)
    usable = Length(width - left - right).twips
    return max(int(usable) - 2 * COLUMN_INDENT, _DEFAULT_MARGIN)


def _text_roots(document: Document, notes_root: etree._Element) -> list:
    roots = [document.element.body, notes_root]
    for rel in document.part.rels.values():
        if rel.reltype in (RT.HEADER, RT.FOOTER) and not rel.is_external:
            roots.append(rel.target_part.element)
    return roots


def _warnings(cleaner: TextCleaner) -> tuple[str, ...]:
    messages = []
    for place, count in cleaner.removed.items():
        if place is _MASTHEAD:
            where = _("the masthead or title")
        elif place.strip():
            where = _("section “%(heading)s”") % {"heading": place}
        else:
            where = _("a section without a heading")
        messages.append(
            ngettext(
                "%(count)d control character that Word cannot store was removed "
                "from %(where)s.",
                "%(count)d control characters that Word cannot store were removed "
                "from %(where)s.",
                count,
            )
            % {"count": count, "where": where}
        )
    return tuple(messages)
