"""The interface language follows the person, not only the browser.

Django's ``set_language`` view (the switcher in the header posts to it) sets
the language cookie, which ``LocaleMiddleware`` reads on every request. This
module adds the memory across sessions: when the cookie is set by a signed-in
person the choice is stored on them, and when they sign in elsewhere the
stored choice is put back into the cookie. Nothing is read from the database
on ordinary requests.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse

from frontend.models import LanguagePreference

SUPPORTED = frozenset(code for code, _name in settings.LANGUAGES)
# Set on the request by the sign-in receiver, read by the middleware.
_RESTORE = "_reportdesk_language_to_restore"


def remember(user: Any, language: str) -> None:
    """Store ``language`` as the person's choice; unknown codes are ignored."""
    if language not in SUPPORTED:
        return
    LanguagePreference.objects.update_or_create(
        user=user, defaults={"language": language}
    )


@receiver(user_logged_in)
def restore_on_sign_in(
    sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any
) -> None:
    if request is None:
        return
    preference = LanguagePreference.objects.filter(user=user).first()
    if preference is not None and preference.language in SUPPORTED:
        setattr(request, _RESTORE, preference.language)


class PersonLanguageMiddleware:
    """Sits after the authentication middleware; see the module docstring."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        cookie = settings.LANGUAGE_COOKIE_NAME
        restored = getattr(request, _RESTORE, None)
        if restored:
            _set_cookie(response, restored)
        elif cookie in response.cookies and request.user.is_authenticated:
            # Only set_language writes this cookie: the person chose.
            remember(request.user, response.cookies[cookie].value)
        return response


def _set_cookie(response: HttpResponse, language: str) -> None:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,  # type: ignore[arg-type]
    )
