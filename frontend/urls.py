from django.contrib.auth import views as auth_views
from django.urls import path

from frontend import views

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(template_name="frontend/login.html"),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", views.report_list, name="report-list"),
    path("reports/<slug:slug>/", views.report_detail, name="report-detail"),
    path("reports/<slug:slug>/export.docx", views.report_export, name="report-export"),
    path("sections/<int:pk>/", views.section_detail, name="section-detail"),
    path(
        "sections/<int:pk>/contribute/",
        views.section_contribute,
        name="section-contribute",
    ),
    path("revisions/<int:pk>/accept/", views.revision_accept, name="revision-accept"),
]
