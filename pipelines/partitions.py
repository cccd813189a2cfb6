"""The daily partitions of `articles`, `visit_mentions` and `reactions`: one per UTC day of publication."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from dagster import AssetExecutionContext, DailyPartitionsDefinition
from dagster._core.storage.tags import ASSET_PARTITION_RANGE_END_TAG, ASSET_PARTITION_RANGE_START_TAG

from diplowatch.ingest import RawArticle, read_path

#: The first partition. The bundled dev set starts in 1987 and the samples are from 2024/2025; 1980 leaves
#: room for older archives without making the UI's partition bar absurdly long (~17,000 days to date).
#: Articles dated earlier are not dropped: `articles` records them in `ingest_errors` (`date_out_of_range`).
PARTITIONS_START = date(1980, 1, 1)
PARTITION_FORMAT = "%Y-%m-%d"

#: `end_offset=1` makes today's (UTC) partition exist already, so articles published today can be loaded
#: (by the sensor or a manual launch) before the day is over; the nightly schedule re-runs it complete tomorrow.
daily_partitions = DailyPartitionsDefinition(
    start_date=PARTITIONS_START.isoformat(), fmt=PARTITION_FORMAT, timezone="UTC", end_offset=1
)


def partition_key(day: date) -> str:
    return day.strftime(PARTITION_FORMAT)


def last_partition_date(now: datetime | None = None) -> date:
    """The newest partition that exists at `now`: today's UTC date (because of end_offset=1)."""
    return (now or datetime.now(UTC)).astimezone(UTC).date()


def partition_bounds(now: datetime | None = None) -> tuple[date, date]:
    """(first, last) partition date, inclusive."""
    return PARTITIONS_START, last_partition_date(now)


def context_partition_dates(context: AssetExecutionContext) -> list[date]:
    """The days a run covers: one partition, or a whole range in a single-run backfill."""
    window = context.partition_time_window
    first, end = window.start.date(), window.end.date()
    return [first + timedelta(days=i) for i in range((end - first).days)]


def range_tags(first: date, last: date) -> dict[str, str]:
    """Run tags that make one run cover every partition from `first` to `last` (inclusive).

    They are the tags a single-run backfill (BackfillPolicy.single_run) puts on its run.
    """
    if last < first:
        raise ValueError(f"partition range {first}..{last} is empty: the last day is before the first")
    return {ASSET_PARTITION_RANGE_START_TAG: partition_key(first), ASSET_PARTITION_RANGE_END_TAG: partition_key(last)}


def covering_range(days: Iterable[date], now: datetime | None = None) -> tuple[date, date] | None:
    """The smallest partition range holding every in-bounds day, or None when there is none."""
    first_ok, last_ok = partition_bounds(now)
    inside = [d for d in days if first_ok <= d <= last_ok]
    return (min(inside), max(inside)) if inside else None


#: Empty days a `diplowatch run` range may span rather than start another run: each partition of a range
#: costs the Dagster instance a few event-log writes, each extra run its own start and steps.
MAX_EMPTY_DAYS_IN_RANGE = 7


def partition_ranges(days: Iterable[date], max_gap: int = MAX_EMPTY_DAYS_IN_RANGE) -> list[tuple[date, date]]:
    """The given days as (first, last) ranges, sorted; two days at most `max_gap` empty days apart share
    a range. A folder of 1987 articles plus today's undated ones is two ranges, not 40 years of days."""
    ranges: list[tuple[date, date]] = []
    for day in sorted(set(days)):
        if ranges and (day - ranges[-1][1]).days <= max_gap + 1:
            ranges[-1] = (ranges[-1][0], day)
        else:
            ranges.append((day, day))
    return ranges


def scan_raw_folder(root: str | os.PathLike) -> dict[str, tuple[int, int]]:
    """Every file the readers would read under `root`: path -> (mtime_ns, size).

    Walks like `diplowatch.ingest.read_folder`: recursively, sorted, hidden entries skipped, folder links
    followed once (never in a loop). A path that cannot be stat'ed (dangling link) is left out; the next
    run of any day records it in `ingest_errors`.
    """
    root = Path(root)
    if not root.is_dir():
        stat = root.stat()
        return {str(root): (stat.st_mtime_ns, stat.st_size)}
    found: dict[str, tuple[int, int]] = {}
    seen_folders: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        info = os.stat(dirpath)
        if (info.st_dev, info.st_ino) in seen_folders:
            dirnames.clear()  # a link back to a folder already walked
            continue
        seen_folders.add((info.st_dev, info.st_ino))
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = Path(dirpath) / name
            with contextlib.suppress(OSError):  # gone, or a dangling link: nothing to compare
                stat = path.stat()
                found[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return found


def file_partition_dates(path: str | os.PathLike, today: date) -> set[date]:
    """The days a file's articles fall on, read with the ingestion readers (no NLP, no database).

    An undated article falls on the day it is first ingested, i.e. `today` for a new file. A file with no
    readable article touches no day.
    """
    items = read_path(Path(path), today=today)
    return {item.published_at or today for item in items if isinstance(item, RawArticle)}


def raw_folder_dates(root: str | os.PathLike, today: date) -> set[date]:
    """Every day the articles of the raw folder fall on."""
    days: set[date] = set()
    for path in scan_raw_folder(root):
        days |= file_partition_dates(path, today)
    return days
