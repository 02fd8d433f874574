"""The texts a contribution's comparisons are made between.

A reference names one text: ``base`` (the section text a proposal started
from), ``draft`` (the section's text now) or a revision number.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from contributions.diffing import Diffs, compare
from contributions.merge import newlines
from contributions.models import Contribution
from reportdesk.errors import DomainError

BASE, DRAFT = "base", "draft"


@dataclass(frozen=True)
class Comparison:
    old: str
    new: str
    diffs: Diffs


def text_for(contribution: Contribution, reference: str) -> str:
    if reference == DRAFT:
        return newlines(contribution.section.text)
    if reference == BASE:
        return contribution.base_text
    if reference.isdigit():
        revision = contribution.revisions.filter(number=int(reference)).first()
        if revision is not None:
            return revision.text
    raise DomainError(
        _("Compare “base”, “draft” or a revision number; %(ref)s is none of these.")
        % {"ref": reference[:20]}
    )


def comparison(contribution: Contribution, old: str, new: str) -> Comparison:
    """Two texts of a contribution, compared word by word (kept once made)."""
    return Comparison(
        old, new, compare(text_for(contribution, old), text_for(contribution, new))
    )
