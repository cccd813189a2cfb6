"""A wait for another process's lock on the DuckDB file says what it waits for: which file, how long so far,
the limit, in the store and on the command line (stderr); then it succeeds or fails naming the file. The
Dagster resource's report: tests/assets/test_resources.py."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from diplowatch import store
from diplowatch.cli import app, database
from diplowatch.store import DuckDBLockedError


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


@pytest.mark.usefixtures("held")
def test_connect_gives_up_at_the_limit_naming_the_file(db_path):
    calls = []
    with pytest.raises(DuckDBLockedError, match=f"{db_path} is still locked by another process after"):
        with store.connect(db_path, lock_wait=0.5, on_wait=lambda *a: calls.append(a)):
            pass
    assert calls and calls[0][2] == 0.5


def test_cli_says_what_it_waits_for_then_answers(db_path, held, monkeypatch):
    said = database.say_lock_wait

    def say_then_release(*args):
        said(*args)
        held.release()

    monkeypatch.setattr(database, "say_lock_wait", say_then_release)
    result = CliRunner().invoke(app, ["sql", "SELECT 42 AS answer", "--db", str(db_path), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "answer\n42\n"
    limit = f"{database.READ_LOCK_WAIT_SECONDS:.0f}"
    assert f"waiting for {db_path}: locked by another process (0 s of {limit} s)" in result.stderr


@pytest.mark.usefixtures("held")
def test_cli_timeout_names_the_file(db_path):
    result = CliRunner().invoke(app, ["sql", "SELECT 1", "--db", str(db_path)])
    assert result.exit_code == 2
    assert f"waiting for {db_path}: locked by another process" in result.stderr
    assert f"cannot open {db_path}" in result.stderr and "still locked" in result.stderr
