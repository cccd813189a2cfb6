"""The monthly partitions of `articles`, `visit_mentions` and `reactions`: one per UTC month of publication.

Rows keep the day (`partition_date`); a Dagster partition is the month holding it. Months, not days: Dagster
records a few event-log writes per partition and asset of a run, so a run over an archive spanning decades
would spend most of its time on days (14,600 of them over 40 years) rather than on articles; a month keeps
that to 480 partitions over 40 years, while the nightly run re-reads one month (see docs/operations.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from dagster import AssetExecutionContext, MonthlyPartitionsDefinition, OpExecutionContext

#: The run tags of a single-run backfill over a range of partitions, as Dagster documents them (the UI's
#: backfills put them on their runs); a test checks they still match Dagster's own constants.
RANGE_START_TAG = "dagster/asset_partition_range_start"
RANGE_END_TAG = "dagster/asset_partition_range_end"

#: The first partition. The development set starts in 1987 and the samples are from 2024/2025; 1980 leaves
#: room for older archives. Articles dated earlier are not dropped: `articles` records them in
#: `ingest_errors` (`date_out_of_range`).
PARTITIONS_START = date(1980, 1, 1)
PARTITION_FORMAT = "%Y-%m"

#: `end_offset=1` makes the current (UTC) month's partition exist already, so articles published this month
#: can be loaded (by the sensor, the nightly schedule or a manual launch) before the month is over.
monthly_partitions = MonthlyPartitionsDefinition(
    start_date=PARTITIONS_START.strftime(PARTITION_FORMAT), fmt=PARTITION_FORMAT, timezone="UTC", end_offset=1
)


def month_of(day: date) -> date:
    return day.replace(day=1)


def partition_key(day: date) -> str:
    """The key of the partition holding `day`, e.g. "2024-06"."""
    return day.strftime(PARTITION_FORMAT)


def partition_days(key: str) -> tuple[date, date]:
    """(first, last) day of a partition key."""
    first = datetime.strptime(key, PARTITION_FORMAT).date()
    return first, _next_month(first) - timedelta(days=1)


def _next_month(first: date) -> date:
    return date(first.year + first.month // 12, first.month % 12 + 1, 1)


def partition_bounds(now: datetime | None = None) -> tuple[date, date]:
    """(first, last) day an article may carry to belong to a partition: 1980-01-01 through today (UTC)."""
    return PARTITIONS_START, (now or datetime.now(UTC)).astimezone(UTC).date()


def context_partition_dates(context: AssetExecutionContext | OpExecutionContext) -> list[date]:
    """The days a run covers: those of one month, or of a range of months in a single-run backfill."""
    window = context.partition_time_window
    first, end = window.start.date(), window.end.date()
    return [first + timedelta(days=i) for i in range((end - first).days)]


def range_tags(first: date, last: date) -> dict[str, str]:
    """Run tags that make one run cover every partition from the month of `first` to that of `last`.

    They are the tags a single-run backfill (BackfillPolicy.single_run) puts on its run.
    """
    if last < first:
        raise ValueError(f"partition range {first}..{last} is empty: the last day is before the first")
    return {RANGE_START_TAG: partition_key(first), RANGE_END_TAG: partition_key(last)}


#: Empty months a `diplowatch run` range may span rather than start another run: each partition of a range
#: costs the Dagster instance a few event-log writes, each extra run its own start and steps (measured in
#: docs/performance.md).
MAX_EMPTY_MONTHS_IN_RANGE = 3


def partition_ranges(
    days: Iterable[date], max_gap: int = MAX_EMPTY_MONTHS_IN_RANGE
) -> list[tuple[date, date]]:
    """The months holding the given days as (first month, last month) ranges, sorted (dates are the months'
    first days); months at most `max_gap` empty months apart share a range. A folder of 1987 articles plus
    today's undated ones is two ranges, not 40 years of months."""
    ranges: list[tuple[date, date]] = []
    for month in sorted({month_of(d) for d in days}):
        if ranges and _months_between(ranges[-1][1], month) <= max_gap + 1:
            ranges[-1] = (ranges[-1][0], month)
        else:
            ranges.append((month, month))
    return ranges


def _months_between(earlier: date, later: date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month


def covering_range(days: Iterable[date], now: datetime | None = None) -> tuple[date, date] | None:
    """The smallest range of months holding every in-bounds day, or None when there is none."""
    first_ok, last_ok = partition_bounds(now)
    inside = [d for d in days if first_ok <= d <= last_ok]
    return (month_of(min(inside)), month_of(max(inside))) if inside else None
