from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path, re_path
from drf_spectacular.views import SpectacularAPIView

from contributions import api as contributions_api
from drafting import api as drafting_api
from drafting import api_structure
from reportdesk.errors import api_not_found

api_patterns: list[URLPattern | URLResolver] = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("skeletons/", drafting_api.SkeletonList.as_view(), name="api-skeletons"),
    path("reports/", drafting_api.ReportList.as_view(), name="api-reports"),
    path("reports/plan/", api_structure.PlanReport.as_view(), name="api-report-plan"),
    path(
        "documents/read/",
        api_structure.ReadDocument.as_view(),
        name="api-read-document",
    ),
    path("calendar/", api_structure.Calendar.as_view(), name="api-calendar"),
    path(
        "reports/<slug:slug>/", drafting_api.ReportDetail.as_view(), name="api-report"
    ),
    path(
        "reports/<slug:slug>/sections/",
        drafting_api.ReportSections.as_view(),
        name="api-report-sections",
    ),
    path(
        "reports/<slug:slug>/export/",
        drafting_api.ReportExport.as_view(),
        name="api-report-export",
    ),
    path(
        "reports/<slug:slug>/sections/add/",
        api_structure.ReportSectionAdd.as_view(),
        name="api-report-section-add",
    ),
    path(
        "sections/<int:pk>/", drafting_api.SectionDetail.as_view(), name="api-section"
    ),
    path(
        "sections/<int:pk>/structure/",
        api_structure.SectionStructure.as_view(),
        name="api-section-structure",
    ),
    path(
        "sections/<int:pk>/split/",
        api_structure.SectionSplit.as_view(),
        name="api-section-split",
    ),
    path(
        "contributions/",
        contributions_api.ContributionList.as_view(),
        name="api-contributions",
    ),
    path(
        "contributions/<int:pk>/",
        contributions_api.ContributionDetail.as_view(),
        name="api-contribution",
    ),
    path(
        "contributions/<int:pk>/submit/",
        contributions_api.ContributionSubmit.as_view(),
        name="api-contribution-submit",
    ),
    path(
        "contributions/<int:pk>/revisions/",
        contributions_api.RevisionList.as_view(),
        name="api-revisions",
    ),
    path(
        "revisions/<int:pk>/accept/",
        contributions_api.RevisionAccept.as_view(),
        name="api-revision-accept",
    ),
    path("", include("contributions.api_urls")),
    path("", include("recommendations.api_urls")),
    path("", include("collab.api_urls")),
    path("", include("exports.api_urls")),
    path("", include("consultation.api_urls")),
    path("", include("audit.api_urls")),
]

urlpatterns = [
    path("api/", include(api_patterns)),
    re_path(r"^api/(?P<path>.*)$", api_not_found),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("recommendations.urls")),
    path("", include("collab.urls")),
    path("", include("exports.urls")),
    path("", include("consultation.urls")),
    path("", include("contributions.urls")),
    path("", include("audit.urls")),
    path("", include("accounts.urls")),
    path("", include("frontend.urls")),
]
