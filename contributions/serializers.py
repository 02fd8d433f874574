from __future__ import annotations

from typing import Any

from rest_framework import serializers

from contributions.models import (
    AcceptedInput,
    Contribution,
    ContributionNote,
    InputRequest,
    Revision,
)
from drafting.serializers import SectionTextField
from reportdesk.abilities import contribution_abilities
from reportdesk.abilities.inputs import request_abilities


class RevisionSerializer(serializers.ModelSerializer[Revision]):
    author = serializers.CharField(source="author.username", read_only=True)

    class Meta:
        model = Revision
        fields = [
            "id",
            "contribution",
            "number",
            "text",
            "author",
            "created_at",
            "source",
            "file_name",
            "warnings",
        ]
        read_only_fields = fields


class ContributionSerializer(serializers.ModelSerializer[Contribution]):
    entity = serializers.CharField(source="entity.name", read_only=True)
    latest_revision = serializers.SerializerMethodField()
    abilities = serializers.SerializerMethodField()

    class Meta:
        model = Contribution
        fields = [
            "id",
            "section",
            "entity",
            "title",
            "kind",
            "status",
            "request",
            "base_section_version",
            "validated_number",
            "validated_at",
            "version",
            "created_at",
            "latest_revision",
            "abilities",
        ]
        read_only_fields = fields

    def get_latest_revision(self, contribution: Contribution) -> int | None:
        latest = contribution.latest_revision()
        return latest.number if latest else None

    def get_abilities(self, contribution: Contribution) -> dict[str, bool]:
        return contribution_abilities(self.context["request"].user, contribution)


class NewContributionSerializer(serializers.Serializer[Any]):
    section = serializers.IntegerField()
    title = serializers.CharField(max_length=200, required=False, allow_blank=True)
    text = SectionTextField()
    kind = serializers.ChoiceField(
        choices=Contribution.Kind.choices, default=Contribution.Kind.NEW_TEXT
    )
    # A proposal says which section version the focal point's copy is of.
    base_version = serializers.IntegerField(min_value=1, required=False)


class NewRevisionSerializer(serializers.Serializer[Any]):
    text = SectionTextField()
    base_number = serializers.IntegerField(min_value=0)


class BaseNumberSerializer(serializers.Serializer[Any]):
    base_number = serializers.IntegerField(min_value=1)


class ValidateSerializer(BaseNumberSerializer):
    note = serializers.CharField(required=False, allow_blank=True, max_length=5000)


class CommentSerializer(BaseNumberSerializer):
    comment = serializers.CharField(max_length=5000)


class AcceptSerializer(serializers.Serializer[Any]):
    base_version = serializers.IntegerField(min_value=1)


class ChangeDecisionSerializer(serializers.Serializer[Any]):
    change = serializers.IntegerField(min_value=1)
    action = serializers.ChoiceField(choices=["accept", "reject", "edit", "resolve"])
    text = SectionTextField(required=False, allow_blank=True, default="")


class ReviewSerializer(serializers.Serializer[Any]):
    base_version = serializers.IntegerField(min_value=1)
    base_number = serializers.IntegerField(min_value=1)
    decisions = ChangeDecisionSerializer(many=True)


class PlacementSerializer(serializers.Serializer[Any]):
    change = serializers.IntegerField(source="change.number")
    removed = serializers.CharField(source="change.removed")
    added = serializers.CharField(source="change.added")
    conflict = serializers.BooleanField()
    draft_words = serializers.CharField()


class ReviewPlanSerializer(serializers.Serializer[Any]):
    revision = serializers.IntegerField(source="revision.number")
    section_version = serializers.IntegerField()
    new_text = serializers.BooleanField()
    changes = PlacementSerializer(source="placements", many=True)


class DiffSerializer(serializers.Serializer[Any]):
    """``diffs`` is a list of [operation, text]: -1 deleted, 0 kept, 1 added."""

    old = serializers.CharField()
    new = serializers.CharField()
    diffs = serializers.ListField(child=serializers.ListField())


class AcceptedInputSerializer(serializers.ModelSerializer[AcceptedInput]):
    class Meta:
        model = AcceptedInput
        fields = ["id", "section", "revision", "accepted_at", "decisions"]
        read_only_fields = fields


class NoteSerializer(serializers.ModelSerializer[ContributionNote]):
    class Meta:
        model = ContributionNote
        fields = ["id", "kind", "author_name", "anchor", "text", "created_at"]
        read_only_fields = fields


class UploadSerializer(serializers.Serializer[Any]):
    file = serializers.FileField()
    section = serializers.IntegerField()
    title = serializers.CharField(max_length=200, required=False, allow_blank=True)
    kind = serializers.ChoiceField(
        choices=Contribution.Kind.choices, default=Contribution.Kind.NEW_TEXT
    )
    base_version = serializers.IntegerField(min_value=1, required=False)


class UploadRevisionSerializer(serializers.Serializer[Any]):
    file = serializers.FileField()
    base_number = serializers.IntegerField(min_value=1)


class InputRequestSerializer(serializers.ModelSerializer[InputRequest]):
    entity = serializers.CharField(source="entity.name", read_only=True)
    section_heading = serializers.CharField(source="section.heading", read_only=True)
    report = serializers.CharField(source="section.report.slug", read_only=True)
    late = serializers.SerializerMethodField()
    abilities = serializers.SerializerMethodField()

    class Meta:
        model = InputRequest
        fields = [
            "id",
            "section",
            "section_heading",
            "report",
            "entity",
            "instructions",
            "due_date",
            "status",
            "late",
            "requested_at",
            "version",
            "abilities",
        ]
        read_only_fields = fields

    def get_late(self, request: InputRequest) -> bool:
        return request.is_late(self.context["today"])

    def get_abilities(self, request: InputRequest) -> dict[str, bool]:
        return request_abilities(self.context["request"].user, request)


class NewInputRequestSerializer(serializers.Serializer[Any]):
    section = serializers.IntegerField()
    entities = serializers.ListField(child=serializers.IntegerField(), min_length=1)
    instructions = serializers.CharField(allow_blank=True, max_length=20000)
    due_date = serializers.DateField()


class UpdateInputRequestSerializer(serializers.Serializer[Any]):
    base_version = serializers.IntegerField(min_value=1)
    instructions = serializers.CharField(
        required=False, allow_blank=True, max_length=20000
    )
    due_date = serializers.DateField(required=False)
