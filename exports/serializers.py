from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from drafting.models import ReportVersion
from exports.models import Export


class ExportSerializer(serializers.ModelSerializer[Export]):
    version = serializers.IntegerField(source="version.number", read_only=True)
    base_version = serializers.IntegerField(
        source="base_version.number", read_only=True, allow_null=True, default=None
    )
    created_by = serializers.CharField(source="created_by.username", read_only=True)
    download = serializers.SerializerMethodField()

    class Meta:
        model = Export
        fields = [
            "id",
            "kind",
            "family",
            "filename",
            "sha256",
            "size",
            "version",
            "base_version",
            "warnings",
            "created_by",
            "created_at",
            "download",
        ]
        read_only_fields = fields

    def get_download(self, export: Export) -> str:
        return reverse("api-export-download", args=[export.pk])


class NewExportSerializer(serializers.Serializer):
    internal = serializers.BooleanField(
        default=False,
        help_text=_("The internal draft (DRAFT watermark, status) instead."),
    )


class NewRedlineSerializer(serializers.Serializer):
    base = serializers.IntegerField(
        min_value=1, help_text=_("Number of the earlier version.")
    )
    target = serializers.IntegerField(
        min_value=1, help_text=_("Number of the later version.")
    )


class VersionSerializer(serializers.ModelSerializer[ReportVersion]):
    created_by = serializers.CharField(source="created_by.username", read_only=True)

    class Meta:
        model = ReportVersion
        fields = ["number", "label", "created_by", "created_at"]
        # Output only: writable integers would take their bounds from the
        # database backend, and the schema would differ between backends.
        read_only_fields = fields
