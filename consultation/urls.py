"""Pages of consultation rounds."""

from django.urls import URLPattern, URLResolver, path

from consultation import views, views_secretariat

urlpatterns: list[URLPattern | URLResolver] = [
    path(
        "reports/<slug:slug>/consultation/",
        views_secretariat.report_rounds,
        name="consultation-report",
    ),
    path(
        "reports/<slug:slug>/consultation/methodology/",
        views_secretariat.prefill_methodology,
        name="consultation-methodology",
    ),
    path("consultation/", views.home, name="consultation-home"),
    path(
        "consultation/my-comments/", views.my_comments, name="consultation-my-comments"
    ),
    path("consultation/rounds/<int:pk>/", views.round_page, name="consultation-round"),
    path(
        "consultation/rounds/<int:pk>/comment/",
        views.comment,
        name="consultation-comment",
    ),
    path(
        "consultation/rounds/<int:pk>/upload/",
        views.upload,
        name="consultation-upload",
    ),
    path(
        "consultation/rounds/<int:pk>/anonymous/",
        views.anonymous,
        name="consultation-anonymous",
    ),
    path(
        "consultation/rounds/<int:pk>/manage/",
        views_secretariat.manage,
        name="consultation-manage",
    ),
    path(
        "consultation/rounds/<int:pk>/manage/do/",
        views_secretariat.manage_action,
        name="consultation-manage-action",
    ),
    path(
        "consultation/rounds/<int:pk>/decisions/",
        views_secretariat.decisions,
        name="consultation-decisions",
    ),
    path(
        "consultation/rounds/<int:pk>/record.<str:kind>",
        views_secretariat.record,
        name="consultation-record",
    ),
    path(
        "consultation/comments/<int:pk>/decide/",
        views_secretariat.decide,
        name="consultation-decide",
    ),
    path(
        "consultation/submissions/<int:pk>/",
        views_secretariat.submission_file,
        name="consultation-submission",
    ),
    path(
        "consultation/invitations/<str:token>/",
        views.invitation,
        name="consultation-invitation",
    ),
    path("consultation/public/<str:token>/", views.public, name="consultation-public"),
]
