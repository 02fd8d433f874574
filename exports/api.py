"""REST endpoints for stored exports, redlines and their downloads."""

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

from drafting.models import Report, ReportVersion
from exports.actions import access_export, do_export_redline, do_export_report
from exports.models import Export
from exports.serializers import (
    ExportSerializer,
    NewExportSerializer,
    NewRedlineSerializer,
    VersionSerializer,
)
from reportdesk.abilities import visible_reports
from reportdesk.abilities.exports import visible_exports
from reportdesk.errors import DomainError

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _report(request: Request, slug: str) -> Report:
    return get_object_or_404(visible_reports(request.user), slug=slug)


def docx_download(export: Export) -> HttpResponse:
    response = HttpResponse(bytes(export.content), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    response["X-Content-SHA256"] = export.sha256
    return response


class ReportExports(generics.ListAPIView[Export]):
    serializer_class = ExportSerializer
    pagination_class = None

    def get_queryset(self):
        report = _report(self.request, self.kwargs["slug"])
        return (
            visible_exports(self.request.user)
            .filter(report=report)
            .select_related("version", "base_version", "created_by")
            .defer("content")
        )

    @extend_schema(request=NewExportSerializer, responses={201: ExportSerializer})
    def post(self, request: Request, slug: str) -> Response:
        report = _report(request, slug)
        payload = NewExportSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        export = do_export_report(
            request.user,  # type: ignore[arg-type]
            report,
            internal=payload.validated_data["internal"],
        )
        return Response(ExportSerializer(export).data, status=201)


class ReportRedlines(APIView):
    @extend_schema(request=NewRedlineSerializer, responses={201: ExportSerializer})
    def post(self, request: Request, slug: str) -> Response:
        report = _report(request, slug)
        payload = NewRedlineSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        base = _version(report, payload.validated_data["base"])
        target = _version(report, payload.validated_data["target"])
        export = do_export_redline(
            request.user,  # type: ignore[arg-type]
            report,
            base=base,
            target=target,
        )
        return Response(ExportSerializer(export).data, status=201)


class ReportVersions(generics.ListAPIView[ReportVersion]):
    """The frozen versions of a report, to choose two for a redline."""

    serializer_class = VersionSerializer
    pagination_class = None

    def get_queryset(self):
        report = _report(self.request, self.kwargs["slug"])
        return report.versions.select_related("created_by").order_by("number")


class ExportDownload(APIView):
    @extend_schema(responses={(200, DOCX): OpenApiTypes.BINARY})
    def get(self, request: Request, pk: int) -> HttpResponse:
        return docx_download(access_export(request.user, pk))


def _version(report: Report, number: int) -> ReportVersion:
    version = report.versions.filter(number=number).first()
    if version is None:
        raise DomainError(
            _("This report has no version %(number)s.") % {"number": number}
        )
    return version
