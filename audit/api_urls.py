"""REST routes of this app, mounted under /api/."""

from django.urls import URLPattern, URLResolver, path

from audit import api

urlpatterns: list[URLPattern | URLResolver] = [
    path("audit/events/", api.AuditEventList.as_view(), name="api-audit-events"),
]
