"""The one error the readers raise."""

from __future__ import annotations


class UnreadableDocument(ValueError):
    """The text is not a UN document of a kind we can read, or not in the shape
    we expect. The message says what was expected, so a person can pick the
    right file or report the document that broke the reader."""
