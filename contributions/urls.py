"""Pages for requests for input, contributions, sign-off and review."""

from django.urls import path

from contributions import views, views_requests

urlpatterns = [
    path("inputs/", views_requests.inputs, name="inputs"),
    path(
        "inputs/<int:pk>/change/",
        views_requests.request_update,
        name="input-request-update",
    ),
    path("sections/<int:pk>/ask/", views_requests.section_ask, name="section-ask"),
    path(
        "sections/<int:pk>/propose/",
        views_requests.section_propose,
        name="section-propose",
    ),
    path(
        "sections/<int:pk>/upload/",
        views_requests.section_upload,
        name="section-upload",
    ),
    path(
        "contributions/<int:pk>/",
        views.contribution_detail,
        name="contribution-detail",
    ),
    path(
        "contributions/<int:pk>/validate/",
        views.contribution_validate,
        name="contribution-validate",
    ),
    path(
        "contributions/<int:pk>/send-back/",
        views.contribution_send_back,
        name="contribution-send-back",
    ),
    path(
        "contributions/<int:pk>/return/",
        views.contribution_return,
        name="contribution-return",
    ),
    path(
        "contributions/<int:pk>/review/",
        views.contribution_review,
        name="contribution-review",
    ),
    path(
        "contributions/<int:pk>/upload/",
        views.contribution_upload,
        name="contribution-upload",
    ),
]
