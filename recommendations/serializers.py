from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from recommendations.actions.importing import MAX_IMPORT_BYTES
from recommendations.importers import KINDS
from recommendations.models import (
    Cluster,
    ImplementationStatus,
    PlannedAction,
    Recommendation,
)
from reportdesk.abilities.recommendations import (
    planned_action_abilities,
    recommendation_abilities,
)


class EntityRefSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    name = serializers.CharField()


class RecommendationSerializer(serializers.ModelSerializer[Recommendation]):
    # DRF takes declared fields off the class, so this "label" does not
    # replace the serializer's own.
    label = serializers.CharField(read_only=True)  # type: ignore[assignment]
    main_theme = serializers.CharField(
        source="main_theme.name", read_only=True, default=None
    )
    themes = serializers.SerializerMethodField()
    groups = serializers.SerializerMethodField()
    sdgs = serializers.SerializerMethodField()
    responsible_entities = serializers.SerializerMethodField()
    sections = serializers.SerializerMethodField()
    abilities = serializers.SerializerMethodField()
    # Plain strings here: the choices are listed once, on the write
    # serializers, so the schema has one enum per choice set.
    status = serializers.CharField(
        read_only=True, help_text=_("One of the choices of TrackingRequest.status.")
    )

    class Meta:
        model = Recommendation
        fields = [
            "id",
            "label",
            "mechanism",
            "state",
            "cycle",
            "session",
            "symbol",
            "number",
            "text",
            "subitems",
            "recommending_states",
            "position",
            "position_source",
            "explanation",
            "main_theme",
            "themes",
            "groups",
            "sdgs",
            "sdg_targets",
            "priority",
            "action_category",
            "responsible_entities",
            "status",
            "status_note",
            "status_updated_at",
            "sections",
            "version",
            "abilities",
        ]
        read_only_fields = fields

    def get_themes(self, obj: Recommendation) -> list[str]:
        return [t.name for t in obj.themes.all()]

    def get_groups(self, obj: Recommendation) -> list[str]:
        return [g.name for g in obj.groups.all()]

    def get_sdgs(self, obj: Recommendation) -> list[int]:
        return [s.number for s in obj.sdgs.all()]

    def get_responsible_entities(self, obj: Recommendation) -> list[dict[str, Any]]:
        return [{"id": e.pk, "name": e.name} for e in obj.responsible_entities.all()]

    def get_sections(self, obj: Recommendation) -> list[int]:
        return [s.pk for s in obj.sections.all()]

    def get_abilities(self, obj: Recommendation) -> dict[str, bool]:
        return recommendation_abilities(self.context["request"].user, obj)


class TrackingSerializer(serializers.Serializer[Any]):
    status = serializers.ChoiceField(choices=ImplementationStatus.choices)
    status_note = serializers.CharField(
        max_length=10_000, required=False, allow_blank=True, default=""
    )
    base_version = serializers.IntegerField(min_value=1)


class AssignmentSerializer(serializers.Serializer[Any]):
    entities = serializers.ListField(
        child=serializers.IntegerField(), max_length=50, allow_empty=True
    )
    base_version = serializers.IntegerField(min_value=1)


class ClassificationSerializer(serializers.Serializer[Any]):
    themes = serializers.ListField(
        child=serializers.CharField(max_length=300), max_length=60
    )
    groups = serializers.ListField(
        child=serializers.CharField(max_length=300), max_length=60
    )
    sdgs = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=17), max_length=17
    )
    sdg_targets = serializers.ListField(
        child=serializers.CharField(max_length=8), max_length=170, default=list
    )
    base_version = serializers.IntegerField(min_value=1)


class SectionLinksSerializer(serializers.Serializer[Any]):
    sections = serializers.ListField(
        child=serializers.IntegerField(), max_length=200, allow_empty=True
    )


class PlannedActionSerializer(serializers.ModelSerializer[PlannedAction]):
    entity_name = serializers.CharField(source="entity.name", read_only=True)
    abilities = serializers.SerializerMethodField()
    status = serializers.CharField(
        read_only=True, help_text=_("One of the choices of PlannedActionWrite.status.")
    )

    class Meta:
        model = PlannedAction
        fields = [
            "id",
            "recommendation",
            "entity",
            "entity_name",
            "description",
            "start",
            "due",
            "indicator",
            "status",
            "created_at",
            "updated_at",
            "abilities",
        ]
        read_only_fields = fields

    def get_abilities(self, obj: PlannedAction) -> dict[str, bool]:
        return planned_action_abilities(self.context["request"].user, obj)


class PlannedActionWriteSerializer(serializers.Serializer[Any]):
    description = serializers.CharField(max_length=5000)
    entity = serializers.IntegerField(required=False, allow_null=True)
    start = serializers.DateField(required=False, allow_null=True)
    due = serializers.DateField(required=False, allow_null=True)
    indicator = serializers.CharField(
        max_length=2000, required=False, allow_blank=True, default=""
    )
    status = serializers.ChoiceField(
        choices=PlannedAction.Status.choices, default=PlannedAction.Status.PLANNED
    )


class ImportSerializer(serializers.Serializer[Any]):
    """Either ``file`` (multipart) or ``text`` (pasted)."""

    file = serializers.FileField(required=False)
    text = serializers.CharField(
        required=False, trim_whitespace=False, max_length=MAX_IMPORT_BYTES
    )
    kind = serializers.ChoiceField(choices=KINDS, required=False)


class ImportSummarySerializer(serializers.Serializer[Any]):
    kind = serializers.CharField()
    symbol = serializers.CharField()
    state = serializers.CharField()
    imported = serializers.IntegerField()
    updated = serializers.IntegerField()
    unchanged = serializers.IntegerField()
    not_found = serializers.ListField(child=serializers.CharField())
    changes = serializers.ListField(child=serializers.DictField())
    by_position = serializers.DictField(child=serializers.IntegerField())
    by_theme = serializers.DictField(child=serializers.IntegerField())
    by_sdg = serializers.DictField(child=serializers.IntegerField())
    record = serializers.IntegerField(source="import", allow_null=True)


class GroupSerializer(serializers.Serializer[Any]):
    key = serializers.IntegerField(allow_null=True)
    label = serializers.CharField()  # type: ignore[assignment]
    total = serializers.IntegerField()
    by_position = serializers.DictField(child=serializers.IntegerField())
    by_status = serializers.DictField(child=serializers.IntegerField())
    implemented_share = serializers.IntegerField()


class ClusterSerializer(serializers.ModelSerializer[Cluster]):
    members = serializers.SerializerMethodField()

    class Meta:
        model = Cluster
        fields = ["id", "title", "state", "status", "score", "members", "decided_at"]
        read_only_fields = fields

    def get_members(self, obj: Cluster) -> list[dict[str, Any]]:
        return [
            {"id": m.pk, "label": m.label, "mechanism": m.mechanism, "text": m.text}
            for m in obj.members.all()
        ]


class ProposeSerializer(serializers.Serializer[Any]):
    state = serializers.CharField(max_length=120)


class ConfirmSerializer(serializers.Serializer[Any]):
    title = serializers.CharField(
        max_length=300, required=False, allow_blank=True, default=""
    )
    members = serializers.ListField(
        child=serializers.IntegerField(), required=False, max_length=500
    )


class CoverageSerializer(serializers.Serializer[Any]):
    recommendation = serializers.IntegerField(source="recommendation.pk")
    label = serializers.CharField(source="recommendation.label")  # type: ignore[assignment]
    mechanism = serializers.CharField(source="recommendation.mechanism")
    text = serializers.CharField(source="recommendation.text")
    position = serializers.CharField(source="recommendation.position")
    answered = serializers.BooleanField()
    sections = serializers.SerializerMethodField()

    def get_sections(self, row: Any) -> list[dict[str, Any]]:
        return [{"id": s.pk, "heading": s.heading} for s in row.sections]


class MidtermReportSerializer(serializers.Serializer[Any]):
    state = serializers.CharField(max_length=120)
    state_code = serializers.RegexField(r"^[A-Za-z]{3}$")
    slug = serializers.SlugField(max_length=60)
    title = serializers.CharField(
        max_length=300, required=False, allow_blank=True, default=""
    )
    symbol = serializers.CharField(
        max_length=80, required=False, allow_blank=True, default=""
    )
    due_date = serializers.DateField(required=False, allow_null=True, default=None)
