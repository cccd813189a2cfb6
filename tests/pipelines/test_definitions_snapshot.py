"""The code location compared with a committed snapshot: asset keys (group, kinds, owners, upstream assets,
partitions, backfill policy, pool, retries, resources), asset checks, the events graph's steps, jobs,
schedules, sensors and resources. A change to any of them shows up as a diff to accept on purpose.

To accept a change: `UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/pipelines/test_definitions_snapshot.py`, then
commit tests/pipelines/snapshots/definitions.json with the change that caused it.
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path

from dagster import Definitions

from diplowatch.settings import Settings
from pipelines.definitions import build_definitions

SNAPSHOT = Path(__file__).parent / "snapshots" / "definitions.json"
UPDATE = "UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/pipelines/test_definitions_snapshot.py"


def _partitions(partitions_def) -> str | None:
    if partitions_def is None:
        return None
    p = partitions_def
    start = p.start.strftime(p.fmt)
    return (
        f"{type(p).__name__}(start={start}, cron={p.cron_schedule}, fmt={p.fmt}, timezone={p.timezone}, "
        f"end_offset={p.end_offset})"
    )


def _retries(policy) -> str | None:
    if policy is None:
        return None
    return f"{policy.max_retries} retries, delay {policy.delay} s, {policy.backoff}, {policy.jitter}"


def _op(op) -> dict:
    return {"pool": op.pool, "retry_policy": _retries(op.retry_policy), "kind": op.tags.get("kind")}


def _asset(node) -> dict:
    assets_def = node.assets_def
    step = assets_def.node_def
    return {
        "group": node.group_name,
        "kinds": sorted(t.removeprefix("dagster/kind/") for t in node.tags if t.startswith("dagster/kind/")),
        "owners": sorted(node.owners),
        "upstream": sorted(k.to_user_string() for k in node.parent_keys),
        "partitions": _partitions(node.partitions_def),
        "backfill_policy": str(node.backfill_policy) if node.backfill_policy else None,
        "table_name": node.metadata.get("dagster/table_name"),
        "resources": sorted(assets_def.required_resource_keys),
        "computed_by": (
            {"graph": step.name, "steps": {n.name: _op(n.definition) for n in step.nodes}}
            if hasattr(step, "nodes")
            else {"op": step.name, **_op(step)}
        ),
    }


def definitions_snapshot(defs: Definitions) -> dict:
    """What the snapshot holds, as plain JSON data in a stable order."""
    graph = defs.resolve_asset_graph()
    checks = {}
    for node in (graph.get(key) for key in graph.get_all_asset_keys()):
        for spec in node.assets_def.check_specs:
            checks[f"{spec.asset_key.to_user_string()}:{spec.name}"] = {"blocking": spec.blocking}
    jobs = {
        job.name: {
            "partitions": _partitions(job.partitions_def),
            "executor": job.executor_def.name,
            "assets": sorted(k.to_user_string() for k in job.asset_layer.executable_asset_keys),
        }
        for job in defs.resolve_all_job_defs()
        if not job.name.startswith("__")
    }
    schedules = {
        s.name: {
            "job": s.job_name,
            "cron": s.cron_schedule,
            "timezone": s.execution_timezone,
            "default_status": s.default_status.value,
        }
        for s in defs.schedules or []
    }
    sensors = {
        s.name: {
            "job": s.job_name,
            "minimum_interval_seconds": s.minimum_interval_seconds,
            "default_status": s.default_status.value,
        }
        for s in defs.sensors or []
    }
    return {
        "assets": {
            key.to_user_string(): _asset(graph.get(key)) for key in sorted(graph.get_all_asset_keys())
        },
        "asset_checks": dict(sorted(checks.items())),
        "jobs": jobs,
        "schedules": schedules,
        "sensors": sensors,
        "resources": {key: type(value).__name__ for key, value in sorted((defs.resources or {}).items())},
    }


def test_the_definitions_match_the_committed_snapshot():
    # The default settings, not the environment's: the snapshot must not depend on who runs the test.
    current = json.dumps(definitions_snapshot(build_definitions(Settings())), indent=2, sort_keys=True) + "\n"
    if os.environ.get("UPDATE_SNAPSHOTS"):
        SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
        SNAPSHOT.write_text(current, encoding="utf-8")
    committed = SNAPSHOT.read_text(encoding="utf-8") if SNAPSHOT.exists() else ""
    diff = "".join(
        difflib.unified_diff(
            committed.splitlines(keepends=True), current.splitlines(keepends=True), "committed", "current"
        )
    )
    assert not diff, (
        f"the code location differs from {SNAPSHOT}. If the change is on purpose, run `{UPDATE}` and "
        f"commit the snapshot with it; otherwise the diff shows what changed by accident:\n{diff}"
    )


def test_the_snapshot_covers_what_it_says():
    """An empty or truncated snapshot would compare nothing."""
    snapshot = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert set(snapshot["assets"]) == {"feed_entries", "articles", "visit_mentions", "reactions", "visits"}
    assert snapshot["schedules"]["nightly_schedule"]["cron"] == "0 2 * * *"
    assert snapshot["sensors"]["new_articles_sensor"]["default_status"] == "STOPPED"
    assert len(snapshot["asset_checks"]) == 10
    assert set(snapshot["resources"]) == {"duckdb", "extractor", "settings"}


def test_a_changed_definition_shows_in_the_snapshot():
    settings = Settings(schedule_timezone="Europe/Berlin", processes=2)
    changed = definitions_snapshot(build_definitions(settings))
    committed = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert changed["schedules"]["nightly_schedule"]["timezone"] == "Europe/Berlin"
    assert changed["jobs"]["events_job"]["executor"] != committed["jobs"]["events_job"]["executor"]
