"""Two uvicorn worker processes share Redis and PostgreSQL; a browser on each
edits the same section, and both end with the text the database holds."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection

from drafting.models import Section
from tests.collab.servers import free_port
from tests.collab.worker_client import LiveClient

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not (os.environ.get("REDIS_URL") and os.environ.get("DATABASE_URL")),
        reason="needs REDIS_URL and DATABASE_URL (PostgreSQL); .ci/run sets both",
    ),
]

ROOT = Path(__file__).resolve().parents[2]


def start_worker(port: int) -> subprocess.Popen[bytes]:
    settings = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "reportdesk.test_settings",
        # The workers use the test database this test has just filled.
        "DATABASE_URL": (
            f"postgres://{settings['USER']}:{settings['PASSWORD'] or ''}@"
            f"{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{settings['NAME']}"
        ),
    }
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "reportdesk.asgi:application",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )


def wait_listening(port: int) -> None:
    import socket

    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"worker on port {port} did not start")


def session_cookie(user) -> str:
    store = SessionStore()
    store["_auth_user_id"] = str(user.pk)
    store["_auth_user_backend"] = settings.AUTHENTICATION_BACKENDS[0]
    store["_auth_user_hash"] = user.get_session_auth_hash()
    store.save()
    return str(store.session_key)


def test_browsers_on_two_workers_converge_on_the_saved_text(personas, section):
    if connection.vendor != "postgresql":
        pytest.skip("two worker processes need PostgreSQL, not SQLite")
    ports = [free_port(), free_port()]
    workers = [start_worker(port) for port in ports]
    try:
        for port in ports:
            wait_listening(port)
        cookies = session_cookie(personas.drafter), session_cookie(personas.coordinator)
        # A thread of its own: the browser tests leave Playwright's event loop
        # running in this one, and asyncio.run refuses to nest.
        with ThreadPoolExecutor(max_workers=1) as pool:
            result = pool.submit(
                asyncio.run, edit_on_both(ports, *cookies, section.pk)
            ).result()
    finally:
        for worker in workers:
            worker.terminate()
            worker.wait(10)

    saved = Section.objects.get(pk=section.pk).text
    assert result[0] == result[1] == saved
    for round_ in range(10):
        assert saved.count(f"first-worker{round_} ") == 1
        assert saved.count(f" second-worker{round_}") == 1


async def edit_on_both(ports, first_cookie, second_cookie, section_id):
    first = await LiveClient.open(ports[0], first_cookie, section_id)
    second = await LiveClient.open(ports[1], second_cookie, section_id)
    for round_ in range(10):
        first.type_at(0, f"first-worker{round_} ")
        second.type_at(len(second.peer.text), f" second-worker{round_}")
        await asyncio.gather(first.sync(), second.sync())
    await first.settle(second)
    texts = (first.peer.text, second.peer.text)
    await first.close()
    await second.close()
    return texts
