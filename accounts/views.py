"""Sign-in (password, then the code when the person has a second factor),
setting up the second factor, joining by invitation, and the people page."""

from __future__ import annotations

from typing import Any, cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import limits, lockout, ratelimit, totp
from accounts.actions import (
    check_second_factor,
    confirmed_factor,
    do_accept_invitation,
    do_deactivate_person,
    do_enrol_second_factor,
    do_invite_person,
    do_set_policy,
    read_invitation,
    second_factor_required,
)
from accounts.forms import CodeForm, InviteForm, JoinForm, PolicyForm, SignInForm
from accounts.models import SignInPolicy
from audit import Verb, record
from audit.context import request_address
from contributions.models import Membership
from reportdesk.abilities.audit import people_abilities
from reportdesk.errors import DomainError

PENDING = "accounts.pending_sign_in"
ENROLMENT = "accounts.enrolment_secret"
# The code step must follow the password step within this many seconds.
PENDING_SECONDS = 5 * 60
ISSUER = "Reportdesk"


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "frontend/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form: SignInForm) -> HttpResponse:  # type: ignore[override]
        user = form.get_user()
        if confirmed_factor(user) is None:
            return super().form_valid(form)
        # The password was right; the person is signed in only after the code.
        self.request.session[PENDING] = {
            "user": user.pk,
            "backend": getattr(user, "backend", settings.AUTHENTICATION_BACKENDS[0]),
            "at": timezone.now().timestamp(),
            "next": self.get_success_url(),
        }
        return redirect("sign-in-code")


def sign_in_code(request: HttpRequest) -> HttpResponse:
    pending = request.session.get(PENDING)
    if not pending or timezone.now().timestamp() - pending["at"] > PENDING_SECONDS:
        request.session.pop(PENDING, None)
        messages.error(request, _("Sign in again: the code must follow the password."))
        return redirect("login")
    user = get_object_or_404(get_user_model(), pk=pending["user"], is_active=True)
    address = request_address(request)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        lock = lockout.lock_for(user.get_username(), address)
        if lock is not None:
            form.add_error(
                None,
                _("Too many failed attempts. Wait %(minutes)d minute(s).")
                % {"minutes": lock.minutes},
            )
        elif check_second_factor(user, form.cleaned_data["code"]):
            del request.session[PENDING]
            login(request, user, backend=pending["backend"])
            return redirect(pending["next"])
        else:
            lockout.count_failure(user.get_username(), address)
            record(
                None,
                Verb.SIGN_IN_FAILED,
                target=user,
                details={"username": user.get_username(), "step": "code"},
                request=request,
            )
            form.add_error(
                "code", _("That code does not match, or it has been used already.")
            )
    return render(request, "accounts/sign_in_code.html", {"form": form})


@login_required
def second_factor(request: HttpRequest) -> HttpResponse:
    """Set up (or replace) the person's second factor."""
    user = cast(User, request.user)
    secret = request.session.get(ENROLMENT) or totp.new_secret()
    request.session[ENROLMENT] = secret
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            do_enrol_second_factor(user, secret=secret, code=form.cleaned_data["code"])
        except DomainError as err:
            form.add_error("code", str(err.message))
        else:
            del request.session[ENROLMENT]
            messages.success(
                request,
                _("Your second factor is set up. Sign-ins will ask for a code."),
            )
            return redirect("report-list")
    context = {
        "form": form,
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        "uri": totp.provisioning_uri(
            secret, account=user.get_username(), issuer=ISSUER
        ),
        "has_factor": confirmed_factor(user) is not None,
        "required": second_factor_required(user),
    }
    return render(request, "accounts/second_factor.html", context)


@login_required
def people(request: HttpRequest) -> HttpResponse:
    _check(request, "list")
    abilities = people_abilities(request.user)
    policy = SignInPolicy.current()
    context = {
        "memberships": Membership.objects.select_related("user", "entity").order_by(
            "entity__name", "user__username"
        ),
        "abilities": abilities,
        "invite_form": InviteForm(),
        "policy_form": PolicyForm(
            initial={
                "secretariat": policy.require_second_factor_secretariat,
                "validators": policy.require_second_factor_validators,
            }
        ),
    }
    return render(request, "accounts/people.html", context)


def _check(request: HttpRequest, ability: str) -> None:
    # Refused at the door, before the form is read: nobody learns its rules.
    if not people_abilities(request.user)[ability]:
        raise PermissionDenied(_("Only the secretariat manages people."))


@login_required
@require_POST
def invite(request: HttpRequest) -> HttpResponse:
    _check(request, "invite")
    form = InviteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Fill in every field of the invitation."))
        return redirect("people")
    link = request.build_absolute_uri(
        reverse("account-invitation", kwargs={"token": "TOKEN"})
    ).replace("TOKEN", "{token}")
    try:
        do_invite_person(cast(User, request.user), link=link, **form.cleaned_data)
    except DomainError as err:
        messages.error(request, str(err.message))
    else:
        messages.success(
            request,
            _("An invitation was sent to %(email)s.")
            % {"email": form.cleaned_data["email"]},
        )
    return redirect("people")


@login_required
@require_POST
def deactivate(request: HttpRequest, pk: int) -> HttpResponse:
    _check(request, "deactivate")
    person = get_object_or_404(get_user_model(), pk=pk)
    try:
        do_deactivate_person(cast(User, request.user), person)
    except DomainError as err:
        messages.error(request, str(err.message))
    else:
        messages.success(
            request,
            _("%(name)s can no longer sign in; their sessions have ended.")
            % {"name": person.get_full_name() or person.get_username()},
        )
    return redirect("people")


@login_required
@require_POST
def sign_in_rules(request: HttpRequest) -> HttpResponse:
    _check(request, "set_policy")
    form = PolicyForm(request.POST)
    form.is_valid()  # two check boxes: nothing can be invalid
    try:
        do_set_policy(
            cast(User, request.user),
            secretariat=form.cleaned_data.get("secretariat", False),
            validators=form.cleaned_data.get("validators", False),
        )
    except DomainError as err:
        messages.error(request, str(err.message))
    else:
        messages.success(request, _("The sign-in rules were saved."))
    return redirect("people")


@limits.limited(limits.INVITATION)
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """Join by invitation: choose a user name and a password."""
    try:
        details = read_invitation(token)
    except DomainError as err:
        context = {"problem": err.message}
        return render(request, "accounts/invitation.html", context, status=400)
    form = JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            do_accept_invitation(
                token,
                username=form.cleaned_data["username"],
                password=form.cleaned_data["password"],
            )
        except DomainError as err:
            form.add_error(None, str(err.message))
        else:
            messages.success(request, _("Your account is ready. Sign in."))
            return redirect("login")
    context = {"form": form, "invitation": details}
    return render(request, "accounts/invitation.html", context)


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("password-reset-done")

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        # Each request sends an e-mail: a few per address and quarter-hour.
        key = f"password-reset:{request_address(request)}"
        if not ratelimit.hit(key, 5, 900):
            return limits.too_many(request, ratelimit.retry_after(key, 900))
        return super().post(request, *args, **kwargs)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("password-reset-complete")

    def form_valid(self, form: Any) -> HttpResponse:
        with transaction.atomic():
            response = super().form_valid(form)
            record(
                form.user, Verb.PASSWORD_RESET, target=form.user, request=self.request
            )
        return response
