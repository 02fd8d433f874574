"""A consultation round on the demo report ``svn-upr4``.

The Ombudsman (the NHRI) and two civil-society organisations are invited; the
Ombudsman and the first organisation have commented on real passages of the
report, and the secretariat has decided on one comment. The round stays open
for three weeks from the day the demo is loaded, so people trying the demo
can comment and decide. The second organisation and its reviewer are
invented, like all the demo's people; the comments are ours, not theirs.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.contrib.auth import get_user_model
from django.db import transaction

from consultation import clock
from consultation.actions import do_open_round
from consultation.models import Decision, Round
from consultation.reviewing import do_comment, do_decide
from contributions.models import Entity, Membership
from drafting.demo import DEMO_PASSWORD
from drafting.models import Report

logger = logging.getLogger(__name__)

DEMO_REPORT = "svn-upr4"
ROUND_TITLE = "Draft national report: consultation with the Ombudsman and NGOs"
SECOND_NGO = "Alliance for Equal Access (demo organisation)"
SECOND_NGO_USER = ("ngo2", "Tina Rozman")

# (username, heading the section starts with, passage, comment, wording)
COMMENTS = [
    (
        "ombudsman",
        "Introduction",
        "the NGOs, the Ombudsman and the Advocate of the Principle of Equality "
        "were briefed and consulted",
        "The report should say when and how the consultation took place, and "
        "that the draft was shared in writing with a deadline for comments.",
        "During the drafting of the report, a draft was shared in writing with "
        "the Human Rights Ombudsman, the Advocate of the Principle of Equality "
        "and NGOs, who were invited to comment on it.",
    ),
    (
        "ngo",
        "Introduction",
        "The Government adopted it on 17 July 2024.",
        "Please state whether the comments received were taken into account "
        "before the Government adopted the report.",
        "",
    ),
]


def load_consultation_demo() -> Round | None:
    """Open the demo round on svn-upr4 if it is not there yet; a second run
    changes nothing. Returns the round, or None without the demo report."""
    report = Report.objects.filter(slug=DEMO_REPORT).first()
    if report is None:
        logger.info("no %s report: the consultation demo is skipped", DEMO_REPORT)
        return None
    existing = Round.objects.filter(report=report, title=ROUND_TITLE).first()
    if existing is not None:
        return existing
    people = get_user_model().objects.in_bulk(
        ["coordinator", "drafter", "ombudsman", "ngo"], field_name="username"
    )
    with transaction.atomic():
        second = _second_ngo()
        entities = [
            people["ombudsman"].membership.entity,
            people["ngo"].membership.entity,
            second,
        ]
        now = clock.now()
        round = do_open_round(
            people["coordinator"],
            report,
            title=ROUND_TITLE,
            opens_at=now - dt.timedelta(days=1),
            closes_at=now + dt.timedelta(days=21),
            organisations=entities,
            reviewers_see_each_other=False,
        )
        comments = [_comment(round, people[who], *rest) for who, *rest in COMMENTS]
        do_decide(
            people["drafter"],
            comments[1],
            decision=Decision.NOTED,
            reason=(
                "The consultation took place before adoption; the methodology "
                "section will give the dates."
            ),
        )
    logger.info("opened the consultation demo round %s", round.pk)
    return round


def _second_ngo() -> Entity:
    entity, _created = Entity.objects.get_or_create(
        name=SECOND_NGO, defaults={"kind": Entity.Kind.CSO}
    )
    username, full_name = SECOND_NGO_USER
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        first, last = full_name.split(" ", 1)
        user = get_user_model().objects.create_user(
            username=username,
            password=DEMO_PASSWORD,
            first_name=first,
            last_name=last,
        )
    Membership.objects.update_or_create(
        user=user, defaults={"entity": entity, "role": Membership.Role.REVIEWER}
    )
    return entity


def _comment(round: Round, user, heading: str, quote: str, body: str, wording: str):
    section = next(
        s for s in round.shared_snapshot() if s["heading"].startswith(heading)
    )
    return do_comment(
        user,
        round,
        section_id=section["id"],
        quote=quote,
        body=body,
        proposed_wording=wording,
    )
