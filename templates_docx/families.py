"""The document families, each with its own Word template.

A family fixes the title block: whether a State line follows the title and
where the "issued without formal editing" star sits (on the title of a report,
on the State's name in a common core document, as in HRI/CORE/BRA/2020). Each
family has its own .docx so that a secretariat can restyle one without
touching the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

TEMPLATES_DIR = Path(__file__).with_name("templates")

UPR_NATIONAL_REPORT = "upr_national_report"
TREATY_REPORT = "treaty_report"
COMMON_CORE_DOCUMENT = "common_core_document"
LIST_OF_ISSUES_REPLIES = "list_of_issues_replies"
FOLLOW_UP_REPORT = "follow_up_report"
INTERNAL_DRAFT = "internal_draft"


@dataclass(frozen=True)
class Family:
    key: str
    # The line the star note hangs on: "title" or "state".
    star_on: str = "title"
    # Treaty reports name the State in their title; UPR reports and common
    # core documents print it on a line of its own.
    state_line: bool = False
    # Circulated inside government: no UN masthead, a DRAFT watermark, and
    # the status of each section before the text.
    internal: bool = False

    @property
    def template_path(self) -> Path:
        return TEMPLATES_DIR / f"{self.key}.docx"


FAMILIES: dict[str, Family] = {
    family.key: family
    for family in (
        Family(UPR_NATIONAL_REPORT, state_line=True),
        Family(TREATY_REPORT),
        Family(COMMON_CORE_DOCUMENT, star_on="state", state_line=True),
        Family(LIST_OF_ISSUES_REPLIES),
        Family(FOLLOW_UP_REPORT),
        Family(INTERNAL_DRAFT, state_line=True, internal=True),
    )
}

# Skeleton kinds (drafting/skeletons/*.yaml) and the family each exports as.
_BY_KIND = {
    "national_report": UPR_NATIONAL_REPORT,
    "midterm_report": UPR_NATIONAL_REPORT,
    "periodic_report": TREATY_REPORT,
    "initial_report": TREATY_REPORT,
    "treaty_report": TREATY_REPORT,
    "simplified_report": TREATY_REPORT,
    "initial_report_simplified": TREATY_REPORT,
    "periodic_report_simplified": TREATY_REPORT,
    "additional_information": TREATY_REPORT,
    "common_core_document": COMMON_CORE_DOCUMENT,
    "core_document": COMMON_CORE_DOCUMENT,
    "list_of_issues_replies": LIST_OF_ISSUES_REPLIES,
    "replies_to_list_of_issues": LIST_OF_ISSUES_REPLIES,
    "follow_up_report": FOLLOW_UP_REPORT,
}


def family_for(kind: str, mechanism: str) -> str:
    """The family a report of this skeleton kind and mechanism exports as.

    A kind this table does not know yet falls back on the mechanism: a UPR
    document looks like a national report, anything else like a treaty report.
    """
    if kind in FAMILIES:
        return kind
    if kind in _BY_KIND:
        return _BY_KIND[kind]
    return UPR_NATIONAL_REPORT if mechanism == "UPR" else TREATY_REPORT


def get_family(key: str) -> Family:
    # Imported here so that building the templates needs no Django settings.
    from .errors import TemplateError

    try:
        return FAMILIES[key]
    except KeyError:
        raise TemplateError(
            _(
                "There is no Word template for the document family “%(family)s”. "
                "Use one of: %(known)s."
            )
            % {"family": key, "known": ", ".join(FAMILIES)}
        ) from None
