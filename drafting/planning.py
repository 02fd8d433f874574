"""Plan a report's sections from the committee's own document.

A skeleton section marked ``generated_from`` is a container whose sections
come from a document: the paragraphs selected for follow-up, the questions of
a list of issues, or the recommendations of the previous concluding
observations. Planning is pure: it reads the document and returns what would
be created, so the secretariat can see the structure before confirming it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from drafting.followup import follow_up_sections
from reportdesk.errors import DomainError
from unreader.concluding_observations import (
    ConcludingObservations,
    read_concluding_observations,
)
from unreader.errors import UnreadableDocument
from unreader.list_of_issues import read_list_of_issues
from unreader.model import Paragraph

FOLLOW_UP = "follow_up_selection"
LIST_OF_ISSUES = "list_of_issues"
PREVIOUS_RECOMMENDATIONS = "previous_recommendations"
# How a committee words a recommendation ("Recalling …, the Committee
# recommends", "The Committee reiterates its recommendation that …").
RECOMMENDS = re.compile(
    r"\bCommittee (?:also |further |strongly )?"
    r"(?:recommends|urges|encourages|requests|calls upon|reiterates its recommendation)\b"
    r"|\brecommends that the State party\b"
)


@dataclass(frozen=True)
class PlannedSection:
    heading: str
    guidance: str
    key: str


@dataclass(frozen=True)
class PlannedObligation:
    kind: str
    title: str
    due_date: dt.date | None
    due_text: str
    source_symbol: str
    source_paragraph: int


@dataclass
class Plan:
    """Sections to create under the skeleton section ``container``."""

    container: str
    source_symbol: str
    sections: list[PlannedSection] = field(default_factory=list)
    obligations: list[PlannedObligation] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "container": self.container,
            "source_symbol": self.source_symbol,
            "sections": [
                {"heading": s.heading, "guidance": s.guidance, "key": s.key}
                for s in self.sections
            ],
            "obligations": [
                {
                    "kind": o.kind,
                    "title": o.title,
                    "due_date": o.due_date.isoformat() if o.due_date else None,
                    "due_text": o.due_text,
                    "source_paragraph": o.source_paragraph,
                }
                for o in self.obligations
            ],
        }


def generated_containers(structure: dict[str, Any]) -> dict[str, str]:
    """Skeleton section key → what its sections are generated from."""
    found: dict[str, str] = {}

    def walk(sections: list[dict[str, Any]]) -> None:
        for spec in sections:
            if spec.get("generated_from"):
                found[spec["key"]] = spec["generated_from"]
            walk(spec.get("children", []))

    walk(structure.get("sections", []))
    return found


def plan_from_document(structure: dict[str, Any], text: str) -> Plan:
    """Read ``text`` and plan the sections the skeleton asks to generate.

    Raises ``DomainError`` with a message to act on when the skeleton takes no
    document, or the text is not the document it takes.
    """
    containers = generated_containers(structure)
    readable = {FOLLOW_UP, LIST_OF_ISSUES, PREVIOUS_RECOMMENDATIONS}
    usable = {key: source for key, source in containers.items() if source in readable}
    if not usable:
        raise DomainError(
            _(
                "This kind of report is not built from a committee document; leave it out."
            )
        )
    container, source = next(iter(usable.items()))
    try:
        if source == LIST_OF_ISSUES:
            return _plan_replies(container, text)
        observations = read_concluding_observations(text)
    except UnreadableDocument as err:
        raise DomainError(str(err)) from err
    if source == FOLLOW_UP:
        plan = Plan(container, observations.symbol or "")
        plan.sections = [
            PlannedSection(spec.heading, spec.guidance, spec.key)
            for spec in follow_up_sections(observations)
        ]
        if not plan.sections:
            raise DomainError(
                _("These concluding observations select no paragraph for follow-up.")
            )
    else:
        plan = _plan_previous_recommendations(container, observations)
    plan.obligations = obligations_from(observations)
    return plan


def _plan_replies(container: str, text: str) -> Plan:
    issues = read_list_of_issues(text)
    plan = Plan(container, issues.symbol or "")
    for paragraph in issues.body.numbered():
        topic = f"[{paragraph.heading}] " if paragraph.heading else ""
        plan.sections.append(
            PlannedSection(
                heading=_("Reply to paragraph %(number)d of the list of issues")
                % {"number": paragraph.number},
                guidance=topic + _full_text(paragraph),
                key=f"loi.{paragraph.number}",
            )
        )
    return plan


def _plan_previous_recommendations(
    container: str, observations: ConcludingObservations
) -> Plan:
    """One section per topic of the concerns and recommendations.

    Concluding observations pair a concern with a recommendation under a
    topic heading; the section answers the recommendation paragraphs of that
    topic, which the guidance quotes with their numbers.
    """
    plan = Plan(container, observations.symbol or "")
    # The follow-up request and the next-report paragraph are about the
    # procedure, not recommendations to report on.
    procedural = {
        request.paragraph
        for request in (observations.follow_up, observations.next_report)
        if request is not None
    }
    by_topic: dict[str, list[Paragraph]] = {}
    for paragraph in observations.numbered_paragraphs():
        if len(paragraph.heading_path) < 2 or paragraph.number in procedural:
            continue
        if "particular importance" in paragraph.heading_path[-1].lower():
            continue
        if RECOMMENDS.search(paragraph.text):
            by_topic.setdefault(paragraph.heading_path[-1], []).append(paragraph)
    for topic, paragraphs in by_topic.items():
        numbers = ", ".join(str(p.number) for p in paragraphs)
        plan.sections.append(
            PlannedSection(
                heading=topic,
                guidance=" ".join(_full_text(p) for p in paragraphs),
                key=f"co.{paragraphs[0].number}",
            )
        )
        plan.sections[-1] = PlannedSection(
            heading=topic,
            guidance=f"({observations.symbol}, para. {numbers}) "
            + plan.sections[-1].guidance,
            key=plan.sections[-1].key,
        )
    if not plan.sections:
        raise DomainError(
            _("No recommendation was found in these concluding observations.")
        )
    return plan


def _full_text(paragraph: Paragraph) -> str:
    items = [f"({item.label}) {item.text}" for item in paragraph.subitems]
    return " ".join([f"{paragraph.number}. {paragraph.text}", *items])


def obligations_from(observations: ConcludingObservations) -> list[PlannedObligation]:
    """What the concluding observations set: follow-up and the next report."""
    symbol = observations.symbol or ""
    adopted = _date(observations.date)
    found: list[PlannedObligation] = []
    request = observations.follow_up
    if request is not None:
        due = None
        if adopted and request.months:
            due = _add_months(adopted, request.months)
        found.append(
            PlannedObligation(
                kind="follow_up",
                title=_("Follow-up information on %(symbol)s") % {"symbol": symbol},
                due_date=due,
                due_text=_("within %(period)s") % {"period": request.within},
                source_symbol=symbol,
                source_paragraph=request.paragraph,
            )
        )
    following = observations.next_report
    if following is not None:
        due_year = (
            int(following.due) if following.due and following.due.isdigit() else None
        )
        found.append(
            PlannedObligation(
                kind="periodic_report",
                title=_("Periodic report %(symbol)s")
                % {"symbol": following.symbol or _("(next)")},
                due_date=dt.date(due_year, 12, 31) if due_year else None,
                due_text=following.due or "",
                source_symbol=symbol,
                source_paragraph=following.paragraph,
            )
        )
    return found


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    # The 31st of a shorter month falls back to that month's last day.
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, candidate)
        except ValueError:
            continue
    return dt.date(year, month, 28)
