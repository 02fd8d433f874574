from django.urls import URLPattern, URLResolver, path

from exports import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("reports/<slug:slug>/exports/", views.report_exports, name="report-exports"),
    path(
        "reports/<slug:slug>/exports/new/",
        views.export_create,
        name="report-export-create",
    ),
    path(
        "reports/<slug:slug>/redlines/new/",
        views.redline_create,
        name="report-redline-create",
    ),
    path("exports/<int:pk>.docx", views.export_download, name="export-download"),
]
