"""REST routes of this app, mounted under /api/."""

from django.urls import URLPattern, URLResolver, path

from exports import api

urlpatterns: list[URLPattern | URLResolver] = [
    path(
        "reports/<slug:slug>/exports/",
        api.ReportExports.as_view(),
        name="api-report-exports",
    ),
    path(
        "reports/<slug:slug>/redlines/",
        api.ReportRedlines.as_view(),
        name="api-report-redlines",
    ),
    path(
        "reports/<slug:slug>/versions/",
        api.ReportVersions.as_view(),
        name="api-report-versions",
    ),
    path(
        "exports/<int:pk>/download/",
        api.ExportDownload.as_view(),
        name="api-export-download",
    ),
]
