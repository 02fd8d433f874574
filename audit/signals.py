"""Changes of who may do what are recorded however they are made: by an
invitation, on the people page, in the admin or by the demo loader.

The person who acted is the one whose request is being served (None for a
management command)."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from audit.context import current_request
from audit.models import Verb
from audit.recording import record
from contributions.models import Membership


def _acting() -> Any:
    request = current_request.get()
    return getattr(request, "user", None)


@receiver(pre_save, sender=Membership)
def remember_old_membership(sender: Any, instance: Membership, **kwargs: Any) -> None:
    if instance.pk is None:
        instance._audit_before = None
        return
    instance._audit_before = (  # type: ignore[attr-defined]
        Membership.objects.filter(pk=instance.pk).values("entity_id", "role").first()
    )


@receiver(post_save, sender=Membership)
def record_membership_saved(
    sender: Any, instance: Membership, created: bool, **kwargs: Any
) -> None:
    before = getattr(instance, "_audit_before", None)
    after = {"entity_id": instance.entity_id, "role": instance.role}
    if not created and before == after:
        return  # saved unchanged, as the demo loader does on every run
    record(
        _acting(),
        Verb.PERMISSION_CHANGE,
        target=instance.user,
        entity=instance.entity,
        details={
            "change": "created" if created else "changed",
            "role": instance.role,
            "entity": instance.entity_id,
            "before": before,
        },
    )


@receiver(post_delete, sender=Membership)
def record_membership_removed(sender: Any, instance: Membership, **kwargs: Any) -> None:
    record(
        _acting(),
        Verb.PERMISSION_CHANGE,
        target=("auth.user", instance.user_id),
        entity=instance.entity,
        details={
            "change": "removed",
            "role": instance.role,
            "entity": instance.entity_id,
        },
    )
