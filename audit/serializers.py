from __future__ import annotations

from rest_framework import serializers

from audit.models import AuditEvent


class AuditEventSerializer(serializers.ModelSerializer[AuditEvent]):
    person = serializers.CharField(source="actor_label")
    person_entity = serializers.CharField(
        source="actor_entity.name", default="", allow_null=True
    )
    entity_name = serializers.CharField(
        source="entity.name", default="", allow_null=True
    )
    report = serializers.CharField(source="report_label")

    class Meta:
        model = AuditEvent
        fields = [
            "id",
            "at",
            "person",
            "person_entity",
            "verb",
            "target_type",
            "target_id",
            "target_label",
            "report",
            "entity",
            "entity_name",
            "details",
            "ip",
        ]
        read_only_fields = fields
