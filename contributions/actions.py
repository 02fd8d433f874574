"""Operations on contributions: proposing text, revising it, accepting it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from contributions.models import (
    AcceptedInput,
    Contribution,
    Entity,
    Revision,
    membership_of,
)
from drafting.models import Section
from reportdesk.abilities import (
    contribution_abilities,
    is_secretariat,
    section_abilities,
)
from reportdesk.errors import DomainError, NotAllowed, StaleWrite

if TYPE_CHECKING:
    from django.contrib.auth.models import User


def do_create_contribution(
    user: User,
    section: Section,
    *,
    text: str,
    title: str = "",
    entity: Entity | None = None,
) -> Contribution:
    """Open a contribution of the user's entity to a section, with revision 1."""
    if not section_abilities(user, section)["contribute"]:
        raise NotAllowed(_("Only a focal point of a contributing body can do this."))
    membership = membership_of(user)
    if membership is None:  # the ability check above already refused these
        raise NotAllowed(_("Only a focal point of a contributing body can do this."))
    if entity is not None and entity.pk != membership.entity_id:
        raise NotAllowed(_("You can only contribute for your own body."))
    if not text.strip():
        raise DomainError(_("The contribution is empty; write or paste its text."))
    with transaction.atomic():
        contribution = Contribution.objects.create(
            section=section,
            entity=membership.entity,
            title=title,
            created_by=user,
        )
        Revision.objects.create(
            contribution=contribution,
            number=1,
            text=text,
            author=user,
            created_at=timezone.now(),
        )
    return contribution


def do_add_revision(
    user: User, contribution: Contribution, *, text: str, base_number: int
) -> Revision:
    """Save a new revision on top of revision ``base_number``.

    Locks the contribution row so two saves based on the same revision cannot
    both land; the second is refused as stale.
    """
    if not contribution_abilities(user, contribution)["revise"]:
        raise NotAllowed(_("This contribution cannot be revised by you now."))
    with transaction.atomic():
        Contribution.objects.select_for_update().get(pk=contribution.pk)
        latest = contribution.revisions.order_by("-number").first()
        current = latest.number if latest else 0
        if current != base_number:
            raise StaleWrite(current)
        return Revision.objects.create(
            contribution=contribution,
            number=current + 1,
            text=text,
            author=user,
            created_at=timezone.now(),
        )


def do_submit_contribution(user: User, contribution: Contribution) -> None:
    if not contribution_abilities(user, contribution)["submit"]:
        raise NotAllowed(_("This contribution cannot be submitted by you now."))
    Contribution.objects.filter(pk=contribution.pk).update(
        status=Contribution.Status.SUBMITTED
    )
    contribution.status = Contribution.Status.SUBMITTED


def do_accept_revision(
    user: User, revision: Revision, *, base_version: int
) -> AcceptedInput:
    """Put a revision's text into its section's draft and record that it was used.

    The revision's text is appended after the section's current text. Taking
    individual changes of a proposed revision is issue #4; this records the
    whole revision. The section row is locked and must still be at
    ``base_version``.
    """
    contribution = revision.contribution
    section = contribution.section
    if not contribution_abilities(user, contribution)["accept"]:
        if is_secretariat(membership_of(user)):
            raise DomainError(
                _(
                    "This contribution is %(status)s: only a contribution its body "
                    "has submitted can be accepted."
                )
                % {"status": contribution.get_status_display().lower()}
            )
        raise NotAllowed(_("Only the secretariat can accept contributions."))
    latest = contribution.latest_revision()
    if latest is not None and latest.pk != revision.pk:
        raise DomainError(
            _("Revision %(number)d replaces this one; accept the latest revision.")
            % {"number": latest.number}
        )
    with transaction.atomic():
        locked = Section.objects.select_for_update().get(pk=section.pk)
        if locked.version != base_version:
            raise StaleWrite(locked.version)
        if AcceptedInput.objects.filter(section=locked, revision=revision).exists():
            raise DomainError(_("This revision is already in the draft."))
        locked.text = "\n\n".join(
            part for part in (locked.text.strip(), revision.text.strip()) if part
        )
        locked.version += 1
        locked.status = Section.Status.DRAFTING
        locked.carried_over = False
        locked.save(
            update_fields=["text", "version", "status", "carried_over", "updated_at"]
        )
        Contribution.objects.filter(pk=contribution.pk).update(
            status=Contribution.Status.ACCEPTED
        )
        return AcceptedInput.objects.create(
            section=locked,
            revision=revision,
            accepted_by=user,
            accepted_at=timezone.now(),
        )
