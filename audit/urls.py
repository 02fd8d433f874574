from django.urls import URLPattern, URLResolver, path

from audit import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("audit/", views.trail, name="audit-trail"),
    path("audit/trail.csv", views.trail_csv, name="audit-trail-csv"),
]
