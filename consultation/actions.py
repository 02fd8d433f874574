"""Operations on consultation rounds: opening, inviting, closing.

Commenting, uploading and deciding are in ``consultation.reviewing``. Every
action checks ``reportdesk.abilities.consultation`` first and raises a
``DomainError`` a person can act on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from audit import Verb
from consultation import clock, mail
from consultation.models import Invitation, Participant, Round
from consultation.trail import record_round_act
from contributions.models import Entity, Membership, membership_of
from drafting.actions import do_freeze_version
from drafting.models import Report, ReportVersion
from reportdesk.abilities.consultation import (
    CONSULTED_KINDS,
    can_run_consultations,
    consulted_entity,
    round_abilities,
)
from reportdesk.errors import DomainError, NotAllowed

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

logger = logging.getLogger(__name__)
security_log = logging.getLogger("security")

INVITATION_DAYS = 14


def _require_secretariat(user: User, report: Report) -> None:
    if not can_run_consultations(user, report):
        raise NotAllowed(_("Only the secretariat runs consultation rounds."))


@transaction.atomic
def do_open_round(
    user: User,
    report: Report,
    *,
    title: str,
    opens_at: dt.datetime,
    closes_at: dt.datetime,
    sections: Iterable[int] = (),
    organisations: Iterable[Entity] = (),
    public_link: bool = False,
    reviewers_see_each_other: bool = False,
    version: ReportVersion | None = None,
) -> Round:
    """Open a round on a frozen version of the report, or some of its sections.

    Without ``version`` the report's current text is frozen now (labelled
    with the round's title). ``sections`` are ids of the version's sections;
    none means the whole version.
    """
    _require_secretariat(user, report)
    title = title.strip()
    if not title:
        raise DomainError(_("Give the round a title, such as “Draft for comment”."))
    if closes_at <= opens_at:
        raise DomainError(_("The round must close after it opens."))
    if closes_at <= clock.now():
        raise DomainError(_("The closing date has passed; choose a later one."))
    if version is None:
        version = do_freeze_version(user, report, label=title)
    elif version.report_id != report.pk:
        raise DomainError(_("That version belongs to another report."))
    chosen = sorted(set(sections))
    known = {s["id"] for s in version.snapshot["sections"]}
    unknown = [pk for pk in chosen if pk not in known]
    if unknown:
        raise DomainError(
            _("These sections are not in the frozen version: %(ids)s.")
            % {"ids": ", ".join(map(str, unknown))}
        )
    round = Round.objects.create(
        report=report,
        version=version,
        title=title[:200],
        shared_sections=chosen,
        opens_at=opens_at,
        closes_at=closes_at,
        reviewers_see_each_other=reviewers_see_each_other,
        public_token=secrets.token_urlsafe(24) if public_link else "",
        created_by=user,
        created_at=clock.now(),
    )
    record_round_act(
        user,
        Verb.CREATE,
        round,
        version=version.number,
        sections=chosen,
        public_link=bool(round.public_token),
        closes_at=closes_at,
    )
    for entity in organisations:
        _participant(user, round, entity)
    logger.info("opened consultation round %s on %s", round.pk, report.slug)
    return round


def _participant(user: User, round: Round, entity: Entity) -> Participant:
    """The organisation's place in the round; letting a new organisation in
    is recorded as a change of who may read the round."""
    if entity.kind not in CONSULTED_KINDS:
        raise DomainError(
            _(
                "%(name)s is not a national human rights institution or a "
                "civil-society organisation; only those are consulted."
            )
            % {"name": entity.name}
        )
    participant, created = Participant.objects.get_or_create(round=round, entity=entity)
    if created:
        record_round_act(
            user, Verb.PERMISSION_CHANGE, round, entity=entity, change="invited"
        )
    return participant


def do_update_round(
    user: User,
    round: Round,
    *,
    closes_at: dt.datetime | None = None,
    reviewers_see_each_other: bool | None = None,
    public_link: bool | None = None,
) -> Round:
    """Change a round that has not closed: its closing date, whether reviewers
    see each other's comments, whether it has a public link.

    Locks the round row, so a change cannot race the round closing.
    """
    _require_secretariat(user, round.report)
    with transaction.atomic():
        locked = Round.objects.select_for_update().get(pk=round.pk)
        if locked.has_closed():
            raise DomainError(_("This round has closed; open a new round instead."))
        if closes_at is not None:
            if closes_at <= max(locked.opens_at, clock.now()):
                raise DomainError(
                    _("The round must close after it opens, and later than now.")
                )
            locked.closes_at = closes_at
        if reviewers_see_each_other is not None:
            locked.reviewers_see_each_other = reviewers_see_each_other
        if public_link is True and not locked.public_token:
            locked.public_token = secrets.token_urlsafe(24)
        elif public_link is False:
            locked.public_token = ""
        locked.save()
        record_round_act(
            user,
            Verb.EDIT,
            locked,
            closes_at=locked.closes_at,
            reviewers_see_each_other=locked.reviewers_see_each_other,
            public_link=bool(locked.public_token),
        )
    return locked


def do_close_round(user: User, round: Round) -> Round:
    """Close the round now; from this moment nobody can add to it."""
    _require_secretariat(user, round.report)
    with transaction.atomic():
        locked = Round.objects.select_for_update().get(pk=round.pk)
        if locked.has_closed():
            raise DomainError(_("This round is closed already."))
        now = clock.now()
        locked.closes_at = now
        locked.opens_at = min(locked.opens_at, now)
        locked.save(update_fields=["closes_at", "opens_at"])
        record_round_act(user, Verb.EDIT, locked, closed=True)
    logger.info("closed consultation round %s", round.pk)
    return locked


def do_add_organisation(user: User, round: Round, entity: Entity) -> Participant:
    """Invite one more organisation without e-mailing anyone (its reviewers
    have accounts already). Locks the round row against its closing."""
    _require_secretariat(user, round.report)
    with transaction.atomic():
        return _participant(user, _lock_unclosed(round), entity)


def _lock_unclosed(round: Round) -> Round:
    locked = Round.objects.select_for_update().get(pk=round.pk)
    if locked.has_closed():
        raise DomainError(_("This round has closed; nobody can be added to it."))
    return locked


def do_set_anonymous(user: User, round: Round, *, anonymous: bool) -> Participant:
    """An invited organisation asks (or stops asking) not to be named in the
    record. Its comments and submissions in the round follow."""
    if not round_abilities(user, round)["set_anonymous"]:
        raise NotAllowed(
            _("Only an invited organisation can ask this, while the round is open.")
        )
    entity = consulted_entity(user)
    with transaction.atomic():
        participant = Participant.objects.select_for_update().get(
            round=round, entity=entity
        )
        participant.anonymous = anonymous
        participant.save(update_fields=["anonymous"])
        round.comments.filter(entity=entity).update(anonymous=anonymous)
        round.submissions.filter(entity=entity).update(anonymous=anonymous)
        record_round_act(user, Verb.EDIT, round, entity=entity, anonymous=anonymous)
    return participant


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_path(token: str) -> str:
    return reverse("consultation-invitation", args=[token])


def do_invite(
    user: User,
    round: Round,
    *,
    email: str,
    site: str,
    entity: Entity | None = None,
    organisation_name: str = "",
    kind: str = Entity.Kind.CSO,
) -> tuple[Invitation, str]:
    """Invite an organisation (an existing entity, or a new one by name) and
    e-mail one of its people a link to create an account.

    Returns the invitation and its token; only the token's hash is stored.
    ``site`` is the address the link starts with, such as
    ``https://reportdesk.example``.
    """
    _require_secretariat(user, round.report)
    email = email.strip()
    if "@" not in email:
        raise DomainError(_("Give the e-mail address the invitation goes to."))
    with transaction.atomic():
        _lock_unclosed(round)
        if entity is None:
            entity = _organisation(organisation_name, kind)
        participant = _participant(user, round, entity)
        token = secrets.token_urlsafe(32)
        now = clock.now()
        invitation = Invitation.objects.create(
            participant=participant,
            email=email,
            token_hash=token_hash(token),
            created_by=user,
            created_at=now,
            expires_at=now + dt.timedelta(days=INVITATION_DAYS),
        )
        record_round_act(
            user,
            Verb.INVITE,
            round,
            target=invitation,
            entity=entity,
            email=email,
            expires_at=invitation.expires_at,
        )
        subject, body = mail.invitation_mail(invitation, site + invitation_path(token))
        mail.send_after_commit(subject, body, email)
    logger.info("invited entity %s to consultation round %s", entity.pk, round.pk)
    return invitation, token


def _organisation(name: str, kind: str) -> Entity:
    name = " ".join(name.split())
    if not name:
        raise DomainError(_("Choose an organisation or give the name of a new one."))
    if kind not in CONSULTED_KINDS:
        raise DomainError(
            _("A new organisation is either the NHRI or a civil-society organisation.")
        )
    entity, created = Entity.objects.get_or_create(
        name=name[:200], defaults={"kind": kind}
    )
    if not created and entity.kind not in CONSULTED_KINDS:
        raise DomainError(
            _(
                "%(name)s is a government body; it cannot be consulted as an organisation."
            )
            % {"name": entity.name}
        )
    return entity


def access_invitation(token: str) -> Invitation:
    """The invitation a link stands for, if it can still be used."""
    invitation = (
        Invitation.objects.select_related("participant__entity", "participant__round")
        .filter(token_hash=token_hash(token))
        .first()
    )
    if invitation is None or invitation.used_at is not None:
        security_log.warning("unusable invitation link presented")
        raise DomainError(
            _(
                "This invitation link has been used already or does not exist. "
                "Sign in if you have an account, or ask the secretariat for a new link."
            )
        )
    if invitation.expires_at <= clock.now():
        raise DomainError(
            _("This invitation link has expired; ask the secretariat for a new one.")
        )
    return invitation


def do_accept_invitation(
    token: str,
    *,
    user: User | AnonymousUser | None = None,
    username: str = "",
    password: str = "",
    full_name: str = "",
) -> User:
    """Use an invitation link: create the person's account in the invited
    organisation, or (when ``user`` is signed in already) confirm that they
    belong to it. The link works once: its row is locked and marked used.
    """
    invitation = access_invitation(token)
    entity = invitation.participant.entity
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.used_at is not None:
            raise DomainError(_("This invitation link has been used already."))
        if user is not None and user.is_authenticated:
            person = _existing_member(user, entity)
        else:
            person = _new_reviewer(entity, username, password, full_name, locked.email)
        locked.used_at = clock.now()
        locked.used_by = person
        locked.save(update_fields=["used_at", "used_by"])
        record_round_act(
            person,
            Verb.JOIN,
            invitation.participant.round,
            target=locked,
            entity=entity,
            new_account=person is not user,
        )
    security_log.info("invitation %s used by user %s", invitation.pk, person.pk)
    return person


def _existing_member(user: User, entity: Entity) -> User:
    membership = membership_of(user)
    if membership is None:
        Membership.objects.create(
            user=user, entity=entity, role=Membership.Role.REVIEWER
        )
        return user
    if membership.entity_id != entity.pk or membership.role != Membership.Role.REVIEWER:
        raise NotAllowed(
            _(
                "You are signed in for %(other)s. Sign out, then open the link again "
                "to create an account for %(name)s."
            )
            % {"other": membership.entity.name, "name": entity.name}
        )
    return user


def _new_reviewer(
    entity: Entity, username: str, password: str, full_name: str, email: str
) -> User:
    username = username.strip()
    if not username or len(username) > 150:
        raise DomainError(_("Choose a user name of at most 150 characters."))
    people = get_user_model()
    if people.objects.filter(username__iexact=username).exists():
        raise DomainError(_("That user name is taken; choose another."))
    first, _space, last = " ".join(full_name.split()).partition(" ")
    candidate = people(
        username=username, email=email, first_name=first[:150], last_name=last[:150]
    )
    try:
        password_validation.validate_password(password, candidate)
    except ValidationError as err:
        raise DomainError(" ".join(err.messages)) from err
    candidate.set_password(password)
    try:
        with transaction.atomic():
            candidate.save()
    except IntegrityError as err:
        raise DomainError(_("That user name is taken; choose another.")) from err
    Membership.objects.create(
        user=candidate, entity=entity, role=Membership.Role.REVIEWER
    )
    return candidate
