"""Text positions as the browser counts them.

Python counts a string in code points; JavaScript (and so CodeMirror and the
diff-match-patch package in the browser) counts UTF-16 code units, where a
character outside the Basic Multilingual Plane (an emoji, a rare CJK
ideograph) takes two. Every count and offset on the socket is in UTF-16 units;
this module converts. Combining marks, Arabic and Chinese in the BMP are one
unit and one code point on both sides, so only astral characters differ.
"""

from __future__ import annotations

import re
import zlib
from bisect import bisect_left
from functools import lru_cache

ASTRAL = re.compile("[\U00010000-\U0010ffff]")
SURROGATE = re.compile("[\ud800-\udfff]")


class SplitsCharacter(ValueError):
    """An offset that falls between the two halves of a surrogate pair."""


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


# A change of a section is sent to everyone in it, made from the same text:
# the checksum and the index of that text are computed once, not per person.
# A string caches its own hash, so a look-up by the same text costs nothing.
TEXTS_CACHED = 64


@lru_cache(maxsize=TEXTS_CACHED)
def checksum(text: str) -> int:
    """CRC-32 of the text's UTF-16LE bytes: the browser computes the same."""
    return zlib.crc32(text.encode("utf-16-le", "surrogatepass"))


@lru_cache(maxsize=TEXTS_CACHED)
def utf16_index(text: str) -> Utf16Index:
    return Utf16Index(text)


class Utf16Index:
    """Converts offsets in one text between code points and UTF-16 units."""

    def __init__(self, text: str) -> None:
        # Code-point offsets of astral characters, and where each starts in
        # UTF-16 units; both sorted, so conversions are binary searches.
        # Most texts have none, and encoding finds that out far faster than
        # searching for them.
        if utf16_len(text) == len(text):
            self._astral: list[int] = []
        else:
            self._astral = [match.start() for match in ASTRAL.finditer(text)]
        self._starts = [cp + k for k, cp in enumerate(self._astral)]
        self.length = len(text)
        self.utf16_length = self.length + len(self._astral)

    def to_utf16(self, offset: int) -> int:
        return offset + bisect_left(self._astral, offset)

    def to_code_points(self, unit: int) -> int:
        before = bisect_left(self._starts, unit)
        if before and self._starts[before - 1] + 1 == unit:
            raise SplitsCharacter(unit)
        return unit - before
