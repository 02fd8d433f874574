"""Open a Word template and check that the renderer can use it.

A secretariat restyles the template in Word; if a style the renderer writes
has been deleted or renamed, the export would silently fall back to Normal.
Refusing the template with the names of the missing styles is kinder.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from django.utils.translation import gettext as _
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate
from lxml import etree

from . import styles
from .errors import TemplateError

_KINDS = {
    styles.Kind.PARAGRAPH: WD_STYLE_TYPE.PARAGRAPH,
    styles.Kind.CHARACTER: WD_STYLE_TYPE.CHARACTER,
    styles.Kind.TABLE: WD_STYLE_TYPE.TABLE,
}


def open_template(path: Path) -> DocxTemplate:
    template = DocxTemplate(path)
    try:
        template.init_docx()
    except (
        PackageNotFoundError,
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        etree.XMLSyntaxError,
    ) as err:
        raise TemplateError(
            _(
                "The Word template “%(name)s” cannot be opened as a Word document. "
                "Save it again from Word as a .docx file."
            )
            % {"name": path.name}
        ) from err
    return template


def style_ids(document: Document) -> dict[str, str]:
    """The style id of every style the renderer writes, by style name."""
    found = {style.name: style for style in document.styles}
    missing = [name for name in styles.REQUIRED if name not in found]
    wrong_kind = [
        name
        for name, kind in styles.REQUIRED.items()
        if name in found and found[name].type != _KINDS[kind]
    ]
    problems: list[str] = []
    if missing:
        problems.append(
            _("These styles are missing: %(names)s.") % {"names": ", ".join(missing)}
        )
    if wrong_kind:
        problems.append(
            _("These styles have the wrong type: %(names)s.")
            % {
                "names": ", ".join(
                    f"{name} ({styles.REQUIRED[name].value})" for name in wrong_kind
                )
            }
        )
    if problems:
        raise TemplateError(
            _(
                "The Word template cannot be used for the export. %(problems)s "
                "Add them back in Word (Styles pane, New Style, with exactly these "
                "names and types), or start again from the default template."
            )
            % {"problems": " ".join(problems)},
            missing_styles=missing,
            wrong_kind_styles=wrong_kind,
        )
    return {name: found[name].style_id for name in styles.REQUIRED}
