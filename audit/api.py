"""The trail over the API, read-only, for the secretariat."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.exceptions import ValidationError

from audit.models import AuditEvent, Verb
from audit.queries import TrailFilter, filtered_events
from audit.serializers import AuditEventSerializer
from reportdesk.abilities.audit import audit_abilities
from reportdesk.errors import NotAllowed


@extend_schema(
    parameters=[
        OpenApiParameter("report", str, description="the report's short name"),
        OpenApiParameter("entity", int, description="an entity's id"),
        OpenApiParameter("person", str, description="a user name"),
        OpenApiParameter("verb", str, enum=Verb.values),
        OpenApiParameter("since", OpenApiTypes.DATE),
        OpenApiParameter("until", OpenApiTypes.DATE),
    ]
)
class AuditEventList(generics.ListAPIView[AuditEvent]):
    """The audit trail, newest first, filtered per report, entity, person,
    act and period."""

    serializer_class = AuditEventSerializer

    def get_queryset(self):
        if not audit_abilities(self.request.user)["browse"]:
            raise NotAllowed(_("Only the secretariat reads the audit trail."))
        form = TrailFilter(self.request.query_params)
        if not form.is_valid():
            raise ValidationError(form.errors.get_json_data())
        return filtered_events(form.cleaned_data)
