from django.urls import URLPattern, URLResolver, path

from collab import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("sections/<int:pk>/edit/", views.section_edit, name="section-edit"),
    path("sections/<int:pk>/history/", views.section_history, name="section-history"),
    path(
        "section-revisions/<int:pk>/restore/",
        views.revision_restore,
        name="section-revision-restore",
    ),
]
