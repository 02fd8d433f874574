"""REST endpoints for building a report: reading the committee's document,
previewing the structure, reshaping sections, and the reporting calendar."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from contributions.models import membership_of
from drafting.calendar import reporting_calendar
from drafting.models import Section, Skeleton
from drafting.planning import plan_from_document
from drafting.serializers import MAX_DOCUMENT, SectionSerializer
from drafting.structure import (
    do_add_section,
    do_move_section,
    do_remove_section,
    do_rename_section,
    do_split_section,
)
from reportdesk.abilities import is_government, visible_reports
from reportdesk.errors import DomainError, NotAllowed
from unreader.detect import read_document
from unreader.errors import UnreadableDocument


class DocumentSerializer(serializers.Serializer[Any]):
    text = serializers.CharField(
        required=False, max_length=MAX_DOCUMENT, trim_whitespace=False
    )
    file = serializers.FileField(required=False, max_length=200)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        upload = attrs.get("file")
        if upload is not None:
            attrs["text"] = _decode_upload(upload)
        if not attrs.get("text", "").strip():
            raise serializers.ValidationError(
                _("Paste the document's text, or upload it as a .txt file.")
            )
        return attrs


def _decode_upload(upload: Any) -> str:
    """An uploaded document must be plain UTF-8 text of a bounded size."""
    if upload.size > MAX_DOCUMENT * 4:
        raise serializers.ValidationError(
            {
                "file": _(
                    "The file is larger than a UN document can be; upload one document."
                )
            }
        )
    raw = upload.read(MAX_DOCUMENT * 4 + 1)
    try:
        return str(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as err:
        raise serializers.ValidationError(
            {
                "file": _(
                    "This file is not UTF-8 text. Save the PDF's text as a .txt file "
                    "(UTF-8) and upload that."
                )
            }
        ) from err


def _government_only(request: Request) -> None:
    if not is_government(membership_of(request.user)):
        raise NotAllowed(_("Reading committee documents is for people in government."))


class ReadDocument(APIView):
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    @extend_schema(request=DocumentSerializer, responses=OpenApiTypes.OBJECT)
    def post(self, request: Request) -> Response:
        """Split a UN document into its numbered paragraphs, sub-items and headings."""
        _government_only(request)
        payload = DocumentSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        try:
            return Response(read_document(payload.validated_data["text"]))
        except UnreadableDocument as err:
            raise DomainError(str(err)) from err


class PlanSerializer(DocumentSerializer):
    skeleton = serializers.SlugRelatedField(
        slug_field="key", queryset=Skeleton.objects.all()
    )


class PlanReport(APIView):
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    @extend_schema(request=PlanSerializer, responses=OpenApiTypes.OBJECT)
    def post(self, request: Request) -> Response:
        """Preview the sections a committee document would give a new report."""
        _government_only(request)
        payload = PlanSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        skeleton = payload.validated_data["skeleton"]
        plan = plan_from_document(skeleton.structure, payload.validated_data["text"])
        return Response(plan.as_dict())


def _section(request: Request, pk: int) -> Section:
    return get_object_or_404(
        Section.objects.select_related("report", "parent"),
        pk=pk,
        report__in=visible_reports(request.user),
    )


class NewSectionSerializer(serializers.Serializer[Any]):
    heading = serializers.CharField(max_length=500)
    parent_section = serializers.IntegerField(required=False, allow_null=True)


class ReportSectionAdd(APIView):
    @extend_schema(request=NewSectionSerializer, responses=SectionSerializer)
    def post(self, request: Request, slug: str) -> Response:
        report = get_object_or_404(visible_reports(request.user), slug=slug)
        payload = NewSectionSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        parent_id = payload.validated_data.get("parent_section")
        parent = get_object_or_404(report.sections, pk=parent_id) if parent_id else None
        section = do_add_section(
            request.user,  # type: ignore[arg-type]
            report,
            heading=payload.validated_data["heading"],
            parent=parent,
        )
        return Response(
            SectionSerializer(section, context={"request": request}).data, 201
        )


class StructureSerializer(serializers.Serializer[Any]):
    base_version = serializers.IntegerField(min_value=1)
    heading = serializers.CharField(max_length=500, required=False)
    parent_section = serializers.IntegerField(required=False, allow_null=True)
    position = serializers.IntegerField(min_value=0, required=False)


class SectionStructure(APIView):
    @extend_schema(request=StructureSerializer, responses=SectionSerializer)
    def patch(self, request: Request, pk: int) -> Response:
        """Rename a section, or move it (with its parts) elsewhere in the report."""
        section = _section(request, pk)
        payload = StructureSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        user = request.user
        if "heading" in data:
            section = do_rename_section(
                user,  # type: ignore[arg-type]
                section,
                heading=data["heading"],
                base_version=data["base_version"],
            )
        if "parent_section" in data or "position" in data:
            parent_id = data.get("parent_section", section.parent_id)
            parent = (
                get_object_or_404(Section, pk=parent_id, report=section.report)
                if parent_id
                else None
            )
            section = do_move_section(
                user,  # type: ignore[arg-type]
                section,
                parent=parent,
                position=data.get("position", section.position),
            )
        return Response(SectionSerializer(section, context={"request": request}).data)

    @extend_schema(request=None, responses={200: OpenApiTypes.OBJECT})
    def delete(self, request: Request, pk: int) -> Response:
        """Remove a section; its text and contributions go to the section before it."""
        section = _section(request, pk)
        receiver = do_remove_section(request.user, section)  # type: ignore[arg-type]
        return Response(
            {"removed": pk, "text_moved_to": receiver.pk if receiver else None}
        )


class SplitSerializer(serializers.Serializer[Any]):
    base_version = serializers.IntegerField(min_value=1)
    at_block = serializers.IntegerField(
        min_value=1,
        help_text=_("Index of the first block that moves to the new section."),
    )
    heading = serializers.CharField(max_length=500)


class SectionSplit(APIView):
    @extend_schema(request=SplitSerializer, responses=SectionSerializer)
    def post(self, request: Request, pk: int) -> Response:
        section = _section(request, pk)
        payload = SplitSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        new = do_split_section(
            request.user,  # type: ignore[arg-type]
            section,
            at_block=payload.validated_data["at_block"],
            heading=payload.validated_data["heading"],
            base_version=payload.validated_data["base_version"],
        )
        return Response(SectionSerializer(new, context={"request": request}).data, 201)


class Calendar(APIView):
    @extend_schema(responses=OpenApiTypes.OBJECT)
    def get(self, request: Request) -> Response:
        """What the State owes and when, with the reports in progress."""
        entries = reporting_calendar(request.user)
        return Response(
            [
                {
                    "title": entry.title,
                    "mechanism": entry.mechanism,
                    "kind": entry.kind,
                    "due_date": entry.due_date,
                    "due_text": entry.due_text,
                    "source": entry.source,
                    "report": entry.report.slug if entry.report else None,
                    "overdue": entry.overdue,
                    "progress": None
                    if entry.progress is None
                    else {
                        "sections": entry.progress.sections,
                        "with_text": entry.progress.with_text,
                        "ready": entry.progress.ready,
                        "words": entry.progress.words,
                        "word_limit": entry.progress.word_limit,
                    },
                }
                for entry in entries
            ]
        )
