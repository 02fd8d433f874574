"""What the masthead says for each mechanism, when a skeleton leaves it open.

A treaty body's documents carry the treaty's name as the organ line and the
committee as the first line of the title block; UPR documents carry the
General Assembly, the Council and its Working Group.
"""

from __future__ import annotations

from dataclasses import dataclass

TREATY_BODIES = ("CERD", "CCPR", "CESCR", "CEDAW", "CAT", "CRC", "CMW", "CRPD", "CED")


@dataclass(frozen=True)
class Masthead:
    organ: str
    body_lines: tuple[str, ...]


MASTHEADS = {
    "CERD": Masthead(
        "International Convention on the Elimination of All Forms of Racial Discrimination",
        ("Committee on the Elimination of Racial Discrimination",),
    ),
    "CCPR": Masthead(
        "International Covenant on Civil and Political Rights",
        ("Human Rights Committee",),
    ),
    "CESCR": Masthead(
        "Economic and Social Council",
        ("Committee on Economic, Social and Cultural Rights",),
    ),
    "CEDAW": Masthead(
        "Convention on the Elimination of All Forms of Discrimination against Women",
        ("Committee on the Elimination of Discrimination against Women",),
    ),
    "CAT": Masthead(
        "Convention against Torture and Other Cruel, Inhuman or Degrading Treatment "
        "or Punishment",
        ("Committee against Torture",),
    ),
    "CRC": Masthead(
        "Convention on the Rights of the Child",
        ("Committee on the Rights of the Child",),
    ),
    "CMW": Masthead(
        "International Convention on the Protection of the Rights of All Migrant "
        "Workers and Members of Their Families",
        (
            "Committee on the Protection of the Rights of All Migrant Workers and "
            "Members of Their Families",
        ),
    ),
    "CRPD": Masthead(
        "Convention on the Rights of Persons with Disabilities",
        ("Committee on the Rights of Persons with Disabilities",),
    ),
    "CED": Masthead(
        "International Convention for the Protection of All Persons from Enforced "
        "Disappearance",
        ("Committee on Enforced Disappearances",),
    ),
    "HRI": Masthead("International Human Rights Instruments", ()),
    "UPR": Masthead(
        "General Assembly",
        ("Human Rights Council", "Working Group on the Universal Periodic Review"),
    ),
}


def masthead_for(mechanism: str, organ: str, body_lines: list[str]) -> Masthead:
    """The skeleton's own masthead where it has one, else the mechanism's."""
    default = MASTHEADS.get(mechanism, Masthead("", ()))
    return Masthead(organ or default.organ, tuple(body_lines) or default.body_lines)
