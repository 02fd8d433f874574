"""REST endpoints for skeletons, reports and sections."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from audit import Verb, record
from drafting.actions import (
    do_create_report,
    do_update_report,
    do_update_section_text,
    ordered_sections,
)
from drafting.export import do_export_report
from drafting.models import Report, Section, Skeleton
from drafting.planning import plan_from_document
from drafting.sectiontext.prepare import prepare_text
from drafting.serializers import (
    ReportSerializer,
    ReportUpdateSerializer,
    SectionSerializer,
    SectionTextSerializer,
    SkeletonSerializer,
)
from reportdesk.abilities import can_create_reports, visible_reports
from reportdesk.errors import DomainError, NotAllowed

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class SkeletonList(generics.ListAPIView[Skeleton]):
    queryset = Skeleton.objects.all()
    serializer_class = SkeletonSerializer


class ReportList(generics.ListCreateAPIView[Report]):
    serializer_class = ReportSerializer

    def get_queryset(self):
        return visible_reports(self.request.user)

    def create(self, request: Request, *args: object, **kwargs: object) -> Response:
        # Refuse before validating, so nobody learns the rules of a form they
        # may not use.
        if not can_create_reports(request.user):
            raise NotAllowed(_("Only the secretariat coordinator can start a report."))
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        skeleton = data.pop("skeleton")
        document = data.pop("document_text", "")
        previous = data.pop("carry_over_from", None)
        if previous is not None and previous not in visible_reports(request.user):
            raise NotAllowed(_("You cannot carry text over from that report."))
        # Reading the document is the slow part: done before the transaction.
        plan = (
            plan_from_document(skeleton.structure, document)
            if document.strip()
            else None
        )
        report = do_create_report(
            request.user,  # type: ignore[arg-type]
            skeleton,
            plan=plan,
            carry_over_from=previous,
            **data,
        )
        return Response(self.get_serializer(report).data, status=201)


class ReportDetail(generics.RetrieveAPIView[Report]):
    serializer_class = ReportSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return visible_reports(self.request.user)

    def retrieve(self, request: Request, *args: object, **kwargs: object) -> Response:
        report = self.get_object()
        record(request.user, Verb.VIEW, target=report, request=request)
        return Response(self.get_serializer(report).data)

    @extend_schema(request=ReportUpdateSerializer, responses=ReportSerializer)
    def patch(self, request: Request, slug: str) -> Response:
        """Change the report's details: title, symbol, masthead lines, dates."""
        report = self.get_object()
        payload = ReportUpdateSerializer(report, data=request.data, partial=True)
        payload.is_valid(raise_exception=True)
        details = dict(payload.validated_data)
        base_version = details.pop("base_version", None)
        if base_version is None:
            raise DomainError(_("Send base_version, the version you edited from."))
        report = do_update_report(
            request.user,  # type: ignore[arg-type]
            report,
            base_version=base_version,
            **details,
        )
        return Response(self.get_serializer(report).data)


class ReportSections(generics.ListAPIView[Section]):
    serializer_class = SectionSerializer
    pagination_class = None

    def get_queryset(self):
        report = get_object_or_404(
            visible_reports(self.request.user), slug=self.kwargs["slug"]
        )
        record(
            self.request.user,
            Verb.VIEW,
            target=report,
            details={"sections": True},
            request=self.request,
        )
        return [section for section, _depth in ordered_sections(report)]


def _visible_section(request: Request, pk: int) -> Section:
    section = get_object_or_404(
        Section.objects.select_related("report"),
        pk=pk,
        report__in=visible_reports(request.user),
    )
    return section


class SectionDetail(APIView):
    @extend_schema(responses=SectionSerializer)
    def get(self, request: Request, pk: int) -> Response:
        section = _visible_section(request, pk)
        record(request.user, Verb.VIEW, target=section, request=request)
        return Response(SectionSerializer(section, context={"request": request}).data)

    @extend_schema(request=SectionTextSerializer, responses=SectionSerializer)
    def patch(self, request: Request, pk: int) -> Response:
        section = _visible_section(request, pk)
        payload = SectionTextSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        prepared = prepare_text(payload.validated_data["text"])
        section = do_update_section_text(
            request.user,  # type: ignore[arg-type]
            section,
            text=prepared.text,
            base_version=payload.validated_data["base_version"],
        )
        body = SectionSerializer(section, context={"request": request}).data
        body["removed_characters"] = prepared.removed_characters
        body["paragraph_numbers_removed"] = prepared.paragraph_numbers_removed
        return Response(body)


class ReportExport(APIView):
    @extend_schema(responses={(200, DOCX): OpenApiTypes.BINARY})
    def get(self, request: Request, slug: str) -> HttpResponse:
        report = get_object_or_404(visible_reports(request.user), slug=slug)
        result = do_export_report(request.user, report)
        return docx_response(result.content, report)


def docx_response(content: bytes, report: Report) -> HttpResponse:
    # Named after the UN symbol, as the file is filed in Geneva; the symbol is
    # checked to hold only letters, digits and ". / -".
    name = report.symbol.replace("/", "_") if report.symbol else report.slug
    response = HttpResponse(content, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{name}.docx"'
    return response
