"""Remove characters that a Word file cannot hold, before text is saved.

XML 1.0 forbids most control characters, and lone surrogates cannot be
encoded; if they reached the exporter it would fail. They are removed when the
text is saved and the caller shows the person a warning with the count.
"""

from __future__ import annotations

import re

# Tab, line feed and carriage return are the only C0 controls XML allows; the
# C1 controls (and DEL) are allowed but discouraged, and Word drops them.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def clean_text(text: str) -> tuple[str, int]:
    """The text without forbidden characters, and how many were removed."""
    cleaned, removed = FORBIDDEN.subn("", text)
    return cleaned, removed
