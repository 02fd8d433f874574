"""Writing a contribution, submitting it, and the entity's own sign-off."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit import Verb
from contributions.actions.trail import record_contribution_act
from contributions.diffing import compare
from contributions.merge import newlines
from contributions.models import (
    Contribution,
    ContributionNote,
    Entity,
    InputRequest,
    Revision,
    membership_of,
)
from drafting.models import Section
from reportdesk.abilities import contribution_abilities, section_abilities
from reportdesk.errors import DomainError, NotAllowed, StaleWrite

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from contributions.wordin import WordComment

Status = Contribution.Status

# What a request for input reads as while its contribution is in each status.
REQUEST_STATUS = {
    Status.DRAFT: InputRequest.Status.IN_PROGRESS,
    Status.SUBMITTED: InputRequest.Status.SUBMITTED,
    Status.VALIDATED: InputRequest.Status.VALIDATED,
    Status.RETURNED: InputRequest.Status.RETURNED,
    Status.ACCEPTED: InputRequest.Status.ACCEPTED,
}


def sync_request(contribution: Contribution) -> None:
    """Make the contribution's request for input show where it stands."""
    if contribution.request_id is None:
        return
    InputRequest.objects.filter(pk=contribution.request_id).update(
        status=REQUEST_STATUS[Status(contribution.status)]
    )


def _open_request(section: Section, entity: Entity) -> InputRequest | None:
    return InputRequest.objects.filter(section=section, entity=entity).first()


def do_create_contribution(
    user: User,
    section: Section,
    *,
    text: str,
    title: str = "",
    entity: Entity | None = None,
    kind: str = Contribution.Kind.NEW_TEXT,
    base_version: int | None = None,
    source: str = Revision.Source.BROWSER,
    file_name: str = "",
    warnings: Sequence[str] = (),
    comments: Sequence[WordComment] = (),
) -> Contribution:
    """Open a contribution of the user's entity to a section, with revision 1.

    A proposal (``kind`` PROPOSAL) is the focal point's edited copy of the
    section's text: ``base_version`` is the section version the copy was
    taken from, and must still be current, so the copy is known exactly;
    the section row is locked while it is read. The contribution answers the
    entity's request for input on the section, if there is one.
    """
    if not section_abilities(user, section)["contribute"]:
        raise NotAllowed(_("Only a focal point of a contributing body can do this."))
    membership = membership_of(user)
    if membership is None:  # the ability check above already refused these
        raise NotAllowed(_("Only a focal point of a contributing body can do this."))
    if entity is not None and entity.pk != membership.entity_id:
        raise NotAllowed(_("You can only contribute for your own body."))
    if kind not in Contribution.Kind.values:
        raise DomainError(_("Choose new text or a proposed revision."))
    if not text.strip():
        raise DomainError(_("The contribution is empty; write or paste its text."))
    text = newlines(text)
    with transaction.atomic():
        base_text = ""
        if kind == Contribution.Kind.PROPOSAL:
            locked = Section.objects.select_for_update().get(pk=section.pk)
            if base_version is None:
                raise DomainError(
                    _("Say which version of the section your proposal is based on.")
                )
            if locked.version != base_version:
                raise StaleWrite(locked.version)
            base_text = newlines(locked.text)
            if text.strip() == base_text.strip():
                raise DomainError(
                    _(
                        "Your proposal reads exactly like the section's text; "
                        "change something before saving it."
                    )
                )
        contribution = Contribution.objects.create(
            section=section,
            entity=membership.entity,
            title=title,
            kind=kind,
            base_text=base_text,
            base_section_version=(
                base_version if kind == Contribution.Kind.PROPOSAL else None
            ),
            request=_open_request(section, membership.entity),
            created_by=user,
        )
        revision = Revision.objects.create(
            contribution=contribution,
            number=1,
            text=text,
            author=user,
            created_at=timezone.now(),
            source=source,
            file_name=file_name[:255],
            warnings=list(warnings),
        )
        _keep_comments(contribution, revision, comments)
        sync_request(contribution)
        record_contribution_act(
            user,
            Verb.CREATE,
            contribution,
            kind=kind,
            **_provenance(revision),
        )
    if contribution.is_proposal:
        # Computed once, on save, so the review page reads it back.
        compare(base_text, text)
    return contribution


def do_add_revision(
    user: User,
    contribution: Contribution,
    *,
    text: str,
    base_number: int,
    source: str = Revision.Source.BROWSER,
    file_name: str = "",
    warnings: Sequence[str] = (),
    comments: Sequence[WordComment] = (),
) -> Revision:
    """Save a new revision on top of revision ``base_number``.

    Locks the contribution row so two saves based on the same revision cannot
    both land; the second is refused as stale.
    """
    if not text.strip():
        raise DomainError(_("The revision is empty; write or paste its text."))
    text = newlines(text)
    with transaction.atomic():
        locked = Contribution.objects.select_for_update().get(pk=contribution.pk)
        if not contribution_abilities(user, locked)["revise"]:
            raise NotAllowed(_("This contribution cannot be revised by you now."))
        latest = locked.revisions.order_by("-number").first()
        current = latest.number if latest else 0
        if current != base_number:
            raise StaleWrite(current)
        revision = Revision.objects.create(
            contribution=locked,
            number=current + 1,
            text=text,
            author=user,
            created_at=timezone.now(),
            source=source,
            file_name=file_name[:255],
            warnings=list(warnings),
        )
        _keep_comments(locked, revision, comments)
        record_contribution_act(
            user, Verb.REVISE, locked, target=revision, **_provenance(revision)
        )
    if latest is not None:
        compare(latest.text, text)
    if locked.is_proposal:
        compare(locked.base_text, text)
    return revision


def _provenance(revision: Revision) -> dict[str, Any]:
    """What the trail keeps of a revision: its number and where it came from."""
    details: dict[str, Any] = {
        "revision": revision.number,
        "source": revision.source,
    }
    if revision.file_name:
        details["file_name"] = revision.file_name
    return details


def _keep_comments(
    contribution: Contribution, revision: Revision, comments: Sequence[WordComment]
) -> None:
    now = timezone.now()
    ContributionNote.objects.bulk_create(
        ContributionNote(
            contribution=contribution,
            revision=revision,
            kind=ContributionNote.Kind.WORD_COMMENT,
            author_name=comment.author[:200],
            anchor=comment.anchor,
            text=comment.text,
            created_at=now,
        )
        for comment in comments
    )


def locked_at(contribution: Contribution, base_number: int) -> Contribution:
    """The contribution row, locked, if its latest revision is ``base_number``."""
    locked = (
        Contribution.objects.select_for_update()
        .select_related("entity")
        .get(pk=contribution.pk)
    )
    latest = locked.revisions.order_by("-number").values_list("number", flat=True)
    current = latest.first() or 0
    if current != base_number:
        raise StaleWrite(current)
    return locked


def set_status(contribution: Contribution, status: str, **fields: object) -> None:
    contribution.status = status
    contribution.version += 1
    for name, value in fields.items():
        setattr(contribution, name, value)
    contribution.save(update_fields=["status", "version", *fields])
    sync_request(contribution)


def do_submit_contribution(
    user: User, contribution: Contribution, *, base_number: int
) -> Contribution:
    """Send revision ``base_number`` on: to the entity's validating authority
    if it has one, otherwise straight to the secretariat.

    Locks the contribution row; a submission based on an older revision than
    the latest is refused, so nobody sends text they have not seen.
    """
    with transaction.atomic():
        locked = locked_at(contribution, base_number)
        if not contribution_abilities(user, locked)["submit"]:
            raise NotAllowed(_("This contribution cannot be submitted by you now."))
        set_status(
            locked,
            Status.SUBMITTED,
            validated_by=None,
            validated_at=None,
            validated_number=None,
        )
        record_contribution_act(user, Verb.SUBMIT, locked, revision=base_number)
    refresh_from(contribution, locked)
    return locked


def do_validate_contribution(
    user: User, contribution: Contribution, *, base_number: int, note: str = ""
) -> Contribution:
    """The entity's validating authority signs off revision ``base_number``;
    from now on the secretariat sees it. Locks the contribution row."""
    with transaction.atomic():
        locked = locked_at(contribution, base_number)
        if not contribution_abilities(user, locked)["validate"]:
            raise NotAllowed(
                _(
                    "Only the validating authority of %(entity)s can sign off a "
                    "contribution it has submitted."
                )
                % {"entity": locked.entity.name}
            )
        set_status(
            locked,
            Status.VALIDATED,
            validated_by=user,
            validated_at=timezone.now(),
            validated_number=base_number,
        )
        if note.strip():
            add_note(locked, user, ContributionNote.Kind.VALIDATED, note)
        record_contribution_act(user, Verb.SIGN_OFF, locked, revision=base_number)
    refresh_from(contribution, locked)
    return locked


def do_send_back_contribution(
    user: User, contribution: Contribution, *, base_number: int, comment: str
) -> Contribution:
    """The validating authority sends the contribution back to its focal
    points with a comment, instead of signing it off. Locks the row."""
    if not comment.strip():
        raise DomainError(_("Say what should change before sending it back."))
    with transaction.atomic():
        locked = locked_at(contribution, base_number)
        if not contribution_abilities(user, locked)["send_back"]:
            raise NotAllowed(
                _(
                    "Only the validating authority of %(entity)s can send this "
                    "contribution back."
                )
                % {"entity": locked.entity.name}
            )
        set_status(locked, Status.RETURNED)
        add_note(locked, user, ContributionNote.Kind.SENT_BACK, comment)
        record_contribution_act(
            user,
            Verb.REJECT,
            locked,
            revision=base_number,
            returned_by="validating_authority",
        )
    refresh_from(contribution, locked)
    return locked


def add_note(contribution: Contribution, user: User, kind: str, text: str) -> None:
    ContributionNote.objects.create(
        contribution=contribution,
        revision=contribution.latest_revision(),
        kind=kind,
        author=user,
        author_name=user.get_full_name() or user.get_username(),
        text=text.strip(),
        created_at=timezone.now(),
    )


def refresh_from(stale: Contribution, fresh: Contribution) -> None:
    """Let the caller's object show the new state (views render it next)."""
    for name in ("status", "version", "validated_by_id", "validated_at"):
        setattr(stale, name, getattr(fresh, name))
