"""A wait for another process's lock on the DuckDB file says what it waits for: which file, how long so far, the
limit, on the command line (stderr) and in Dagster's logs; then it succeeds or fails naming the file."""

from __future__ import annotations

import logging
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from assets.resources import DiplowatchDuckDB
from diplowatch import cli, store
from diplowatch.store import DuckDBLockedError

HOLD = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], config={"storage_compatibility_version": "v1.4.0"})
print("LOCKED", flush=True)
sys.stdin.read()  # holds the file until the test closes stdin
"""


class Holder:
    """Another process with the file open read-write (as a running pipeline or an open DuckDB CLI has it)."""

    def __init__(self, db_path):
        self.proc = subprocess.Popen(
            [sys.executable, "-c", HOLD, str(db_path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout.readline().strip() == "LOCKED"

    def release(self) -> None:
        if self.proc.poll() is None:
            self.proc.communicate("", timeout=30)


@pytest.fixture
def held(db_path):
    with store.connect(db_path):
        pass
    holder = Holder(db_path)
    yield holder
    holder.release()


def test_connect_reports_the_wait_then_opens_once_the_lock_is_gone(db_path, held):
    calls = []

    def on_wait(path, waited, limit):
        calls.append((path, waited, limit))
        held.release()  # the other process closes the file while we wait

    with store.connect(db_path, read_only=True, lock_wait=60, on_wait=on_wait) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (0,)
    assert len(calls) == 1 and calls[0][0] == db_path and calls[0][2] == 60
    assert store.lock_wait_message(*calls[0]).startswith(
        f"waiting for {db_path}: locked by another process (0 s of 60 s)"
    )


def test_connect_gives_up_at_the_limit_naming_the_file(db_path, held):
    calls = []
    with pytest.raises(DuckDBLockedError, match=f"{db_path} is still locked by another process after"):
        with store.connect(db_path, lock_wait=0.5, on_wait=lambda *a: calls.append(a)):
            pass
    assert calls and calls[0][2] == 0.5


def test_cli_says_what_it_waits_for_then_answers(db_path, held, monkeypatch):
    said = cli._say_lock_wait

    def say_then_release(*args):
        said(*args)
        held.release()

    monkeypatch.setattr(cli, "_say_lock_wait", say_then_release)
    result = CliRunner().invoke(
        cli.app, ["sql", "SELECT 42 AS answer", "--db", str(db_path), "--format", "csv"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == "answer\n42\n"
    limit = f"{cli.READ_LOCK_WAIT_SECONDS:.0f}"
    assert f"waiting for {db_path}: locked by another process (0 s of {limit} s)" in result.stderr


def test_cli_timeout_names_the_file(db_path, held):
    result = CliRunner().invoke(cli.app, ["sql", "SELECT 1", "--db", str(db_path)])
    assert result.exit_code == 2
    assert f"waiting for {db_path}: locked by another process" in result.stderr
    assert f"cannot open {db_path}" in result.stderr and "still locked" in result.stderr


def test_the_dagster_resource_logs_the_wait(db_path, held, caplog):
    resource = DiplowatchDuckDB(database=str(db_path), lock_wait_seconds=0.5)
    with caplog.at_level(logging.WARNING, logger="dagster"):
        with pytest.raises(DuckDBLockedError, match=str(db_path)):
            with resource.get_connection():
                pass
    waits = [r for r in caplog.records if r.name.startswith("dagster") and "waiting for" in r.getMessage()]
    assert waits and f"waiting for {db_path}: locked by another process (0 s of 0 s)" in waits[0].getMessage()
