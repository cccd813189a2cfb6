"""The DuckDB resource waits for another process's lock, then fails with a retryable, explanatory error."""

from __future__ import annotations

import subprocess
import sys
import time

import duckdb
import pytest
from dagster import Failure

from assets.policies import LOCK_RETRY_POLICY, retry_only_lock_errors
from assets.resources import DiplowatchDuckDB
from diplowatch import store
from diplowatch.store import DuckDBLockedError, is_lock_error

HOLD_LOCK = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1], config={"storage_compatibility_version": "v1.4.0"})
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
"""


def _hold_lock(db_path, seconds: float) -> subprocess.Popen:
    """Another process with the file open read-write, as an open DuckDB CLI would have it."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db_path), str(seconds)], stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_a_lock_held_too_long_becomes_a_retryable_error_naming_the_cause(db_path):
    with store.connect(db_path):
        pass
    holder = _hold_lock(db_path, 30)
    try:
        resource = DiplowatchDuckDB(database=str(db_path), lock_wait_seconds=1.0)
        started = time.monotonic()
        with pytest.raises(DuckDBLockedError, match="locked by another process.*close the DuckDB CLI") as info:
            with resource.get_connection():
                pass
        assert 0.5 < time.monotonic() - started < 10
        assert is_lock_error(info.value) and is_lock_error(info.value.__cause__)
        # The asset wrapper lets it through to the RetryPolicy (exponential backoff) instead of failing for good.
        with pytest.raises(DuckDBLockedError), retry_only_lock_errors():
            raise info.value
        assert LOCK_RETRY_POLICY.max_retries >= 1 and LOCK_RETRY_POLICY.backoff is not None
    finally:
        holder.kill()
        holder.wait()


def test_the_resource_waits_for_a_short_lock(db_path):
    with store.connect(db_path):
        pass
    holder = _hold_lock(db_path, 1.0)
    try:
        with DiplowatchDuckDB(database=str(db_path), lock_wait_seconds=20).get_connection() as con:
            assert con.execute("SELECT count(*) FROM articles").fetchone() == (0,)
    finally:
        holder.wait()


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
