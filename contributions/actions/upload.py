"""A contribution, or a new revision of one, from an uploaded Word file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from contributions.actions.contributions import do_add_revision, do_create_contribution
from contributions.models import Contribution, Revision
from contributions.wordin import read_docx
from reportdesk.abilities import contribution_abilities, section_abilities
from reportdesk.errors import DomainError, NotAllowed

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from drafting.models import Section


def do_upload_word(
    user: User,
    data: bytes,
    *,
    file_name: str,
    section: Section | None = None,
    kind: str = Contribution.Kind.NEW_TEXT,
    base_version: int | None = None,
    title: str = "",
    contribution: Contribution | None = None,
    base_number: int | None = None,
) -> Revision:
    """Read a Word file and save it as a new contribution to ``section`` or as
    the next revision of ``contribution`` (after ``base_number``).

    The file is read before any row is locked: reading is the slow part, and
    a refused file touches nothing. Word comments become notes; what the
    import changed is kept as the revision's warnings.
    """
    if contribution is not None:
        if not contribution_abilities(user, contribution)["revise"]:
            raise NotAllowed(_("This contribution cannot be revised by you now."))
        if base_number is None:
            raise DomainError(_("Say which revision your file replaces."))
    elif section is None or not section_abilities(user, section)["contribute"]:
        raise NotAllowed(_("Only a focal point of a contributing body can do this."))
    imported = read_docx(data)
    if not imported.text.strip():
        raise DomainError(_("The Word file has no text to contribute."))
    if contribution is not None and base_number is not None:
        return do_add_revision(
            user,
            contribution,
            text=imported.text,
            base_number=base_number,
            source=Revision.Source.WORD,
            file_name=file_name,
            warnings=imported.warnings,
            comments=imported.comments,
        )
    if section is None:  # checked above; said again for the type checker
        raise DomainError(_("Choose the section to contribute to."))
    created = do_create_contribution(
        user,
        section,
        text=imported.text,
        title=title,
        kind=kind,
        base_version=base_version,
        source=Revision.Source.WORD,
        file_name=file_name,
        warnings=imported.warnings,
        comments=imported.comments,
    )
    return created.revisions.get()
