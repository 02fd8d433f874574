"""REST endpoints for contributions and their revisions."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from contributions.actions import (
    do_accept_revision,
    do_add_revision,
    do_create_contribution,
    do_submit_contribution,
)
from contributions.models import Contribution, Revision
from contributions.serializers import (
    AcceptedInputSerializer,
    AcceptSerializer,
    ContributionSerializer,
    NewContributionSerializer,
    NewRevisionSerializer,
    RevisionSerializer,
)
from drafting.models import Section
from drafting.sectiontext.prepare import prepare_text
from reportdesk.abilities import visible_contributions, visible_reports


def _visible_contribution(request: Request, pk: int) -> Contribution:
    return get_object_or_404(
        visible_contributions(request.user).select_related("section__report", "entity"),
        pk=pk,
    )


class ContributionList(generics.ListAPIView[Contribution]):
    serializer_class = ContributionSerializer

    def get_queryset(self):
        queryset = visible_contributions(self.request.user).select_related("entity")
        section = self.request.query_params.get("section")
        if section and section.isdigit():
            queryset = queryset.filter(section_id=int(section))
        return queryset

    @extend_schema(request=NewContributionSerializer, responses=ContributionSerializer)
    def post(self, request: Request) -> Response:
        payload = NewContributionSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        section = get_object_or_404(
            Section.objects.select_related("report"),
            pk=payload.validated_data["section"],
            report__in=visible_reports(request.user),
        )
        prepared = prepare_text(payload.validated_data["text"])
        contribution = do_create_contribution(
            request.user,  # type: ignore[arg-type]
            section,
            text=prepared.text,
            title=payload.validated_data.get("title", ""),
        )
        data = ContributionSerializer(contribution, context={"request": request}).data
        return Response(data, status=201)


class ContributionDetail(APIView):
    @extend_schema(responses=ContributionSerializer)
    def get(self, request: Request, pk: int) -> Response:
        contribution = _visible_contribution(request, pk)
        return Response(
            ContributionSerializer(contribution, context={"request": request}).data
        )


class ContributionSubmit(APIView):
    @extend_schema(request=None, responses=ContributionSerializer)
    def post(self, request: Request, pk: int) -> Response:
        contribution = _visible_contribution(request, pk)
        do_submit_contribution(request.user, contribution)  # type: ignore[arg-type]
        return Response(
            ContributionSerializer(contribution, context={"request": request}).data
        )


class RevisionList(APIView):
    @extend_schema(responses=RevisionSerializer(many=True))
    def get(self, request: Request, pk: int) -> Response:
        contribution = _visible_contribution(request, pk)
        revisions = contribution.revisions.select_related("author")
        return Response(RevisionSerializer(revisions, many=True).data)

    @extend_schema(request=NewRevisionSerializer, responses=RevisionSerializer)
    def post(self, request: Request, pk: int) -> Response:
        contribution = _visible_contribution(request, pk)
        payload = NewRevisionSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        prepared = prepare_text(payload.validated_data["text"])
        revision = do_add_revision(
            request.user,  # type: ignore[arg-type]
            contribution,
            text=prepared.text,
            base_number=payload.validated_data["base_number"],
        )
        return Response(RevisionSerializer(revision).data, status=201)


class RevisionAccept(APIView):
    @extend_schema(request=AcceptSerializer, responses=AcceptedInputSerializer)
    def post(self, request: Request, pk: int) -> Response:
        revision = get_object_or_404(
            Revision.objects.select_related("contribution__section"),
            pk=pk,
            contribution__in=visible_contributions(request.user),
        )
        payload = AcceptSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        accepted = do_accept_revision(
            request.user,  # type: ignore[arg-type]
            revision,
            base_version=payload.validated_data["base_version"],
        )
        return Response(AcceptedInputSerializer(accepted).data, status=201)
