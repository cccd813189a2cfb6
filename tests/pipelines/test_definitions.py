"""The code location loads, validates with the dagster CLI, and its graph carries what the UI relies on (the
whole shape is compared with a snapshot in test_definitions_snapshot.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from dagster import AssetKey, BackfillPolicy, DefaultScheduleStatus, TimeWindowPartitionsDefinition

from pipelines.definitions import build_definitions, defs
from tests.fixtures.paths import ROOT

DAGSTER = Path(sys.executable).parent / "dagster"
WRITING_ASSETS = {"articles", "visit_mentions", "reactions"}
PARTITIONED_ASSETS = {"articles", "visit_mentions", "reactions"}


def test_definitions_load_with_job_schedule_sensor_and_checks():
    assert defs.resolve_job_def("events_job").partitions_def is not None
    assert defs.resolve_schedule_def("nightly_schedule").default_status == DefaultScheduleStatus.RUNNING
    assert defs.resolve_sensor_def("new_articles_sensor").job_name == "events_job"
    keys = {k.to_user_string() for k in defs.resolve_asset_graph().get_all_asset_keys()}
    assert WRITING_ASSETS <= keys
    checks = {(c.asset_key.to_user_string(), c.name) for c in defs.resolve_asset_graph().asset_check_keys}
    for table in ("articles", "visit_mentions", "reactions"):
        assert (table, f"{table}_schema") in checks
    assert {
        ("articles", "article_sources_schema"),
        ("articles", "ingest_errors_schema"),
        ("articles", "sources_delivering"),
        ("articles", "inputs_readable"),
        ("reactions", "reactions_target_exists"),
    } <= checks


def test_every_asset_has_group_kinds_owner_description():
    graph = defs.resolve_asset_graph()
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        name = key.to_user_string()
        assert node.group_name and node.group_name != "default", name
        assert node.description, name
        assert node.owners, name
        assert {t.split("/", 2)[-1] for t in node.tags if t.startswith("dagster/kind/")}, name


def test_partitions_pools_retries_and_backfill_policy():
    graph = defs.resolve_asset_graph()
    for name in PARTITIONED_ASSETS:
        node = graph.get(AssetKey(name))
        assert isinstance(node.partitions_def, TimeWindowPartitionsDefinition)
        assert node.partitions_def.cron_schedule == "0 0 1 1 *"
        assert node.partitions_def.timezone == "UTC"
        assert node.backfill_policy == BackfillPolicy.single_run()
    assert graph.get(AssetKey("articles")).assets_def.op.pool == "duckdb_writer"
    assert graph.get(AssetKey("articles")).assets_def.op.retry_policy is not None
    # The events graph: the steps that open DuckDB share the writer pool; extraction holds no lock.
    events = graph.get(AssetKey("visit_mentions")).assets_def.node_def
    ops = {node.name: node.definition for node in events.nodes}
    assert {name: op.pool for name, op in ops.items()} == {
        "stage_event_articles": "duckdb_writer",
        "extract_event_chunk": None,
        "write_event_tables": "duckdb_writer",
    }
    assert ops["stage_event_articles"].retry_policy is not None and ops["write_event_tables"].retry_policy
    kinds = {
        name: {t.split("/")[-1] for t in graph.get(AssetKey(name)).tags if t.startswith("dagster/kind/")}
        for name in PARTITIONED_ASSETS
    }
    assert kinds["articles"] == {"polars", "duckdb"}
    assert kinds["visit_mentions"] == kinds["reactions"] == {"spacy", "polars", "duckdb"}


def test_partitions_start_in_1980_and_include_this_year():
    from datetime import UTC, datetime

    from dagster import partition_loading_context

    from assets.partitions import partition_bounds

    partitions = defs.resolve_job_def("events_job").partitions_def
    assert partitions.get_first_partition_key() == "1980"
    now = datetime(2024, 6, 17, 15, 0, tzinfo=UTC)
    with partition_loading_context(effective_dt=now):
        assert partitions.get_last_partition_key() == "2024"
    # The bounds the sensor, the CLI and the articles asset use agree with Dagster's own.
    assert [str(d) for d in partition_bounds(now)] == ["1980-01-01", "2024-06-17"]


def test_schedule_timezone_comes_from_settings():
    from diplowatch.settings import Settings

    custom = build_definitions(Settings(schedule_timezone="Europe/Berlin"))
    assert custom.resolve_schedule_def("nightly_schedule").execution_timezone == "Europe/Berlin"


def test_dagster_definitions_validate_passes():
    env = {**os.environ, "DAGSTER_HOME": ""}
    env.pop("DAGSTER_HOME")
    proc = subprocess.run(
        [str(DAGSTER), "definitions", "validate", "-w", "workspace.yaml"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "All code locations passed validation" in proc.stdout + proc.stderr
