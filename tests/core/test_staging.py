"""Run-scoped staging folders: a stage leaves nothing behind, and what a killed run left is swept at the next
start (no more diplowatch-* folders piling up in the system's temp folder)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time

from diplowatch import store
from diplowatch.stages import staging
from diplowatch.stages.articles import load_articles
from diplowatch.stages.events import load_events
from tests.fixtures.extractors import StubExtractor
from tests.fixtures.paths import SAMPLES


def _age(folder, seconds: float) -> None:
    """Make a folder and everything in it look untouched for `seconds`."""
    past = time.time() - seconds
    for path in [folder, *folder.rglob("*")]:
        os.utime(path, (past, past))


def test_stages_leave_nothing_in_the_staging_root_or_the_system_temp_folder(tmp_path, db_path, monkeypatch):
    system_tmp = tmp_path / "system-tmp"
    system_tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(system_tmp))
    root = staging.default_root(db_path)
    with store.connect(db_path) as con:
        load_articles(con, SAMPLES)
        load_events(con, StubExtractor())
    assert list(root.iterdir()) == [] and list(system_tmp.iterdir()) == []


def test_a_killed_stages_folder_is_swept_at_the_next_start(db_path):
    root = staging.default_root(db_path)
    with store.connect(db_path):
        pass
    # A stage killed mid-way (SIGKILL: no cleanup runs) leaves its scratch folder with spilled files.
    script = textwrap.dedent(f"""
        import os, signal
        from diplowatch.stages import staging
        with staging.scratch({str(root)!r}, "events") as folder:
            (folder / "visit_mentions-000000.parquet").write_bytes(b"x" * 1000)
            os.kill(os.getpid(), signal.SIGKILL)
    """)
    killed = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert killed.returncode == -9
    (leftover,) = list(root.iterdir())
    with store.connect(db_path) as con:
        load_articles(con, SAMPLES)
        assert leftover.exists(), "a folder written a moment ago may belong to a stage still running"
        _age(leftover, staging.STALE_AFTER_SECONDS + 60)
        load_events(con, StubExtractor())
    assert not leftover.exists() and list(root.iterdir()) == []


def test_sweep_asks_about_runs_before_the_clock(tmp_path):
    finished, running, scratch = (tmp_path / name for name in ("run-finished", "run-running", "local-1"))
    for folder in (finished, running, scratch):
        folder.mkdir()
        (folder / "f").write_text("x")
    states = {"run-finished": False, "run-running": True}
    removed = staging.sweep(tmp_path, is_active=states.get)
    # A finished run's folder goes at once; a running one stays whatever its age; unknown ones go by age.
    assert removed == [finished] and running.exists() and scratch.exists()
    _age(running, staging.STALE_AFTER_SECONDS + 60)
    _age(scratch, staging.STALE_AFTER_SECONDS + 60)
    assert staging.sweep(tmp_path, is_active=states.get) == [scratch] and running.exists()
