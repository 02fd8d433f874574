"""Errors of the Word export that a person can act on."""

from __future__ import annotations

from reportdesk.errors import DomainError


class TemplateError(DomainError):
    """The Word template cannot be used; the message says what to fix in it."""

    code = "template"
