"""Abilities for editing a section live.

They follow the section's own abilities: whoever may read the section may
follow it live, whoever may edit it may write, checkpoint and restore.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafting.models import Section
from reportdesk.abilities.core import section_abilities

if TYPE_CHECKING:
    from reportdesk.abilities.core import User


def live_abilities(user: User, section: Section) -> dict[str, bool]:
    base = section_abilities(user, section)
    write = base["view"] and base["edit"]
    return {
        "read": base["view"],
        "write": write,
        "checkpoint": write,
        "restore": write,
    }
