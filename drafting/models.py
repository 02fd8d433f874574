"""Skeletons, reports and the tree of sections that holds a report's text."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from drafting.sectiontext.wordcount import count_words


class Mechanism(models.TextChoices):
    UPR = "UPR", _("Universal Periodic Review")
    CERD = "CERD", _("Committee on the Elimination of Racial Discrimination")
    CCPR = "CCPR", _("Human Rights Committee")
    CESCR = "CESCR", _("Committee on Economic, Social and Cultural Rights")
    CEDAW = "CEDAW", _("Committee on the Elimination of Discrimination against Women")
    CAT = "CAT", _("Committee against Torture")
    CRC = "CRC", _("Committee on the Rights of the Child")
    CMW = "CMW", _("Committee on Migrant Workers")
    CRPD = "CRPD", _("Committee on the Rights of Persons with Disabilities")
    CED = "CED", _("Committee on Enforced Disappearances")
    HRI = "HRI", _("All treaty bodies (common core document)")
    SP = "SP", _("Special procedures of the Human Rights Council")


class Skeleton(models.Model):
    """A document structure prescribed by reporting guidelines.

    Loaded from ``drafting/skeletons/*.yaml`` by ``load_skeletons``; the file is
    the source of truth and the row is replaced when the file's version moves.
    """

    key = models.SlugField(_("key"), max_length=80, unique=True)
    version = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=300)
    mechanism = models.CharField(
        _("mechanism"), max_length=10, choices=Mechanism.choices
    )
    kind = models.CharField(_("kind"), max_length=40)
    source = models.CharField(_("source"), max_length=500)
    word_limit = models.PositiveIntegerField(_("word limit"), null=True, blank=True)
    count_footnotes = models.BooleanField(_("footnotes count toward the limit"))
    verified = models.CharField(_("verified against the source"), max_length=10)
    structure = models.JSONField(_("structure"))

    class Meta:
        verbose_name = _("skeleton")
        verbose_name_plural = _("skeletons")
        ordering = ["mechanism", "title"]

    def __str__(self) -> str:
        return self.title


class Report(models.Model):
    class Language(models.TextChoices):
        ENGLISH = "en", _("English")
        FRENCH = "fr", _("French")
        SPANISH = "es", _("Spanish")
        ARABIC = "ar", _("Arabic")
        CHINESE = "zh", _("Chinese")
        RUSSIAN = "ru", _("Russian")

    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    title = models.CharField(_("title"), max_length=300)
    skeleton = models.ForeignKey(Skeleton, on_delete=models.PROTECT, related_name="+")
    mechanism = models.CharField(
        _("mechanism"), max_length=10, choices=Mechanism.choices
    )
    kind = models.CharField(_("kind"), max_length=40)
    state = models.CharField(_("State"), max_length=120)
    state_code = models.CharField(_("ISO 3166 alpha-3 code"), max_length=3)
    period_start = models.DateField(_("reporting period from"), null=True, blank=True)
    period_end = models.DateField(_("reporting period to"), null=True, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    language = models.CharField(
        _("language"), max_length=5, choices=Language.choices, default=Language.ENGLISH
    )
    symbol = models.CharField(_("UN symbol"), max_length=80, blank=True)
    organ = models.CharField(
        _("organ line of the masthead"), max_length=200, blank=True
    )
    body_lines = models.JSONField(_("title block lines"), default=list, blank=True)
    word_limit = models.PositiveIntegerField(_("word limit"), null=True, blank=True)
    count_footnotes = models.BooleanField(_("footnotes count toward the limit"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Bumped when the report's details change; a stale edit is refused.
    version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at", "slug"]

    def __str__(self) -> str:
        return self.title


class ReportVersion(models.Model):
    """A frozen copy of a report's text: what was shown, submitted or exported.

    ``snapshot`` holds every section in reading order as
    ``{"sections": [{"id", "parent", "heading", "depth", "key", "annex",
    "text", "version"}]}``; it never changes once written.
    """

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("number"))
    label = models.CharField(_("label"), max_length=200, blank=True)
    snapshot = models.JSONField(_("snapshot"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"))

    class Meta:
        verbose_name = _("report version")
        verbose_name_plural = _("report versions")
        ordering = ["report", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "number"], name="one_report_version_per_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.report.slug} v{self.number}"


class Section(models.Model):
    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        DRAFTING = "drafting", _("Drafting")
        READY = "ready", _("Ready")

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="sections"
    )
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    # Position among siblings. The report's reading order is a depth-first walk.
    position = models.PositiveIntegerField(_("position"))
    key = models.CharField(_("skeleton key"), max_length=80, blank=True)
    heading = models.CharField(_("heading"), max_length=500)
    guidance = models.TextField(_("guidance"), blank=True)
    text = models.TextField(_("text"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED
    )
    annex = models.BooleanField(_("annex"), default=False)
    # Text taken over from the State's previous report, untouched since.
    carried_over = models.BooleanField(_("carried over"), default=False)
    # Bumped on every write; a write based on an older version is refused.
    version = models.PositiveIntegerField(_("version"), default=1)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["report", "parent_id", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "parent", "position"], name="one_section_per_position"
            )
        ]

    def __str__(self) -> str:
        return self.heading

    def word_count(self, *, footnotes: bool = False) -> int:
        return count_words(self.text, footnotes=footnotes)


class Obligation(models.Model):
    """Something the State owes a mechanism by a date: the reporting calendar.

    Obligations are read from the committees' own documents (the concluding
    observations name the next report and the follow-up deadline) or entered
    by the secretariat. ``report`` is the report that answers it, once begun.
    """

    class Kind(models.TextChoices):
        PERIODIC = "periodic_report", _("Periodic report")
        FOLLOW_UP = "follow_up", _("Follow-up information")
        UPR = "upr_report", _("UPR report")
        OTHER = "other", _("Other")

    mechanism = models.CharField(
        _("mechanism"), max_length=10, choices=Mechanism.choices
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    # As the document says it ("by 2026", "within one year"), for the record.
    due_text = models.CharField(_("as written"), max_length=200, blank=True)
    source_symbol = models.CharField(_("source document"), max_length=80, blank=True)
    source_paragraph = models.PositiveIntegerField(
        _("paragraph"), null=True, blank=True
    )
    report = models.ForeignKey(
        Report,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="obligations",
    )

    class Meta:
        verbose_name = _("obligation")
        verbose_name_plural = _("obligations")
        ordering = ["due_date", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_symbol", "source_paragraph", "kind"],
                name="one_obligation_per_source_paragraph",
            )
        ]

    def __str__(self) -> str:
        return self.title
