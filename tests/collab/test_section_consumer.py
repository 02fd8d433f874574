"""The live-editing socket: who may connect, read and write, and what a
malformed, oversized or hostile frame gets (an error frame, nothing else)."""

from __future__ import annotations

import json

import pytest
from asgiref.sync import sync_to_async

from collab.models import SectionRevision, SyncSession, UnrevisedEdit
from collab.protocol import MAX_FRAME
from drafting.models import Section
from tests.collab.conftest import in_own_loop, open_browser

pytestmark = [pytest.mark.django_db(transaction=True)]


async def saved_text(section) -> str:
    return (await sync_to_async(Section.objects.get)(pk=section.pk)).text


@in_own_loop
async def test_a_drafter_gets_the_text_and_the_report_numbering_on_connecting(
    personas, section
):
    browser = await open_browser(personas.drafter, section.pk)
    welcome = browser.frames[0]

    assert welcome["type"] == "welcome"
    assert welcome["text"] == section.text
    assert welcome["can_edit"] is True
    assert welcome["context"]["word_limit"] == section.report.word_limit
    assert welcome["context"]["paragraphs_before"] == 0
    await browser.close()


@pytest.mark.parametrize(
    ("persona", "can_edit"),
    [
        ("coordinator", True),
        ("drafter", True),
        ("focal_point", False),
        ("validator", False),
    ],
)
@in_own_loop
async def test_government_people_follow_live_and_only_the_secretariat_writes(
    personas, section, persona, can_edit
):
    browser = await open_browser(getattr(personas, persona), section.pk)

    assert browser.frames[0]["can_edit"] is can_edit
    browser.peer.text += "\n\nA sentence from the reader."
    answer = await browser.sync()

    if can_edit:
        assert answer["type"] == "sync"
        assert await saved_text(section) == browser.peer.text
    else:
        assert answer == {
            "type": "error",
            "code": "not_allowed",
            "detail": "You may read this section but not edit it.",
            "resync": True,
        }
        assert await saved_text(section) == section.text
    await browser.close()


@pytest.mark.parametrize("persona", ["nhri_reviewer", "cso_reviewer", "outsider"])
@in_own_loop
async def test_people_outside_government_are_refused_the_socket(
    personas, section, persona
):
    browser = await open_browser(getattr(personas, persona), section.pk)

    assert browser.frames[0]["type"] == "error"
    assert browser.frames[0]["code"] == "not_allowed"
    assert (await browser.receive())["type"] == "closed"


@in_own_loop
async def test_an_anonymous_socket_is_told_to_sign_in(section):
    from django.contrib.auth.models import AnonymousUser

    browser = await open_browser(AnonymousUser(), section.pk)

    assert browser.frames[0]["code"] == "not_signed_in"


@in_own_loop
async def test_a_reader_is_pushed_a_drafters_edit_unasked(personas, section):
    drafter = await open_browser(personas.drafter, section.pk)
    reader = await open_browser(personas.focal_point, section.pk)
    drafter.peer.text = "Drafted live: " + drafter.peer.text

    await drafter.sync()
    push = await reader.receive_type("sync")
    reader.peer.incoming(push)

    assert push["push"] is True and push["version"] == section.version + 1
    assert reader.peer.text == drafter.peer.text
    await drafter.close()
    await reader.close()


@in_own_loop
async def test_a_push_that_crosses_a_browsers_edit_is_set_aside_and_nothing_is_lost(
    personas, section
):
    first = await open_browser(personas.drafter, section.pk)
    second = await open_browser(personas.coordinator, section.pk)
    first.peer.text = "First: " + first.peer.text
    second.peer.text = second.peer.text + "\n\nSecond."

    await first.sync()
    # The second browser made its edit before the push reached it, and sends
    # it after: the push is set aside, the server takes the edit from the
    # shadow the browser had, and the answer brings the first one's words.
    crossing = second.peer.outgoing()
    push = await second.receive_type("sync")
    second.peer.incoming(push)
    set_aside = second.peer.text
    await second.socket.send_json_to(crossing)
    answer = await second.receive_type("sync")
    second.peer.incoming(answer)

    assert push["push"] is True and "push" not in answer
    assert not set_aside.startswith("First: ")
    assert second.peer.text == await saved_text(section)
    assert second.peer.text.startswith("First: ")
    assert second.peer.text.endswith("Second.")
    await first.close()
    await second.close()


@in_own_loop
async def test_an_applied_edit_is_kept_with_its_session_and_author(personas, section):
    browser = await open_browser(personas.drafter, section.pk)
    browser.peer.text = browser.peer.text.replace("Slovenia", "Slovenia 🇸🇮", 1)

    await browser.sync()

    session = await sync_to_async(SyncSession.objects.get)(key=browser.peer.session)
    assert session.applied == 1
    assert await sync_to_async(
        UnrevisedEdit.objects.filter(section=section, author=personas.drafter).exists
    )()
    # The text before live editing is kept as revision 1.
    first = await sync_to_async(SectionRevision.objects.get)(section=section)
    assert first.text == section.text
    await browser.close()


@in_own_loop
async def test_leaving_the_section_gathers_a_revision_with_its_author(
    personas, section
):
    browser = await open_browser(personas.drafter, section.pk)
    browser.peer.text += "\n\nA closing paragraph."
    await browser.sync()

    await browser.close()

    latest = await sync_to_async(
        lambda: SectionRevision.objects.filter(section=section).order_by("-number")[0]
    )()
    assert latest.reason == SectionRevision.Reason.LEAVE
    assert latest.text.endswith("A closing paragraph.")
    authors = await sync_to_async(lambda: list(latest.authors.all()))()
    assert authors == [personas.drafter]


@in_own_loop
async def test_a_browser_that_reconnects_is_told_which_edits_were_kept(
    personas, section
):
    browser = await open_browser(personas.drafter, section.pk)
    old_session = browser.peer.session
    browser.peer.text += "\n\nSent before the connection broke."
    await browser.socket.send_json_to(browser.peer.outgoing())
    await browser.receive_type("sync")
    await browser.close()

    again = await open_browser(personas.drafter, section.pk, resume=old_session)

    assert again.frames[0]["resumed"] == old_session
    assert again.frames[0]["applied"] == 1
    await again.close()


HOSTILE_FRAMES = [
    "not json",
    "[1, 2, 3]",
    json.dumps({"type": "unknown"}),
    json.dumps({"type": "sync", "ack": -1, "edits": []}),
    json.dumps({"type": "sync", "ack": True, "edits": []}),
    json.dumps({"type": "sync", "ack": 0, "edits": "everything"}),
    json.dumps(
        {"type": "sync", "ack": 0, "edits": [{"seq": 0, "base": 1, "delta": [{}]}]}
    ),
    json.dumps({"type": "presence", "anchor": 0, "head": 0, "before": "x" * 500}),
    "[" * 100_000 + "]" * 100_000,
]


@pytest.mark.parametrize("frame", HOSTILE_FRAMES)
@in_own_loop
async def test_a_malformed_frame_gets_an_error_and_changes_nothing(
    personas, section, frame
):
    browser = await open_browser(personas.drafter, section.pk)

    await browser.socket.send_text(frame)
    answer = await browser.receive()

    assert answer["type"] == "error"
    assert answer["code"] == "malformed"
    assert await saved_text(section) == section.text
    # The socket still works.
    browser.peer.text += " Still here."
    assert (await browser.sync())["type"] == "sync"
    await browser.close()


@in_own_loop
async def test_an_oversized_frame_is_refused_before_it_is_read(personas, section):
    browser = await open_browser(personas.drafter, section.pk)

    await browser.socket.send_text(" " * (MAX_FRAME + 1))
    answer = await browser.receive()

    assert answer["code"] == "too_large"
    assert await saved_text(section) == section.text
    await browser.close()


@in_own_loop
async def test_a_binary_frame_is_refused(personas, section):
    browser = await open_browser(personas.drafter, section.pk)

    await browser.socket.send_bytes(b"\x00\x01")

    assert (await browser.receive())["code"] == "malformed"
    await browser.close()


@pytest.mark.parametrize(
    "delta",
    [
        [5],  # does not cover the text
        [10**9],  # runs past its end
        ["\ud800"],  # a lone surrogate
        [-1, "x", 10**6],
    ],
)
@in_own_loop
async def test_an_edit_that_does_not_fit_starts_a_fresh_session_and_keeps_the_text(
    personas, section, delta
):
    from collab.textunits import checksum

    browser = await open_browser(personas.drafter, section.pk)
    edit = {"seq": 0, "base": checksum(section.text), "delta": delta}

    await browser.socket.send_json_to({"type": "sync", "ack": 0, "edits": [edit]})
    answer = await browser.receive()

    assert answer["type"] == "welcome"
    assert answer["resumed"] == browser.peer.session
    assert answer["text"] == section.text
    assert await saved_text(section) == section.text
    await browser.close()


@in_own_loop
async def test_an_edit_made_from_another_text_is_detected_by_its_checksum(
    personas, section
):
    browser = await open_browser(personas.drafter, section.pk)
    edit = {"seq": 0, "base": 12345, "delta": [len(section.text)]}

    await browser.socket.send_json_to({"type": "sync", "ack": 0, "edits": [edit]})

    assert (await browser.receive())["type"] == "welcome"
    await browser.close()


@in_own_loop
async def test_a_frame_sent_before_a_welcome_is_dropped_and_nothing_typed_is_lost(
    personas, section
):
    browser = await open_browser(personas.drafter, section.pk)
    first, second = section.text.split()[:2]
    browser.peer.text = f"{first} {browser.peer.text}"
    stale = browser.peer.outgoing()  # still on its way when the welcome comes
    await browser.socket.send_json_to({"type": "resync"})
    browser.peer.rebase(await browser.receive_type("welcome"))
    browser.peer.text = f"{second} {browser.peer.text}"

    # Numbered 0 in the old session, it would pass for the new session's
    # edit 0, and the browser's own edit 0 (both words) would be skipped.
    await browser.socket.send_json_to(stale)
    answer = await browser.sync()

    assert answer["type"] == "sync"
    assert answer["session"] == browser.peer.session
    assert await saved_text(section) == f"{second} {first} {section.text}"
    assert browser.peer.text == await saved_text(section)
    await browser.close()


@in_own_loop
async def test_a_checkpoint_saves_a_revision_and_tells_everyone(personas, section):
    browser = await open_browser(personas.drafter, section.pk)
    browser.peer.text += "\n\nWorth keeping."
    await browser.sync()

    await browser.socket.send_json_to({"type": "checkpoint", "label": "Before review"})
    seen = {}
    while len(seen) < 2:
        frame = await browser.receive()
        if frame["type"] in ("revision", "checkpoint"):
            seen[frame["type"]] = frame
    told, answer = seen["revision"], seen["checkpoint"]

    assert answer["number"] == told["number"] == 2
    revision = await sync_to_async(SectionRevision.objects.get)(
        section=section, number=2
    )
    assert revision.label == "Before review"
    await browser.close()


@in_own_loop
async def test_presence_tells_others_who_is_here_and_where(personas, section):
    first = await open_browser(personas.drafter, section.pk)
    second = await open_browser(personas.coordinator, section.pk)
    joined = await first.receive_type("presence")

    await second.socket.send_json_to(
        {"type": "presence", "anchor": 3, "head": 7, "before": "In M", "after": "arch"}
    )
    [moved] = (await first.receive_type("people"))["people"]

    assert joined["name"] == "coordinator"
    assert moved["cursor"] == {
        "anchor": 3,
        "head": 7,
        "before": "In M",
        "after": "arch",
    }
    await second.close()
    assert (await first.receive_type("left"))["id"] == moved["id"]
    await first.close()
