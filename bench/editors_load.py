"""Many people editing live at once, against a plain broadcast relay.

    python -m bench.editors_load [--seconds 25] [--workers 1] [--only one|spread]

Two scenarios (issue #5): 50 editors typing in one section, and 200 editors
spread over 20 sections (10 in each). Every editor types a real word from the
UN documents at its own place in the section about once a second and sends
it at once (the browser waits 150 ms after the last keystroke first; that
wait is the browser's, not the server's, and is left out), tells the others
where its cursor is, as the browser does after typing, and answers the
server's pushes as ``frontend/editor/ui/connection.ts`` does. Each typed word
carries a tag of its own, so the moment it first stands in each peer's text
is seen exactly; an edit's latency is the time from typing it until the last
peer in the section has it.

The baseline, in the same run: a bare asyncio WebSocket relay that forwards
each frame to the other sockets on the same path, with the same number of
editors sending a frame of the same size at the same rate; its latency is
until the last peer has received the frame.

Server CPU per edit is the CPU time of the server processes (uvicorn, and
PostgreSQL and Redis for the live editor) in the measured window, divided by
the edits typed in it. At the end every editor syncs until it has nothing to
send; every copy must equal the text in the database and hold each tag once.

Servers run on 127.0.0.1 only: uvicorn with the project's ASGI application;
PostgreSQL from DATABASE_URL (default postgres://postgres@127.0.0.1:5432/
reportdesk_bench, created if missing); with --workers 2, Redis from REDIS_URL
(default redis://127.0.0.1:6379/2). Every loop stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import functools
import gc
import os
import random
import re
import secrets
import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bench.load_editors import SECTION_CHARS, TAG, Editor, Tally
from bench.load_servers import (
    ROOT,
    cpu_seconds,
    free_port,
    relay,
    server_pids,
    start_project,
    start_relay,
    stop,
)

DATA = ROOT.parent / "shared" / "data"
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/reportdesk_bench"
# A database of its own: the test command (.ci/run) uses 0.
DEFAULT_REDIS = "redis://127.0.0.1:6379/2"

WARM_UP = 3.0  # typing before the measured window, not counted
DRAIN = 10.0  # longest wait for the last edits to reach everyone


@dataclass(frozen=True)
class Scenario:
    sections: int
    editors_per_section: int
    target_p99_ms: float

    @property
    def editors(self) -> int:
        return self.sections * self.editors_per_section

    @property
    def name(self) -> str:
        if self.sections == 1:
            return f"{self.editors} editors, one section"
        return f"{self.editors} editors, {self.sections} sections"


SCENARIOS = {
    "one": Scenario(1, 50, 100),
    "spread": Scenario(20, 10, 250),
}


# Real text


def real_words() -> list[str]:
    text = DATA / "upr_slovenia_cycle4" / "A_HRC_WG.6_48_SVN_1_national_report.txt"
    return [w for w in text.read_text(encoding="utf-8").split() if w.isalpha()]


def real_section_texts(count: int) -> list[str]:
    """Numbered paragraphs of real national reports, about 10,000 characters each."""
    paragraphs: list[str] = []
    for path in (
        DATA / "upr_slovenia_cycle4" / "A_HRC_WG.6_48_SVN_1_national_report.txt",
        DATA / "cerd_brazil" / "A_HRC_WG.6_41_BRA_1_upr_national_report.txt",
        DATA / "cerd_brazil" / "HRI_CORE_BRA_2020_common_core_document.txt",
    ):
        # A numbered paragraph starts "12. " and runs until the next one;
        # the PDF's line breaks inside it are joined back.
        current: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            head, _, rest = line.strip().partition(". ")
            if head.isdigit() and rest:
                if current:
                    paragraphs.append(" ".join(current))
                current = [rest.strip()]
            elif current and line.strip():
                current.append(line.strip())
        if current:
            paragraphs.append(" ".join(current))
    texts: list[str] = []
    chunk: list[str] = []
    for paragraph in paragraphs:
        chunk.append(paragraph)
        if sum(map(len, chunk)) >= SECTION_CHARS:
            texts.append("\n\n".join(chunk))
            chunk = []
        if len(texts) == count:
            return texts
    raise RuntimeError(f"the real documents hold fewer than {count} sections' text")


# Setting up the database, people and sessions (in this process, through Django)


def ensure_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as db:
        found = db.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if found.fetchone() is None:
            db.execute(f'CREATE DATABASE "{name}"')


def prepare(section_count: int, editors: int) -> tuple[list[int], list[str]]:
    """Sections with real text and signed-in editors; returns ids and cookies."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command

    from contributions.models import Entity, Membership
    from drafting.actions import add_section, do_create_report
    from drafting.models import Report, Section, Skeleton
    from drafting.skeletons import load_skeletons

    call_command("migrate", verbosity=0)
    load_skeletons()
    secretariat, _ = Entity.objects.get_or_create(
        name="Bench secretariat", defaults={"kind": Entity.Kind.SECRETARIAT}
    )
    users = []
    for number in range(editors + 1):
        user, _ = get_user_model().objects.get_or_create(
            username=f"bench-editor-{number:03d}"
        )
        role = Membership.Role.COORDINATOR if number == 0 else Membership.Role.DRAFTER
        Membership.objects.update_or_create(
            user=user, defaults={"entity": secretariat, "role": role}
        )
        users.append(user)
    report = Report.objects.filter(slug="bench-load").first()
    if report is None:
        report = do_create_report(
            users[0],
            Skeleton.objects.get(key="upr-national-report"),
            slug="bench-load",
            state="Slovenia",
            state_code="SVN",
        )
    sections = list(report.sections.filter(key__startswith="bench-").order_by("pk"))
    for number in range(len(sections), section_count):
        sections.append(
            add_section(report, heading=f"Load {number + 1}", key=f"bench-{number}")
        )
    # Every run starts from the same real text.
    for section, text in zip(sections, real_section_texts(section_count), strict=False):
        Section.objects.filter(pk=section.pk).update(text=text)
    cookies = []
    for user in users[1:]:
        store = SessionStore()
        store["_auth_user_id"] = str(user.pk)
        store["_auth_user_backend"] = settings.AUTHENTICATION_BACKENDS[0]
        store["_auth_user_hash"] = user.get_session_auth_hash()
        store.save()
        cookies.append(str(store.session_key))
    return [s.pk for s in sections[:section_count]], cookies


def saved_texts(section_ids: Iterable[int]) -> dict[int, str]:
    from drafting.models import Section

    return dict(Section.objects.filter(pk__in=section_ids).values_list("pk", "text"))


# Running a scenario


@dataclass
class Result:
    edits: int
    p50_ms: float
    p99_ms: float
    max_ms: float
    cpu_ms_per_edit: float
    client_cpu_ms_per_edit: float
    lost: int
    tags_typed: dict[int, list[str]]
    load: float = 0.0  # the machine's 1-minute load average at the window's end
    resyncs: int = 0
    errors: int = 0
    resent: int = 0
    copies_differ: int = 0
    tags_not_once: int = 0
    tags_interleaved: int = 0  # of those not once: all letters kept, split


async def run(
    scenario: Scenario,
    port: int,
    section_ids: list[int],
    cookies: list[str],
    processes: Callable[[], list[int]],
    seconds: float,
    *,
    relay: bool,
) -> tuple[Result, dict[int, list[str]]]:
    words = real_words()
    # This one process stands in for every browser, and has Django loaded
    # for the setting up: a full garbage collection walking all of it stopped
    # every simulated browser at once for about 75 ms, which no real browser
    # (one per person) does. Frozen, those objects are never walked.
    gc.freeze()
    tally = Tally()
    editors = [
        Editor(n, section_ids[n % scenario.sections], tally, random.Random(n))
        for n in range(scenario.editors)
    ]
    for editor in editors:
        editor.peers = [
            e for e in editors if e.section == editor.section and e is not editor
        ]
    for editor, cookie in zip(editors, cookies, strict=False):
        await editor.open(port, cookie, relay=relay)
    listeners = [asyncio.create_task(editor.listen()) for editor in editors]
    await asyncio.sleep(1)

    loop = asyncio.get_running_loop()
    start = loop.time()
    measured_from = start + WARM_UP
    until = measured_from + seconds
    typing = [asyncio.create_task(editor.type_for(until, words)) for editor in editors]
    await asyncio.sleep(WARM_UP)
    pids = processes()
    cpu_before, client_before = cpu_seconds(pids), time.process_time()
    window_start = time.monotonic()
    await asyncio.gather(*typing)
    cpu_after, client_after = cpu_seconds(pids), time.process_time()
    window_end = time.monotonic()
    load = os.getloadavg()[0]

    deadline = time.monotonic() + DRAIN
    while len(tally.everyone_by) < len(tally.typed) and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    copies: dict[int, list[str]] = {}
    if not relay:
        await asyncio.gather(*(editor.settle() for editor in editors))
        # Once everyone has sent everything, one more round brings each
        # copy the last edits of the others.
        await asyncio.gather(*(editor.settle() for editor in editors))
        for editor in editors:
            assert editor.peer is not None  # noqa: S101
            copies.setdefault(editor.section, []).append(editor.peer.text)
    for editor in editors:
        await editor.socket.close()
    await asyncio.gather(*listeners, return_exceptions=True)

    counted = [
        tag for tag, at in tally.typed.items() if window_start <= at < window_end
    ]
    latencies = sorted(
        (tally.everyone_by[tag] - tally.typed[tag]) * 1000
        for tag in counted
        if tag in tally.everyone_by
    )
    result = Result(
        edits=len(counted),
        p50_ms=percentile(latencies, 50),
        p99_ms=percentile(latencies, 99),
        max_ms=latencies[-1] if latencies else float("nan"),
        cpu_ms_per_edit=(cpu_after - cpu_before) * 1000 / max(len(counted), 1),
        client_cpu_ms_per_edit=(client_after - client_before)
        * 1000
        / max(len(counted), 1),
        lost=len(tally.typed) - len(tally.everyone_by),
        tags_typed={
            section: [t for t, s in tally.section_of.items() if s == section]
            for section in section_ids
        },
        load=load,
        resyncs=tally.resyncs,
        errors=len(tally.errors),
        resent=tally.resent,
    )
    if tally.errors:
        print(f"  error frames: {sorted(set(tally.errors))[:5]}")
    return result, copies


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


def check(result: Result, copies: dict[int, list[str]], saved: dict[int, str]) -> None:
    """Every copy is the saved text, and every typed word stands in it once."""
    for section, texts in copies.items():
        result.copies_differ += sum(text != saved[section] for text in texts)
        found = TAG.findall(saved[section])
        once = {tag for tag in found if found.count(tag) == 1}
        wrong = [tag for tag in result.tags_typed[section] if tag not in once]
        result.tags_not_once += len(wrong)
        if wrong:
            print(f"  section {section}: {[(t, found.count(t)) for t in wrong][:10]}")
        result.tags_interleaved += sum(
            interleaved(tag, saved[section]) for tag in wrong if tag not in found
        )


def interleaved(tag: str, text: str) -> bool:
    """Whether the tag's characters stand in order close together in ``text``.

    Where two people's edits overlap, the merge keeps every letter of both
    but may interleave them (docs/collab.md); a tag split that way is not
    lost. A tag of which a letter is missing is.
    """
    spread = ".{0,60}?".join(re.escape(char) for char in tag)
    return re.search(spread, text, re.DOTALL) is not None


# Reporting


def show(name: str, ours: Result, relay_result: Result, target: float) -> None:
    def ratio(a: float, b: float) -> str:
        return f"{a / b:.1f}×" if b else "–"

    print(f"\n{name}: {ours.edits} edits measured ({relay_result.edits} by the relay)")
    print(f"{'':<28}{'live editor':>14}{'relay':>10}{'ratio':>8}")
    rows = [
        ("p50 visible to all, ms", ours.p50_ms, relay_result.p50_ms),
        ("p99 visible to all, ms", ours.p99_ms, relay_result.p99_ms),
        ("slowest, ms", ours.max_ms, relay_result.max_ms),
        ("server CPU per edit, ms", ours.cpu_ms_per_edit, relay_result.cpu_ms_per_edit),
        (
            "client CPU per edit, ms",
            ours.client_cpu_ms_per_edit,
            relay_result.client_cpu_ms_per_edit,
        ),
    ]
    for label, a, b in rows:
        print(f"{label:<28}{a:>14.1f}{b:>10.1f}{ratio(a, b):>8}")
    verdict = "met" if ours.p99_ms < target else "NOT met"
    print(f"target p99 < {target:.0f} ms: {verdict}")
    print(
        f"load average at the end of the window: {ours.load:.1f} "
        f"(relay run {relay_result.load:.1f}) on {os.cpu_count()} cores"
    )
    print(
        f"lost {ours.lost} (relay {relay_result.lost}), copies differing from the "
        f"saved text {ours.copies_differ}, tags not exactly once {ours.tags_not_once} "
        f"(of which interleaved with another edit, every letter kept: "
        f"{ours.tags_interleaved}), "
        f"resyncs {ours.resyncs}, error frames {ours.errors}, unanswered and sent "
        f"again {ours.resent}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=25.0)
    parser.add_argument("--workers", type=int, default=1, choices=[1, 2])
    parser.add_argument("--only", choices=sorted(SCENARIOS))
    parser.add_argument(
        "--editors", type=int, help="editors per section instead of 50 or 10"
    )
    parser.add_argument("--relay", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.relay:
        asyncio.run(relay(args.relay))
        return

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reportdesk.settings")
    os.environ.setdefault("DATABASE_URL", DEFAULT_DATABASE)
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(40))
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    if args.workers > 1:
        # Two processes must share one channel layer.
        os.environ.setdefault("REDIS_URL", DEFAULT_REDIS)
    else:
        os.environ.pop("REDIS_URL", None)
    ensure_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    chosen = [SCENARIOS[args.only]] if args.only else list(SCENARIOS.values())
    if args.editors:
        chosen = [
            dataclasses.replace(s, editors_per_section=args.editors) for s in chosen
        ]
    print(
        f"{os.cpu_count()} cores; {args.workers} uvicorn worker(s), PostgreSQL"
        f"{', Redis' if args.workers > 1 else ', in-memory channel layer'}; "
        f"{args.seconds:.0f} s measured per run after {WARM_UP:.0f} s of warm-up"
    )
    for scenario in chosen:
        # Each scenario starts from the real text again.
        section_ids, cookies = prepare(scenario.sections, scenario.editors)
        relay_port = free_port()
        relay_server = start_relay(relay_port)
        try:
            relay_result, _ = asyncio.run(
                run(
                    scenario,
                    relay_port,
                    section_ids,
                    cookies,
                    functools.partial(list, [relay_server.pid]),
                    args.seconds,
                    relay=True,
                )
            )
        finally:
            stop(relay_server)
        port = free_port()
        server = start_project(port, args.workers)
        try:
            ours, copies = asyncio.run(
                run(
                    scenario,
                    port,
                    section_ids,
                    cookies,
                    functools.partial(
                        server_pids,
                        server.pid,
                        database=os.environ["DATABASE_URL"].rsplit("/", 1)[1],
                        redis=args.workers > 1,
                    ),
                    args.seconds,
                    relay=False,
                )
            )
        finally:
            stop(server)
        check(ours, copies, saved_texts(section_ids))
        show(scenario.name, ours, relay_result, scenario.target_p99_ms)


if __name__ == "__main__":
    main()
