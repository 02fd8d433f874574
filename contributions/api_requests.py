"""REST endpoints for requests for input."""

from __future__ import annotations

from typing import cast

from django.contrib.auth.models import User
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from contributions.actions import do_request_input, do_update_request
from contributions.models import Entity, InputRequest
from contributions.serializers import (
    InputRequestSerializer,
    NewInputRequestSerializer,
    UpdateInputRequestSerializer,
)
from drafting.models import Section
from reportdesk.abilities import visible_reports
from reportdesk.abilities.inputs import can_request_input, visible_requests
from reportdesk.errors import DomainError, NotAllowed


def _context(request: Request) -> dict[str, object]:
    return {"request": request, "today": timezone.localdate()}


class InputRequestList(APIView):
    @extend_schema(
        parameters=[
            OpenApiParameter("section", int, description="only this section's"),
            OpenApiParameter("late", bool, description="only those past due"),
        ],
        responses=InputRequestSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        found = visible_requests(request.user).select_related(
            "entity", "section__report"
        )
        section = request.query_params.get("section", "")
        if section.isdigit():
            found = found.filter(section_id=int(section))
        if request.query_params.get("late") in ("1", "true"):
            found = found.filter(
                status__in=InputRequest.OPEN, due_date__lt=timezone.localdate()
            )
        return Response(
            InputRequestSerializer(found, many=True, context=_context(request)).data
        )

    @extend_schema(
        request=NewInputRequestSerializer, responses=InputRequestSerializer(many=True)
    )
    def post(self, request: Request) -> Response:
        if not can_request_input(request.user):
            raise NotAllowed(_("Only the secretariat can ask for input."))
        payload = NewInputRequestSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        section = get_object_or_404(
            Section.objects.select_related("report"),
            pk=data["section"],
            report__in=visible_reports(request.user),
        )
        entities = list(Entity.objects.filter(pk__in=data["entities"]))
        if len(entities) != len(set(data["entities"])):
            raise DomainError(
                _("One of the bodies chosen does not exist; reload the list.")
            )
        created = do_request_input(
            cast(User, request.user),
            section,
            entities=entities,
            instructions=data["instructions"],
            due_date=data["due_date"],
        )
        return Response(
            InputRequestSerializer(created, many=True, context=_context(request)).data,
            status=201,
        )


class InputRequestDetail(APIView):
    @extend_schema(responses=InputRequestSerializer)
    def get(self, request: Request, pk: int) -> Response:
        found = get_object_or_404(visible_requests(request.user), pk=pk)
        return Response(InputRequestSerializer(found, context=_context(request)).data)

    @extend_schema(
        request=UpdateInputRequestSerializer, responses=InputRequestSerializer
    )
    def patch(self, request: Request, pk: int) -> Response:
        found = get_object_or_404(visible_requests(request.user), pk=pk)
        payload = UpdateInputRequestSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        updated = do_update_request(
            cast(User, request.user), found, **payload.validated_data
        )
        return Response(InputRequestSerializer(updated, context=_context(request)).data)
