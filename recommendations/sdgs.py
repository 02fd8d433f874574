"""The Sustainable Development Goals, by number (General Assembly resolution 70/1)."""

from __future__ import annotations

SDG_TITLES = {
    1: "No poverty",
    2: "Zero hunger",
    3: "Good health and well-being",
    4: "Quality education",
    5: "Gender equality",
    6: "Clean water and sanitation",
    7: "Affordable and clean energy",
    8: "Decent work and economic growth",
    9: "Industry, innovation and infrastructure",
    10: "Reduced inequalities",
    11: "Sustainable cities and communities",
    12: "Responsible consumption and production",
    13: "Climate action",
    14: "Life below water",
    15: "Life on land",
    16: "Peace, justice and strong institutions",
    17: "Partnerships for the goals",
}


def is_target(value: str) -> bool:
    """ "16.3" or "5.a" (a goal and a target within it)."""
    goal, dot, target = value.partition(".")
    return (
        bool(dot)
        and goal.isdigit()
        and int(goal) in SDG_TITLES
        and 0 < len(target) <= 2
        and (target.isdigit() or (len(target) == 1 and target.isalpha()))
    )
