"""REST endpoints for recommendations: import, list, track, cluster, answer."""

from __future__ import annotations

from typing import Any, cast

from django.contrib.auth.models import User
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from contributions.models import Entity
from drafting.models import Section
from drafting.serializers import ReportSerializer
from recommendations import actions
from recommendations.actions.importing import check_request_size, read_upload
from recommendations.answering import coverage
from recommendations.grouping import GROUPINGS, group_recommendations
from recommendations.models import Cluster, PlannedAction, Recommendation
from recommendations.queries import filter_recommendations, with_relations
from recommendations.serializers import (
    AssignmentSerializer,
    ClassificationSerializer,
    ClusterSerializer,
    ConfirmSerializer,
    CoverageSerializer,
    GroupSerializer,
    ImportSerializer,
    ImportSummarySerializer,
    MidtermReportSerializer,
    PlannedActionSerializer,
    PlannedActionWriteSerializer,
    ProposeSerializer,
    RecommendationSerializer,
    SectionLinksSerializer,
    TrackingSerializer,
)
from recommendations.xlsx import XLSX, plan_workbook
from reportdesk.abilities import can_create_reports, visible_reports
from reportdesk.abilities.recommendations import (
    can_import_recommendations,
    can_manage_clusters,
    can_see_progress,
    visible_clusters,
    visible_recommendations,
)
from reportdesk.errors import DomainError, NotAllowed

FILTERS = [
    OpenApiParameter(name, str, required=False)
    for name in (
        "state",
        "mechanism",
        "symbol",
        "theme",
        "group",
        "entity",
        "sdg",
        "position",
        "status",
        "cluster",
        "q",
    )
]


def _person(request: Request) -> User:
    # Every endpoint here requires authentication (the default permission).
    return cast(User, request.user)


def _visible(request: Request, pk: int) -> Recommendation:
    return get_object_or_404(visible_recommendations(request.user), pk=pk)


def _detail(request: Request, recommendation: Recommendation) -> Response:
    fresh = with_relations(Recommendation.objects.filter(pk=recommendation.pk)).get()
    return Response(RecommendationSerializer(fresh, context={"request": request}).data)


class RecommendationList(generics.ListAPIView[Recommendation]):
    serializer_class = RecommendationSerializer

    @extend_schema(parameters=FILTERS)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        found = filter_recommendations(
            visible_recommendations(self.request.user), self.request.query_params
        )
        return with_relations(found)


class RecommendationDetail(APIView):
    @extend_schema(responses=RecommendationSerializer)
    def get(self, request: Request, pk: int) -> Response:
        return _detail(request, _visible(request, pk))

    @extend_schema(request=TrackingSerializer, responses=RecommendationSerializer)
    def patch(self, request: Request, pk: int) -> Response:
        recommendation = _visible(request, pk)
        payload = TrackingSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        updated = actions.do_update_tracking(
            _person(request),
            recommendation,
            status=data["status"],
            note=data["status_note"],
            base_version=data["base_version"],
        )
        return _detail(request, updated)


class RecommendationAssignment(APIView):
    @extend_schema(request=AssignmentSerializer, responses=RecommendationSerializer)
    def put(self, request: Request, pk: int) -> Response:
        recommendation = _visible(request, pk)
        payload = AssignmentSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        wanted = set(payload.validated_data["entities"])
        entities = list(Entity.objects.filter(pk__in=wanted))
        if len(entities) != len(wanted):
            raise DomainError(_("One of the bodies named does not exist."))
        updated = actions.do_assign_entities(
            _person(request),
            recommendation,
            entities,
            base_version=payload.validated_data["base_version"],
        )
        return _detail(request, updated)


class RecommendationClassification(APIView):
    @extend_schema(request=ClassificationSerializer, responses=RecommendationSerializer)
    def put(self, request: Request, pk: int) -> Response:
        recommendation = _visible(request, pk)
        payload = ClassificationSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        updated = actions.do_classify(
            _person(request),
            recommendation,
            themes=data["themes"],
            groups=data["groups"],
            sdgs=data["sdgs"],
            sdg_targets=data["sdg_targets"],
            base_version=data["base_version"],
        )
        return _detail(request, updated)


class RecommendationSections(APIView):
    @extend_schema(request=SectionLinksSerializer, responses=RecommendationSerializer)
    def put(self, request: Request, pk: int) -> Response:
        recommendation = _visible(request, pk)
        payload = SectionLinksSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        wanted = set(payload.validated_data["sections"])
        sections = list(
            Section.objects.select_related("report").filter(
                pk__in=wanted, report__in=visible_reports(request.user)
            )
        )
        if len(sections) != len(wanted):
            raise DomainError(_("One of the sections named does not exist."))
        actions.do_link_sections(_person(request), recommendation, sections)
        return _detail(request, recommendation)


class PlannedActionList(APIView):
    @extend_schema(responses=PlannedActionSerializer(many=True))
    def get(self, request: Request, pk: int) -> Response:
        recommendation = _visible(request, pk)
        items = recommendation.planned_actions.select_related(
            "entity", "recommendation"
        )
        return Response(
            PlannedActionSerializer(items, many=True, context={"request": request}).data
        )

    @extend_schema(
        request=PlannedActionWriteSerializer, responses=PlannedActionSerializer
    )
    def post(self, request: Request, pk: int) -> Response:
        recommendation = _visible(request, pk)
        payload = PlannedActionWriteSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        entity_id = data.pop("entity", None)
        entity = None
        if entity_id is not None:
            entity = Entity.objects.filter(pk=entity_id).first()
            if entity is None:
                raise DomainError(_("The body named does not exist."))
        created = actions.do_add_planned_action(
            _person(request), recommendation, entity=entity, **data
        )
        body = PlannedActionSerializer(created, context={"request": request}).data
        return Response(body, status=201)


class PlannedActionDetail(APIView):
    def _action(self, request: Request, pk: int) -> PlannedAction:
        return get_object_or_404(
            PlannedAction.objects.select_related("recommendation", "entity"),
            pk=pk,
            recommendation__in=visible_recommendations(request.user),
        )

    @extend_schema(
        request=PlannedActionWriteSerializer, responses=PlannedActionSerializer
    )
    def patch(self, request: Request, pk: int) -> Response:
        item = self._action(request, pk)
        payload = PlannedActionWriteSerializer(
            data={
                "description": item.description,
                "start": item.start,
                "due": item.due,
                "indicator": item.indicator,
                "status": item.status,
                **(request.data if isinstance(request.data, dict) else {}),
            }
        )
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        data.pop("entity", None)
        updated = actions.do_update_planned_action(_person(request), item, **data)
        return Response(
            PlannedActionSerializer(updated, context={"request": request}).data
        )

    @extend_schema(request=None, responses={204: None})
    def delete(self, request: Request, pk: int) -> Response:
        actions.do_delete_planned_action(_person(request), self._action(request, pk))
        return Response(status=204)


class RecommendationImport(APIView):
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    @extend_schema(request=ImportSerializer, responses={201: ImportSummarySerializer})
    def post(self, request: Request) -> Response:
        # Refuse before reading the upload, so nobody else makes us parse it.
        if not can_import_recommendations(request.user):
            raise NotAllowed(_("Only the secretariat can import recommendations."))
        check_request_size(request.META.get("CONTENT_LENGTH"))
        payload = ImportSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        upload = payload.validated_data.get("file")
        filename = ""
        if upload is not None:
            text = read_upload(upload)
            filename = upload.name or ""
        elif "text" in payload.validated_data:
            text = payload.validated_data["text"]
        else:
            raise DomainError(_("Send a file or paste the text to import."))
        summary = actions.do_import_recommendations(
            _person(request),
            text,
            filename=filename,
            kind=payload.validated_data.get("kind"),
        )
        return Response(summary.as_dict(), status=201)


class RecommendationGroups(APIView):
    @extend_schema(
        parameters=[
            OpenApiParameter("by", str, enum=list(GROUPINGS), required=True),
            *FILTERS,
        ],
        responses=GroupSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        by = request.query_params.get("by", "theme")
        if by not in GROUPINGS:
            raise DomainError(
                _("Group by one of: %(choices)s.") % {"choices": ", ".join(GROUPINGS)}
            )
        found = filter_recommendations(
            visible_recommendations(request.user), request.query_params
        )
        groups = group_recommendations(found, by)
        return Response([group.as_dict() for group in groups])


class RecommendationProgress(APIView):
    @extend_schema(parameters=FILTERS, responses=GroupSerializer(many=True))
    def get(self, request: Request) -> Response:
        if not can_see_progress(request.user):
            raise NotAllowed(_("Progress across ministries is for the secretariat."))
        found = filter_recommendations(
            visible_recommendations(request.user), request.query_params
        )
        return Response([g.as_dict() for g in group_recommendations(found, "entity")])


class RecommendationPlan(APIView):
    @extend_schema(parameters=FILTERS, responses={(200, XLSX): OpenApiTypes.BINARY})
    def get(self, request: Request) -> HttpResponse:
        found = filter_recommendations(
            visible_recommendations(request.user), request.query_params
        )
        return xlsx_response(plan_workbook(found))


def xlsx_response(content: bytes) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="implementation-plan.xlsx"'
    return response


class ClusterList(generics.ListAPIView[Cluster]):
    serializer_class = ClusterSerializer

    @extend_schema(
        parameters=[
            OpenApiParameter("status", str, enum=list(Cluster.Status.values)),
            OpenApiParameter("state", str),
        ]
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        found = visible_clusters(self.request.user).prefetch_related("members")
        status = self.request.query_params.get("status", "")
        if status in Cluster.Status.values:
            found = found.filter(status=status)
        state = self.request.query_params.get("state", "")
        if state:
            found = found.filter(state__iexact=state)
        return found


class ClusterPropose(APIView):
    @extend_schema(request=ProposeSerializer, responses=ClusterSerializer(many=True))
    def post(self, request: Request) -> Response:
        # Refused before the body is read, as everywhere in the API.
        if not can_manage_clusters(request.user):
            raise NotAllowed(_("Only the secretariat manages clusters."))
        payload = ProposeSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        created = actions.do_propose_clusters(
            _person(request), state=payload.validated_data["state"]
        )
        return Response(ClusterSerializer(created, many=True).data, status=201)


class ClusterConfirm(APIView):
    @extend_schema(request=ConfirmSerializer, responses=ClusterSerializer)
    def post(self, request: Request, pk: int) -> Response:
        cluster = get_object_or_404(visible_clusters(request.user), pk=pk)
        payload = ConfirmSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        confirmed = actions.do_confirm_cluster(
            _person(request),
            cluster,
            title=payload.validated_data["title"],
            members=payload.validated_data.get("members"),
        )
        return Response(ClusterSerializer(confirmed).data)


class ClusterReject(APIView):
    @extend_schema(request=None, responses=ClusterSerializer)
    def post(self, request: Request, pk: int) -> Response:
        cluster = get_object_or_404(visible_clusters(request.user), pk=pk)
        rejected = actions.do_reject_cluster(_person(request), cluster)
        return Response(ClusterSerializer(rejected).data)


class ReportCoverage(APIView):
    @extend_schema(responses=CoverageSerializer(many=True))
    def get(self, request: Request, slug: str) -> Response:
        report = get_object_or_404(visible_reports(request.user), slug=slug)
        return Response(CoverageSerializer(coverage(report), many=True).data)


class MidtermReportCreate(APIView):
    @extend_schema(request=MidtermReportSerializer, responses={201: ReportSerializer})
    def post(self, request: Request) -> Response:
        if not can_create_reports(request.user):
            raise NotAllowed(_("Only the secretariat coordinator can start a report."))
        payload = MidtermReportSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        report = actions.do_create_midterm_report(
            _person(request), **payload.validated_data
        )
        body = ReportSerializer(report, context={"request": request}).data
        return Response(body, status=201)
