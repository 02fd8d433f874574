"""What reviewers do in a round (comment, propose wording, upload) and what
the secretariat does with it (decide, tell the authors).

Whether a round is open is read from its dates under the round's row lock,
in the same transaction as the write, so nothing lands after it closes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from audit import Verb
from consultation import clock, mail
from consultation.anchoring import (
    CONTEXT,
    SectionText,
    find_passage,
    normalise,
    number_sections,
)
from consultation.models import Comment, Decision, Participant, Round, Submission
from consultation.trail import record_round_act
from consultation.uploads import check_submission
from contributions.models import Revision
from drafting.models import Section
from reportdesk.abilities.consultation import (
    comment_abilities,
    consulted_entity,
    round_abilities,
)
from reportdesk.errors import DomainError, NotAllowed

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django.core.files.uploadedfile import UploadedFile

logger = logging.getLogger(__name__)
security_log = logging.getLogger("security")

MAX_QUOTE = 2000
MAX_COMMENT = 10_000
# Through the public link, per address and round: enough for a careful
# reader, too few to flood the record.
PUBLIC_COMMENTS_PER_HOUR = 10


@dataclass(frozen=True)
class Passage:
    quote: str
    prefix: str
    suffix: str
    offset: int | None
    paragraph: int | None


def frozen_texts(round: Round) -> dict[int, SectionText]:
    """The round's frozen sections as plain text, numbered as in the version."""
    return number_sections(
        (s["id"], s["text"], bool(s.get("annex")))
        for s in round.version.snapshot["sections"]
    )


def locate_in_round(round: Round, section_id: int, quote: str) -> Passage:
    """Where a reviewer's quoted passage stands in the frozen section.

    The stored passage is the frozen text itself, not what was typed, so that
    small slips (a footnote mark, a doubled space) do not follow it around.
    """
    texts = frozen_texts(round)
    frozen = texts[section_id]
    quote = normalise(quote)[:MAX_QUOTE]
    if not quote:
        return Passage("", "", "", None, None)
    found = find_passage(frozen.text, quote)
    if found is None:
        raise DomainError(
            _(
                "The passage you quoted is not in this section of the shared "
                "text. Select it again, or copy it exactly."
            )
        )
    text = frozen.text
    return Passage(
        quote=text[found.start : found.end],
        prefix=text[max(0, found.start - CONTEXT) : found.start],
        suffix=text[found.end : found.end + CONTEXT],
        offset=found.start,
        paragraph=frozen.paragraph_at(found.start),
    )


def _shared_section(round: Round, section_id: int) -> dict:
    for section in round.shared_snapshot():
        if section["id"] == section_id:
            return section
    raise DomainError(
        _("That section is not part of this round; choose one it shares.")
    )


def _check_words(body: str, proposed_wording: str) -> tuple[str, str]:
    body, proposed_wording = body.strip(), proposed_wording.strip()
    if not body and not proposed_wording:
        raise DomainError(_("Write a comment or propose wording; both are empty."))
    if len(body) > MAX_COMMENT or len(proposed_wording) > MAX_COMMENT:
        raise DomainError(
            _(
                "A comment can be at most %(count)d characters; upload a "
                "written submission for more."
            )
            % {"count": MAX_COMMENT}
        )
    return body, proposed_wording


def _lock_open(round: Round) -> Round:
    locked = Round.objects.select_for_update().get(pk=round.pk)
    if not locked.is_open():
        raise DomainError(_("This round is closed; nothing more can be added to it."))
    return locked


def do_comment(
    user: User,
    round: Round,
    *,
    section_id: int,
    quote: str = "",
    body: str = "",
    proposed_wording: str = "",
) -> Comment:
    """Comment for one's organisation on a passage (``quote``) or, without
    one, on the whole section; ``proposed_wording`` is alternative text.

    Locks the round row, so the comment cannot land after the round closed.
    """
    if not round_abilities(user, round)["comment"] or consulted_entity(user) is None:
        raise NotAllowed(
            _("Only invited organisations can comment, while the round is open.")
        )
    entity = consulted_entity(user)
    heading = _shared_section(round, section_id)["heading"]
    body, proposed_wording = _check_words(body, proposed_wording)
    passage = locate_in_round(round, section_id, quote)
    with transaction.atomic():
        locked = _lock_open(round)
        anonymous = Participant.objects.filter(
            round=locked, entity=entity, anonymous=True
        ).exists()
        comment = _create_comment(
            locked,
            section_id,
            heading,
            passage,
            body=body,
            proposed_wording=proposed_wording,
            entity=entity,
            author=user,
            anonymous=anonymous,
        )
        record_round_act(
            user, Verb.CREATE, round, target=comment, entity=entity, section=section_id
        )
    return comment


def _create_comment(
    round: Round, section_id: int, heading: str, passage: Passage, **fields: object
) -> Comment:
    return Comment.objects.create(
        round=round,
        snapshot_section=section_id,
        section=Section.objects.filter(
            pk=section_id, report_id=round.report_id
        ).first(),
        section_heading=heading[:500],
        quote=passage.quote,
        quote_prefix=passage.prefix,
        quote_suffix=passage.suffix,
        quote_offset=passage.offset,
        paragraph=passage.paragraph,
        created_at=clock.now(),
        **fields,
    )


def source_key(address: str) -> str:
    """A keyed hash of a client address, for counting without keeping it."""
    return hmac.new(
        settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256
    ).hexdigest()


def do_public_comment(
    round: Round,
    public_token: str,
    *,
    address: str,
    section_id: int,
    name: str,
    organisation: str,
    quote: str = "",
    body: str = "",
    proposed_wording: str = "",
    anonymous: bool = False,
    user: User | AnonymousUser | None = None,
) -> Comment:
    """Comment through a round's public link, with a name and an organisation.

    At most ``PUBLIC_COMMENTS_PER_HOUR`` per client address and round; the
    count is taken under the round's row lock, so parallel posts cannot
    overrun it.
    """
    who = user if user is not None else AnonymousUser()
    if not round_abilities(who, round, public_token=public_token)["comment"]:
        raise NotAllowed(
            _("This link does not let you comment, or the round is closed.")
        )
    name, organisation = " ".join(name.split()), " ".join(organisation.split())
    if not name or not organisation:
        raise DomainError(_("Give your name and your organisation (or “individual”)."))
    heading = _shared_section(round, section_id)["heading"]
    body, proposed_wording = _check_words(body, proposed_wording)
    passage = locate_in_round(round, section_id, quote)
    key = source_key(address)
    with transaction.atomic():
        locked = _lock_open(round)
        recent = Comment.objects.filter(
            round=locked,
            source_key=key,
            created_at__gt=clock.now() - dt.timedelta(hours=1),
        ).count()
        if recent >= PUBLIC_COMMENTS_PER_HOUR:
            security_log.warning("public comments rate-limited on round %s", round.pk)
            raise DomainError(
                _(
                    "You have sent many comments in the last hour; wait a while and send the rest."
                )
            )
        comment = _create_comment(
            locked,
            section_id,
            heading,
            passage,
            body=body,
            proposed_wording=proposed_wording,
            public_name=name[:200],
            public_organisation=organisation[:200],
            anonymous=anonymous,
            source_key=key,
        )
        record_round_act(
            who, Verb.CREATE, round, target=comment, public=True, section=section_id
        )
    return comment


def do_upload_submission(
    user: User, round: Round, *, upload: UploadedFile, title: str = ""
) -> Submission:
    """Store a written submission of the user's organisation.

    The file is checked and stored before the transaction (it can be
    large); the round row is locked only for writing the row, so nothing is
    stored after the round closed.
    """
    if not round_abilities(user, round)["upload"]:
        raise NotAllowed(
            _("Only invited organisations can upload, while the round is open.")
        )
    entity = consulted_entity(user)
    checked = check_submission(upload)
    submission = Submission(
        entity=entity,
        uploaded_by=user,
        file_type=checked.file_type,
        original_name=checked.original_name,
        size=len(checked.content),
        sha256=checked.sha256,
        title=title.strip()[:200],
    )
    # Writing the file is slow: done before the lock, and removed again if
    # the row cannot be written.
    submission.file.save("upload", ContentFile(checked.content), save=False)
    try:
        with transaction.atomic():
            locked = _lock_open(round)
            submission.round = locked
            submission.anonymous = Participant.objects.filter(
                round=locked, entity=entity, anonymous=True
            ).exists()
            submission.created_at = clock.now()
            submission.save()
            record_round_act(
                user,
                Verb.CREATE,
                round,
                target=submission,
                entity=entity,
                sha256=submission.sha256,
                size=submission.size,
            )
    except Exception:
        submission.file.delete(save=False)
        raise
    logger.info("stored submission %s for round %s", submission.pk, round.pk)
    return submission


def do_decide(
    user: User,
    comment: Comment,
    *,
    decision: str,
    reason: str,
    carried_in_section: Section | None = None,
    carried_in_version: int | None = None,
    carried_in_revision: Revision | None = None,
) -> Comment:
    """Record the secretariat's decision on a comment, with its reason, and
    optionally the change in the draft that carried it out.

    Locks the comment row: two people deciding at once leave one decision,
    the later one, whole.
    """
    if not comment_abilities(user, comment)["decide"]:
        raise NotAllowed(_("Only the secretariat decides on comments."))
    if decision not in Decision.values:
        raise DomainError(
            _("Choose a decision: %(choices)s.")
            % {"choices": ", ".join(Decision.values)}
        )
    reason = reason.strip()
    if not reason:
        raise DomainError(_("Give the reason for the decision; the record shows it."))
    report_id = comment.round.report_id
    if carried_in_section is not None:
        if carried_in_section.report_id != report_id:
            raise DomainError(_("That section belongs to another report."))
        if carried_in_version is not None and not (
            1 <= carried_in_version <= carried_in_section.version
        ):
            raise DomainError(
                _("Section version %(version)d does not exist; it is at %(current)d.")
                % {"version": carried_in_version, "current": carried_in_section.version}
            )
    elif carried_in_version is not None:
        raise DomainError(_("Say which section the version belongs to."))
    if (
        carried_in_revision is not None
        and carried_in_revision.contribution.section.report_id != report_id
    ):
        raise DomainError(_("That contribution belongs to another report."))
    with transaction.atomic():
        locked = Comment.objects.select_for_update().get(pk=comment.pk)
        previous = locked.decision
        locked.decision = decision
        locked.reason = reason
        locked.decided_by = user
        locked.decided_at = clock.now()
        locked.carried_in_section = carried_in_section
        locked.carried_in_version = carried_in_version if carried_in_section else None
        locked.carried_in_revision = carried_in_revision
        # A changed decision is news for the author again.
        locked.author_told_at = None
        locked.save()
        record_round_act(
            user,
            Verb.DECIDE_COMMENT,
            comment.round,
            target=locked,
            decision=decision,
            previous=previous,
        )
    return locked


def do_tell_authors(user: User, round: Round, *, site: str) -> int:
    """E-mail each author the decisions on their comments not yet told.

    One e-mail per person, listing their newly decided comments; returns how
    many e-mails go out. Comments through the public link carry no address
    and are not e-mailed.
    """
    if not round_abilities(user, round)["decide"]:
        raise NotAllowed(_("Only the secretariat tells authors of decisions."))
    link = site + reverse("consultation-my-comments")
    with transaction.atomic():
        pending = list(
            Comment.objects.select_for_update()
            .filter(round=round, author_told_at__isnull=True, author__isnull=False)
            .exclude(decision="")
            .select_related("author", "round")
            .order_by("author_id", "created_at", "id")
        )
        by_author: dict[int, list[Comment]] = {}
        for comment in pending:
            by_author.setdefault(comment.author_id, []).append(comment)  # type: ignore[arg-type]
        sent = 0
        for comments in by_author.values():
            address = comments[0].author.email  # type: ignore[union-attr]
            if address:
                subject, body = mail.decisions_mail(comments, link)
                mail.send_after_commit(subject, body, address)
                sent += 1
        Comment.objects.filter(pk__in=[c.pk for c in pending]).update(
            author_told_at=clock.now()
        )
        record_round_act(
            user, Verb.EDIT, round, told_authors=sent, comments=len(pending)
        )
    return sent
