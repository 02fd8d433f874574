"""Stored Word exports: what was exported, from which frozen version, and its hash."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Export(models.Model):
    """One .docx as it was handed out, kept so that it can be fetched again.

    ``version`` is the frozen report version the file came from; a redline
    also names ``base_version``, the version it compares against. ``sha256``
    is the digest of ``content``: the same version exports to the same bytes,
    so the digest identifies what was sent.
    """

    class Kind(models.TextChoices):
        REPORT = "report", _("Report")
        REDLINE = "redline", _("Changes between versions")

    report = models.ForeignKey(
        "drafting.Report", on_delete=models.CASCADE, related_name="exports"
    )
    version = models.ForeignKey(
        "drafting.ReportVersion", on_delete=models.PROTECT, related_name="exports"
    )
    base_version = models.ForeignKey(
        "drafting.ReportVersion",
        on_delete=models.PROTECT,
        related_name="redlines_from",
        null=True,
        blank=True,
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    family = models.CharField(_("document family"), max_length=40)
    filename = models.CharField(_("file name"), max_length=200)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("size in bytes"))
    content = models.BinaryField(_("content"))
    # Translated sentences shown with the export (removed control characters).
    warnings = models.JSONField(_("warnings"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"))

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        ordering = ["report", "-created_at", "-id"]
        indexes = [models.Index(fields=["report", "sha256"])]

    def __str__(self) -> str:
        return self.filename
