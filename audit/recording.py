"""Writing events. Call ``record`` inside the act's transaction."""

from __future__ import annotations

import logging
from typing import Any

from django.db import models

from audit.context import current_request, request_address
from audit.models import AuditEvent, Verb
from contributions.models import membership_of

logger = logging.getLogger(__name__)

# Address parts that are capabilities, never to be written down.
SECRET_KWARGS = frozenset({"token", "uidb64"})


def record(
    actor: Any,
    verb: str,
    *,
    target: models.Model | tuple[str, object] | None = None,
    report: models.Model | None = None,
    entity: models.Model | None = None,
    details: dict[str, Any] | None = None,
    request: Any = None,
    address: str | None = None,
    keep_address: bool = True,
) -> AuditEvent:
    """Write one event: ``actor`` did ``verb`` to ``target``.

    ``target`` is a model instance or, for something that may not exist
    (an id someone guessed), a ``("app.model", id)`` pair. ``report`` and
    ``entity`` default to the target's own, when it has them. The address is
    taken from ``request``, else ``address``, else the request being served;
    ``keep_address=False`` keeps none, for acts whose address the service
    promised not to keep. Call it inside the act's transaction: a rolled-back
    act leaves no event.
    """
    if verb not in Verb.values:
        raise ValueError(f"{verb!r} is not an audit verb; add it to audit.Verb.")
    person = actor if getattr(actor, "is_authenticated", False) else None
    membership = membership_of(person)
    target_type, target_id, target_label = _describe(target)
    report_id = _id_of(report) or _attribute_id(target, "report")
    entity_id = _id_of(entity) or _attribute_id(target, "entity")
    if report is None and target_type == "drafting.report":
        report_id = _int_or_none(target_id)
    return AuditEvent.objects.create(
        actor=person,
        actor_label=person.get_username() if person else "",
        actor_entity_id=membership.entity_id if membership else None,
        verb=verb,
        target_type=target_type,
        target_id=target_id,
        target_label=target_label,
        report_id=report_id,
        report_label=_report_label(report, target, report_id),
        entity_id=entity_id,
        details=details or {},
        ip=_address(request, address) if keep_address else None,
    )


def _address(request: Any, address: str | None) -> str | None:
    return request_address(request) or address or request_address(current_request.get())


def record_denied(
    actor: Any,
    *,
    target: models.Model | tuple[str, object] | None = None,
    report: models.Model | None = None,
    via: str,
    details: dict[str, Any] | None = None,
    request: Any = None,
    address: str | None = None,
) -> AuditEvent | None:
    """Write that ``actor`` was refused ``target``, reached ``via`` a page,
    the API, a socket or a download link. Anonymous refusals are not written:
    they are only someone not signed in, and the security log has them."""
    if not getattr(actor, "is_authenticated", False):
        return None
    served: Any = request or current_request.get()
    if served is not None:
        # The middleware records a refused answer itself unless told here.
        served.audit_denial_recorded = True
    return record(
        actor,
        Verb.DENIED,
        target=target,
        report=report,
        details={"via": via, **(details or {})},
        request=request,
        address=address,
    )


def _describe(target: models.Model | tuple[str, object] | None) -> tuple[str, str, str]:
    if target is None:
        return "", "", ""
    if isinstance(target, tuple):
        kind, ident = target
        return kind, str(ident)[:64], ""
    return (
        target._meta.label_lower,
        str(target.pk),
        str(target)[:300],
    )


def _id_of(value: models.Model | None) -> int | None:
    return value.pk if value is not None else None


def _attribute_id(target: object, name: str) -> int | None:
    # The id column is read, not the relation, so no query is made.
    value = getattr(target, f"{name}_id", None)
    return value if isinstance(value, int) else None


def _int_or_none(value: str) -> int | None:
    return int(value) if value.isdigit() else None


def _report_label(report: Any, target: Any, report_id: int | None) -> str:
    if report is not None:
        return str(getattr(report, "slug", ""))[:80]
    if getattr(target, "_meta", None) is not None and target._meta.label_lower == (
        "drafting.report"
    ):
        return str(target.slug)[:80]
    if report_id is None:
        return ""
    from drafting.models import Report

    slug = Report.objects.filter(pk=report_id).values_list("slug", flat=True).first()
    return slug or ""
