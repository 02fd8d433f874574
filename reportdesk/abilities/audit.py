"""Abilities for the audit trail and for the people of the service.

The secretariat answers for the process, so it reads and exports the trail;
nobody edits it. Inviting people, deactivating them and setting the sign-in
rules are the coordinator's, as starting a report is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from contributions.models import Membership, membership_of
from reportdesk.abilities.core import is_secretariat

if TYPE_CHECKING:
    from reportdesk.abilities.core import User


def audit_abilities(user: User) -> dict[str, bool]:
    secretariat = is_secretariat(membership_of(user))
    return {"browse": secretariat, "export": secretariat}


def people_abilities(user: User) -> dict[str, bool]:
    membership = membership_of(user)
    coordinator = (
        is_secretariat(membership) and membership.role == Membership.Role.COORDINATOR  # type: ignore[union-attr]
    )
    return {
        "list": is_secretariat(membership),
        "invite": coordinator,
        "deactivate": coordinator,
        "set_policy": coordinator,
    }
