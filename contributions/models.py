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

    def requires_validation(self) -> bool:
        """Whether the entity's contributions need its validating authority's
        sign-off before the secretariat sees them: they do as soon as the
        entity has an active validator, and not otherwise (a small body with
        no such person is not blocked)."""
        return self.members.filter(
            role=Membership.Role.VALIDATOR, user__is_active=True
        ).exists()

    def people(self, role: str) -> models.QuerySet[Membership]:
        return self.members.filter(role=role, user__is_active=True).select_related(
            "user"
        )


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
    """What one entity offers for one section: a series of revisions.

    A contribution is either new text for the section (``kind`` NEW_TEXT) or a
    proposed revision of the section's text (``kind`` PROPOSAL): the focal
    point edited a copy of the text as it stood at ``base_section_version``,
    kept in ``base_text``, and the secretariat reviews the changes against it.

    The status moves draft → submitted (by a focal point) → validated (by the
    entity's validating authority, when it has one) → accepted or returned
    (by the secretariat). A returned contribution is revised and submitted
    again. ``version`` is bumped by every change of status, so a form based
    on an older state is refused.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        VALIDATED = "validated", _("Validated")
        ACCEPTED = "accepted", _("Accepted")
        RETURNED = "returned", _("Returned")

    class Kind(models.TextChoices):
        NEW_TEXT = "new_text", _("New text")
        PROPOSAL = "proposal", _("Proposed revision of the section's text")

    section = models.ForeignKey(
        "drafting.Section", on_delete=models.CASCADE, related_name="contributions"
    )
    entity = models.ForeignKey(
        Entity, on_delete=models.PROTECT, related_name="contributions"
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.NEW_TEXT
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    request = models.ForeignKey(
        "contributions.InputRequest",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contributions",
    )
    # The section's text when the focal point took its copy (proposals only).
    base_text = models.TextField(_("text it started from"), blank=True)
    base_section_version = models.PositiveIntegerField(
        _("section version it started from"), null=True, blank=True
    )
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    validated_at = models.DateTimeField(_("validated"), null=True, blank=True)
    # The revision number the validating authority signed off.
    validated_number = models.PositiveIntegerField(
        _("validated revision"), null=True, blank=True
    )
    version = models.PositiveIntegerField(_("version"), default=1)
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

    @property
    def is_proposal(self) -> bool:
        return self.kind == self.Kind.PROPOSAL


class Revision(models.Model):
    """One saved state of a contribution. Revisions are never changed."""

    contribution = models.ForeignKey(
        Contribution, on_delete=models.CASCADE, related_name="revisions"
    )

    class Source(models.TextChoices):
        BROWSER = "browser", _("Written in the browser")
        WORD = "word", _("Uploaded Word file")

    number = models.PositiveIntegerField(_("number"))
    text = models.TextField(_("text"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"))
    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, default=Source.BROWSER
    )
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    # What importing or cleaning changed, in words, for whoever reads it later
    # (tracked changes taken as accepted, characters removed).
    warnings = models.JSONField(_("warnings"), default=list, blank=True)

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
    # Each change of the revision and what the reviewer did with it:
    # [{"change": n, "action": "accept"|"reject"|"edit"|"resolve", "text": …}].
    decisions = models.JSONField(_("decisions"), default=list, blank=True)

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


class InputRequest(models.Model):
    """The secretariat asks one entity for input on one section by a date.

    ``status`` follows the entity's contribution for the request: requested
    (nothing yet), in progress (a draft), submitted, validated, returned,
    accepted. It is kept by the contribution actions, so lists and the
    reminder digest can filter on it.
    """

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        IN_PROGRESS = "in_progress", _("In progress")
        SUBMITTED = "submitted", _("Submitted")
        VALIDATED = "validated", _("Validated")
        RETURNED = "returned", _("Returned")
        ACCEPTED = "accepted", _("Accepted")

    # Still owed by the entity: these are late once the due date has passed.
    OPEN = frozenset({Status.REQUESTED, Status.IN_PROGRESS, Status.RETURNED})

    section = models.ForeignKey(
        "drafting.Section", on_delete=models.CASCADE, related_name="input_requests"
    )
    entity = models.ForeignKey(
        Entity, on_delete=models.PROTECT, related_name="input_requests"
    )
    instructions = models.TextField(_("instructions"), blank=True)
    due_date = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.REQUESTED
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested"))
    version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        verbose_name = _("request for input")
        verbose_name_plural = _("requests for input")
        ordering = ["due_date", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["section", "entity"], name="one_request_per_section_entity"
            )
        ]

    def __str__(self) -> str:
        return f"{self.entity} ← {self.section} ({self.due_date})"

    def is_late(self, today: Any) -> bool:
        return self.status in self.OPEN and self.due_date < today


class ContributionNote(models.Model):
    """A note on a contribution: a Word comment from an uploaded file, the
    validating authority's or the secretariat's reason for returning it."""

    class Kind(models.TextChoices):
        WORD_COMMENT = "word_comment", _("Comment in the Word file")
        SENT_BACK = "sent_back", _("Sent back by the validating authority")
        RETURNED = "returned", _("Returned by the secretariat")
        VALIDATED = "validated", _("Validated")

    contribution = models.ForeignKey(
        Contribution, on_delete=models.CASCADE, related_name="notes"
    )
    revision = models.ForeignKey(
        Revision, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # A Word comment's author is a name in the file, not a person here.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    author_name = models.CharField(_("author"), max_length=200, blank=True)
    anchor = models.TextField(_("commented text"), blank=True)
    text = models.TextField(_("text"))
    created_at = models.DateTimeField(_("created"))

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["contribution", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.contribution}: {self.text[:40]}"


class ReminderSent(models.Model):
    """One reminder about one request went to one person on one day.

    ``send_reminders`` writes these as it sends its daily digests, and sends
    nothing that is already recorded, so running it twice a day is harmless.
    """

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("Due soon")
        OVERDUE = "overdue", _("Overdue")
        LATE_DIGEST = "late_digest", _("Late requests (secretariat)")

    request = models.ForeignKey(
        InputRequest, on_delete=models.CASCADE, related_name="reminders"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    sent_on = models.DateField(_("sent on"))

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(
                fields=["request", "recipient", "kind"], name="one_reminder_per_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient} ({self.sent_on})"


class TextDiff(models.Model):
    """A word-level comparison of two texts, kept so it is computed once.

    Keyed by the SHA-256 of both texts: revisions never change, so a pair
    compared once never needs comparing again.
    """

    key = models.CharField(max_length=129, unique=True)
    diffs = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("text comparison")
        verbose_name_plural = _("text comparisons")

    def __str__(self) -> str:
        return self.key[:16]


class SectionProvenance(models.Model):
    """Which characters of a section's text came from which revision.

    ``spans`` are ``[start, end, revision_id]`` over ``text``, sorted and not
    overlapping; characters in no span were written in the draft itself.
    ``text`` is the section text the spans describe: if someone changed the
    section without telling ``drafting.provenance``, the spans are carried
    over to the new text by comparing the two.
    """

    section = models.OneToOneField(
        "drafting.Section", on_delete=models.CASCADE, related_name="provenance"
    )
    text = models.TextField(blank=True)
    spans = models.JSONField(default=list)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("section provenance")
        verbose_name_plural = _("section provenance")

    def __str__(self) -> str:
        return f"provenance of section {self.section_id}"
