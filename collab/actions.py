"""Live editing: merge edits into a section, gather revisions, restore them.

Every write takes the section's row lock and broadcasts to the section's
group only after the transaction commits, so no browser ever sees a change
that was rolled back.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import threading
import uuid
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import connection, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import Verb, record
from drafting.models import Section
from drafting.provenance import record_text_change
from drafting.sectiontext.clean import clean_text
from reportdesk.abilities import visible_reports
from reportdesk.abilities.collab import live_abilities
from reportdesk.errors import DomainError, NotAllowed

from .context import EditorContext, editor_context
from .delta import delta_from_diffs, delta_from_hunks
from .merge import Differ, Hunk
from .mirror import MIRRORS
from .models import SectionRevision, SyncSession, UnrevisedEdit
from .sync import Change, Waiting, merge_batch

if TYPE_CHECKING:
    from django.contrib.auth.models import User

logger = logging.getLogger(__name__)

# A revision is gathered once the section has been quiet this long, or once
# its oldest ungathered edit is this old, whichever comes first.
PAUSE = dt.timedelta(seconds=20)
LONGEST_UNGATHERED = dt.timedelta(minutes=5)
# Far above any real section; it keeps one browser from filling the database.
MAX_TEXT_LENGTH = 500_000

Reason = SectionRevision.Reason


def group_name(section_id: int) -> str:
    return f"collab.section.{section_id}"


# How an event reaches the section's group: ``_send`` waits until it is
# sent; the socket's writer passes one that hands it to the event loop and
# returns at once (``collab.writer``).
Send = Callable[[int, dict[str, Any]], None]


def _send(section_id: int, event: dict[str, Any]) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    send = async_to_sync(layer.group_send)
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        send(group_name(section_id), event)
        return
    # Synchronous code running inside an event loop's thread (a browser
    # driver's, in tests) cannot wait on it: the event goes from a thread of
    # its own.
    thread = threading.Thread(target=send, args=(group_name(section_id), event))
    thread.start()
    thread.join()


def broadcast_change(
    section_id: int,
    *,
    old: str,
    new: str,
    from_version: int,
    version: int,
    hunks: list[Hunk] | None = None,
    send: Send = _send,
) -> None:
    """Tell every socket on the section that it changed. Call after commit.

    ``hunks``, when known, turn ``old`` into ``new`` and spare a diff.
    """
    if hunks is None:
        delta = delta_from_diffs(Differ().diffs(old, new))
    else:
        delta = delta_from_hunks(old, hunks)
    send(
        section_id,
        {
            "type": "section.changed",
            "from_version": from_version,
            "version": version,
            "delta": delta,
        },
    )


@dataclass(frozen=True, slots=True)
class Opening:
    text: str
    version: int
    abilities: dict[str, bool]
    applied: int
    context: EditorContext


def access_live_section(user: User, section_id: int) -> tuple[Section, dict[str, bool]]:
    """The section with the user's live abilities; refuses who may not read it."""
    section = (
        Section.objects.select_related("report")
        .filter(pk=section_id, report__in=visible_reports(user))
        .first()
    )
    abilities = live_abilities(user, section) if section else {"read": False}
    if section is None or not abilities["read"]:
        # The same answer whether the section exists or not.
        raise NotAllowed(_("You may not open this section. Ask the secretariat."))
    return section, abilities


def open_live_section(
    user: User, section_id: int, *, resume: uuid.UUID | None = None
) -> Opening:
    """What a socket needs to start: text, abilities and where the report stands.

    ``resume`` names an earlier socket session of the same person; ``applied``
    is how many of its edits the section took (0 when unknown).
    """
    section, abilities = access_live_section(user, section_id)
    applied = 0
    if resume is not None:
        applied = (
            SyncSession.objects.filter(key=resume, user=user, section=section)
            .values_list("applied", flat=True)
            .first()
        ) or 0
    return Opening(
        text=section.text,
        version=section.version,
        abilities=abilities,
        applied=applied,
        context=editor_context(section),
    )


def current_text(section_id: int) -> tuple[str, int]:
    row = Section.objects.values_list("text", "version").get(pk=section_id)
    return row[0], row[1]


@dataclass(frozen=True, slots=True)
class Applied:
    text: str
    version: int
    changed: bool
    # Hunks from the result of the session's last edit to ``text``, or None
    # when they are not known (the answer is then diffed).
    tail: list[Hunk] | None = None


@dataclass(frozen=True, slots=True)
class EditsToWrite:
    """One socket session's edits, as its consumer hands them to the writer.

    ``applied`` is how many of the session's edits are in once these are;
    ``base_version`` the section version the first change was made from,
    when the socket knows it.
    """

    user: User
    session: uuid.UUID
    changes: list[Change]
    applied: int
    base_version: int | None = None


def do_apply_batch(
    section_id: int,
    batch: list[EditsToWrite],
    *,
    differ: Differ | None = None,
    now: dt.datetime | None = None,
    send: Send = _send,
) -> list[Applied | DomainError]:
    """Merge several socket sessions' edits into one section, in one write.

    The one-section case of ``do_apply_batches``.
    """
    results = do_apply_batches({section_id: batch}, differ=differ, now=now, send=send)
    return results[section_id]


def do_apply_batches(
    batches: dict[int, list[EditsToWrite]],
    *,
    differ: Differ | None = None,
    now: dt.datetime | None = None,
    send: Send = _send,
    patient: Collection[int] | None = None,
) -> dict[int, list[Applied | DomainError]]:
    """Merge the waiting edits of several sections into their texts, in one write.

    Takes the sections' row locks in the order of their ids (so two workers
    never wait on each other crosswise), and so edits from every worker are
    merged one after another into each text as committed. Within a section
    each session's edits are merged in turn, as if each had a transaction of
    its own. Each session's ``applied`` count is written in the same
    transaction, so after a restart a browser resends exactly the edits that
    were not kept. Returns, per section and for each session in order, what
    it got, or the error that refused it (a reader's edits, a section grown
    too long, a section removed) without holding up the others. The queries
    do not grow with the number of sessions or sections. Broadcasts each
    change after commit.

    With ``patient`` given (on PostgreSQL), only the sections it names are
    waited for; another section that someone else is writing at this moment
    is left out of the write and out of the result, for the caller to offer
    again (then as patient, so that it is not passed over for ever). Two
    workers then write different sections side by side, where each used to
    wait for the other's whole batch.
    """
    differ = differ or Differ()
    now = now or timezone.now()
    with transaction.atomic():
        locked, busy = _lock_sections(batches, patient)
        writes = {
            section_id: _merge_section(locked.get(section_id), batch, differ)
            for section_id, batch in batches.items()
            if section_id not in busy
        }
        _record_sessions(
            [(w.section, edits) for w in writes.values() for edits in w.kept], now
        )
        changed = [w for w in writes.values() if w.changed]
        if changed:
            _record_authors(changed, now)
            _record_text_changes(changed)
            _save_texts(changed, now)
        for write in changed:
            write.announce_on_commit(send)
    return {section_id: w.results for section_id, w in writes.items()}


@dataclass(frozen=True, slots=True)
class _Locked:
    section: Section
    # Whether the section has a revision yet, and a provenance to carry.
    revised: bool
    credited: bool


def _lock_sections(
    batches: dict[int, list[EditsToWrite]], patient: Collection[int] | None
) -> tuple[dict[int, _Locked], set[int]]:
    """The sections, locked in the order of their ids, with what the write asks,
    and those left out because someone else is writing them (see ``patient``
    in ``do_apply_batches``).

    A worker waits only for the locks it takes first, in id order, before it
    holds any other; the rest it takes without waiting, so two workers never
    wait on each other crosswise.

    The reports come in the locking query (the abilities need them); only
    the sections' rows are locked. Whether each section has a revision yet
    and a provenance to carry come in one query after it, not in it: a query
    that waited for a lock still sees the database as it stood when it
    started, so it would miss the revision that the write holding the lock
    had just made (two workers then both made revision 1).
    """
    from contributions.models import SectionProvenance

    sections = Section.objects.select_related("report").order_by("pk")
    skipping = connection.features.has_select_for_update_skip_locked
    if patient is None or not skipping:
        waited, hurried = set(batches), set[int]()
    else:
        waited = {pk for pk in batches if pk in patient}
        hurried = set(batches) - waited
    locked = list(
        sections.select_for_update(of=("self",)).filter(pk__in=waited)
    ) + list(
        sections.select_for_update(of=("self",), skip_locked=True).filter(
            pk__in=hurried
        )
    )
    missing = hurried - {section.pk for section in locked}
    # Left out: locked by someone else, or removed (whose edits are refused).
    busy = set(Section.objects.filter(pk__in=missing).values_list("pk", flat=True))
    flags = {
        pk: (revised, credited)
        for pk, revised, credited in Section.objects.filter(pk__in=batches)
        .annotate(
            revised=Exists(SectionRevision.objects.filter(section=OuterRef("pk"))),
            credited=Exists(SectionProvenance.objects.filter(section=OuterRef("pk"))),
        )
        .values_list("pk", "revised", "credited")
    }
    return {
        section.pk: _Locked(section, *flags[section.pk]) for section in locked
    }, busy


def _save_texts(changed: list[_SectionWrite], now: dt.datetime) -> None:
    """Write the new texts, in one UPDATE. The caller holds the row locks.

    ``bulk_update`` builds and resolves a CASE expression per field and row
    in Python, which was the largest part of a live write; the statement it
    sends is this one.
    """
    quote = connection.ops.quote_name
    cases: dict[str, list[str]] = {"text": [], "version": [], "status": []}
    params: dict[str, list[Any]] = {"text": [], "version": [], "status": []}
    for write in changed:
        status = write.section.status
        if status == Section.Status.NOT_STARTED and write.text.strip():
            status = Section.Status.DRAFTING
        for field, value in (
            ("text", write.text),
            ("version", write.version),
            ("status", status),
        ):
            cases[field].append("WHEN %s THEN %s")
            params[field] += [write.section.pk, value]
        write.section.text = write.text
        write.section.version = write.version
        write.section.status = status
        write.section.carried_over = False
        write.section.updated_at = now
    ids = [write.section.pk for write in changed]
    assignments = ", ".join(
        f"{quote(field)} = CASE {quote('id')} {' '.join(whens)} END"
        for field, whens in cases.items()
    )
    assignments += f", {quote('carried_over')} = %s, {quote('updated_at')} = %s"
    table, listed = quote(Section._meta.db_table), ", ".join(["%s"] * len(ids))
    # Only our own table and column names and placeholders are put in.
    sql = f"UPDATE {table} SET {assignments} WHERE {quote('id')} IN ({listed})"  # noqa: S608
    values = [*params["text"], *params["version"], *params["status"]]
    stamp = connection.ops.adapt_datetimefield_value(now)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*values, False, stamp, *ids])


@dataclass
class _SectionWrite:
    """One section's waiting edits, merged, before they are saved."""

    section: Section
    old: str
    old_version: int
    text: str
    hunks: list[Hunk] | None
    kept: list[EditsToWrite]
    results: list[Applied | DomainError]
    revised: bool = True
    credited: bool = False

    @property
    def changed(self) -> bool:
        return self.text != self.old

    @property
    def version(self) -> int:
        return self.old_version + 1 if self.changed else self.old_version

    def announce_on_commit(self, send: Send) -> None:
        section_id, version, hunks = self.section.pk, self.version, self.hunks
        if hunks is not None:
            # Before the commit: an edit of this section waiting for the row
            # lock in another thread reads it as soon as the lock is free.
            MIRRORS.record(section_id, version, hunks)
        old, old_version, text = self.old, self.old_version, self.text

        def committed() -> None:
            MIRRORS.offer(section_id, text, version)
            broadcast_change(
                section_id,
                old=old,
                new=text,
                from_version=old_version,
                version=version,
                hunks=hunks,
                send=send,
            )

        transaction.on_commit(committed)


def _merge_section(
    locked: _Locked | None, batch: list[EditsToWrite], differ: Differ
) -> _SectionWrite:
    """Merge each session's edits in turn; refuse who may not write, or
    whose edits would make the section too long."""
    if locked is None:
        # Removed while people were editing it: nobody may write in it now.
        gone = _("This section has been removed. Ask the secretariat.")
        placeholder = Section(text="", version=0)
        return _SectionWrite(
            placeholder, "", 0, "", [], [], [NotAllowed(gone)] * len(batch)
        )
    section = locked.section
    old, old_version = section.text, section.version
    writers = [edits for edits in batch if _may_write(edits.user, section)]
    merged = merge_batch(
        old,
        [
            Waiting(
                edits.changes,
                MIRRORS.between(section.pk, edits.base_version, old_version),
            )
            for edits in writers
        ],
        differ,
        longest=MAX_TEXT_LENGTH,
    )
    text, removed = clean_text(merged.text)
    version = old_version + 1 if text != old else old_version
    outcome = {
        id(edits): (tail, refused)
        for edits, tail, refused in zip(
            writers, merged.tails, merged.refused, strict=True
        )
    }
    kept: list[EditsToWrite] = []
    results: list[Applied | DomainError] = []
    for edits in batch:
        if id(edits) not in outcome:
            results.append(NotAllowed(_("You may read this section but not edit it.")))
            continue
        tail, refused = outcome[id(edits)]
        if refused:
            results.append(_too_long())
            continue
        kept.append(edits)
        results.append(Applied(text, version, text != old, None if removed else tail))
    hunks = None if removed else merged.hunks
    return _SectionWrite(
        section,
        old,
        old_version,
        text,
        hunks,
        kept,
        results,
        revised=locked.revised,
        credited=locked.credited,
    )


def _may_write(user: User, section: Section) -> bool:
    return bool(live_abilities(user, section)["write"])


def _too_long() -> DomainError:
    return DomainError(
        _(
            "The section would be longer than %(limit)s characters. "
            "Split it into several sections."
        )
        % {"limit": f"{MAX_TEXT_LENGTH:,}"}
    )


def _record_sessions(
    kept: list[tuple[Section, EditsToWrite]], now: dt.datetime
) -> None:
    """Note how many edits of each session are in, in one query."""
    if not kept:
        return
    # The keys are made by the server for each socket, never taken from a
    # browser, so a key names the same person and section every time.
    SyncSession.objects.bulk_create(
        [
            SyncSession(
                key=edits.session,
                section=section,
                user=edits.user,
                applied=edits.applied,
                updated_at=now,
            )
            for section, edits in kept
        ],
        update_conflicts=True,
        unique_fields=["key"],
        update_fields=["applied", "updated_at"],
    )


def _record_authors(changed: list[_SectionWrite], now: dt.datetime) -> None:
    """Note the authors of the edits. The caller holds the sections' row locks."""
    pairs = sorted({(w.section.pk, edits.user.pk) for w in changed for edits in w.kept})
    UnrevisedEdit.objects.bulk_create(
        [
            UnrevisedEdit(
                section_id=section_id, author_id=author_id, first_at=now, last_at=now
            )
            for section_id, author_id in pairs
        ],
        update_conflicts=True,
        unique_fields=["section", "author"],
        update_fields=["last_at"],
    )
    # Keep the text as it was before anyone edited live, so the first live
    # change can be compared and undone like any other.
    SectionRevision.objects.bulk_create(
        [
            SectionRevision(
                section=w.section,
                number=1,
                text=w.old,
                section_version=w.old_version,
                reason=Reason.START,
                created_at=now,
            )
            for w in changed
            if not w.revised
        ]
    )


def _record_text_changes(changed: list[_SectionWrite]) -> None:
    """Carry the provenance of the sections that have any."""
    for write in changed:
        if write.credited:
            record_text_change(write.section.pk, write.old, write.text)


def do_gather_revision(
    section_id: int,
    *,
    reason: str,
    user: User | None = None,
    label: str = "",
    now: dt.datetime | None = None,
) -> SectionRevision | None:
    """Gather the live edits since the last revision into a new one.

    A pause gathers only when the section has been quiet for ``PAUSE`` or
    its oldest ungathered edit is older than ``LONGEST_UNGATHERED``; leaving
    gathers whatever is ungathered; a checkpoint (by someone who may write)
    gathers whenever the text differs from the last revision. Returns None
    when there was nothing to gather. Takes the section's row lock.
    """
    now = now or timezone.now()
    with transaction.atomic():
        section = Section.objects.select_for_update().get(pk=section_id)
        if reason == Reason.CHECKPOINT and (
            user is None or not live_abilities(user, section)["checkpoint"]
        ):
            raise NotAllowed(_("You may read this section but not edit it."))
        revision = _gather_locked(
            section, reason=reason, user=user, label=label, now=now
        )
    return revision


def _gather_locked(
    section: Section, *, reason: str, user: User | None, label: str, now: dt.datetime
) -> SectionRevision | None:
    pending = list(UnrevisedEdit.objects.filter(section=section))
    if reason == Reason.PAUSE:
        if not pending:
            return None
        quiet = max(row.last_at for row in pending) <= now - PAUSE
        long = min(row.first_at for row in pending) <= now - LONGEST_UNGATHERED
        if not (quiet or long):
            return None
    elif reason == Reason.LEAVE and not pending:
        return None
    last = SectionRevision.objects.filter(section=section).order_by("-number").first()
    if last is not None and last.text == section.text:
        UnrevisedEdit.objects.filter(pk__in=[row.pk for row in pending]).delete()
        return None
    revision = SectionRevision.objects.create(
        section=section,
        number=(last.number if last else 0) + 1,
        text=section.text,
        section_version=section.version,
        reason=reason,
        label=label,
        created_by=user,
        created_at=now,
    )
    revision.authors.set([row.author_id for row in pending])
    UnrevisedEdit.objects.filter(pk__in=[row.pk for row in pending]).delete()
    # A pause or a departure gathers without a person acting: the authors
    # of the gathered edits are named instead.
    record(
        user,
        Verb.REVISE,
        target=revision,
        report=section.report,
        details={
            "number": revision.number,
            "reason": reason,
            "authors": sorted({row.author_id for row in pending}),
        },
    )
    section_id, number = section.pk, revision.number
    transaction.on_commit(
        lambda: _send(
            section_id,
            {"type": "revision.created", "number": number, "reason": reason},
        )
    )
    return revision


def do_restore_revision(
    user: User, revision: SectionRevision, *, now: dt.datetime | None = None
) -> SectionRevision:
    """Make an earlier revision's text the section's text again.

    The text as it stands is gathered first, so restoring can itself be
    undone. Takes the section's row lock; browsers editing the section
    receive the restored text and keep what they had not yet sent.
    """
    now = now or timezone.now()
    with transaction.atomic():
        section = Section.objects.select_for_update().get(pk=revision.section_id)
        if not live_abilities(user, section)["restore"]:
            raise NotAllowed(_("You may read this section but not edit it."))
        _gather_locked(
            section,
            reason=Reason.CHECKPOINT,
            user=user,
            label=_("Before restoring revision %(number)s")
            % {"number": revision.number},
            now=now,
        )
        old, old_version = section.text, section.version
        if revision.text != old:
            record_text_change(section.pk, old, revision.text)
            section.text = revision.text
            section.version += 1
            section.carried_over = False
            section.save(
                update_fields=["text", "version", "carried_over", "updated_at"]
            )
        restored = _gather_locked(
            section,
            reason=Reason.RESTORE,
            user=user,
            label=_("Restored revision %(number)s") % {"number": revision.number},
            now=now,
        )
        if restored is None:
            raise DomainError(
                _("The section already reads as revision %(number)s.")
                % {"number": revision.number}
            )
        restored.authors.set([user.pk])
        record(
            user,
            Verb.RESTORE,
            target=revision,
            report=section.report,
            details={"restored": revision.number, "as": restored.number},
        )
        new, version = section.text, section.version
        transaction.on_commit(
            lambda: broadcast_change(
                section.pk,
                old=old,
                new=new,
                from_version=old_version,
                version=version,
            )
        )
    return restored
