"""One row per meaningful act. Rows are written once and never changed.

References to people, reports and entities are kept without database
constraints and with a text label beside them: a report deleted by
``load_demo --reset`` or a person removed from the system must not take their
history with them, and an append-only table cannot be cascaded into.
"""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(Exception):
    """Someone tried to change or delete an audit event."""


class Verb(models.TextChoices):
    SIGN_IN = "sign_in", _("Signed in")
    SIGN_IN_FAILED = "sign_in_failed", _("Failed to sign in")
    LOCKED_OUT = "locked_out", _("Locked out after failed sign-ins")
    SIGN_OUT = "sign_out", _("Signed out")
    SECOND_FACTOR = "second_factor", _("Set up or used a second factor")
    SESSION_EXPIRED = "session_expired", _("Session expired")
    VIEW = "view", _("Viewed")
    DENIED = "denied", _("Was refused access")
    CREATE = "create", _("Created")
    IMPORT = "import", _("Imported")
    EDIT = "edit", _("Edited")
    DELETE = "delete", _("Deleted")
    RESTRUCTURE = "restructure", _("Changed the structure")
    REVISE = "revise", _("Saved a revision")
    RESTORE = "restore", _("Restored a revision")
    SUBMIT = "submit", _("Submitted")
    ACCEPT = "accept", _("Accepted")
    REJECT = "reject", _("Returned or rejected")
    DECIDE_COMMENT = "decide_comment", _("Decided on a comment")
    REQUEST_INPUT = "request_input", _("Asked for input")
    SIGN_OFF = "sign_off", _("Signed off")
    FREEZE = "freeze", _("Froze a version")
    EXPORT = "export", _("Exported")
    DOWNLOAD = "download", _("Downloaded")
    PERMISSION_CHANGE = "permission_change", _("Changed a person's role")
    INVITE = "invite", _("Invited a person")
    JOIN = "join", _("Accepted an invitation")
    DEACTIVATE = "deactivate", _("Deactivated a person")
    POLICY_CHANGE = "policy_change", _("Changed the sign-in rules")
    PASSWORD_RESET = "password_reset", _("Reset a password")


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("The audit trail is append-only; events cannot change.")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("The audit trail is append-only; events stay.")

    def bulk_update(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("The audit trail is append-only; events cannot change.")


class AuditEvent(models.Model):
    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    # The user name at the time: it stays readable if the account goes.
    actor_label = models.CharField(_("person's name"), max_length=150, blank=True)
    actor_entity = models.ForeignKey(
        "contributions.Entity",
        verbose_name=_("person's entity"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    verb = models.CharField(_("act"), max_length=40, choices=Verb.choices)
    target_type = models.CharField(_("kind of object"), max_length=100, blank=True)
    target_id = models.CharField(_("object id"), max_length=64, blank=True)
    target_label = models.CharField(_("object"), max_length=300, blank=True)
    report = models.ForeignKey(
        "drafting.Report",
        verbose_name=_("report"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    report_label = models.CharField(_("report's short name"), max_length=80, blank=True)
    entity = models.ForeignKey(
        "contributions.Entity",
        verbose_name=_("entity concerned"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    details = models.JSONField(
        _("details"), default=dict, blank=True, encoder=DjangoJSONEncoder
    )
    ip = models.GenericIPAddressField(_("address"), null=True, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["report", "at"], name="audit_report_at"),
            models.Index(fields=["actor", "at"], name="audit_actor_at"),
            models.Index(fields=["entity", "at"], name="audit_entity_at"),
        ]
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label or '-'} {self.verb}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError(
                "The audit trail is append-only; events cannot change."
            )
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("The audit trail is append-only; events stay.")
