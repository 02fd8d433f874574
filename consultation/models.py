"""Consultation rounds: a frozen version of a report shared with the national
human rights institution and civil society, their comments and submissions,
and the secretariat's decision on each comment."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from consultation import clock


class Round(models.Model):
    """A frozen version of a report (or some of its sections) open for comment.

    Whether a round is open is computed from its dates at the moment of asking;
    no background job closes it. ``shared_sections`` holds the ids of the
    snapshot's sections the round shares; empty means all of them.
    """

    report = models.ForeignKey(
        "drafting.Report", on_delete=models.CASCADE, related_name="consultation_rounds"
    )
    # A frozen version is the record of what was shown: it outlives no round.
    version = models.ForeignKey(
        "drafting.ReportVersion", on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200)
    shared_sections = models.JSONField(_("shared sections"), default=list, blank=True)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    reviewers_see_each_other = models.BooleanField(
        _("reviewers see each other's comments"), default=False
    )
    # A capability: whoever holds the link may read and comment. Empty: none.
    public_token = models.CharField(_("public link"), max_length=64, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"))

    class Meta:
        verbose_name = _("consultation round")
        verbose_name_plural = _("consultation rounds")
        ordering = ["report", "-opens_at", "id"]

    def __str__(self) -> str:
        return self.title

    def is_open(self, at: dt.datetime | None = None) -> bool:
        at = at or clock.now()
        return self.opens_at <= at < self.closes_at

    def has_opened(self, at: dt.datetime | None = None) -> bool:
        return self.opens_at <= (at or clock.now())

    def has_closed(self, at: dt.datetime | None = None) -> bool:
        return (at or clock.now()) >= self.closes_at

    def shared_snapshot(self) -> list[dict[str, Any]]:
        """The snapshot's sections this round shares, in reading order."""
        sections: list[dict[str, Any]] = self.version.snapshot["sections"]
        if not self.shared_sections:
            return sections
        chosen = set(self.shared_sections)
        return [s for s in sections if s["id"] in chosen]


class Participant(models.Model):
    """An organisation invited to a round (the NHRI or a civil-society body)."""

    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="participants"
    )
    entity = models.ForeignKey(
        "contributions.Entity", on_delete=models.PROTECT, related_name="+"
    )
    # The organisation asked that the record not name it.
    anonymous = models.BooleanField(_("not to be named"), default=False)

    class Meta:
        verbose_name = _("invited organisation")
        verbose_name_plural = _("invited organisations")
        ordering = ["round", "entity__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "entity"], name="one_participation_per_round"
            )
        ]

    def __str__(self) -> str:
        return f"{self.entity} → {self.round}"


class Invitation(models.Model):
    """A link sent to one address of an invited organisation.

    Only a hash of the token is stored, so the database alone cannot be used
    to sign up as someone else. A link works once and until ``expires_at``.
    """

    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mail"))
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("sent"))
    expires_at = models.DateTimeField(_("expires"))
    used_at = models.DateTimeField(_("used"), null=True, blank=True)
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["participant", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.email} ({self.participant})"


class Decision(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    PARTLY_ACCEPTED = "partly_accepted", _("Partly accepted")
    NOT_ACCEPTED = "not_accepted", _("Not accepted")
    NOTED = "noted", _("Noted")


TAKEN_UP = frozenset({Decision.ACCEPTED, Decision.PARTLY_ACCEPTED})


class Comment(models.Model):
    """A comment on a passage or a whole section of a round's frozen text.

    The passage is stored with a little text on either side, as it stood in
    the frozen version, so it can be found again after the draft has moved
    on (``consultation.anchoring``). ``section`` is the live section the
    snapshot section was frozen from; None once that section is removed.
    """

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="comments")
    snapshot_section = models.PositiveBigIntegerField(_("section in the snapshot"))
    section = models.ForeignKey(
        "drafting.Section",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    section_heading = models.CharField(_("section"), max_length=500)
    quote = models.TextField(_("passage"), blank=True)
    quote_prefix = models.CharField(max_length=64, blank=True)
    quote_suffix = models.CharField(max_length=64, blank=True)
    # Where the passage starts in the frozen section's plain text, and the
    # paragraph number it had in the frozen version (None: not in a
    # numbered paragraph, or a comment on the whole section).
    quote_offset = models.PositiveIntegerField(null=True, blank=True)
    paragraph = models.PositiveIntegerField(_("paragraph"), null=True, blank=True)
    body = models.TextField(_("comment"), blank=True)
    proposed_wording = models.TextField(_("proposed wording"), blank=True)
    # An invited organisation's comment has an entity and an author; a comment
    # through the public link has neither, only what the person typed.
    entity = models.ForeignKey(
        "contributions.Entity",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    public_name = models.CharField(_("name"), max_length=200, blank=True)
    public_organisation = models.CharField(
        _("organisation"), max_length=200, blank=True
    )
    # Keyed hash of the address a public comment came from: enough to count,
    # not enough to give the address back.
    source_key = models.CharField(max_length=64, blank=True, db_index=True)
    anonymous = models.BooleanField(_("not to be named"), default=False)
    created_at = models.DateTimeField(_("received"))

    decision = models.CharField(
        _("decision"), max_length=20, choices=Decision.choices, blank=True
    )
    reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    # The change in the draft that carried the decision out: a section at the
    # version its text had after the change, or an accepted contribution
    # revision. Both optional.
    carried_in_section = models.ForeignKey(
        "drafting.Section",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    carried_in_version = models.PositiveIntegerField(null=True, blank=True)
    carried_in_revision = models.ForeignKey(
        "contributions.Revision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    author_told_at = models.DateTimeField(_("author told"), null=True, blank=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["round", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.round}: {self.section_heading}"

    @property
    def organisation_name(self) -> str:
        """The name the record gives the author: never the name of an
        organisation that asked not to be named."""
        if self.anonymous:
            return str(_("anonymous"))
        if self.entity_id is not None:
            return self.entity.name  # type: ignore[union-attr]
        return self.public_organisation or self.public_name


def _submission_path(instance: Submission, filename: str) -> str:
    # The uploaded name never reaches the file system: a random name, and the
    # extension of the type the content was found to be.
    return f"consultation/{secrets.token_hex(16)}.{instance.file_type}"


class Submission(models.Model):
    """A written submission (Word or PDF) an invited organisation uploaded."""

    class FileType(models.TextChoices):
        DOCX = "docx", _("Word document")
        PDF = "pdf", _("PDF")

    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="submissions"
    )
    entity = models.ForeignKey(
        "contributions.Entity", on_delete=models.PROTECT, related_name="+"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    file = models.FileField(upload_to=_submission_path, max_length=200)
    file_type = models.CharField(max_length=10, choices=FileType.choices)
    original_name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)
    title = models.CharField(_("title"), max_length=200, blank=True)
    anonymous = models.BooleanField(_("not to be named"), default=False)
    created_at = models.DateTimeField(_("received"))

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["round", "created_at", "id"]

    def __str__(self) -> str:
        return self.original_name
