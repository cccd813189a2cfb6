"""The project's Dagster instance: dagster.yaml's settings (onboarding modal off, pool, run queue), the home
folder that `make ui` refreshes from it, and `make ui`'s address, host and port."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from dagster import DagsterInstance

from pipelines import dagster_home
from tests.fixtures.paths import ROOT


@pytest.fixture
def instance(tmp_path):
    home = dagster_home.prepare_dagster_home(tmp_path / "home")
    with DagsterInstance.from_config(str(home)) as instance:
        yield instance


def test_the_project_instance_has_no_onboarding_modal(instance):
    assert instance.get_settings("nux") == {"enabled": False}
    assert instance.nux_enabled is False  # what the UI's `shouldShowNux` reads
    assert instance.get_settings("telemetry") == {"enabled": False}


def test_the_project_instance_has_the_writer_pool_and_the_run_queue(instance):
    concurrency = instance.get_concurrency_config()
    assert concurrency.pool_config.default_pool_limit == 1
    assert concurrency.run_queue_config.max_concurrent_runs == 2


def test_an_older_copy_is_refreshed_and_kept_beside_it(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")  # a copy from before nux was set
    told = []
    assert dagster_home.prepare_dagster_home(home, report=told.append) == home.resolve()
    assert (home / "dagster.yaml").read_bytes() == (ROOT / "dagster.yaml").read_bytes()
    assert (home / dagster_home.PREVIOUS_NAME).read_text() == "telemetry:\n  enabled: false\n"
    assert len(told) == 1 and "refreshed" in told[0] and dagster_home.PREVIOUS_NAME in told[0]
    # Already current: nothing replaced, nothing said.
    (home / dagster_home.PREVIOUS_NAME).unlink()
    dagster_home.prepare_dagster_home(home, report=told.append)
    assert len(told) == 1 and not (home / dagster_home.PREVIOUS_NAME).exists()


def test_home_comes_from_the_argument_then_the_environment_then_the_project(tmp_path, monkeypatch):
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    assert dagster_home.dagster_home() == ROOT / ".dagster_home"
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "env"))
    assert dagster_home.dagster_home() == tmp_path / "env"
    monkeypatch.chdir(tmp_path)
    assert dagster_home.dagster_home("rel") == tmp_path / "rel"  # made absolute: Dagster needs that


def _fake_bin(tmp_path: Path) -> Path:
    """The venv's python, and a `dagster` that prints what it was started with instead of serving."""
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "python").symlink_to(sys.executable)
    (fake / "dagster").write_text('#!/bin/sh\necho "dagster $* home=$DAGSTER_HOME"\n')
    (fake / "dagster").chmod(0o755)
    return fake


def _make_ui(tmp_path: Path, *args: str, env: dict | None = None) -> list[str]:
    # -o: the venv is there already (the tests run in it); never re-sync it from a test.
    done = subprocess.run(
        ["make", "-s", "-o", ".venv/.synced", "ui", f"RUN={_fake_bin(tmp_path)}", *args],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout.splitlines()


def test_make_ui_prints_the_address_then_serves_on_loopback_port_3000(tmp_path):
    home = tmp_path / "home"
    # A HOST or PORT exported by the shell does not move the UI: only the make command line does.
    lines = _make_ui(tmp_path, env={"DAGSTER_HOME": str(home), "HOST": "example.invalid", "PORT": "1"})
    assert lines[0].startswith("Dagster UI: http://127.0.0.1:3000 ")
    assert lines[1] == f"dagster dev -w workspace.yaml -h 127.0.0.1 -p 3000 home={home}"
    assert (home / "dagster.yaml").read_bytes() == (ROOT / "dagster.yaml").read_bytes()


def test_make_ui_takes_host_port_and_dagster_home_on_the_command_line(tmp_path):
    home = tmp_path / "other-home"
    lines = _make_ui(tmp_path, "HOST=127.0.0.2", "PORT=3123", f"DAGSTER_HOME={home}")
    assert lines[0].startswith("Dagster UI: http://127.0.0.2:3123 ")
    assert lines[1] == f"dagster dev -w workspace.yaml -h 127.0.0.2 -p 3123 home={home}"
    assert (home / "dagster.yaml").exists()
