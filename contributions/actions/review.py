"""The secretariat's review: take a contribution's changes into the draft one
by one (accepting, rejecting, editing, resolving conflicts), or return it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit import Verb
from contributions.actions.contributions import (
    add_note,
    locked_at,
    refresh_from,
    set_status,
)
from contributions.actions.trail import record_contribution_act
from contributions.merge import (
    Placement,
    append_block,
    apply,
    new_text_change,
    newlines,
    place,
    place_new_text,
    proposal_changes,
)
from contributions.models import (
    AcceptedInput,
    Contribution,
    ContributionNote,
    Revision,
    membership_of,
)
from drafting.actions import tell_live_editors
from drafting.models import Section
from drafting.provenance import record_text_change
from drafting.sectiontext.clean import clean_text
from reportdesk.abilities import contribution_abilities, is_secretariat
from reportdesk.errors import DomainError, NotAllowed, StaleWrite

if TYPE_CHECKING:
    from django.contrib.auth.models import User

ACCEPT, REJECT, EDIT, RESOLVE = "accept", "reject", "edit", "resolve"
ACTIONS = (ACCEPT, REJECT, EDIT, RESOLVE)


@dataclass(frozen=True)
class Decision:
    action: str
    text: str = ""


@dataclass(frozen=True)
class ReviewPlan:
    """A contribution's latest revision, its changes and where each lands in
    the draft as it stands at ``section_version``."""

    revision: Revision
    section_version: int
    placements: list[Placement]
    new_text: bool

    @property
    def conflicts(self) -> list[Placement]:
        return [placement for placement in self.placements if placement.conflict]


def review_plan(contribution: Contribution, section: Section) -> ReviewPlan:
    """Where each change of the latest revision lands in ``section``'s text.

    Read-only; the review action computes the same plan again under the
    section's lock, so what the reviewer saw is what is applied, or the
    write is refused as stale.
    """
    revision = contribution.latest_revision()
    if revision is None:
        raise DomainError(_("This contribution has no text yet."))
    if contribution.is_proposal:
        changes = proposal_changes(contribution.base_text, revision.text)
        placements = place(contribution.base_text, section.text, changes)
        return ReviewPlan(revision, section.version, placements, new_text=False)
    placement = place_new_text(newlines(section.text), new_text_change(revision.text))
    return ReviewPlan(revision, section.version, [placement], new_text=True)


def _check_reviewable(user: User, contribution: Contribution) -> None:
    if contribution_abilities(user, contribution)["accept"]:
        return
    if not is_secretariat(membership_of(user)):
        raise NotAllowed(_("Only the secretariat can accept contributions."))
    if contribution.status == Contribution.Status.SUBMITTED:
        raise DomainError(
            _(
                "This contribution waits for the sign-off of %(entity)s's "
                "validating authority; it can be accepted once validated."
            )
            % {"entity": contribution.entity.name}
        )
    raise DomainError(
        _(
            "This contribution is %(status)s: only a contribution its body "
            "has submitted can be accepted."
        )
        % {"status": contribution.get_status_display().lower()}
    )


def _edits(
    plan: ReviewPlan, decisions: dict[int, Decision], draft: str
) -> tuple[str, list[dict[str, object]]]:
    """The new draft text and the record of what was done with each change."""
    missing = [
        p.change.number for p in plan.placements if p.change.number not in decisions
    ]
    if missing:
        raise DomainError(
            _("Decide on every change first; still open: %(numbers)s.")
            % {"numbers": ", ".join(str(number) for number in missing)}
        )
    edits: list[tuple[int, int, str]] = []
    record: list[dict[str, object]] = []
    for placement in plan.placements:
        number = placement.change.number
        decision = decisions[number]
        if decision.action not in ACTIONS:
            raise DomainError(
                _("Change %(number)d: choose accept, reject, edit or resolve.")
                % {"number": number}
            )
        text = newlines(clean_text(decision.text)[0])
        if decision.action == ACCEPT:
            if placement.conflict:
                raise DomainError(
                    _(
                        "Change %(number)d cannot be placed in the draft with "
                        "confidence: the draft changed around it. Resolve the "
                        "conflict by writing the text to use, or reject it."
                    )
                    % {"number": number}
                )
            text = placement.change.added
        elif decision.action == EDIT and placement.conflict:
            raise DomainError(
                _("Change %(number)d is a conflict: resolve it with the text to use.")
                % {"number": number}
            )
        elif decision.action == RESOLVE and not placement.conflict:
            raise DomainError(
                _("Change %(number)d is not a conflict: accept, edit or reject it.")
                % {"number": number}
            )
        record.append({"change": number, "action": decision.action, "text": text})
        if decision.action != REJECT:
            edits.append((placement.start, placement.end, text))
    if not edits:
        raise DomainError(
            _(
                "You rejected every change. To tell the entity why, return the "
                "contribution with a comment instead."
            )
        )
    if plan.new_text:
        return append_block(draft, edits[0][2]), record
    try:
        return apply(draft, edits), record
    except ValueError as err:
        raise DomainError(
            _(
                "Two of your decisions touch the same words of the draft. "
                "Resolve one of them with the text for both, and reject the other."
            )
        ) from err


def do_review_contribution(
    user: User,
    contribution: Contribution,
    *,
    base_version: int,
    base_number: int,
    decisions: dict[int, Decision],
) -> AcceptedInput:
    """Take the contribution's changes into the draft as decided, one by one.

    ``decisions`` maps each change number to accept, reject, edit (accept
    with other words) or resolve (for a conflict: the text that replaces the
    draft's words there). Locks the contribution, then the section, which
    must still be at ``base_version`` (what the reviewer saw), and the
    contribution's latest revision must be ``base_number``. Records the
    provenance of the new words and the decisions.
    """
    with transaction.atomic():
        locked = locked_at(contribution, base_number)
        _check_reviewable(user, locked)
        section = Section.objects.select_for_update().get(pk=locked.section_id)
        if section.version != base_version:
            raise StaleWrite(section.version)
        plan = review_plan(locked, section)
        if AcceptedInput.objects.filter(
            section=section, revision=plan.revision
        ).exists():
            raise DomainError(_("This revision is already in the draft."))
        old = section.text
        # Placements are positions in the draft with one-character line ends.
        new, record = _edits(plan, decisions, newlines(old))
        tell_live_editors(section, old=old, new=new)
        section.text = new
        section.version += 1
        section.status = Section.Status.DRAFTING
        section.carried_over = False
        section.save(
            update_fields=["text", "version", "status", "carried_over", "updated_at"]
        )
        record_text_change(section.pk, old, new, revision_id=plan.revision.pk)
        set_status(locked, Contribution.Status.ACCEPTED)
        accepted = AcceptedInput.objects.create(
            section=section,
            revision=plan.revision,
            accepted_by=user,
            accepted_at=timezone.now(),
            decisions=record,
        )
        record_contribution_act(
            user,
            Verb.ACCEPT,
            locked,
            target=plan.revision,
            revision=plan.revision.number,
            section_version=section.version,
            changes=_tally(record),
        )
    refresh_from(contribution, locked)
    return accepted


def _tally(record: list[dict[str, object]]) -> dict[str, int]:
    """How many changes were accepted, edited, resolved and rejected."""
    return dict(Counter(str(entry["action"]) for entry in record))


def do_accept_revision(
    user: User, revision: Revision, *, base_version: int
) -> AcceptedInput:
    """Accept every change of a revision as it stands.

    The revision must be its contribution's latest. Where a change conflicts
    with the draft, nothing is taken and the reviewer is asked to review the
    changes one by one.
    """
    contribution = revision.contribution
    _check_reviewable(user, contribution)
    latest = contribution.latest_revision()
    if latest is not None and latest.pk != revision.pk:
        raise DomainError(
            _("Revision %(number)d replaces this one; accept the latest revision.")
            % {"number": latest.number}
        )
    section = Section.objects.get(pk=contribution.section_id)
    if section.version != base_version:
        raise StaleWrite(section.version)
    plan = review_plan(contribution, section)
    if plan.conflicts:
        raise DomainError(
            _(
                "%(count)d change(s) conflict with the draft as it stands; review "
                "the changes one by one."
            )
            % {"count": len(plan.conflicts)}
        )
    return do_review_contribution(
        user,
        contribution,
        base_version=base_version,
        base_number=revision.number,
        decisions={p.change.number: Decision(ACCEPT) for p in plan.placements},
    )


def do_return_contribution(
    user: User, contribution: Contribution, *, base_number: int, comment: str
) -> Contribution:
    """The secretariat returns the contribution to its entity with a comment.

    Locks the contribution row; refused if a newer revision arrived since.
    """
    if not comment.strip():
        raise DomainError(_("Say why you return it: the entity reads your comment."))
    with transaction.atomic():
        locked = locked_at(contribution, base_number)
        if not contribution_abilities(user, locked)["return"]:
            _check_reviewable(user, locked)
        set_status(locked, Contribution.Status.RETURNED)
        add_note(locked, user, ContributionNote.Kind.RETURNED, comment)
        record_contribution_act(
            user,
            Verb.REJECT,
            locked,
            revision=base_number,
            returned_by="secretariat",
        )
    refresh_from(contribution, locked)
    return locked
