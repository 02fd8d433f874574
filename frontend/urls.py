from django.contrib.auth import views as auth_views
from django.urls import path

from frontend import building, views

urlpatterns = [
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", views.report_list, name="report-list"),
    path("reports/new/", building.report_new, name="report-new"),
    path("calendar/", building.calendar, name="calendar"),
    path(
        "reports/<slug:slug>/sections/add/",
        building.report_section_add,
        name="report-section-add",
    ),
    path(
        "sections/<int:pk>/structure/",
        building.section_structure,
        name="section-structure",
    ),
    path("reports/<slug:slug>/", views.report_detail, name="report-detail"),
    path("reports/<slug:slug>/export.docx", views.report_export, name="report-export"),
    path("sections/<int:pk>/", views.section_detail, name="section-detail"),
    path(
        "sections/<int:pk>/contribute/",
        views.section_contribute,
        name="section-contribute",
    ),
    path("sections/<int:pk>/text/", views.section_text, name="section-text"),
    path("sections/<int:pk>/status/", views.section_status, name="section-status"),
    path(
        "contributions/<int:pk>/submit/",
        views.contribution_submit,
        name="contribution-submit",
    ),
    path(
        "contributions/<int:pk>/revise/",
        views.contribution_revise,
        name="contribution-revise",
    ),
    path("revisions/<int:pk>/accept/", views.revision_accept, name="revision-accept"),
]
