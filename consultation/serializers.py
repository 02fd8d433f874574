from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from consultation.anchoring import anchor
from consultation.models import Comment, Decision, Invitation, Round, Submission
from contributions.models import Entity
from reportdesk.abilities.consultation import comment_abilities, round_abilities


class ParticipantSerializer(serializers.Serializer[Any]):
    entity = serializers.IntegerField(source="entity.pk")
    name = serializers.CharField(source="entity.name")
    kind = serializers.CharField(source="entity.kind")
    anonymous = serializers.BooleanField()


class RoundSerializer(serializers.ModelSerializer[Round]):
    report = serializers.CharField(source="report.slug", read_only=True)
    version = serializers.IntegerField(source="version.number", read_only=True)
    is_open = serializers.SerializerMethodField()
    organisations = serializers.SerializerMethodField()
    public_link = serializers.SerializerMethodField()
    abilities = serializers.SerializerMethodField()

    class Meta:
        model = Round
        fields = [
            "id",
            "report",
            "title",
            "version",
            "shared_sections",
            "opens_at",
            "closes_at",
            "is_open",
            "reviewers_see_each_other",
            "organisations",
            "public_link",
            "abilities",
        ]
        read_only_fields = fields

    def _can(self, round: Round) -> dict[str, bool]:
        return round_abilities(
            self.context["request"].user,
            round,
            public_token=self.context.get("public_token"),
        )

    def get_is_open(self, round: Round) -> bool:
        return round.is_open()

    def get_organisations(self, round: Round) -> list[dict[str, Any]]:
        # Who else was invited is the secretariat's to know.
        if not self._can(round)["manage"]:
            return []
        return list(ParticipantSerializer(round.participants.all(), many=True).data)

    def get_public_link(self, round: Round) -> str:
        if not round.public_token or not self._can(round)["manage"]:
            return ""
        return reverse("consultation-public", args=[round.public_token])

    def get_abilities(self, round: Round) -> dict[str, bool]:
        return self._can(round)


class NewRoundSerializer(serializers.Serializer[Any]):
    title = serializers.CharField(max_length=200)
    opens_at = serializers.DateTimeField()
    closes_at = serializers.DateTimeField()
    sections = serializers.ListField(
        child=serializers.IntegerField(), required=False, default=list
    )
    organisations = serializers.ListField(
        child=serializers.IntegerField(), required=False, default=list
    )
    public_link = serializers.BooleanField(required=False, default=False)
    reviewers_see_each_other = serializers.BooleanField(required=False, default=False)
    version = serializers.IntegerField(
        required=False, help_text="A frozen version's number; none freezes one now."
    )


class RoundUpdateSerializer(serializers.Serializer[Any]):
    closes_at = serializers.DateTimeField(required=False)
    reviewers_see_each_other = serializers.BooleanField(required=False)
    public_link = serializers.BooleanField(required=False)


class SharedSectionSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    heading = serializers.CharField()
    depth = serializers.IntegerField()
    text = serializers.CharField()
    html = serializers.CharField()


class RoundTextSerializer(serializers.Serializer[Any]):
    round = serializers.IntegerField()
    version = serializers.IntegerField()
    sections = SharedSectionSerializer(many=True)


class AnchorSerializer(serializers.Serializer[Any]):
    status = serializers.CharField()
    section = serializers.IntegerField(source="section_id", allow_null=True)
    paragraphs = serializers.ListField(child=serializers.IntegerField())
    passage = serializers.CharField()


class CommentSerializer(serializers.ModelSerializer[Comment]):
    section = serializers.IntegerField(source="snapshot_section", read_only=True)
    organisation = serializers.CharField(source="organisation_name", read_only=True)
    decision = serializers.SerializerMethodField()
    reason = serializers.SerializerMethodField()
    anchor = serializers.SerializerMethodField()

    class Meta:
        model = Comment
        fields = [
            "id",
            "round",
            "section",
            "section_heading",
            "quote",
            "paragraph",
            "body",
            "proposed_wording",
            "organisation",
            "created_at",
            "decision",
            "reason",
            "decided_at",
            "carried_in_section",
            "carried_in_version",
            "carried_in_revision",
            "anchor",
        ]
        read_only_fields = fields

    def _can(self, comment: Comment) -> dict[str, bool]:
        return comment_abilities(self.context["request"].user, comment)

    def get_decision(self, comment: Comment) -> str:
        return comment.decision if self._can(comment)["see_decision"] else ""

    def get_reason(self, comment: Comment) -> str:
        return comment.reason if self._can(comment)["see_decision"] else ""

    @extend_schema_field(AnchorSerializer(allow_null=True))
    def get_anchor(self, comment: Comment) -> dict[str, Any] | None:
        texts = self.context.get("current_texts")
        if texts is None or not self._can(comment)["see_anchor"]:
            return None
        return dict(AnchorSerializer(anchor(comment, texts)).data)

    def to_representation(self, comment: Comment) -> dict[str, Any]:
        data = super().to_representation(comment)
        if not self._can(comment)["see_decision"]:
            for name in (
                "decided_at",
                "carried_in_section",
                "carried_in_version",
                "carried_in_revision",
            ):
                data[name] = None
        return data


class NewCommentSerializer(serializers.Serializer[Any]):
    section = serializers.IntegerField(help_text="A section id of the round's version.")
    quote = serializers.CharField(required=False, allow_blank=True, default="")
    body = serializers.CharField(required=False, allow_blank=True, default="")
    proposed_wording = serializers.CharField(
        required=False, allow_blank=True, default=""
    )


class PublicCommentSerializer(NewCommentSerializer):
    name = serializers.CharField(max_length=200)
    organisation = serializers.CharField(max_length=200)
    anonymous = serializers.BooleanField(required=False, default=False)


class DecisionSerializer(serializers.Serializer[Any]):
    decision = serializers.ChoiceField(choices=Decision.choices)
    reason = serializers.CharField()
    carried_in_section = serializers.IntegerField(required=False, allow_null=True)
    carried_in_version = serializers.IntegerField(
        required=False, allow_null=True, min_value=1
    )
    carried_in_revision = serializers.IntegerField(required=False, allow_null=True)


class InvitationSerializer(serializers.ModelSerializer[Invitation]):
    organisation = serializers.CharField(
        source="participant.entity.name", read_only=True
    )

    class Meta:
        model = Invitation
        fields = ["id", "organisation", "email", "created_at", "expires_at", "used_at"]
        read_only_fields = fields


class NewInvitationSerializer(serializers.Serializer[Any]):
    email = serializers.EmailField()
    entity = serializers.IntegerField(required=False)
    organisation_name = serializers.CharField(
        required=False, allow_blank=True, max_length=200
    )
    # Checked by the action ("nhri" or "cso"); a plain string keeps the
    # schema free of a second enum named "kind".
    kind = serializers.CharField(
        required=False,
        default=Entity.Kind.CSO,
        help_text="For a new organisation: nhri or cso.",
    )


class AcceptInvitationSerializer(serializers.Serializer[Any]):
    token = serializers.CharField()
    username = serializers.CharField(required=False, allow_blank=True, default="")
    password = serializers.CharField(
        required=False, allow_blank=True, default="", style={"input_type": "password"}
    )
    full_name = serializers.CharField(required=False, allow_blank=True, default="")


class AcceptedSerializer(serializers.Serializer[Any]):
    username = serializers.CharField()
    organisation = serializers.CharField()


class AnonymousSerializer(serializers.Serializer[Any]):
    anonymous = serializers.BooleanField()


class SubmissionSerializer(serializers.ModelSerializer[Submission]):
    organisation = serializers.SerializerMethodField()
    download = serializers.SerializerMethodField()

    class Meta:
        model = Submission
        fields = [
            "id",
            "round",
            "organisation",
            "title",
            "original_name",
            "file_type",
            "size",
            "sha256",
            "created_at",
            "download",
        ]
        read_only_fields = fields

    def get_organisation(self, submission: Submission) -> str:
        if submission.anonymous:
            return gettext("anonymous")
        return submission.entity.name

    def get_download(self, submission: Submission) -> str:
        return reverse("api-consultation-submission-file", args=[submission.pk])


class NewSubmissionSerializer(serializers.Serializer[Any]):
    file = serializers.FileField()
    title = serializers.CharField(required=False, allow_blank=True, max_length=200)


class MethodologySerializer(serializers.Serializer[Any]):
    section = serializers.IntegerField()
    text = serializers.CharField()
    version = serializers.IntegerField(required=False)


class ToldSerializer(serializers.Serializer[Any]):
    emails = serializers.IntegerField()


class PublicRoundSerializer(serializers.Serializer[Any]):
    round = RoundSerializer()
    text = RoundTextSerializer()
    comments = CommentSerializer(many=True)
