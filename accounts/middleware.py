"""Sessions that expire, and the second factor where the rules require it.

A session ends after SESSION_IDLE_SECONDS without a request and, however
busy, SESSION_ABSOLUTE_SECONDS after sign-in. A person whose role the
sign-in rules cover, and who has no second factor yet, is sent to set one up
before anything else.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.actions import confirmed_factor, second_factor_required
from accounts.signals import SEEN_AT, SIGNED_IN_AT
from audit import Verb, record

# Writing the last-seen time on every request would write the session on
# every request; a minute's precision is plenty for an idle limit of hours.
SEEN_PRECISION = 60
# Where a person without a required second factor may still go.
OPEN_PREFIXES = ("/static/", "/account/", "/logout/", "/login/", "/i18n/")


class SessionPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            expired = self._expired(request)
            if expired:
                record(user, Verb.SESSION_EXPIRED, target=user, request=request)
                logout(request)
                if not request.path.startswith("/api/"):
                    messages.info(
                        request, _("Your session has expired. Sign in again.")
                    )
                    return redirect(f"{reverse('login')}?next={request.path}")
            elif self._needs_factor(request):
                if request.path.startswith("/api/"):
                    return JsonResponse(
                        {
                            "error": "second_factor_required",
                            "detail": _(
                                "Set up your second factor in the browser first."
                            ),
                        },
                        status=403,
                    )
                return redirect("second-factor")
        return self.get_response(request)

    def _expired(self, request: HttpRequest) -> bool:
        now = timezone.now().timestamp()
        session = request.session
        signed_in = session.get(SIGNED_IN_AT)
        if signed_in is None:
            # A session from before these rules (or made by a test client).
            session[SIGNED_IN_AT] = session[SEEN_AT] = now
            return False
        seen = session.get(SEEN_AT, signed_in)
        if (
            now - seen > settings.SESSION_IDLE_SECONDS
            or now - signed_in > settings.SESSION_ABSOLUTE_SECONDS
        ):
            return True
        if now - seen > SEEN_PRECISION:
            session[SEEN_AT] = now
        return False

    def _needs_factor(self, request: HttpRequest) -> bool:
        if request.path.startswith(OPEN_PREFIXES):
            return False
        return second_factor_required(request.user) and (
            confirmed_factor(request.user) is None
        )
