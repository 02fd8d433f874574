"""A dump of the PostgreSQL database, restored into a fresh database, gives
back the same report, byte for byte, as docs/operations.md promises."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import uuid

import pytest
from django.db import DatabaseError, connection, transaction

from drafting.demo import load_demo
from drafting.export import build_export
from drafting.models import Report
from templates_docx.render import render_report

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="backup and restore are documented for the PostgreSQL deployment; "
        ".ci/run runs this on PostgreSQL",
    ),
]

ISSUED_ON = dt.date(2024, 7, 26)


def _export_bytes() -> bytes:
    report = Report.objects.get(slug="svn-upr4")
    return render_report(build_export(report, issued_on=ISSUED_ON)).content


def _client_env() -> tuple[list[str], dict[str, str]]:
    config = connection.settings_dict
    args = ["-h", config["HOST"] or "127.0.0.1", "-p", str(config["PORT"] or 5432)]
    if config["USER"]:
        args += ["-U", config["USER"]]
    env = {**os.environ}
    if config["PASSWORD"]:
        env["PGPASSWORD"] = config["PASSWORD"]
    return args, env


def _run(*command: str, env: dict[str, str]) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{command[0]} failed: {done.stderr}"


@pytest.fixture
def fresh_database():
    name = f"reportdesk_restore_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield name
    connection.close()
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


def test_a_restored_dump_exports_the_same_report_bytes(tmp_path, fresh_database):
    assert shutil.which("pg_dump") and shutil.which("pg_restore"), (
        "pg_dump and pg_restore are needed: apt-get install postgresql-client"
    )
    load_demo()
    before = _export_bytes()
    args, env = _client_env()
    dump = tmp_path / "reportdesk.dump"

    _run(
        "pg_dump",
        *args,
        "--format=custom",
        f"--file={dump}",
        connection.settings_dict["NAME"],
        env=env,
    )
    _run(
        "pg_restore",
        *args,
        "--no-owner",
        f"--dbname={fresh_database}",
        str(dump),
        env=env,
    )

    original = connection.settings_dict["NAME"]
    connection.close()
    connection.settings_dict["NAME"] = fresh_database
    try:
        after = _export_bytes()
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute("DELETE FROM audit_auditevent")
    finally:
        connection.close()
        connection.settings_dict["NAME"] = original

    assert len(before) > 20_000
    assert after == before
