"""Build the demo reports from the real UN documents in ``shared/data``.

``svn-upr4`` is Slovenia's 4th-cycle UPR national report: the report starts
from the UPR skeleton, the secretariat reshapes it into the chapters Slovenia
actually used, each ministry contributes its chapter or thematic part (the
real text of A/HRC/WG.6/48/SVN/1), and the secretariat accepts every
contribution into the draft. ``bra-cerd-fu`` is Brazil's follow-up report to
CERD/C/BRA/CO/18-20, with one section for each paragraph that paragraph 68
selects, the committee's text shown as guidance.

The people and their ministries are invented; the texts are real.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db import transaction

from contributions.actions import (
    do_accept_revision,
    do_create_contribution,
    do_submit_contribution,
    do_validate_contribution,
)
from contributions.models import Entity, Membership
from drafting.actions import add_section, do_create_report, do_update_report
from drafting.models import Report, Section, Skeleton
from drafting.planning import plan_from_document
from drafting.skeletons import load_skeletons
from unreader.model import Heading
from unreader.national_report import read_national_report, section_text

logger = logging.getLogger(__name__)

DEMO_PASSWORD = "reportdesk-demo"  # noqa: S105 - printed for the demo on purpose
SLOVENIA = "upr_slovenia_cycle4/A_HRC_WG.6_48_SVN_1_national_report.txt"
BRAZIL_CO = "cerd_brazil/CERD_C_BRA_CO_18-20_concluding_observations.txt"

Kind = Entity.Kind
Role = Membership.Role

# (username, full name, entity, entity kind, role). Invented people.
PEOPLE = [
    (
        "coordinator",
        "Maja Novak",
        "Ministry of Foreign and European Affairs – Human Rights Secretariat",
        Kind.SECRETARIAT,
        Role.COORDINATOR,
    ),
    (
        "drafter",
        "Luka Kovač",
        "Ministry of Foreign and European Affairs – Human Rights Secretariat",
        Kind.SECRETARIAT,
        Role.DRAFTER,
    ),
    (
        "mfea",
        "Ana Horvat",
        "Ministry of Foreign and European Affairs – Directorate for Multilateral Affairs",
        Kind.MINISTRY,
        Role.FOCAL_POINT,
    ),
    ("justice", "Tomaž Zupan", "Ministry of Justice", Kind.MINISTRY, Role.FOCAL_POINT),
    (
        "justice-validator",
        "Irena Golob",
        "Ministry of Justice",
        Kind.MINISTRY,
        Role.VALIDATOR,
    ),
    (
        "interior",
        "Marko Potočnik",
        "Ministry of the Interior",
        Kind.MINISTRY,
        Role.FOCAL_POINT,
    ),
    (
        "labour",
        "Nina Kralj",
        "Ministry of Labour, Family, Social Affairs and Equal Opportunities",
        Kind.MINISTRY,
        Role.FOCAL_POINT,
    ),
    (
        "economy",
        "Rok Mlakar",
        "Ministry of the Economy, Tourism and Sport",
        Kind.MINISTRY,
        Role.FOCAL_POINT,
    ),
    (
        "minorities",
        "Eva Vidmar",
        "Government Office for National Minorities",
        Kind.MINISTRY,
        Role.FOCAL_POINT,
    ),
    ("education", "Jure Kos", "Ministry of Education", Kind.MINISTRY, Role.FOCAL_POINT),
    (
        "solidarity",
        "Petra Žagar",
        "Ministry of Solidarity-Based Future",
        Kind.MINISTRY,
        Role.FOCAL_POINT,
    ),
    (
        "statistics",
        "Andrej Bizjak",
        "Statistical Office of the Republic of Slovenia",
        Kind.STATISTICS,
        Role.FOCAL_POINT,
    ),
    ("ombudsman", "Katja Turk", "Human Rights Ombudsman", Kind.NHRI, Role.REVIEWER),
    (
        "ngo",
        "Simon Hribar",
        "Legal-Informational Centre for NGOs",
        Kind.CSO,
        Role.REVIEWER,
    ),
]

# Which skeleton section each chapter of the real report fills (None: the
# secretariat adds the chapter), and which focal point sends each chapter or
# thematic part. Keys are the labels printed in the report.
CHAPTER_SKELETON = {
    "I": "upr.A",
    "II": "upr.D",
    "III": "upr.E",
    "IV": None,
    "V": "upr.F",
    "VI": None,
}
AUTHOR = {
    "I": "mfea",
    "III": "mfea",
    "IV": "mfea",
    "V": "mfea",
    "VI": "mfea",
    "A": "mfea",
    "B": "justice",
    "C": "justice",
    "D": "interior",
    "E": "labour",
    "F": "economy",
    "G": "minorities",
    "H": "labour",
    "I-part": "labour",
    "J": "interior",
    "K": "education",
    "L": "solidarity",
    "M": "interior",
    "N": "interior",
}


@dataclass
class DemoResult:
    created: list[str]
    kept: list[str]


def data_dir() -> Path:
    return Path(settings.SHARED_DIR) / "data"


def load_demo(*, reset: bool = False, extras: bool = True) -> DemoResult:
    """Create the demo people and reports; a second run changes nothing.

    ``extras`` adds the recommendations and consultation demos, which build
    on these reports; tests of the core reports leave them out for speed.
    """
    load_skeletons()
    people = _ensure_people()
    result = DemoResult([], [])
    for slug, builder in (
        ("svn-upr4", _build_slovenia),
        ("bra-cerd-fu", _build_brazil),
    ):
        existing = Report.objects.filter(slug=slug).first()
        if existing and reset:
            existing.delete()
            existing = None
        if existing:
            result.kept.append(slug)
            continue
        with transaction.atomic():
            builder(people)
        result.created.append(slug)
    if extras:
        _load_other_demos()
    return result


def _load_other_demos() -> None:
    """The recommendations and consultation demos build on the reports above.

    Each is idempotent, so a second run of the demo changes nothing.
    """
    from consultation.demo import load_consultation_demo
    from recommendations.demo import load_recommendations_demo

    load_recommendations_demo()
    load_consultation_demo()


def _ensure_people() -> dict[str, User]:
    user_model = get_user_model()
    people: dict[str, User] = {}
    for username, full_name, entity_name, kind, role in PEOPLE:
        entity, _ = Entity.objects.get_or_create(
            name=entity_name, defaults={"kind": kind}
        )
        user = user_model.objects.filter(username=username).first()
        if user is None:
            first, last = full_name.split(" ", 1)
            user = user_model.objects.create_user(
                username=username,
                password=DEMO_PASSWORD,
                first_name=first,
                last_name=last,
            )
        Membership.objects.update_or_create(
            user=user, defaults={"entity": entity, "role": role}
        )
        people[username] = user
    return people


def _build_slovenia(people: dict[str, User]) -> None:
    source = read_national_report((data_dir() / SLOVENIA).read_text(encoding="utf-8"))
    report = do_create_report(
        people["coordinator"],
        Skeleton.objects.get(key="upr-national-report"),
        slug="svn-upr4",
        state="Slovenia",
        state_code="SVN",
        symbol="A/HRC/WG.6/48/SVN/1",
        due_date=dt.date(2024, 10, 30),
    )
    report = do_update_report(
        people["coordinator"],
        report,
        base_version=report.version,
        body_lines=[
            "Human Rights Council",
            "Working Group on the Universal Periodic Review",
            "Forty-eighth session",
            "Geneva, 20–31 January 2025",
        ],
    )
    chapters = _reshape_to_chapters(report, source.headings)
    for heading, section in chapters:
        _fill(people, report, heading, section)


def _fill(
    people: dict[str, User], report: Report, heading: Heading, section: Section
) -> None:
    """Contribute a heading's own paragraphs, then build its subsections."""
    label = heading.label or ""
    # "I" is both a chapter and a thematic part (persons with disabilities).
    if heading.level > 1 and label == "I":
        label = "I-part"
    _contribute_and_accept(people, section, label, section_text(heading))
    for part in heading.children:
        child = add_section(report, heading=part.title, parent=section)
        _fill(people, report, part, child)


def _reshape_to_chapters(
    report: Report, headings: list[Heading]
) -> list[tuple[Heading, Section]]:
    """Rename and reorder the skeleton's sections into the report's chapters.

    Skeleton sections the report does not use are removed while still empty;
    chapters the skeleton lacks are added. Positions move in two steps so that
    the unique (parent, position) constraint holds at every moment.
    """
    by_key = {section.key: section for section in report.sections.filter(parent=None)}
    for section in by_key.values():
        section.position += 1000
        section.save(update_fields=["position"])
    chapters = []
    used: set[int] = set()
    for position, heading in enumerate(headings):
        key = CHAPTER_SKELETON.get(heading.label or "")
        found = by_key.get(key) if key else None
        if found is None:
            section = Section.objects.create(
                report=report, position=position, heading=heading.title
            )
        else:
            section = found
            section.heading = heading.title
            section.position = position
            section.save(update_fields=["heading", "position"])
        used.add(section.pk)
        chapters.append((heading, section))
    report.sections.filter(parent=None).exclude(pk__in=used).delete()
    return chapters


def _contribute_and_accept(
    people: dict[str, User], section: Section, label: str, text: str
) -> None:
    if not text.strip():
        return
    author = people[AUTHOR.get(label, "mfea")]
    contribution = do_create_contribution(
        author, section, text=text, title=section.heading
    )
    revision = contribution.revisions.get()
    do_submit_contribution(author, contribution, base_number=revision.number)
    # Where the entity has a validating authority, it signs off before the
    # secretariat takes the text (docs/contributions.md).
    for validator in contribution.entity.people(Role.VALIDATOR)[:1]:
        do_validate_contribution(
            validator.user, contribution, base_number=revision.number
        )
    section.refresh_from_db()
    do_accept_revision(people["drafter"], revision, base_version=section.version)


def _build_brazil(people: dict[str, User]) -> None:
    text = (data_dir() / BRAZIL_CO).read_text(encoding="utf-8")
    skeleton = Skeleton.objects.get(key="treaty-follow-up-report")
    do_create_report(
        people["coordinator"],
        skeleton,
        slug="bra-cerd-fu",
        title=(
            "Information received from Brazil on follow-up to the concluding "
            "observations on its combined eighteenth to twentieth periodic reports"
        ),
        mechanism="CERD",
        state="Brazil",
        state_code="BRA",
        symbol="CERD/C/BRA/FCO/18-20",
        due_date=dt.date(2023, 12, 19),
        plan=plan_from_document(skeleton.structure, text),
    )
