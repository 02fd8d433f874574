"""The facts of the consultation, written for a UPR national report's section
on methodology and consultation (skeleton key ``upr.A``).

The text states only what the rounds record: dates, who was consulted, how
many comments came and how many were taken up. The secretariat edits it
like any other text once it is in the section.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Count, Q
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from consultation.models import Decision, Round
from drafting.actions import do_update_section_text
from drafting.models import Mechanism, Report, Section
from drafting.sectiontext import Paragraph, Run, serialize
from reportdesk.abilities.consultation import can_run_consultations
from reportdesk.errors import DomainError, NotAllowed

if TYPE_CHECKING:
    from django.contrib.auth.models import User

METHODOLOGY_KEY = "upr.A"


def methodology_section(report: Report) -> Section:
    if report.mechanism != Mechanism.UPR:
        raise DomainError(
            _("Only a UPR report has a section on methodology and consultation.")
        )
    section = report.sections.filter(key=METHODOLOGY_KEY).first()
    if section is None:
        raise DomainError(
            _(
                "This report has no section on methodology and consultation "
                "(skeleton key upr.A); add it, or write the facts yourself."
            )
        )
    return section


def _date(value) -> str:
    return formats.date_format(timezone.localtime(value).date(), "DATE_FORMAT")


def _names(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return _("%(first)s and %(last)s") % {
        "first": ", ".join(names[:-1]),
        "last": names[-1],
    }


def _audience(round: Round) -> str:
    nhri, cso, unnamed = [], [], 0
    for participant in round.participants.select_related("entity"):
        if participant.anonymous:
            unnamed += 1
        elif participant.entity.kind == "nhri":
            nhri.append(participant.entity.name)
        else:
            cso.append(participant.entity.name)
    parts = []
    if nhri:
        parts.append(
            _("the national human rights institution (%(names)s)")
            % {"names": _names(nhri)}
        )
    if cso:
        parts.append(
            ngettext(
                "the civil-society organisation %(names)s",
                "the civil-society organisations %(names)s",
                len(cso),
            )
            % {"names": _names(cso)}
        )
    if unnamed:
        parts.append(
            ngettext(
                "%(count)d organisation that asked not to be named",
                "%(count)d organisations that asked not to be named",
                unnamed,
            )
            % {"count": unnamed}
        )
    if round.public_token:
        parts.append(_("the public, through an open link"))
    return _names(parts) or _("no organisation")


def _round_facts(round: Round) -> str:
    counts = round.comments.aggregate(
        total=Count("id"),
        accepted=Count("id", filter=Q(decision=Decision.ACCEPTED)),
        partly=Count("id", filter=Q(decision=Decision.PARTLY_ACCEPTED)),
    )
    submissions = round.submissions.count()
    opened = _(
        "From %(opens)s to %(closes)s, the draft report was open for comment to %(audience)s."
    ) % {
        "opens": _date(round.opens_at),
        "closes": _date(round.closes_at),
        "audience": _audience(round),
    }
    received = ngettext(
        "%(count)d comment was received",
        "%(count)d comments were received",
        counts["total"],
    ) % {"count": counts["total"]}
    if submissions:
        received += ", " + ngettext(
            "with %(count)d written submission",
            "with %(count)d written submissions",
            submissions,
        ) % {"count": submissions}
    taken = ngettext(
        "Of these, %(accepted)d was accepted in full and %(partly)d in part.",
        "Of these, %(accepted)d were accepted in full and %(partly)d in part.",
        counts["accepted"],
    ) % {"accepted": counts["accepted"], "partly": counts["partly"]}
    return f"{opened} {received}. {taken}"


def methodology_text(report: Report) -> str:
    """The facts of every round that has opened, in the report's language,
    as section text (one numbered paragraph per round)."""
    rounds = [
        r
        for r in Round.objects.filter(report=report).order_by("opens_at", "id")
        if r.has_opened()
    ]
    if not rounds:
        raise DomainError(
            _("No consultation round has opened yet; there are no facts to write.")
        )
    with translation.override(report.language):
        paragraphs = [Paragraph((Run(_round_facts(r)),)) for r in rounds]
    return serialize(list(paragraphs))


def do_prefill_methodology(user: User, report: Report) -> Section:
    """Append the consultation facts to the methodology section.

    Goes through ``do_update_section_text``, which locks the section and
    refuses the write if someone saved in the meantime. Running it again
    when the facts are already there changes nothing.
    """
    if not can_run_consultations(user, report):
        raise NotAllowed(
            _("Only the secretariat writes the consultation facts into the report.")
        )
    section = methodology_section(report)
    facts = methodology_text(report)
    if facts in section.text:
        return section
    text = f"{section.text.rstrip()}\n\n{facts}" if section.text.strip() else facts
    return do_update_section_text(
        user, section, text=text, base_version=section.version
    )
