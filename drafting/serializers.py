from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from drafting.models import Report, Section, Skeleton
from drafting.sectiontext.wordcount import count_words
from reportdesk.abilities import report_abilities, section_abilities

MAX_SECTION_TEXT = 2_000_000


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
    text = serializers.CharField(
        allow_blank=True, trim_whitespace=False, max_length=MAX_SECTION_TEXT
    )
    base_version = serializers.IntegerField(
        min_value=1,
        help_text=_("The version the text was edited from; a stale one is refused."),
    )


class ReportSerializer(serializers.ModelSerializer[Report]):
    skeleton = serializers.SlugRelatedField(
        slug_field="key", queryset=Skeleton.objects.all()
    )
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
            "created_at",
            "abilities",
        ]
        read_only_fields = [
            "mechanism",
            "kind",
            "word_limit",
            "count_footnotes",
            "created_at",
            "abilities",
        ]
        extra_kwargs = {"title": {"required": False, "allow_blank": True}}

    def get_abilities(self, report: Report) -> dict[str, bool]:
        return report_abilities(self.context["request"].user, report)
