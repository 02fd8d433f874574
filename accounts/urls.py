from django.contrib.auth import views as auth_views
from django.urls import URLPattern, URLResolver, path

from accounts import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("login/", views.SignInView.as_view(), name="login"),
    path("login/code/", views.sign_in_code, name="sign-in-code"),
    path("account/second-factor/", views.second_factor, name="second-factor"),
    path(
        "account/password-reset/",
        views.PasswordResetView.as_view(),
        name="password-reset",
    ),
    path(
        "account/password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="accounts/password_reset_done.html"
        ),
        name="password-reset-done",
    ),
    path(
        "account/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    path(
        "account/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password-reset-complete",
    ),
    path(
        "account/invitation/<str:token>/", views.invitation, name="account-invitation"
    ),
    path("people/", views.people, name="people"),
    path("people/invite/", views.invite, name="people-invite"),
    path("people/<int:pk>/deactivate/", views.deactivate, name="people-deactivate"),
    path("people/sign-in-rules/", views.sign_in_rules, name="people-sign-in-rules"),
]
