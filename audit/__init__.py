"""The audit trail: who saw, changed, decided and exported what, append-only.

Actions call ``audit.record(actor, verb, ...)`` inside their own transaction,
so an act that is rolled back leaves no event behind::

    from audit import Verb, record

    record(user, Verb.ACCEPT, target=revision, report=section.report)

The functions live in ``audit.recording``; they are re-exported here lazily so
that importing this package does not load models before Django is ready.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from audit.models import AuditEvent, Verb

__all__ = ["Verb", "record", "record_denied"]


def record(actor: Any, verb: str, **kwargs: Any) -> AuditEvent:
    from audit.recording import record as _record

    return _record(actor, verb, **kwargs)


def record_denied(actor: Any, **kwargs: Any) -> AuditEvent | None:
    from audit.recording import record_denied as _record_denied

    return _record_denied(actor, **kwargs)


def __getattr__(name: str) -> Any:
    if name == "Verb":
        from audit.models import Verb

        return Verb
    raise AttributeError(name)
