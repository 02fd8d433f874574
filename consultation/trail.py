"""Audit events for acts in consultation rounds.

Each event is filed under the round's report, and under the organisation
concerned when there is one, so the secretariat finds what the NHRI or a
civil-society organisation did, and what was done with it. Acts through a
round's public link keep no address: the service promises to keep a public
commenter's address only as a keyed hash (docs/consultation.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from audit import record

if TYPE_CHECKING:
    from django.db import models

    from consultation.models import Round
    from contributions.models import Entity


def record_round_act(
    user: Any,
    verb: str,
    round: Round,
    *,
    target: models.Model | None = None,
    entity: Entity | None = None,
    public: bool = False,
    request: Any = None,
    **details: Any,
) -> None:
    """``user`` did ``verb`` to ``round``, or to ``target`` within it.
    ``public`` marks an act through the public link."""
    if public:
        details["public_link"] = True
    record(
        user,
        verb,
        target=target if target is not None else round,
        report=round.report,
        entity=entity,
        details=details,
        request=request,
        keep_address=not public,
    )
