"""The servers of the load benchmark (``bench.editors_load``): the project under
uvicorn, the bare relay it is compared with, and their CPU time.

Every server listens on 127.0.0.1 only, in a process group of its own.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_listening(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server on port {port} stopped while starting")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"the server on port {port} did not start within 30 s")


def start_project(port: int, workers: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "uvicorn", "reportdesk.asgi:application"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--no-access-log"]
    command += ["--log-level", "warning", "--workers", str(workers)]
    # Our own interpreter and arguments, nothing from outside.
    process = subprocess.Popen(  # noqa: S603
        command, cwd=ROOT, env=os.environ.copy(), start_new_session=True
    )
    wait_listening(port, process)
    return process


def start_relay(port: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "bench.editors_load", "--relay", str(port)]
    # Our own interpreter and arguments, nothing from outside.
    process = subprocess.Popen(  # noqa: S603
        command, cwd=ROOT, env=os.environ.copy(), start_new_session=True
    )
    wait_listening(port, process)
    return process


async def relay(port: int) -> None:
    """The baseline: forward every frame to the other sockets on the same path."""
    from websockets.asyncio.server import ServerConnection, broadcast, serve

    rooms: dict[str, set[ServerConnection]] = {}

    async def handler(connection: ServerConnection) -> None:
        path = connection.request.path if connection.request else "/"
        room = rooms.setdefault(path, set())
        room.add(connection)
        try:
            async for frame in connection:
                broadcast([peer for peer in room if peer is not connection], frame)
        finally:
            room.discard(connection)

    async with serve(handler, "127.0.0.1", port, max_size=2**24):
        await asyncio.get_running_loop().create_future()


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop a server and every process it started.

    Each server runs in a process group of its own: stopping only uvicorn's
    first process left its workers running after the benchmark, holding
    their sockets and database connections.
    """
    group = os.getpgid(process.pid)
    os.killpg(group, signal.SIGTERM)
    try:
        process.wait(15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(5)
    with contextlib.suppress(ProcessLookupError):  # all gone already
        os.killpg(group, signal.SIGKILL)  # workers that outlived the first


def cpu_seconds(pids: Iterable[int]) -> float:
    """User and system CPU time of these processes, from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # it ended meanwhile
        total += int(fields[11]) + int(fields[12])
    return total / ticks


def server_pids(root: int, *, database: str, redis: bool) -> list[int]:
    """The server process and its children, with its PostgreSQL backends and Redis.

    Only the backends connected to the benchmark's database count: other
    programs may use the same PostgreSQL meanwhile.
    """
    pids = [root]
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            name, rest = stat.read_text().rsplit(")", 1)
            command = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ")
        except OSError:
            continue
        pid, parent = int(stat.parent.name), int(rest.split()[1])
        backend = name.endswith("(postgres") and f" {database} ".encode() in command
        channels = redis and name.endswith("(redis-server")
        if parent == root or backend or channels:
            pids.append(pid)
    return pids
