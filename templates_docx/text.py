"""Keep text writable into an XML 1.0 file, and remember what was dropped.

Pasted text brings control characters (form feeds from PDFs, NULs from broken
encoders) that XML 1.0 cannot hold at all; writing one makes lxml refuse the
whole export. They carry no visible text, so the renderer drops them and tells
the person where, instead of failing.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline (carriage returns are dropped too: the
# parser has already turned line ends into breaks), DEL and C1 controls,
# lone surrogates and the two non-characters XML forbids.
_UNWRITABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


class TextCleaner:
    """Strips unwritable characters and counts them per place in the report."""

    def __init__(self) -> None:
        # A section heading, or None for the masthead and title block.
        self.place: str | None = None
        self.removed: dict[str | None, int] = {}

    def clean(self, text: str) -> str:
        cleaned, count = _UNWRITABLE.subn("", text)
        if count:
            self.removed[self.place] = self.removed.get(self.place, 0) + count
        return cleaned


def without_unwritable(text: str) -> str:
    """The same cleaning, for a value whose removals are already counted."""
    return _UNWRITABLE.sub("", text)
