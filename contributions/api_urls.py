"""API routes for requests for input, sign-off, review and Word uploads.

Included from ``reportdesk/urls.py``; the older contribution routes are
listed there.
"""

from django.urls import path

from contributions import api, api_requests

urlpatterns = [
    path(
        "requests/", api_requests.InputRequestList.as_view(), name="api-input-requests"
    ),
    path(
        "requests/<int:pk>/",
        api_requests.InputRequestDetail.as_view(),
        name="api-input-request",
    ),
    path(
        "contributions/upload/",
        api.ContributionUpload.as_view(),
        name="api-contribution-upload",
    ),
    path(
        "contributions/<int:pk>/validate/",
        api.ContributionValidate.as_view(),
        name="api-contribution-validate",
    ),
    path(
        "contributions/<int:pk>/send-back/",
        api.ContributionSendBack.as_view(),
        name="api-contribution-send-back",
    ),
    path(
        "contributions/<int:pk>/return/",
        api.ContributionReturn.as_view(),
        name="api-contribution-return",
    ),
    path(
        "contributions/<int:pk>/changes/",
        api.ContributionChanges.as_view(),
        name="api-contribution-changes",
    ),
    path(
        "contributions/<int:pk>/review/",
        api.ContributionReview.as_view(),
        name="api-contribution-review",
    ),
    path(
        "contributions/<int:pk>/compare/",
        api.ContributionCompare.as_view(),
        name="api-contribution-compare",
    ),
    path(
        "contributions/<int:pk>/notes/",
        api.ContributionNotes.as_view(),
        name="api-contribution-notes",
    ),
    path(
        "contributions/<int:pk>/revisions/upload/",
        api.RevisionUpload.as_view(),
        name="api-revision-upload",
    ),
]
