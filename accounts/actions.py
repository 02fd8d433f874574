"""Operations on accounts: the second factor, the sign-in rules, inviting,
joining and deactivating people. Views call these."""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts import tokens, totp
from accounts.models import SecondFactor, SignInPolicy
from audit import Verb, record
from contributions.models import Entity, Membership, membership_of
from reportdesk.abilities.audit import people_abilities
from reportdesk.errors import DomainError, NotAllowed

if TYPE_CHECKING:
    from django.contrib.auth.models import User

logger = logging.getLogger(__name__)

INVITATION = "invite-person"
INVITATION_DAYS = 7
# Government staff only: reviewers join through a consultation round.
INVITABLE_ROLES = (
    Membership.Role.COORDINATOR,
    Membership.Role.DRAFTER,
    Membership.Role.FOCAL_POINT,
    Membership.Role.VALIDATOR,
)


def second_factor_required(user: Any) -> bool:
    """Whether the sign-in rules require this person to use a second factor."""
    membership = membership_of(user)
    if membership is None or not (
        membership.is_secretariat or membership.role == Membership.Role.VALIDATOR
    ):
        return False
    # Read, not get_or_create: this runs on every request of these people.
    policy = SignInPolicy.objects.filter(pk=1).first() or SignInPolicy()
    if membership.is_secretariat:
        return policy.require_second_factor_secretariat
    return policy.require_second_factor_validators


def confirmed_factor(user: Any) -> SecondFactor | None:
    return SecondFactor.objects.filter(user=user, confirmed_at__isnull=False).first()


def do_enrol_second_factor(user: User, *, secret: str, code: str) -> SecondFactor:
    """Keep ``secret`` as the person's second factor once ``code`` proves their
    app holds it. Replaces an earlier one."""
    step = totp.matching_step(secret, code, timezone.now().timestamp())
    if step is None:
        raise DomainError(
            _(
                "That code does not match. Check that your phone's clock is right "
                "and type the six digits shown now."
            )
        )
    with transaction.atomic():
        factor, _created = SecondFactor.objects.update_or_create(
            user=user,
            defaults={
                "secret": secret,
                "confirmed_at": timezone.now(),
                "last_step": step,
            },
        )
        record(user, Verb.SECOND_FACTOR, target=user, details={"change": "set up"})
    return factor


def check_second_factor(user: User, code: str, *, at: float | None = None) -> bool:
    """Whether ``code`` is the person's current code, used for the first time.

    Locks the person's factor row, so the same code sent twice at once is
    taken once.
    """
    at = timezone.now().timestamp() if at is None else at
    with transaction.atomic():
        factor = (
            SecondFactor.objects.select_for_update()
            .filter(user=user, confirmed_at__isnull=False)
            .first()
        )
        if factor is None:
            return False
        step = totp.matching_step(factor.secret, code, at)
        if step is None or step <= factor.last_step:
            return False
        factor.last_step = step
        factor.save(update_fields=["last_step"])
    return True


def do_set_policy(user: User, *, secretariat: bool, validators: bool) -> SignInPolicy:
    if not people_abilities(user)["set_policy"]:
        raise NotAllowed(_("Only the secretariat coordinator sets the sign-in rules."))
    with transaction.atomic():
        policy = SignInPolicy.objects.select_for_update().get(
            pk=SignInPolicy.current().pk
        )
        before = {
            "secretariat": policy.require_second_factor_secretariat,
            "validators": policy.require_second_factor_validators,
        }
        policy.require_second_factor_secretariat = secretariat
        policy.require_second_factor_validators = validators
        policy.updated_at = timezone.now()
        policy.updated_by = user
        policy.save()
        record(
            user,
            Verb.POLICY_CHANGE,
            target=policy,
            details={
                "before": before,
                "after": {"secretariat": secretariat, "validators": validators},
            },
        )
    return policy


def do_invite_person(
    user: User, *, email: str, name: str, entity: Entity, role: str, link: str
) -> str:
    """Send a one-time link that lets a government official join ``entity``
    with ``role``. ``link`` is the absolute address with ``{token}`` in it.
    Returns the token (the link expires in INVITATION_DAYS days)."""
    if not people_abilities(user)["invite"]:
        raise NotAllowed(_("Only the secretariat coordinator invites people."))
    if not entity.is_government:
        raise DomainError(
            _(
                "Reviewers from the NHRI and civil society are invited to a "
                "consultation round, not here."
            )
        )
    if role not in INVITABLE_ROLES:
        raise DomainError(_("Choose a role for government staff."))
    if role in {Membership.Role.COORDINATOR, Membership.Role.DRAFTER} and (
        entity.kind != Entity.Kind.SECRETARIAT
    ):
        raise DomainError(_("Coordinators and drafters belong to the secretariat."))
    if get_user_model().objects.filter(email__iexact=email).exists():
        raise DomainError(_("Someone with this e-mail address has an account already."))
    token = tokens.make(
        INVITATION,
        {"email": email, "name": name, "entity": entity.pk, "role": role},
    )
    with transaction.atomic():
        record(
            user,
            Verb.INVITE,
            target=entity,
            entity=entity,
            details={"email": email, "role": role},
        )
        message = gettext(
            "%(inviter)s invites you to draft reports in Reportdesk for "
            "%(entity)s.\n\nChoose your user name and password here; the link "
            "works once, for %(days)s days:\n\n%(link)s\n"
        ) % {
            "inviter": user.get_full_name() or user.get_username(),
            "entity": entity.name,
            "days": INVITATION_DAYS,
            "link": link.replace("{token}", token),
        }
        transaction.on_commit(
            lambda: send_mail(
                gettext("Your invitation to Reportdesk"),
                message,
                settings.DEFAULT_FROM_EMAIL,
                [email],
            )
        )
    return token


def read_invitation(token: str) -> dict[str, Any]:
    payload = tokens.read(token, INVITATION, max_age=_invitation_age())
    entity = Entity.objects.filter(pk=payload["entity"]).first()
    if entity is None:
        raise DomainError(_("The entity of this invitation no longer exists."))
    return {**payload, "entity": entity}


def do_accept_invitation(token: str, *, username: str, password: str) -> User:
    """Create the invited person's account and membership; the link is spent."""
    invitation = read_invitation(token)
    people = get_user_model()
    if people.objects.filter(username__iexact=username).exists():
        raise DomainError(_("This user name is taken; choose another."))
    first, _space, last = invitation["name"].strip().partition(" ")
    candidate = people(username=username, email=invitation["email"])
    candidate.first_name, candidate.last_name = first, last
    try:
        password_validation.validate_password(password, candidate)
    except ValidationError as err:
        raise DomainError(" ".join(err.messages)) from err
    with transaction.atomic():
        tokens.use(token, INVITATION, max_age=_invitation_age())
        candidate.set_password(password)
        candidate.save()
        Membership.objects.create(
            user=candidate, entity=invitation["entity"], role=invitation["role"]
        )
        record(
            candidate,
            Verb.JOIN,
            target=candidate,
            entity=invitation["entity"],
            details={"role": invitation["role"]},
        )
    return candidate


def _invitation_age() -> int:
    return int(dt.timedelta(days=INVITATION_DAYS).total_seconds())


def do_deactivate_person(user: User, person: User) -> User:
    """Stop a person from signing in. Their sessions, API token and open
    sockets end as soon as this commits (``accounts.signals`` does that for
    every way of deactivating someone, the admin included)."""
    if not people_abilities(user)["deactivate"]:
        raise NotAllowed(_("Only the secretariat coordinator deactivates people."))
    if person.pk == user.pk:
        raise DomainError(_("You cannot deactivate yourself; ask another coordinator."))
    with transaction.atomic():
        locked = get_user_model().objects.select_for_update().get(pk=person.pk)
        if not locked.is_active:
            raise DomainError(_("This person is deactivated already."))
        locked.is_active = False
        locked.save(update_fields=["is_active"])
        record(user, Verb.DEACTIVATE, target=locked)
    return locked
