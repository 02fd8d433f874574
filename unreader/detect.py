"""Tell which kind of UN document a text is, and read it into JSON-ready data."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from .clean import normalise_whitespace
from .concluding_observations import read_concluding_observations
from .errors import UnreadableDocument
from .list_of_issues import read_list_of_issues
from .national_report import read_national_report
from .upr_recommendations import (
    read_views_on_recommendations,
    read_working_group_report,
)

logger = logging.getLogger(__name__)

NATIONAL_REPORT = "upr_national_report"
CONCLUDING_OBSERVATIONS = "concluding_observations"
WORKING_GROUP_REPORT = "upr_working_group_report"
VIEWS = "upr_views_on_recommendations"
LIST_OF_ISSUES = "list_of_issues"
# How far into the text the title must stand: the masthead and title of all
# four kinds fit in the first page.
HEAD_CHARS = 8000

READERS: dict[str, Callable[[str], Any]] = {
    NATIONAL_REPORT: read_national_report,
    CONCLUDING_OBSERVATIONS: read_concluding_observations,
    WORKING_GROUP_REPORT: read_working_group_report,
    VIEWS: read_views_on_recommendations,
    LIST_OF_ISSUES: read_list_of_issues,
}


def detect_kind(text: str) -> str | None:
    """The kind of document, from the title on its first page; None if none fits."""
    head = normalise_whitespace(text[:HEAD_CHARS])
    if "Report of the Working Group on the Universal Periodic Review" in head:
        # The addendum carries the same title, then "Addendum" and the views.
        if "Addendum" in head and "Views on conclusions" in head:
            return VIEWS
        return WORKING_GROUP_REPORT
    if "National report submitted pursuant to" in head:
        return NATIONAL_REPORT
    if "Concluding observations on" in head:
        return CONCLUDING_OBSERVATIONS
    if "List of issues" in head:
        return LIST_OF_ISSUES
    return None


def read_document(text: str) -> dict[str, Any]:
    """Read a UN document text into JSON-ready data.

    Raises ``UnreadableDocument`` (and nothing else) when the text is not one
    of the kinds we read or does not have the shape of its kind.
    """
    if not isinstance(text, str):
        raise UnreadableDocument(_("Expected the text of a UN document."))
    if "\x00" in text:
        raise UnreadableDocument(
            _(
                "This is not plain text (it holds NUL bytes). Give the .txt "
                "extracted from the PDF."
            )
        )
    kind = detect_kind(text)
    if kind is None:
        raise UnreadableDocument(
            _(
                "This is not a UN document of a kind we read. Expected a UPR "
                "national report, concluding observations or a list of issues of a "
                "treaty body, a UPR Working Group report, or the State's views on "
                "UPR recommendations (text extracted from the published PDF)."
            )
        )
    result: dict[str, Any] = READERS[kind](text).as_dict()
    logger.debug("read %s %s", kind, result.get("symbol"))
    return result
