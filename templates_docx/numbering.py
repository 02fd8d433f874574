"""The numbers UN editors type: I., A., 1. and (a)."""

from __future__ import annotations

_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def roman(number: int) -> str:
    parts: list[str] = []
    for value, numeral in _ROMAN:
        count, number = divmod(number, value)
        parts.append(numeral * count)
    return "".join(parts)


def letters(number: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa, 28 -> bb: the UN's way past the alphabet."""
    repeat, index = divmod(number - 1, 26)
    return chr(ord("a") + index) * (repeat + 1)


def heading_number(level: int, number: int) -> str:
    if level == 1:
        return f"{roman(number)}."
    if level == 2:
        return f"{letters(number).upper()}."
    return f"{number}."
