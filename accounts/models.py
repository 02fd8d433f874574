"""A person's second factor, the sign-in rules, and spent single-use tokens."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SecondFactor(models.Model):
    """A time-based code generator (RFC 6238) set up by one person.

    ``confirmed_at`` is None until the person has typed a first code, which
    proves their app holds the secret. ``last_step`` is the 30-second step of
    the last code accepted: a code is good once, so one seen over a shoulder
    cannot be replayed within its half-minute.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="second_factor"
    )
    # The secret is readable by whoever reads the database: dumps hold it, so
    # they are kept as carefully as the database (docs/operations.md).
    secret = models.CharField(max_length=64)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_step = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("second factor")
        verbose_name_plural = _("second factors")

    def __str__(self) -> str:
        return f"{self.user} ({'confirmed' if self.confirmed_at else 'pending'})"


class SignInPolicy(models.Model):
    """The sign-in rules the secretariat sets; one row (``SignInPolicy.current``)."""

    require_second_factor_secretariat = models.BooleanField(
        _("require a second factor for the secretariat's staff"), default=False
    )
    require_second_factor_validators = models.BooleanField(
        _("require a second factor for validating authorities"), default=False
    )
    updated_at = models.DateTimeField(null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("sign-in rules")
        verbose_name_plural = _("sign-in rules")

    def __str__(self) -> str:
        return str(_("sign-in rules"))

    @classmethod
    def current(cls) -> SignInPolicy:
        policy, _created = cls.objects.get_or_create(pk=1)
        return policy


class UsedToken(models.Model):
    """A single-use token that has been spent (``accounts.tokens.use``).

    Only a digest is kept: the table proves a token was used without holding
    anything that could be used again.
    """

    digest = models.CharField(max_length=64, unique=True)
    purpose = models.CharField(max_length=60)
    used_at = models.DateTimeField()

    class Meta:
        verbose_name = _("used token")
        verbose_name_plural = _("used tokens")

    def __str__(self) -> str:
        return f"{self.purpose} {self.digest[:12]}"
