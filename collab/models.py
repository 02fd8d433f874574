"""What live editing keeps: revisions of a section, and who is editing it."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from drafting.models import Section


class SectionRevision(models.Model):
    """A section's text at a meaningful point, with the people who wrote it.

    Live edits are gathered into a revision when typing pauses, when someone
    leaves the section, at an explicit checkpoint, and when a revision is
    restored. ``authors`` are the people whose edits it gathers.
    """

    class Reason(models.TextChoices):
        START = "start", _("Text before live editing")
        PAUSE = "pause", _("Pause in typing")
        LEAVE = "leave", _("Left the section")
        CHECKPOINT = "checkpoint", _("Checkpoint")
        RESTORE = "restore", _("Restored an earlier revision")

    section = models.ForeignKey(
        Section, on_delete=models.CASCADE, related_name="live_revisions"
    )
    number = models.PositiveIntegerField(_("number"))
    text = models.TextField(_("text"), blank=True)
    section_version = models.PositiveIntegerField(_("section version"))
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    label = models.CharField(_("label"), max_length=200, blank=True)
    authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="+", verbose_name=_("authors")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(_("created"))

    class Meta:
        verbose_name = _("section revision")
        verbose_name_plural = _("section revisions")
        ordering = ["section", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["section", "number"], name="one_section_revision_per_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.section} r{self.number}"


class UnrevisedEdit(models.Model):
    """Someone edited the section live since its last revision.

    One row per person and section; the next revision takes these rows as its
    authors and deletes them.
    """

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    first_at = models.DateTimeField(_("first edit"))
    last_at = models.DateTimeField(_("last edit"))

    class Meta:
        verbose_name = _("edit not yet in a revision")
        verbose_name_plural = _("edits not yet in a revision")
        constraints = [
            models.UniqueConstraint(
                fields=["section", "author"], name="one_unrevised_edit_per_author"
            )
        ]

    def __str__(self) -> str:
        return f"{self.section} · {self.author}"


class SyncSession(models.Model):
    """How many edits of one socket session the section has taken.

    Written in the same transaction as the text, so after a lost connection
    or a server restart the browser learns which of its edits are in the text
    already and sends only the rest: nothing lost, nothing doubled.
    """

    key = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    applied = models.PositiveIntegerField(_("edits applied"), default=0)
    updated_at = models.DateTimeField(_("updated"))

    class Meta:
        verbose_name = _("sync session")
        verbose_name_plural = _("sync sessions")

    def __str__(self) -> str:
        return f"{self.key} ({self.applied})"
