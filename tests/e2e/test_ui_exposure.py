"""The Dagster UI's exposure: `make ui` and `make ui-readonly` listen on 127.0.0.1 only, and the read-only UI
refuses the mutations a web page could send it (GraphQL over GET needs no CORS preflight)."""

from __future__ import annotations

import json
import os
import re
import shlex
import socket
import subprocess

import httpx
import pytest

from tests.fixtures.dagster_ui import LAUNCH, free_port, graphql, make_target, wait_for_location
from tests.fixtures.paths import ROOT, SAMPLES

START_SENSOR = """mutation Start($selector: SensorSelector!) { startSensor(sensorSelector: $selector) {
    __typename ... on UnauthorizedError { message } ... on PythonError { message } } }"""
SENSOR_STATUS = """query Status($selector: SensorSelector!) { sensorOrError(sensorSelector: $selector) {
    __typename ... on Sensor { sensorState { status } } } }"""
LOOPBACK = {"127.0.0.1", "localhost"}


def _make_dry_run(target: str, *args: str) -> list[str]:
    out = subprocess.run(
        ["make", "-n", "-o", ".venv/.synced", target, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return shlex.split(out.replace("\\\n", " ").replace("\n", " ; "))


@pytest.mark.parametrize("target", ["ui", "ui-readonly"])
def test_make_ui_targets_listen_on_loopback_only(target):
    words = _make_dry_run(target)
    hosts = [words[i + 1] for i, word in enumerate(words[:-1]) if word in ("-h", "--host", "--dagit-host")]
    hosts += [word.split("=", 1)[1] for word in words if re.match(r"--(dagit-)?host=", word)]
    assert all(host in LOOPBACK for host in hosts), hosts
    assert not any("DAGSTER_WEBSERVER_HOST" in word for word in words)
    if target == "ui-readonly":
        assert "--read-only" in words and hosts == ["127.0.0.1"]


@pytest.mark.slow
def test_make_ui_readonly_refuses_mutations_from_get_and_post(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "DAGSTER_HOME": str(tmp_path / "dagster_home"),
        "DIPLOWATCH_RAW_DIR": str(SAMPLES),
        "DIPLOWATCH_DB": str(tmp_path / "diplowatch.duckdb"),
    }
    log = tmp_path / "ui-readonly.log"
    with (
        make_target("ui-readonly", [f"READONLY_UI_PORT={port}"], env, log) as server,
        httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client,
    ):
        location, repository = wait_for_location(client, server, log)
        repo = {"repositoryLocationName": location, "repositoryName": repository}
        selector = {**repo, "sensorName": "new_articles_sensor"}
        # What a page on another site can make a browser send: a GET, no preflight, its own Origin.
        query = {"query": START_SENSOR, "variables": json.dumps({"selector": selector})}
        refused = client.get("/graphql", params=query, headers={"Origin": "https://attacker.example"}).json()
        params = {
            "selector": {**repo, "jobName": "events_job"},
            "runConfigData": {},
            "executionMetadata": {"tags": [{"key": "dagster/partition", "value": "2024"}]},
        }
        launch = graphql(client, LAUNCH, {"executionParams": params})["launchRun"]
        status = graphql(client, SENSOR_STATUS, {"selector": selector})["sensorOrError"]
        with pytest.raises(OSError):  # not on every interface: another loopback address finds nothing
            socket.create_connection(("127.0.0.2", port), timeout=5).close()
    assert refused["data"]["startSensor"]["__typename"] == "UnauthorizedError", refused
    assert launch["__typename"] == "UnauthorizedError", launch
    assert status["sensorState"]["status"] == "STOPPED"
