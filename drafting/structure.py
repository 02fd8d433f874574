"""Editing a report's structure: add, rename, move, split and remove sections.

No operation loses text. Splitting moves the blocks after a point into a new
section; removing a section puts its text at the end of the section before it
in reading order. Each operation takes the report's row lock, so two people
reshaping the same report at once are applied one after the other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from audit import Verb, record
from drafting.actions import add_section, ordered_sections, tell_live_editors
from drafting.models import Report, Section
from drafting.provenance import record_text_change
from drafting.sectiontext import parse, serialize
from reportdesk.abilities import report_abilities
from reportdesk.errors import DomainError, NotAllowed, StaleWrite

if TYPE_CHECKING:
    from django.contrib.auth.models import User

MAX_DEPTH = 3


def _check(user: User, report: Report) -> None:
    if not report_abilities(user, report)["edit_structure"]:
        raise NotAllowed(
            _("Only the secretariat coordinator can change the structure.")
        )


def _lock(report: Report) -> None:
    Report.objects.select_for_update().get(pk=report.pk)


def _depth(section: Section | None) -> int:
    depth = 0
    while section is not None:
        depth += 1
        section = section.parent
    return depth


def do_add_section(
    user: User, report: Report, *, heading: str, parent: Section | None = None
) -> Section:
    """Add an empty section at the end of ``parent`` (or of the report)."""
    _check(user, report)
    heading = heading.strip()
    if not heading:
        raise DomainError(_("Give the new section a heading."))
    if parent is not None and parent.report_id != report.pk:
        raise DomainError(_("That parent section belongs to another report."))
    if _depth(parent) >= MAX_DEPTH:
        raise DomainError(
            _("Sections go three levels deep (I., A., 1.); add this one higher up.")
        )
    with transaction.atomic():
        _lock(report)
        section = add_section(report, heading=heading, parent=parent)
        _record(user, section, "add")
        return section


def _record(user: User, section: Section, change: str, **details: object) -> None:
    record(
        user, Verb.RESTRUCTURE, target=section, details={"change": change, **details}
    )


def do_rename_section(
    user: User, section: Section, *, heading: str, base_version: int
) -> Section:
    _check(user, section.report)
    heading = heading.strip()
    if not heading:
        raise DomainError(_("A section needs a heading."))
    with transaction.atomic():
        locked = Section.objects.select_for_update().get(pk=section.pk)
        if locked.version != base_version:
            raise StaleWrite(locked.version)
        locked.heading = heading
        locked.version += 1
        locked.save(update_fields=["heading", "version", "updated_at"])
        _record(user, locked, "rename")
    return locked


def do_move_section(
    user: User, section: Section, *, parent: Section | None, position: int
) -> Section:
    """Move a section (with its subsections) under ``parent`` at ``position``."""
    report = section.report
    _check(user, report)
    if parent is not None:
        if parent.report_id != report.pk:
            raise DomainError(_("That parent section belongs to another report."))
        ancestor: Section | None = parent
        while ancestor is not None:
            if ancestor.pk == section.pk:
                raise DomainError(_("A section cannot be moved inside itself."))
            ancestor = ancestor.parent
        if _depth(parent) + _subtree_height(section) > MAX_DEPTH:
            raise DomainError(
                _("There the section would be more than three levels deep.")
            )
    with transaction.atomic():
        _lock(report)
        old_parent = Section.objects.get(pk=section.pk).parent
        siblings = list(
            Section.objects.filter(report=report, parent=parent)
            .exclude(pk=section.pk)
            .order_by("position")
        )
        position = max(0, min(position, len(siblings)))
        siblings.insert(position, section)
        section.parent = parent
        _renumber(report, parent, siblings)
        section.save(update_fields=["parent", "position", "updated_at"])
        if old_parent != parent:
            _renumber(
                report,
                old_parent,
                list(
                    Section.objects.filter(report=report, parent=old_parent).order_by(
                        "position"
                    )
                ),
            )
        _record(user, section, "move", parent=parent.pk if parent else None)
    return section


def _subtree_height(section: Section) -> int:
    children = list(section.children.all())
    return 1 + max((_subtree_height(child) for child in children), default=0)


def _renumber(report: Report, parent: Section | None, ordered: list[Section]) -> None:
    # Two passes keep the (report, parent, position) constraint true at every
    # statement: first out of the way, then into place.
    ids = [s.pk for s in ordered]
    Section.objects.filter(pk__in=ids).update(position=F("position") + 100_000)
    for position, sibling in enumerate(ordered):
        Section.objects.filter(pk=sibling.pk).update(position=position, parent=parent)
        sibling.position = position


def do_split_section(
    user: User, section: Section, *, at_block: int, heading: str, base_version: int
) -> Section:
    """Move the blocks from index ``at_block`` on into a new section after this one."""
    report = section.report
    _check(user, report)
    heading = heading.strip()
    if not heading:
        raise DomainError(_("Give the new section a heading."))
    with transaction.atomic():
        _lock(report)
        locked = Section.objects.select_for_update().get(pk=section.pk)
        if locked.version != base_version:
            raise StaleWrite(locked.version)
        blocks = parse(locked.text)
        if not 0 < at_block < len(blocks):
            raise DomainError(
                _("Choose a point between two paragraphs: 1 to %(last)d.")
                % {"last": max(len(blocks) - 1, 0)}
            )
        kept = serialize(blocks[:at_block])
        # The moved words start afresh in the new section: provenance is kept
        # per section, and credit for them stays in the history of this one.
        record_text_change(locked.pk, locked.text, kept)
        tell_live_editors(locked, old=locked.text, new=kept)
        locked.text = kept
        locked.version += 1
        locked.save(update_fields=["text", "version", "updated_at"])
        siblings = list(
            Section.objects.filter(report=report, parent=locked.parent).order_by(
                "position"
            )
        )
        new = Section(
            report=report,
            parent=locked.parent,
            heading=heading,
            text=serialize(blocks[at_block:]),
            status=Section.Status.DRAFTING,
            position=len(siblings) + 100_000,
        )
        new.save()
        index = next(i for i, s in enumerate(siblings) if s.pk == locked.pk)
        siblings.insert(index + 1, new)
        _renumber(report, locked.parent, siblings)
        _record(user, locked, "split", new_section=new.pk, at_block=at_block)
    return new


def do_remove_section(user: User, section: Section) -> Section | None:
    """Remove a section; its text and contributions go to the section before it.

    Returns the section that received them (None when there was nothing to
    keep). A section with subsections must be emptied of them first.
    """
    report = section.report
    _check(user, report)
    with transaction.atomic():
        _lock(report)
        if section.children.exists():
            raise DomainError(
                _("This section has subsections: move or remove them first.")
            )
        receiver = None
        keeps = section.text.strip() or section.contributions.exists()
        if keeps:
            order = [s for s, _depth in ordered_sections(report)]
            index = next(i for i, s in enumerate(order) if s.pk == section.pk)
            if index == 0:
                raise DomainError(
                    _(
                        "The first section has text or contributions and nothing "
                        "comes before it to keep them: move them first."
                    )
                )
            receiver = Section.objects.select_for_update().get(pk=order[index - 1].pk)
            joined = "\n\n".join(
                part for part in (receiver.text.strip(), section.text.strip()) if part
            )
            record_text_change(receiver.pk, receiver.text, joined)
            tell_live_editors(receiver, old=receiver.text, new=joined)
            receiver.text = joined
            receiver.version += 1
            receiver.save(update_fields=["text", "version", "updated_at"])
            section.contributions.update(section=receiver)
            # A revision already credited to the receiver stays credited once.
            section.accepted_inputs.filter(
                revision__in=receiver.accepted_inputs.values("revision")
            ).delete()
            section.accepted_inputs.update(section=receiver)
        parent = section.parent
        _record(
            user,
            section,
            "remove",
            text_moved_to=receiver.pk if receiver else None,
        )
        section.delete()
        _renumber(
            report,
            parent,
            list(
                Section.objects.filter(report=report, parent=parent).order_by(
                    "position"
                )
            ),
        )
    return receiver
