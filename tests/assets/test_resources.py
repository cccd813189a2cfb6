"""The DuckDB resource waits for another process's lock, saying so in the run's logs, then fails with a
retryable, explanatory error; other errors fail at once."""

from __future__ import annotations

import logging

import duckdb
import pytest
from dagster import Failure

from assets import resources
from assets.policies import retry_only_lock_errors
from assets.resources import DiplowatchDuckDB
from diplowatch.store import DuckDBLockedError, is_lock_error


@pytest.mark.usefixtures("held")
def test_a_lock_held_too_long_becomes_a_retryable_error_naming_the_cause(db_path):
    resource = DiplowatchDuckDB(database=str(db_path), lock_wait_seconds=1.0)
    with pytest.raises(DuckDBLockedError, match="locked by another process.*close the DuckDB CLI") as info:
        with resource.get_connection():
            pass
    assert is_lock_error(info.value) and is_lock_error(info.value.__cause__)
    # The asset wrapper lets it through to the RetryPolicy (exponential backoff) instead of failing for good.
    with pytest.raises(DuckDBLockedError), retry_only_lock_errors():
        raise info.value


def test_the_resource_logs_the_wait_then_opens_once_the_lock_is_gone(db_path, held, caplog, monkeypatch):
    logged = resources._log_lock_wait

    def log_then_release(*args):
        logged(*args)
        held.release()  # the other process closes the file while the resource waits

    monkeypatch.setattr(resources, "_log_lock_wait", log_then_release)
    with caplog.at_level(logging.WARNING, logger="dagster"):
        with DiplowatchDuckDB(database=str(db_path), lock_wait_seconds=60).get_connection() as con:
            assert con.execute("SELECT count(*) FROM articles").fetchone() == (0,)
    waits = [r.getMessage() for r in caplog.records if "waiting for" in r.getMessage()]
    assert waits == [
        f"waiting for {db_path}: locked by another process (0 s of 60 s); an open DuckDB CLI, a "
        "notebook or another run may hold it"
    ]


def test_other_errors_fail_at_once_without_retries(tmp_path):
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"not a database" * 100)
    with pytest.raises(duckdb.IOException) as info:
        with DiplowatchDuckDB(database=str(bad)).get_connection():
            pass
    assert not is_lock_error(info.value)
    with pytest.raises(Failure) as failure, retry_only_lock_errors():
        raise info.value
    assert failure.value.allow_retries is False
