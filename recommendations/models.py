"""Recommendations a State received, how they are classified, who answers for
them, how their implementation is planned and tracked, and which report
sections answer them."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from drafting.models import Mechanism


class Theme(models.Model):
    """A human-rights theme (OHCHR's list, a committee's heading, UPR Info's issue)."""

    name = models.CharField(_("name"), max_length=300, unique=True)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PersonGroup(models.Model):
    """A group of persons a recommendation concerns ("Children", "Roma …")."""

    name = models.CharField(_("name"), max_length=300, unique=True)

    class Meta:
        verbose_name = _("group of persons")
        verbose_name_plural = _("groups of persons")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Sdg(models.Model):
    """One of the 17 Sustainable Development Goals."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("title"), max_length=200)

    class Meta:
        verbose_name = _("Sustainable Development Goal")
        verbose_name_plural = _("Sustainable Development Goals")
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Position(models.TextChoices):
    SUPPORTED = "supported", _("Supported")
    NOTED = "noted", _("Noted")


class ImplementationStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    PARTIALLY_IMPLEMENTED = "partial", _("Partially implemented")
    IMPLEMENTED = "implemented", _("Implemented")


class Recommendation(models.Model):
    """One recommendation of a mechanism to a State.

    ``source_key`` is what makes re-importing a document update the same row:
    the symbol and number for UN documents ("A/HRC/59/15 140.7"), a digest
    of the row for a UPR Info export. ``version`` is bumped by every tracking
    write, so two people updating the same recommendation cannot overwrite
    each other unknowingly.
    """

    source_key = models.CharField(_("source key"), max_length=200, unique=True)
    # One of drafting's Mechanism values. Not declared as choices, so that a
    # mechanism added there does not call for a migration here.
    mechanism = models.CharField(_("mechanism"), max_length=10)
    state = models.CharField(_("State under review"), max_length=120)
    cycle = models.PositiveSmallIntegerField(_("UPR cycle"), null=True, blank=True)
    session = models.PositiveSmallIntegerField(_("session"), null=True, blank=True)
    symbol = models.CharField(_("document symbol"), max_length=80, blank=True)
    number = models.CharField(_("paragraph number"), max_length=20, blank=True)
    # The number padded so that 140.7 sorts before 140.10; set on save.
    sort_key = models.CharField(max_length=40, blank=True, editable=False)
    text = models.TextField(_("text"))
    subitems = models.JSONField(_("sub-items"), default=list, blank=True)
    recommending_states = models.JSONField(
        _("recommending States"), default=list, blank=True
    )
    position = models.CharField(
        _("position"), max_length=12, choices=Position.choices, blank=True
    )
    position_source = models.CharField(
        _("position given in"), max_length=120, blank=True
    )
    explanation = models.TextField(_("the State's explanation"), blank=True)
    # The theme it is listed under (OHCHR's thematic list, the committee's
    # heading); the report sections of a mid-term report follow it.
    main_theme = models.ForeignKey(
        Theme,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("main theme"),
    )
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="recommendations", verbose_name=_("themes")
    )
    groups = models.ManyToManyField(
        PersonGroup,
        blank=True,
        related_name="recommendations",
        verbose_name=_("groups of persons"),
    )
    sdgs = models.ManyToManyField(
        Sdg, blank=True, related_name="recommendations", verbose_name=_("SDG goals")
    )
    sdg_targets = models.JSONField(_("SDG targets"), default=list, blank=True)
    # What the mechanism singled out: {"follow_up": ["a"],
    # "particular_importance": []}, a key only when selected; an empty list
    # selects the whole paragraph.
    priority = models.JSONField(_("priority"), default=dict, blank=True)
    # UPR Info's category of the action asked for, 1 (minimal) to 5 (specific).
    action_category = models.PositiveSmallIntegerField(
        _("action category"), null=True, blank=True
    )
    responsible_entities = models.ManyToManyField(
        "contributions.Entity",
        blank=True,
        related_name="recommendations",
        verbose_name=_("responsible entities"),
    )
    status = models.CharField(
        _("implementation status"),
        max_length=20,
        choices=ImplementationStatus.choices,
        default=ImplementationStatus.NOT_STARTED,
    )
    status_note = models.TextField(_("note on implementation"), blank=True)
    status_updated_at = models.DateTimeField(_("status updated"), null=True, blank=True)
    status_updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    sections = models.ManyToManyField(
        "drafting.Section",
        blank=True,
        related_name="recommendations",
        verbose_name=_("answered in sections"),
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["state", "mechanism", "symbol", "sort_key", "id"]
        indexes = [models.Index(fields=["state", "mechanism"])]

    def __str__(self) -> str:
        return self.label

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.sort_key = number_sort_key(self.number)
        super().save(*args, **kwargs)

    @property
    def mechanism_label(self) -> str:
        try:
            return str(Mechanism(self.mechanism).label)
        except ValueError:
            return self.mechanism

    @property
    def label(self) -> str:
        """How people cite it: "140.7", "para. 17", or the symbol alone."""
        if self.number and self.mechanism == Mechanism.UPR:
            return self.number
        if self.number:
            return _("%(symbol)s, para. %(number)s") % {
                "symbol": self.symbol,
                "number": self.number,
            }
        if self.symbol:
            return self.symbol
        if self.session:
            # UPR Info rows carry no number; the session is how they are cited.
            return _("UPR session %(session)s (%(states)s)") % {
                "session": self.session,
                "states": ", ".join(self.recommending_states) or "—",
            }
        return self.source_key


def number_sort_key(number: str) -> str:
    """ "140.7" → "00140.00007", so that 140.7 sorts before 140.10."""
    parts = [part for part in number.split(".") if part.isdigit()]
    return ".".join(f"{int(part):05d}" for part in parts)[:40]


class PlannedAction(models.Model):
    """What a responsible entity plans to do about a recommendation, by when,
    and how progress will be measured."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        UNDER_WAY = "under_way", _("Under way")
        DONE = "done", _("Done")

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="planned_actions"
    )
    entity = models.ForeignKey(
        "contributions.Entity",
        on_delete=models.PROTECT,
        related_name="planned_actions",
        verbose_name=_("responsible entity"),
    )
    description = models.TextField(_("action"))
    start = models.DateField(_("start"), null=True, blank=True)
    due = models.DateField(_("due"), null=True, blank=True)
    indicator = models.TextField(_("indicator"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("planned action")
        verbose_name_plural = _("planned actions")
        ordering = ["recommendation", "due", "id"]

    def __str__(self) -> str:
        return self.description[:80]


class Cluster(models.Model):
    """Recommendations that ask for the same thing.

    The similarity search only proposes; a cluster counts once a person of
    the secretariat has confirmed it. A rejected proposal is kept so that the
    same set is not proposed again.
    """

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        CONFIRMED = "confirmed", _("Confirmed")
        REJECTED = "rejected", _("Rejected")

    title = models.CharField(_("title"), max_length=300)
    state = models.CharField(_("State under review"), max_length=120)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PROPOSED
    )
    # The lowest similarity (0–100) between the seed and a member.
    score = models.PositiveSmallIntegerField(_("similarity"), null=True, blank=True)
    # The sorted member ids, to recognise a set that was proposed before.
    signature = models.CharField(max_length=2000, blank=True)
    members = models.ManyToManyField(
        Recommendation, related_name="clusters", verbose_name=_("recommendations")
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")
        ordering = ["status", "-score", "id"]

    def __str__(self) -> str:
        return self.title


class ImportRecord(models.Model):
    """One import of a source document: who, when, and what it changed."""

    kind = models.CharField(_("kind of source"), max_length=40)
    symbol = models.CharField(_("document symbol"), max_length=80, blank=True)
    filename = models.CharField(_("file name"), max_length=255, blank=True)
    digest = models.CharField(_("SHA-256 of the text"), max_length=64)
    summary = models.JSONField(_("summary"))
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    imported_at = models.DateTimeField(_("imported"), auto_now_add=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-imported_at", "-id"]

    def __str__(self) -> str:
        return f"{self.kind} {self.symbol}"
