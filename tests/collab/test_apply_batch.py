"""Writing the waiting edits of a section together (``do_apply_batch``): each
session's edits are merged in turn, refusals stay with whom they concern, and
the write costs the same few queries however many people are in the batch."""

from __future__ import annotations

import datetime as dt
import threading
import uuid

import pytest
from django.db import connection, connections, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from collab.actions import EditsToWrite, do_apply_batch, do_apply_batches
from collab.merge import Differ
from collab.models import SyncSession, UnrevisedEdit
from collab.sync import Change
from drafting.models import Section
from reportdesk.errors import DomainError, NotAllowed

pytestmark = pytest.mark.django_db


def _typing(user, text: str, at: int, words: str) -> EditsToWrite:
    """One session that typed ``words`` at ``at`` in ``text``."""
    result = text[:at] + words + text[at:]
    hunks = Differ().hunks(text, result)
    return EditsToWrite(user, uuid.uuid4(), [Change(text, hunks, result)], applied=1)


def test_every_session_s_words_are_merged_and_each_is_told_its_result(
    personas, section
):
    text = section.text
    first = _typing(personas.drafter, text, 0, "Firstly, ")
    second = _typing(personas.coordinator, text, len(text), " Lastly.")

    results = do_apply_batch(section.pk, [first, second])

    section.refresh_from_db()
    assert section.text == "Firstly, " + text + " Lastly."
    assert [r.text for r in results] == [section.text, section.text]
    assert {s.key: s.applied for s in SyncSession.objects.all()} == {
        first.session: 1,
        second.session: 1,
    }
    assert set(UnrevisedEdit.objects.values_list("author", flat=True)) == {
        personas.drafter.pk,
        personas.coordinator.pk,
    }


def test_a_reader_in_the_batch_is_refused_and_the_others_are_written(personas, section):
    text = section.text
    reader = _typing(personas.focal_point, text, 0, "Not mine to write. ")
    drafter = _typing(personas.drafter, text, len(text), " Written.")

    refused, written = do_apply_batch(section.pk, [reader, drafter])

    assert isinstance(refused, NotAllowed)
    assert Section.objects.get(pk=section.pk).text == written.text == text + " Written."
    assert not SyncSession.objects.filter(key=reader.session).exists()


def test_a_session_that_would_overgrow_the_section_is_refused_alone(
    personas, section, monkeypatch
):
    monkeypatch.setattr("collab.actions.MAX_TEXT_LENGTH", len(section.text) + 20)
    text = section.text
    short = _typing(personas.drafter, text, 0, "Short. ")
    long = _typing(personas.coordinator, text, 0, "Far too long to fit in. ")

    written, refused = do_apply_batch(section.pk, [short, long])

    assert isinstance(refused, DomainError) and "longer than" in str(refused)
    assert written.text == "Short. " + text


def test_the_write_costs_the_same_queries_for_one_person_or_five(
    personas, section, django_user_model
):
    def queries_for(count: int) -> int:
        text = Section.objects.get(pk=section.pk).text
        batch = [
            _typing(personas.drafter, text, i * 10, f"w{i} ") for i in range(count)
        ]
        with CaptureQueriesContext(connection) as captured:
            do_apply_batch(section.pk, batch)
        return len(captured)

    queries_for(1)  # the first live edit keeps revision 1; not counted
    assert queries_for(5) == queries_for(1)


def test_edits_of_a_section_removed_meanwhile_are_refused_and_others_written(
    personas, section, report
):
    other = report.sections.exclude(pk=section.pk).first()
    gone = _typing(personas.drafter, section.text, 0, "Too late. ")
    kept = _typing(personas.drafter, other.text, 0, "In time. ")
    Section.objects.filter(pk=section.pk).delete()

    results = do_apply_batches({section.pk: [gone], other.pk: [kept]})

    [refused] = results[section.pk]
    assert isinstance(refused, NotAllowed) and "removed" in str(refused)
    assert Section.objects.get(pk=other.pk).text.startswith("In time. ")


def test_each_section_of_a_batch_is_saved_with_its_own_text_and_version(
    personas, section, report
):
    other = report.sections.exclude(pk=section.pk).first()
    Section.objects.filter(pk=other.pk).update(
        status=Section.Status.NOT_STARTED, carried_over=True
    )
    Section.objects.filter(pk=section.pk).update(status=Section.Status.READY)
    other.refresh_from_db()
    section.refresh_from_db()
    now = timezone.now() + dt.timedelta(hours=1)
    here = _typing(personas.drafter, section.text, 0, "Here. ")
    there = _typing(personas.coordinator, other.text, 0, "There. ")

    do_apply_batches({section.pk: [here], other.pk: [there]}, now=now)

    saved = {s.pk: s for s in Section.objects.filter(pk__in=[section.pk, other.pk])}
    assert saved[section.pk].text == "Here. " + section.text
    assert saved[section.pk].version == section.version + 1
    assert saved[section.pk].status == Section.Status.READY
    assert saved[other.pk].text == "There. " + other.text
    assert saved[other.pk].version == other.version + 1
    # A section written into for the first time is being drafted now.
    assert saved[other.pk].status == Section.Status.DRAFTING
    assert saved[other.pk].carried_over is False
    assert saved[section.pk].updated_at == saved[other.pk].updated_at == now


@pytest.mark.django_db(transaction=True)
def test_a_section_someone_else_is_writing_is_left_for_later_and_the_others_written(
    personas, section, report
):
    if not connection.features.has_select_for_update_skip_locked:
        pytest.skip("only PostgreSQL can pass over a locked row; SQLite waits")
    other = report.sections.exclude(pk=section.pk).first()
    here = _typing(personas.drafter, section.text, 0, "Here. ")
    there = _typing(personas.coordinator, other.text, 0, "There. ")
    held, release = threading.Event(), threading.Event()

    def another_worker_writing() -> None:
        with transaction.atomic():
            Section.objects.select_for_update().get(pk=section.pk)
            held.set()
            release.wait(10)
        connections.close_all()

    worker = threading.Thread(target=another_worker_writing)
    worker.start()
    held.wait(10)
    try:
        results = do_apply_batches({section.pk: [here], other.pk: [there]}, patient=())
    finally:
        release.set()
        worker.join()

    assert section.pk not in results
    assert Section.objects.get(pk=section.pk).text == section.text
    assert Section.objects.get(pk=other.pk).text == "There. " + other.text
    # Offered again as patient, it waits for the lock and is written.
    [applied] = do_apply_batches({section.pk: [here]}, patient={section.pk})[section.pk]
    assert applied.text == "Here. " + section.text
