from __future__ import annotations

import re
from typing import Any

from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.fields import ProhibitSurrogateCharactersValidator  # type: ignore[attr-defined]

from drafting.budget import Budget
from drafting.models import Mechanism, Report, Section, Skeleton
from drafting.sectiontext.wordcount import count_words
from reportdesk.abilities import report_abilities, section_abilities

MAX_SECTION_TEXT = 2_000_000


class SectionTextField(serializers.CharField):
    """Section text: characters Word cannot hold are removed on save and
    counted (``drafting.sectiontext.prepare``), not refused, as the docs say."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", MAX_SECTION_TEXT)
        kwargs.setdefault("trim_whitespace", False)
        super().__init__(**kwargs)
        self.validators = [
            validator
            for validator in self.validators
            if not isinstance(
                validator,
                ProhibitNullCharactersValidator | ProhibitSurrogateCharactersValidator,
            )
        ]

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return data


class SkeletonSerializer(serializers.ModelSerializer[Skeleton]):
    class Meta:
        model = Skeleton
        fields = [
            "key",
            "version",
            "title",
            "mechanism",
            "kind",
            "source",
            "word_limit",
            "count_footnotes",
            "verified",
        ]
        # Read-only: writable integers would carry bounds that follow the
        # database backend, and the schema would differ between backends.
        read_only_fields = fields


class SectionSerializer(serializers.ModelSerializer[Section]):
    word_count = serializers.SerializerMethodField()
    abilities = serializers.SerializerMethodField()

    class Meta:
        model = Section
        fields = [
            "id",
            "report",
            "parent",
            "position",
            "key",
            "heading",
            "guidance",
            "text",
            "status",
            "annex",
            "version",
            "updated_at",
            "word_count",
            "abilities",
        ]
        read_only_fields = fields

    def get_word_count(self, section: Section) -> int:
        return count_words(section.text, footnotes=section.report.count_footnotes)

    def get_abilities(self, section: Section) -> dict[str, bool]:
        return section_abilities(self.context["request"].user, section)


class SectionTextSerializer(serializers.Serializer[Any]):
    text = SectionTextField(allow_blank=True)
    base_version = serializers.IntegerField(
        min_value=1,
        help_text=_("The version the text was edited from; a stale one is refused."),
    )


STATE_CODE = re.compile(r"[A-Za-z]{3}")
SYMBOL = re.compile(r"[A-Z0-9][A-Za-z0-9./\-]*")
MAX_DOCUMENT = 1_500_000


def _check_period(attrs: dict[str, Any], instance: Report | None = None) -> None:
    start = attrs.get("period_start", instance.period_start if instance else None)
    end = attrs.get("period_end", instance.period_end if instance else None)
    if start and end and end < start:
        raise serializers.ValidationError(
            {"period_end": _("The reporting period must end after it starts.")}
        )


class ReportDetailsMixin:
    def validate_state_code(self, value: str) -> str:
        if not STATE_CODE.fullmatch(value):
            raise serializers.ValidationError(
                _(
                    "Use the three-letter ISO 3166 code of the State, such as SVN or BRA."
                )
            )
        return value.upper()

    def validate_symbol(self, value: str) -> str:
        if value and not SYMBOL.fullmatch(value):
            raise serializers.ValidationError(
                _(
                    "A UN symbol is letters, digits, / . and -, such as CERD/C/BRA/FCO/18-20."
                )
            )
        return value


class WordBudgetSerializer(serializers.Serializer[Any]):
    words = serializers.IntegerField()
    limit = serializers.IntegerField(allow_null=True)
    state = serializers.ChoiceField(choices=["ok", "near", "over"])


class ReportSerializer(ReportDetailsMixin, serializers.ModelSerializer[Report]):
    skeleton = serializers.SlugRelatedField(
        slug_field="key",
        queryset=Skeleton.objects.all(),
        error_messages={
            "does_not_exist": _("There is no skeleton {value}; see /api/skeletons/.")
        },
    )
    mechanism = serializers.ChoiceField(
        choices=Mechanism.choices,
        required=False,
        help_text=_("Only for a skeleton that serves every treaty body (HRI)."),
    )
    document_text = serializers.CharField(
        write_only=True,
        required=False,
        allow_blank=True,
        max_length=MAX_DOCUMENT,
        trim_whitespace=False,
        help_text=_(
            "The committee's document (text of the PDF) the sections are made from: "
            "concluding observations or a list of issues."
        ),
    )
    carry_over_from = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Report.objects.all(),
        required=False,
        write_only=True,
        help_text=_("A previous report of the State whose text is carried over."),
    )
    word_count = serializers.SerializerMethodField()
    abilities = serializers.SerializerMethodField()

    class Meta:
        model = Report
        fields = [
            "slug",
            "title",
            "skeleton",
            "mechanism",
            "kind",
            "state",
            "state_code",
            "period_start",
            "period_end",
            "due_date",
            "language",
            "symbol",
            "word_limit",
            "count_footnotes",
            "organ",
            "body_lines",
            "version",
            "created_at",
            "document_text",
            "carry_over_from",
            "word_count",
            "abilities",
        ]
        read_only_fields = [
            "kind",
            "word_limit",
            "count_footnotes",
            "organ",
            "body_lines",
            "version",
            "created_at",
            "word_count",
            "abilities",
        ]
        extra_kwargs = {"title": {"required": False, "allow_blank": True}}

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        _check_period(attrs)
        return attrs

    @extend_schema_field(WordBudgetSerializer)
    def get_word_count(self, report: Report) -> dict[str, object]:
        return word_budget(report)

    def get_abilities(self, report: Report) -> dict[str, bool]:
        return report_abilities(self.context["request"].user, report)


class ReportUpdateSerializer(ReportDetailsMixin, serializers.ModelSerializer[Report]):
    base_version = serializers.IntegerField(
        min_value=1,
        write_only=True,
        help_text=_(
            "The version the details were edited from; a stale one is refused."
        ),
    )
    body_lines = serializers.ListField(
        child=serializers.CharField(max_length=200), max_length=8, required=False
    )

    class Meta:
        model = Report
        fields = [
            "base_version",
            "title",
            "symbol",
            "organ",
            "body_lines",
            "state",
            "state_code",
            "language",
            "due_date",
            "period_start",
            "period_end",
        ]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        _check_period(attrs, self.instance)
        return attrs


def word_budget(report: Report) -> dict[str, object]:
    """The report's words against its limit, counted as the UN counts them."""
    words = sum(
        count_words(text, footnotes=report.count_footnotes)
        for text in report.sections.filter(annex=False).values_list("text", flat=True)
    )
    return Budget(words, report.word_limit).as_dict()
