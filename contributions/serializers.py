from __future__ import annotations

from typing import Any

from rest_framework import serializers

from contributions.models import AcceptedInput, Contribution, Revision
from drafting.serializers import SectionTextField
from reportdesk.abilities import contribution_abilities


class RevisionSerializer(serializers.ModelSerializer[Revision]):
    author = serializers.CharField(source="author.username", read_only=True)

    class Meta:
        model = Revision
        fields = ["id", "contribution", "number", "text", "author", "created_at"]
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
            "status",
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


class NewRevisionSerializer(serializers.Serializer[Any]):
    text = SectionTextField()
    base_number = serializers.IntegerField(min_value=0)


class AcceptSerializer(serializers.Serializer[Any]):
    base_version = serializers.IntegerField(min_value=1)


class AcceptedInputSerializer(serializers.ModelSerializer[AcceptedInput]):
    class Meta:
        model = AcceptedInput
        fields = ["id", "section", "revision", "accepted_at"]
        read_only_fields = fields
