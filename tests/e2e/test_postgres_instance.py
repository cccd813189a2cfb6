"""The deployment's Dagster instance on PostgreSQL (deploy/dagster-postgres.yaml), against a real server
started by the test in a temporary folder: definitions load, a partitioned run succeeds and is stored there,
and schedule and sensor state persist across processes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from dagster import AssetKey, DagsterInstance

from bench.postgres import missing_reason, temporary_server
from diplowatch.settings import Settings
from pipelines.definitions import build_definitions
from tests.fixtures.paths import ROOT, SAMPLES

DAGSTER = Path(sys.executable).parent / "dagster"
pytestmark = pytest.mark.skipif(missing_reason() is not None, reason=missing_reason() or "")


@pytest.fixture(scope="module")
def postgres():
    with temporary_server(fsync=False) as server:
        yield server


@pytest.fixture
def pg_home(tmp_path, postgres, monkeypatch) -> Path:
    home = tmp_path / "pg_home"
    home.mkdir()
    shutil.copy(ROOT / "deploy" / "dagster-postgres.yaml", home / "dagster.yaml")
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    for name, value in postgres.env.items():
        monkeypatch.setenv(name, value)
    return home


def test_a_partitioned_run_is_stored_in_postgres(pg_home, tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(SAMPLES, raw)
    settings = Settings(raw_dir=str(raw), db_path=str(tmp_path / "d.duckdb"))
    job = build_definitions(settings).resolve_job_def("events_job")
    with DagsterInstance.from_config(str(pg_home)) as instance:
        assert type(instance.run_storage).__name__ == "PostgresRunStorage"
        assert type(instance.event_log_storage).__name__ == "PostgresEventLogStorage"
        assert type(instance.schedule_storage).__name__ == "PostgresScheduleStorage"
        result = job.execute_in_process(instance=instance, partition_key="2024", raise_on_error=False)
        assert result.success
    # A new connection (another process would do the same) finds the run and its materializations.
    with DagsterInstance.from_config(str(pg_home)) as instance:
        (run,) = instance.get_runs()
        assert run.run_id == result.run_id and run.is_success
        event = instance.get_latest_materialization_event(AssetKey("visit_mentions"))
        assert event.dagster_event.partition == "2024"


def test_definitions_load_and_schedule_and_sensor_state_persist(pg_home):
    env = {**os.environ}
    validate = subprocess.run(
        [str(DAGSTER), "definitions", "validate", "-w", "workspace.yaml"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert validate.returncode == 0, validate.stdout[-2000:] + validate.stderr[-2000:]
    for command in (["sensor", "start", "new_articles_sensor"], ["schedule", "stop", "nightly_schedule"]):
        done = subprocess.run(
            [str(DAGSTER), *command, "-w", "workspace.yaml"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    with DagsterInstance.from_config(str(pg_home)) as instance:
        states = {state.name: state.status.value for state in instance.all_instigator_state()}
    assert states["new_articles_sensor"] == "RUNNING"
    assert states["nightly_schedule"] == "STOPPED"
