"""The one place that answers "what may this person do with this object".

Each concept has its module here (``core`` for reports, sections and
contributions); pages, the API, sockets, downloads and exports all ask these
functions, never decide for themselves.
"""

from reportdesk.abilities.core import (
    SECRETARIAT_ROLES,
    can_contribute,
    can_create_reports,
    contribution_abilities,
    is_government,
    is_secretariat,
    report_abilities,
    section_abilities,
    visible_contributions,
    visible_reports,
)

__all__ = [
    "SECRETARIAT_ROLES",
    "can_contribute",
    "can_create_reports",
    "contribution_abilities",
    "is_government",
    "is_secretariat",
    "report_abilities",
    "section_abilities",
    "visible_contributions",
    "visible_reports",
]
