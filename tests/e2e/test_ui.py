"""End to end: `make ui` on a free local port (dagster dev with the project's instance folder); launch
events_job for the sample's year through GraphQL (the UI's Launch button), wait for success, find the rows in
DuckDB."""

from __future__ import annotations

import os
import shutil
import sys
from datetime import date
from pathlib import Path

import duckdb
import httpx
import pytest

from tests.fixtures.dagster_ui import (
    CHECKS,
    LAUNCH,
    NUX,
    POOL,
    free_port,
    graphql,
    make_target,
    wait_for_location,
    wait_for_run,
)
from tests.fixtures.paths import ROOT, SAMPLES


@pytest.mark.slow
def test_launch_events_job_for_the_sample_year_through_graphql(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(SAMPLES, raw)
    db = tmp_path / "data" / "diplowatch.duckdb"
    home = tmp_path / "dagster_home"  # `make ui` creates it and copies the project's dagster.yaml into it
    port = free_port()
    env = {**os.environ, "DAGSTER_HOME": str(home), "DIPLOWATCH_RAW_DIR": str(raw), "DIPLOWATCH_DB": str(db)}
    log = tmp_path / "dagster-dev.log"
    # RUN: the bin folder of the interpreter the tests run in.
    with (
        make_target("ui", [f"RUN={Path(sys.executable).parent}", f"PORT={port}"], env, log) as server,
        httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client,
    ):
        location, repository = wait_for_location(client, server, log)
        show_nux = graphql(client, NUX)["shouldShowNux"]
        params = {
            "selector": {
                "repositoryLocationName": location,
                "repositoryName": repository,
                "jobName": "events_job",
            },
            "runConfigData": {},
            "executionMetadata": {"tags": [{"key": "dagster/partition", "value": "2024"}]},
        }
        launched = graphql(client, LAUNCH, {"executionParams": params})["launchRun"]
        assert launched["__typename"] == "LaunchRunSuccess", launched
        run_id = launched["run"]["runId"]
        status = wait_for_run(client, run_id, log)
        assert status == "SUCCESS", f"run {run_id} ended {status}:\n{log.read_text()[-6000:]}"
        events = graphql(client, CHECKS, {"runId": run_id})["runOrError"]["eventConnection"]["events"]
        pool = graphql(client, POOL)["instance"]["concurrencyLimit"]

    evaluations = {
        e["evaluation"]["checkName"]: e["evaluation"]
        for e in events
        if e["__typename"] == "AssetCheckEvaluationEvent"
    }
    assert log.read_text().startswith(f"Dagster UI: http://127.0.0.1:{port} ")
    assert show_nux is False, "the project's dagster.yaml turns the onboarding modal off"
    assert (home / "dagster.yaml").read_bytes() == (ROOT / "dagster.yaml").read_bytes()
    # The writer pool got its single slot from dagster.yaml, and the finished run released it.
    assert pool == {"slotCount": 1, "claimedSlots": []}
    assert evaluations["articles_schema"]["success"] and evaluations["reactions_target_exists"]["success"]
    _assert_only_the_launched_year_was_loaded(db)


def _assert_only_the_launched_year_was_loaded(db: Path) -> None:
    with duckdb.connect(str(db), read_only=True) as con:
        articles = con.execute("SELECT partition_date, count(*) FROM articles GROUP BY 1").fetchall()
        visits = con.execute(
            """SELECT DISTINCT visitor_code, host_code FROM visit_mentions
               WHERE partition_date = DATE '2024-06-17'"""
        ).fetchall()
        reactions = con.execute("SELECT reactor_code, stance FROM reactions").fetchall()
    # The other sample years belong to other partitions.
    assert articles == [(date(2024, 6, 17), 1)]
    assert {("RUS", "PRK"), ("RUS", "VNM"), ("PRK", "RUS")} <= set(visits)
    assert ("USA", "negative") in reactions
