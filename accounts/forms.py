from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from accounts.actions import INVITABLE_ROLES
from accounts.lockout import lock_for
from audit import Verb, record
from audit.context import request_address
from contributions.models import Entity


class SignInForm(AuthenticationForm):
    """The password step; refuses a locked name or address before checking."""

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username") or ""
        lock = lock_for(username, request_address(self.request))
        if lock is not None:
            record(
                None,
                Verb.LOCKED_OUT,
                target=("auth.user", username[:64]),
                details={"username": username[:150]},
                request=self.request,
            )
            raise forms.ValidationError(
                _(
                    "Too many failed sign-ins for this account or from this "
                    "address. Wait %(minutes)d minute(s) and try again, or reset "
                    "your password."
                ),
                code="locked",
                params={"minutes": lock.minutes},
            )
        return super().clean()


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Six-digit code"),
        max_length=10,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "pattern": "[0-9 ]*",
            }
        ),
    )


class PolicyForm(forms.Form):
    secretariat = forms.BooleanField(
        required=False, label=_("Require a second factor for the secretariat's staff")
    )
    validators = forms.BooleanField(
        required=False, label=_("Require a second factor for validating authorities")
    )


class InviteForm(forms.Form):
    name = forms.CharField(label=_("Full name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"))
    entity = forms.ModelChoiceField(
        Entity.objects.filter(kind__in=Entity.GOVERNMENT_KINDS), label=_("Entity")
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[(role.value, role.label) for role in INVITABLE_ROLES],
    )


class JoinForm(forms.Form):
    username = forms.SlugField(label=_("User name"), max_length=150)
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput)
    password_again = forms.CharField(
        label=_("Password again"), widget=forms.PasswordInput
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password") != data.get("password_again"):
            raise forms.ValidationError(_("The two passwords differ."))
        return data
