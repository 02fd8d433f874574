"""REST endpoints for contributions, their revisions, review and Word files."""

from __future__ import annotations

from typing import cast

from django.contrib.auth.models import User
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from contributions.actions import (
    do_accept_revision,
    do_add_revision,
    do_create_contribution,
    do_return_contribution,
    do_review_contribution,
    do_send_back_contribution,
    do_submit_contribution,
    do_upload_word,
    do_validate_contribution,
    review_plan,
)
from contributions.actions.review import Decision
from contributions.models import Contribution, Revision
from contributions.serializers import (
    AcceptedInputSerializer,
    AcceptSerializer,
    BaseNumberSerializer,
    CommentSerializer,
    ContributionSerializer,
    DiffSerializer,
    NewContributionSerializer,
    NewRevisionSerializer,
    NoteSerializer,
    ReviewPlanSerializer,
    ReviewSerializer,
    RevisionSerializer,
    UploadRevisionSerializer,
    UploadSerializer,
    ValidateSerializer,
)
from contributions.texts import DRAFT, comparison
from drafting.models import Section
from drafting.sectiontext.prepare import prepare_text
from reportdesk.abilities import (
    can_contribute,
    visible_contributions,
    visible_reports,
)
from reportdesk.errors import NotAllowed


def _person(request: Request) -> User:
    # Every endpoint here requires an authenticated user (settings).
    return cast(User, request.user)


def _visible_contribution(request: Request, pk: int) -> Contribution:
    return get_object_or_404(
        visible_contributions(request.user).select_related("section__report", "entity"),
        pk=pk,
    )


def _visible_section(request: Request, pk: int) -> Section:
    return get_object_or_404(
        Section.objects.select_related("report"),
        pk=pk,
        report__in=visible_reports(request.user),
    )


def _check_contributor(request: Request) -> None:
    # Asked before the body is read: someone who may not contribute at all
    # is refused as such, not told how to fill in the form.
    if not can_contribute(request.user):
        raise NotAllowed(_("Only a focal point of a contributing body can do this."))


def _answer(
    request: Request, contribution: Contribution, status: int = 200
) -> Response:
    data = ContributionSerializer(contribution, context={"request": request}).data
    return Response(data, status=status)


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
        _check_contributor(request)
        payload = NewContributionSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        section = _visible_section(request, data["section"])
        contribution = do_create_contribution(
            _person(request),
            section,
            text=prepare_text(data["text"]).text,
            title=data.get("title", ""),
            kind=data["kind"],
            base_version=data.get("base_version"),
        )
        return _answer(request, contribution, 201)


class ContributionDetail(APIView):
    @extend_schema(responses=ContributionSerializer)
    def get(self, request: Request, pk: int) -> Response:
        return _answer(request, _visible_contribution(request, pk))


class ContributionSubmit(APIView):
    @extend_schema(request=BaseNumberSerializer, responses=ContributionSerializer)
    def post(self, request: Request, pk: int) -> Response:
        contribution = _visible_contribution(request, pk)
        payload = BaseNumberSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        do_submit_contribution(
            _person(request),
            contribution,
            base_number=payload.validated_data["base_number"],
        )
        return _answer(request, contribution)


class ContributionValidate(APIView):
    @extend_schema(request=ValidateSerializer, responses=ContributionSerializer)
    def post(self, request: Request, pk: int) -> Response:
        contribution = _visible_contribution(request, pk)
        payload = ValidateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        do_validate_contribution(
            _person(request),
            contribution,
            base_number=payload.validated_data["base_number"],
            note=payload.validated_data.get("note", ""),
        )
        return _answer(request, contribution)


class ContributionSendBack(APIView):
    @extend_schema(request=CommentSerializer, responses=ContributionSerializer)
    def post(self, request: Request, pk: int) -> Response:
        contribution = _visible_contribution(request, pk)
        payload = CommentSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        do_send_back_contribution(
            _person(request), contribution, **payload.validated_data
        )
        return _answer(request, contribution)


class ContributionReturn(APIView):
    @extend_schema(request=CommentSerializer, responses=ContributionSerializer)
    def post(self, request: Request, pk: int) -> Response:
        contribution = _visible_contribution(request, pk)
        payload = CommentSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        do_return_contribution(_person(request), contribution, **payload.validated_data)
        return _answer(request, contribution)


class ContributionChanges(APIView):
    """The latest revision's changes, placed against the draft as it is now."""

    @extend_schema(responses=ReviewPlanSerializer)
    def get(self, request: Request, pk: int) -> Response:
        contribution = _visible_contribution(request, pk)
        plan = review_plan(contribution, contribution.section)
        return Response(ReviewPlanSerializer(plan).data)


class ContributionReview(APIView):
    @extend_schema(request=ReviewSerializer, responses=AcceptedInputSerializer)
    def post(self, request: Request, pk: int) -> Response:
        contribution = _visible_contribution(request, pk)
        payload = ReviewSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        accepted = do_review_contribution(
            _person(request),
            contribution,
            base_version=data["base_version"],
            base_number=data["base_number"],
            decisions={
                item["change"]: Decision(item["action"], item.get("text", ""))
                for item in data["decisions"]
            },
        )
        return Response(AcceptedInputSerializer(accepted).data, status=201)


class ContributionCompare(APIView):
    @extend_schema(
        parameters=[
            OpenApiParameter("from", str, description="base, draft or a revision"),
            OpenApiParameter("to", str, description="base, draft or a revision"),
        ],
        responses=DiffSerializer,
    )
    def get(self, request: Request, pk: int) -> Response:
        contribution = _visible_contribution(request, pk)
        latest = contribution.latest_revision()
        default_old = "base" if contribution.is_proposal else DRAFT
        old = request.query_params.get("from", default_old)
        new = request.query_params.get("to", str(latest.number if latest else 1))
        found = comparison(contribution, old, new)
        return Response(
            {
                "old": found.old,
                "new": found.new,
                "diffs": [list(d) for d in found.diffs],
            }
        )


class ContributionNotes(APIView):
    @extend_schema(responses=NoteSerializer(many=True))
    def get(self, request: Request, pk: int) -> Response:
        contribution = _visible_contribution(request, pk)
        return Response(NoteSerializer(contribution.notes.all(), many=True).data)


class ContributionUpload(APIView):
    """A new contribution from a Word file."""

    parser_classes = [MultiPartParser]

    @extend_schema(request=UploadSerializer, responses=ContributionSerializer)
    def post(self, request: Request) -> Response:
        _check_contributor(request)
        payload = UploadSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        section = _visible_section(request, data["section"])
        revision = do_upload_word(
            _person(request),
            _read_upload(data["file"]),
            file_name=data["file"].name,
            section=section,
            kind=data["kind"],
            base_version=data.get("base_version"),
            title=data.get("title", ""),
        )
        return _answer(request, revision.contribution, 201)


class RevisionUpload(APIView):
    """The next revision of a contribution from a Word file."""

    parser_classes = [MultiPartParser]

    @extend_schema(request=UploadRevisionSerializer, responses=RevisionSerializer)
    def post(self, request: Request, pk: int) -> Response:
        contribution = _visible_contribution(request, pk)
        payload = UploadRevisionSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        revision = do_upload_word(
            _person(request),
            _read_upload(data["file"]),
            file_name=data["file"].name,
            contribution=contribution,
            base_number=data["base_number"],
        )
        return Response(RevisionSerializer(revision).data, status=201)


def _read_upload(upload: object) -> bytes:
    """The uploaded bytes, read only up to one byte past the size limit."""
    from contributions.wordin.safety import MAX_FILE_BYTES

    return upload.read(MAX_FILE_BYTES + 1)  # type: ignore[attr-defined]


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
        revision = do_add_revision(
            _person(request),
            contribution,
            text=prepare_text(payload.validated_data["text"]).text,
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
            _person(request),
            revision,
            base_version=payload.validated_data["base_version"],
        )
        return Response(AcceptedInputSerializer(accepted).data, status=201)
