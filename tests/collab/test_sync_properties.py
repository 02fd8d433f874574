"""Many browsers edit one section over a network that drops, duplicates and
reorders messages, disconnects browsers and restarts the server; afterwards
everyone holds the same text and no typed character is lost or doubled.

Each typed word carries two characters that occur nowhere else (one outside
the Basic Multilingual Plane, one inside it) around some text people type
(emoji, a combining accent, Arabic, Chinese). The oracle follows those marker
characters: one nobody deleted is in the final text exactly once. Where two
people replace the same words at once, their letters may interleave (the
merge cannot know which of two equal letters each meant); no letter is lost.
"""

from __future__ import annotations

import logging
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.collab.conftest import real_paragraphs
from tests.collab.simulation import Client, Simulation

CLIENTS = 4
# What people type inside a word: astral emoji, a combining accent, Arabic
# ("rights"), Chinese ("human rights"), an emoji sequence with a skin tone.
FLAVOURS = ["", "😀", "e\u0301", "حقوق", "人权", "👩🏽‍⚖️"]
ASTRAL_MARKS = 0x20000  # CJK Extension B: absent from the real texts
BMP_MARKS = 0x3400  # CJK Extension A: likewise


def _is_mark(char: str) -> bool:
    return ASTRAL_MARKS <= ord(char) < ASTRAL_MARKS + 5000 or (
        BMP_MARKS <= ord(char) < BMP_MARKS + 5000
    )


client_index = st.integers(0, CLIENTS - 1)
operation = st.one_of(
    st.tuples(
        st.just("type"), client_index, st.floats(0, 1), st.sampled_from(FLAVOURS)
    ),
    st.tuples(st.just("delete"), client_index, st.floats(0, 1), st.integers(1, 40)),
    st.tuples(st.just("send"), client_index),
    st.tuples(st.just("up"), client_index, st.integers(0, 4), st.booleans()),
    st.tuples(st.just("down"), client_index, st.integers(0, 4), st.booleans()),
    st.tuples(
        st.just("together"),
        client_index,
        st.lists(client_index, min_size=2, max_size=CLIENTS, unique=True),
    ),
    st.tuples(st.just("drop_up"), client_index, st.integers(0, 4)),
    st.tuples(st.just("drop_down"), client_index, st.integers(0, 4)),
    st.tuples(st.just("disconnect"), client_index),
    st.tuples(st.just("reconnect"), client_index),
    st.tuples(st.just("restart")),
)


class Typists:
    """Types marked words into browsers and remembers which marks were deleted."""

    def __init__(self) -> None:
        self.marks: list[str] = []
        self.deleted: set[str] = set()
        self.counter = 0

    def type(self, client: Client, where: float, flavour: str) -> None:
        self.counter += 1
        first, last = chr(ASTRAL_MARKS + self.counter), chr(BMP_MARKS + self.counter)
        text = client.peer.text
        position = round(where * len(text))
        client.peer.text = text[:position] + first + flavour + last + text[position:]
        self.marks += [first, last]

    def delete(self, client: Client, where: float, length: int) -> None:
        text = client.peer.text
        start = round(where * len(text))
        end = min(len(text), start + length)
        self.deleted.update(char for char in text[start:end] if _is_mark(char))
        client.peer.text = text[:start] + text[end:]


def run(
    operations: list[tuple], *, orderly: bool = False
) -> tuple[Simulation, Typists]:
    simulation = Simulation(real_paragraphs(2), CLIENTS)
    typists = Typists()
    for op in operations:
        client: Client = simulation.clients[op[1] if len(op) > 1 else 0]
        match op[0]:
            case "type":
                typists.type(client, op[2], op[3])
            case "delete":
                typists.delete(client, op[2], op[3])
            case "send":
                simulation.send(client)
            case "up":
                simulation.deliver_up(client, op[2], keep=op[3])
            case "down":
                simulation.deliver_down(client, op[2], keep=op[3])
            case "together":
                simulation.deliver_together([simulation.clients[i] for i in op[2]])
            case "drop_up":
                simulation.drop(client.up, op[2])
            case "drop_down":
                simulation.drop(client.down, op[2])
            case "disconnect":
                simulation.disconnect(client)
            case "reconnect":
                if not client.connected:
                    simulation.reconnect(client)
            case "restart":
                simulation.restart_server()
        simulation.acknowledged.update(c for c in simulation.truth if _is_mark(c))
    if orderly:
        simulation.drain()  # settling drops what is on its way
    simulation.settle()
    return simulation, typists


def assert_converged_and_nothing_lost(simulation: Simulation, typists: Typists) -> None:
    assert simulation.settled(), "the browsers did not converge on the server's text"
    final = simulation.truth
    for mark in typists.marks:
        count = final.count(mark)
        if mark in typists.deleted:
            assert count <= 1, f"{mark!r} was deleted but appears {count} times"
        else:
            assert count == 1, f"{mark!r} appears {count} times in the end"
    lost = (simulation.acknowledged - typists.deleted) - set(final)
    assert not lost, f"acknowledged characters lost: {lost}"


@settings(
    max_examples=int(os.environ.get("COLLAB_EXAMPLES", "400")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.lists(operation, min_size=10, max_size=150))
def test_every_browser_converges_and_no_typed_character_is_lost_or_doubled(
    operations,
):
    simulation, typists = run(operations)

    assert_converged_and_nothing_lost(simulation, typists)


class _Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


# A network that only delays: every message arrives once and in order, but
# browsers type, send and receive in any interleaving, and the server batches.
orderly_operation = st.one_of(
    st.tuples(
        st.just("type"), client_index, st.floats(0, 1), st.sampled_from(FLAVOURS)
    ),
    st.tuples(st.just("delete"), client_index, st.floats(0, 1), st.integers(1, 40)),
    st.tuples(st.just("send"), client_index),
    st.tuples(st.just("up"), client_index, st.just(0), st.just(False)),
    st.tuples(st.just("down"), client_index, st.just(0), st.just(False)),
    st.tuples(
        st.just("together"),
        client_index,
        st.lists(client_index, min_size=2, max_size=CLIENTS, unique=True),
    ),
)


@settings(
    max_examples=int(os.environ.get("COLLAB_EXAMPLES", "400")) // 2,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.lists(orderly_operation, min_size=10, max_size=150))
def test_pushes_and_batches_on_an_orderly_network_never_need_a_resync_or_a_diff(
    operations,
):
    # Pushes cross the browsers' own messages: the rules in collab/sync.py
    # must sort that out with the shadows kept, not by starting afresh, and
    # the hunks the server composes must always lead to the text.
    warnings = _Warnings()
    logging.getLogger("collab.sync").addHandler(warnings)
    try:
        simulation, typists = run(operations, orderly=True)
    finally:
        logging.getLogger("collab.sync").removeHandler(warnings)

    assert_converged_and_nothing_lost(simulation, typists)
    assert simulation.resyncs == 0 and simulation.asks == 0
    assert not [m for m in warnings.messages if "known hunks" in m]


def test_a_browser_that_was_offline_merges_its_work_on_reconnect():
    # Two browsers; the first goes offline, both keep typing, it comes back.
    simulation, typists = run(
        [
            ("disconnect", 0),
            ("type", 0, 0.1, "😀"),
            ("type", 1, 0.1, "حقوق"),
            ("send", 1),
            ("up", 1, 0, False),
            ("down", 1, 0, False),
            ("type", 0, 0.9, "人权"),
            ("reconnect", 0),
        ]
    )

    assert simulation.settled()
    # Typed at different places, the words arrive whole.
    for first, last in zip(typists.marks[::2], typists.marks[1::2], strict=True):
        assert simulation.truth.count(first) == 1
        assert simulation.truth.index(first) < simulation.truth.index(last)


def test_an_edit_acknowledged_before_a_server_restart_is_kept_once():
    # The answer to the edit is lost and the server restarts: on reconnect
    # the browser learns the edit was taken, and does not send it again.
    simulation, typists = run(
        [
            ("type", 0, 0.5, "𠀋"),
            ("send", 0),
            ("up", 0, 0, False),
            ("drop_down", 0, 0),
            ("restart",),
        ]
    )

    assert simulation.settled()
    assert all(simulation.truth.count(mark) == 1 for mark in typists.marks)
