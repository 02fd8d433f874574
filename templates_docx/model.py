"""What the Word renderer needs to know about a report, free of the ORM.

The drafting app builds an ``ExportReport`` from the database; the renderer
only reads these plain objects, so it can be tested and benchmarked without
a database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from drafting.sectiontext.nodes import Block


@dataclass(frozen=True)
class ExportSection:
    """One heading of the report and the blocks of text under it.

    ``level`` 1 is a chapter (numbered I., II.), 2 a lettered part (A., B.),
    3 a numbered subsection (1., 2.); the renderer writes the numbers. An
    annex section stands outside the paragraph numbering.
    """

    heading: str
    level: int
    blocks: tuple[Block, ...] = ()
    annex: bool = False
    # Guidance from the committee or the skeleton: never exported.
    key: str = ""
    # The section's drafting status ("not_started", "drafting", "ready"); only
    # the internal draft prints it.
    status: str = ""


CONTRIBUTION = "contribution"
CONSULTATION_COMMENT = "consultation_comment"


@dataclass(frozen=True)
class InputUsed:
    """One input that shaped a section: an accepted contribution revision, or
    a consultation comment the secretariat took into account.

    For a contribution ``revision`` is its label ("r3") and ``accepted_on`` the
    day it went into the draft; for a consultation comment ``revision`` names
    the round and ``accepted_on`` the day the comment was taken into account,
    and ``note`` holds the comment's text (shortened by the caller if long).
    ``paragraphs`` are the numbered paragraphs of the export it shaped.
    """

    section_heading: str
    entity: str
    revision: str
    accepted_on: dt.date
    paragraphs: tuple[int, ...] = ()
    kind: str = CONTRIBUTION
    note: str = ""


@dataclass(frozen=True)
class Outstanding:
    """Something an entity still owes for a section (internal draft only)."""

    section_heading: str
    entity: str
    status: str  # what stands, in words: "draft not yet submitted", …


@dataclass(frozen=True)
class AnnexTable:
    """A table annexed to the report, such as the implementation matrix.

    Rows are plain strings; the renderer writes them verbatim.
    """

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class ExportReport:
    symbol: str
    title: str
    state: str
    issued_on: dt.date
    original_language: str  # the name shown on "Original:", e.g. "English"
    language_code: str  # BCP 47 code of the report's language, e.g. "en", "ar"
    organ: str  # "General Assembly", or the treaty line of a treaty report
    body_lines: tuple[str, ...] = ()  # committee or council, session, dates
    without_formal_editing: bool = True
    sections: tuple[ExportSection, ...] = ()
    inputs_used: tuple[InputUsed, ...] = ()
    annex_tables: tuple[AnnexTable, ...] = ()
    # The document family picks the template: "upr_national_report",
    # "treaty_report", "common_core_document", "list_of_issues_replies",
    # "follow_up_report"; "internal_draft" for circulation inside government.
    family: str = "upr_national_report"
    extra: dict[str, str] = field(default_factory=dict)
    # Internal draft only: what each entity still owes.
    outstanding: tuple[Outstanding, ...] = ()
