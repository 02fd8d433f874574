"""Who takes part in a report (entities and their people) and what they send
(contributions and their immutable revisions)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User


class Entity(models.Model):
    class Kind(models.TextChoices):
        SECRETARIAT = "secretariat", _("Reporting secretariat")
        MINISTRY = "ministry", _("Ministry or government body")
        PARLIAMENT = "parliament", _("Parliament")
        JUDICIARY = "judiciary", _("Judiciary")
        STATISTICS = "statistics", _("National statistics office")
        SDG = "sdg", _("SDG focal point")
        NHRI = "nhri", _("National human rights institution")
        CSO = "cso", _("Civil-society organisation")

    # Entities inside government; NHRI and CSOs are consulted, not asked.
    GOVERNMENT_KINDS = frozenset(
        {
            Kind.SECRETARIAT,
            Kind.MINISTRY,
            Kind.PARLIAMENT,
            Kind.JUDICIARY,
            Kind.STATISTICS,
            Kind.SDG,
        }
    )

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)

    class Meta:
        verbose_name = _("entity")
        verbose_name_plural = _("entities")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_government(self) -> bool:
        return self.kind in self.GOVERNMENT_KINDS


class Membership(models.Model):
    """A person's place in an entity. A person has at most one membership."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Secretariat coordinator")
        DRAFTER = "drafter", _("Drafter")
        FOCAL_POINT = "focal_point", _("Focal point")
        VALIDATOR = "validator", _("Validating authority")
        REVIEWER = "reviewer", _("Reviewer")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership"
    )
    entity = models.ForeignKey(Entity, on_delete=models.PROTECT, related_name="members")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()}, {self.entity})"

    @property
    def is_secretariat(self) -> bool:
        return self.entity.kind == Entity.Kind.SECRETARIAT


def membership_of(user: User | AnonymousUser | None) -> Membership | None:
    """The user's membership, or None for anonymous users and outsiders."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    # A missing one-to-one row raises an AttributeError subclass.
    return getattr(user, "membership", None)


class Contribution(models.Model):
    """What one entity offers for one section: a series of revisions."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        ACCEPTED = "accepted", _("Accepted")
        RETURNED = "returned", _("Returned")

    section = models.ForeignKey(
        "drafting.Section", on_delete=models.CASCADE, related_name="contributions"
    )
    entity = models.ForeignKey(
        Entity, on_delete=models.PROTECT, related_name="contributions"
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["section", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.entity} → {self.section}"

    def latest_revision(self) -> Revision | None:
        return self.revisions.order_by("-number").first()


class Revision(models.Model):
    """One saved state of a contribution. Revisions are never changed."""

    contribution = models.ForeignKey(
        Contribution, on_delete=models.CASCADE, related_name="revisions"
    )
    number = models.PositiveIntegerField(_("number"))
    text = models.TextField(_("text"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"))

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["contribution", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["contribution", "number"], name="one_number_per_revision"
            )
        ]

    def __str__(self) -> str:
        return f"{self.contribution} r{self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("A revision is immutable once saved; create a new one.")
        super().save(*args, **kwargs)


class AcceptedInput(models.Model):
    """The record that a revision was accepted into a section's draft.

    This is what the Word file's "Inputs used" annex lists.
    """

    section = models.ForeignKey(
        "drafting.Section", on_delete=models.CASCADE, related_name="accepted_inputs"
    )
    # Revisions go only when their report goes, and their acceptances with them.
    revision = models.ForeignKey(
        Revision, on_delete=models.CASCADE, related_name="acceptances"
    )
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    accepted_at = models.DateTimeField(_("accepted"))

    class Meta:
        verbose_name = _("accepted input")
        verbose_name_plural = _("accepted inputs")
        ordering = ["section", "accepted_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["section", "revision"], name="revision_accepted_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.revision} → {self.section}"
