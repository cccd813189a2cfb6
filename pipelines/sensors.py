"""`new_articles_sensor`: new, changed or removed files of the raw folder request runs of their years."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from dagster import (
    DefaultSensorStatus,
    RunRequest,
    SensorEvaluationContext,
    SensorResult,
    SkipReason,
    sensor,
)

from assets.partitions import partition_bounds, partition_key
from assets.resources import DiplowatchSettings
from diplowatch.ingest import article_dates, scan_folder
from pipelines.jobs import events_job

CURSOR_VERSION = 1


@dataclass(frozen=True)
class FileState:
    """What the cursor remembers of a file: its identity for change detection, and the days it touched."""

    mtime_ns: int
    size: int
    days: tuple[str, ...]

    def to_json(self) -> list:
        return [self.mtime_ns, self.size, list(self.days)]

    @classmethod
    def from_json(cls, value: list) -> FileState:
        return cls(int(value[0]), int(value[1]), tuple(value[2]))


def load_cursor(cursor: str | None) -> dict[str, FileState]:
    if not cursor:
        return {}
    data = json.loads(cursor)
    if data.get("version") != CURSOR_VERSION:
        return {}  # an older layout: start over, every file counts as new once
    return {path: FileState.from_json(v) for path, v in data["files"].items()}


def dump_cursor(files: dict[str, FileState]) -> str:
    return json.dumps(
        {"version": CURSOR_VERSION, "files": {p: s.to_json() for p, s in sorted(files.items())}},
        separators=(",", ":"),
    )


@dataclass
class Plan:
    """The runs a sensor tick requests: partition key -> the file changes behind it; and the next cursor."""

    changes_by_partition: dict[str, list[str]]
    files: dict[str, FileState]
    out_of_range: list[str]


def plan_runs(raw_dir: str | Path, previous: dict[str, FileState], now: datetime) -> Plan:
    """Compare the folder with the cursor's view of it and work out which partitions must be re-run.

    A changed file touches the years of its new content AND of its old content (an article may have moved
    to another year or gone); a removed file touches its old years. A file whose articles fall outside the
    partitions, or that holds no readable article, touches this year: that run records it in
    `ingest_errors`. The cursor keeps each file's days, so a file is read only when it changes.
    """
    today = now.astimezone(UTC).date()
    first, last = partition_bounds(now)
    current = scan_folder(raw_dir)
    files: dict[str, FileState] = {}
    touched: dict[str, set[str]] = defaultdict(set)  # partition key -> changes
    out_of_range: list[str] = []

    def touch(days: set[date], change: str) -> None:
        inside = {d for d in days if first <= d <= last}
        if len(inside) < len(days):
            out_of_range.append(change)
        for day in inside or {today}:
            touched[partition_key(day)].add(change)

    for path, (mtime_ns, size) in current.items():
        old = previous.get(path)
        if old is not None and (old.mtime_ns, old.size) == (mtime_ns, size):
            files[path] = old
            continue
        new_days = article_dates(path, today)
        files[path] = FileState(mtime_ns, size, tuple(sorted(d.isoformat() for d in new_days)))
        old_days = {date.fromisoformat(d) for d in old.days} if old else set()
        touch(new_days | old_days, f"{path}@{mtime_ns}:{size}")
    for path in sorted(set(previous) - set(current)):
        touch({date.fromisoformat(d) for d in previous[path].days}, f"{path}@deleted")
    changes = {key: sorted(changed) for key, changed in sorted(touched.items())}
    return Plan(changes, files, out_of_range)


def run_key(partition: str, changes: list[str]) -> str:
    """Same partition and file versions, same key: Dagster launches it once even if a tick is replayed."""
    digest = hashlib.sha256("\n".join(changes).encode()).hexdigest()[:16]
    return f"{partition}:{digest}"


@sensor(
    name="new_articles_sensor",
    job=events_job,
    minimum_interval_seconds=60,
    # Stopped by default: its first tick sees every file as new and requests a run per year the folder
    # touches (tens for a historical archive); load history with a backfill or `diplowatch run`, then
    # turn the sensor on in the UI (Automation) or with `dagster sensor start new_articles_sensor`.
    default_status=DefaultSensorStatus.STOPPED,
    description="Watches the raw folder (DIPLOWATCH_RAW_DIR): new, changed or removed files request one run "
    "of events_job per year their articles fall on. Cursor: path + mtime + size (+ the days each file "
    "touched).",
)
def new_articles_sensor(context: SensorEvaluationContext, settings: DiplowatchSettings):
    raw_dir = Path(settings.raw_dir)
    if not raw_dir.exists():
        return SkipReason(f"raw folder {raw_dir} does not exist: create it or set DIPLOWATCH_RAW_DIR")
    plan = plan_runs(raw_dir, load_cursor(context.cursor), datetime.now(UTC))
    for change in plan.out_of_range:
        context.log.warning(
            f"{change}: articles dated outside the partitions; the run records them in ingest_errors"
        )
    cursor = dump_cursor(plan.files)
    if not plan.changes_by_partition:
        return SensorResult(skip_reason=SkipReason(f"no new or changed files in {raw_dir}"), cursor=cursor)
    requests = [
        RunRequest(
            run_key=run_key(partition, changes),
            partition_key=partition,
            tags={"diplowatch/changed_files": str(len(changes))},
        )
        for partition, changes in plan.changes_by_partition.items()
    ]
    context.log.info(f"{len(requests)} partition(s) to refresh: {', '.join(plan.changes_by_partition)}")
    return SensorResult(run_requests=requests, cursor=cursor)
