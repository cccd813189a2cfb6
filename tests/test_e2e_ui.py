"""End to end: `make ui` on a free local port (dagster dev with the project's instance folder); launch
events_job for the sample's year through GraphQL (the UI's Launch button), wait for success, find the rows in
DuckDB."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import duckdb
import httpx
import pytest

from tests.conftest import ROOT, SAMPLES

STARTUP_TIMEOUT = 180
RUN_TIMEOUT = 300

LAUNCH = """
mutation Launch($executionParams: ExecutionParams!) {
  launchRun(executionParams: $executionParams) {
    __typename
    ... on LaunchRunSuccess { run { runId } }
    ... on PythonError { message stack }
    ... on RunConfigValidationInvalid { errors { message } }
    ... on InvalidSubsetError { message }
    ... on PipelineNotFoundError { message }
    ... on UnauthorizedError { message }
  }
}"""
LOCATIONS = """
{ workspaceOrError { __typename ... on Workspace { locationEntries { name locationOrLoadError {
    __typename ... on RepositoryLocation { repositories { name } } ... on PythonError { message } } } } } }"""
POOL = """{ instance { concurrencyLimit(concurrencyKey: "duckdb_writer") { slotCount claimedSlots { runId } } } }"""
NUX = "{ shouldShowNux }"
RUN_STATUS = """query Run($runId: ID!) { runOrError(runId: $runId) { __typename ... on Run { status } } }"""
CHECKS = """query Checks($runId: ID!) { runOrError(runId: $runId) { ... on Run {
    eventConnection(afterCursor: null) { events { __typename
      ... on AssetCheckEvaluationEvent { evaluation { checkName success severity } } } } } } }"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _graphql(client: httpx.Client, query: str, variables: dict | None = None) -> dict:
    response = client.post("/graphql", json={"query": query, "variables": variables or {}})
    response.raise_for_status()
    body = response.json()
    assert "errors" not in body, body["errors"]
    return body["data"]


def _wait_for_location(client: httpx.Client, server: subprocess.Popen, log: Path) -> tuple[str, str]:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        assert server.poll() is None, f"dagster dev exited early:\n{log.read_text()[-4000:]}"
        try:
            entries = _graphql(client, LOCATIONS)["workspaceOrError"]["locationEntries"]
        except (httpx.HTTPError, KeyError, TypeError):
            time.sleep(1)
            continue
        for entry in entries:
            loaded = entry["locationOrLoadError"]
            if loaded and loaded["__typename"] == "RepositoryLocation":
                return entry["name"], loaded["repositories"][0]["name"]
            if loaded and loaded["__typename"] == "PythonError":
                pytest.fail(f"code location failed to load: {loaded['message']}")
        time.sleep(1)
    pytest.fail(f"dagster dev did not load the code location in {STARTUP_TIMEOUT}s:\n{log.read_text()[-4000:]}")


@pytest.mark.slow
def test_launch_events_job_for_the_sample_year_through_graphql(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(SAMPLES, raw)
    db = tmp_path / "data" / "diplowatch.duckdb"
    home = tmp_path / "dagster_home"  # `make ui` creates it and copies the project's dagster.yaml into it
    port = _free_port()
    env = {**os.environ, "DAGSTER_HOME": str(home), "DIPLOWATCH_RAW_DIR": str(raw), "DIPLOWATCH_DB": str(db)}
    log = tmp_path / "dagster-dev.log"
    with log.open("w") as out:
        # -o: the venv the tests run in is there already; the bin folder is this interpreter's.
        server = subprocess.Popen(["make", "-s", "-o", ".venv/.synced", "ui", f"RUN={Path(sys.executable).parent}",
                                   f"PORT={port}"],
                                  cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            location, repository = _wait_for_location(client, server, log)
            show_nux = _graphql(client, NUX)["shouldShowNux"]
            params = {
                "selector": {"repositoryLocationName": location, "repositoryName": repository,
                             "jobName": "events_job"},
                "runConfigData": {},
                "executionMetadata": {"tags": [{"key": "dagster/partition", "value": "2024"}]},
            }
            launched = _graphql(client, LAUNCH, {"executionParams": params})["launchRun"]
            assert launched["__typename"] == "LaunchRunSuccess", launched
            run_id = launched["run"]["runId"]
            deadline = time.monotonic() + RUN_TIMEOUT
            status = None
            while time.monotonic() < deadline:
                status = _graphql(client, RUN_STATUS, {"runId": run_id})["runOrError"]["status"]
                if status in ("SUCCESS", "FAILURE", "CANCELED"):
                    break
                time.sleep(2)
            assert status == "SUCCESS", f"run {run_id} ended {status}:\n{log.read_text()[-6000:]}"
            events = _graphql(client, CHECKS, {"runId": run_id})["runOrError"]["eventConnection"]["events"]
            evaluations = {e["evaluation"]["checkName"]: e["evaluation"] for e in events
                           if e["__typename"] == "AssetCheckEvaluationEvent"}
            pool = _graphql(client, POOL)["instance"]["concurrencyLimit"]
    finally:
        # The whole process group: webserver, daemon, code servers and any run worker. `dagster dev` often
        # takes a minute to honour SIGTERM here; the run has finished, so nothing is lost by cutting it short.
        os.killpg(server.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            server.wait(timeout=10)
        with contextlib.suppress(ProcessLookupError):  # also children left behind by a main that did exit
            os.killpg(server.pid, signal.SIGKILL)
        server.wait()

    assert log.read_text().startswith(f"Dagster UI: http://127.0.0.1:{port} ")
    assert show_nux is False, "the project's dagster.yaml turns the onboarding modal off"
    assert (home / "dagster.yaml").read_bytes() == (ROOT / "dagster.yaml").read_bytes()
    # The writer pool got its single slot from dagster.yaml, and the finished run released it.
    assert pool == {"slotCount": 1, "claimedSlots": []}
    assert evaluations["articles_schema"]["success"] and evaluations["reactions_target_exists"]["success"]
    with duckdb.connect(str(db), read_only=True) as con:
        articles = con.execute("SELECT partition_date, count(*) FROM articles GROUP BY 1").fetchall()
        visits = con.execute("""SELECT DISTINCT visitor_code, host_code FROM visit_mentions
                                WHERE partition_date = DATE '2024-06-17'""").fetchall()
        reactions = con.execute("SELECT reactor_code, stance FROM reactions").fetchall()
    # Only the launched year was loaded: the other sample years belong to other partitions.
    assert articles == [(date(2024, 6, 17), 1)]
    assert {("RUS", "PRK"), ("RUS", "VNM"), ("PRK", "RUS")} <= set(visits)
    assert ("USA", "negative") in reactions
