"""Read references to paragraphs such as "17 (a), 19 (c) and 36 (a)–(d)".

Treaty bodies name the recommendations they want followed up this way. The
reader is a small hand-written scanner rather than one large pattern, so that
a parenthetical topic ("(right to health and the impact of the COVID-19
pandemic)") can be skipped by counting brackets, and the work stays linear.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

DASHES = "–—-"


@dataclass(frozen=True, slots=True)
class Reference:
    """A paragraph, the sub-items named in it (none means the whole paragraph),
    and the topic the document gives in brackets after it."""

    paragraph: int
    subitems: tuple[str, ...] = ()
    topic: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "paragraph": self.paragraph,
            "subitems": list(self.subitems),
            "topic": self.topic,
        }


def parse_references(text: str) -> list[Reference]:
    """References listed in ``text``, read up to the first word that is not
    part of the list ("above", "information", a full stop)."""
    found: list[dict[str, Any]] = []
    pending_topic: list[dict[str, Any]] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char.isspace() or char == ",":
            i += 1
        elif char.isdigit():
            end = _digits_end(text, i)
            entry = {"paragraph": int(text[i:end]), "subitems": [], "topic": None}
            found.append(entry)
            pending_topic.append(entry)
            i = end
        elif char == "(" and found:
            letter, end = _letter_in_brackets(text, i)
            if letter is not None:
                letters, i = _letter_range(text, letter, end)
                found[-1]["subitems"].extend(letters)
                continue
            close = _matching_close(text, i)
            if close is None:
                break
            topic = " ".join(text[i + 1 : close].split())
            for entry in pending_topic:
                entry["topic"] = topic
            pending_topic = []
            i = close + 1
        elif text.startswith("and ", i):
            i += 4
        else:
            break
    return [Reference(e["paragraph"], tuple(e["subitems"]), e["topic"]) for e in found]


def references_after(text: str, word: str = "paragraphs") -> list[Reference]:
    """The references that follow ``word`` ("paragraphs 17 (a), …")."""
    start = text.find(word + " ")
    if start < 0:
        return []
    return parse_references(text[start + len(word) + 1 :])


def _digits_end(text: str, i: int) -> int:
    end = i
    while end < len(text) and text[end].isdigit():
        end += 1
    return end


def _letter_in_brackets(text: str, i: int) -> tuple[str | None, int]:
    """ "(c)" at i: the letter and the index after the bracket."""
    if i + 2 < len(text) and text[i + 1].islower() and text[i + 2] == ")":
        return text[i + 1], i + 3
    return None, i


def _letter_range(text: str, first: str, end: int) -> tuple[list[str], int]:
    """Expand "(a)–(d)" to a, b, c, d; a lone "(a)" stays a."""
    if end < len(text) and text[end] in DASHES:
        last, after = _letter_in_brackets(text, end + 1)
        if last is not None and last >= first:
            return [chr(c) for c in range(ord(first), ord(last) + 1)], after
    return [first], end


def _matching_close(text: str, i: int) -> int | None:
    depth = 0
    for j in range(i, len(text)):
        if text[j] == "(":
            depth += 1
        elif text[j] == ")":
            depth -= 1
            if depth == 0:
                return j
    return None
