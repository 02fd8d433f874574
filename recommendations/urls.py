"""Pages of this app."""

from django.urls import URLPattern, URLResolver, path

from recommendations import views, views_secretariat

urlpatterns: list[URLPattern | URLResolver] = [
    path("recommendations/", views.recommendation_list, name="recommendation-list"),
    path(
        "recommendations/import/",
        views_secretariat.recommendation_import,
        name="recommendation-import",
    ),
    path(
        "recommendations/groups/",
        views.recommendation_groups,
        name="recommendation-groups",
    ),
    path(
        "recommendations/progress/",
        views_secretariat.progress,
        name="recommendation-progress",
    ),
    path("recommendations/plan.xlsx", views.plan_xlsx, name="recommendation-plan"),
    path(
        "recommendations/clusters/",
        views_secretariat.cluster_list,
        name="recommendation-clusters",
    ),
    path(
        "recommendations/clusters/propose/",
        views_secretariat.cluster_propose,
        name="recommendation-clusters-propose",
    ),
    path(
        "recommendations/clusters/<int:pk>/decide/",
        views_secretariat.cluster_decide,
        name="recommendation-cluster-decide",
    ),
    path(
        "recommendations/midterm-report/",
        views_secretariat.midterm_create,
        name="recommendation-midterm",
    ),
    path(
        "recommendations/<int:pk>/",
        views.recommendation_detail,
        name="recommendation-detail",
    ),
    path(
        "recommendations/<int:pk>/tracking/",
        views.tracking_update,
        name="recommendation-tracking",
    ),
    path(
        "recommendations/<int:pk>/assignment/",
        views.assignment_update,
        name="recommendation-assignment",
    ),
    path(
        "recommendations/<int:pk>/classification/",
        views.classification_update,
        name="recommendation-classification",
    ),
    path(
        "recommendations/<int:pk>/sections/",
        views.sections_update,
        name="recommendation-sections",
    ),
    path(
        "recommendations/<int:pk>/actions/",
        views.action_add,
        name="recommendation-action-add",
    ),
    path(
        "planned-actions/<int:pk>/",
        views.action_update,
        name="planned-action-update",
    ),
    path(
        "reports/<slug:slug>/recommendations/",
        views.report_coverage,
        name="report-coverage",
    ),
]
