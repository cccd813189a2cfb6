"""The yearly partitions of `articles`, `visit_mentions` and `reactions`: one per UTC year of publication.

Rows keep the day (`partition_date`); a Dagster partition is the year holding it. Years, not days or months:
Dagster records event-log rows per partition and asset of every run (a planned and a materialization event,
tens of milliseconds each on the SQLite instance), so a run over an archive spanning decades spent most of its
time on 14,600 days, or still a large share on 480 months, rather than on articles; 47 years since 1980 cost
little. The nightly run re-reads the current year, and extracts only the articles not extracted yet by the
same extractor (see docs/performance.md for the figures behind the choice).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from dagster import AssetExecutionContext, OpExecutionContext, TimeWindowPartitionsDefinition

#: The run tags of a single-run backfill over a range of partitions, as Dagster documents them (the UI's
#: backfills put them on their runs); a test checks they still match Dagster's own constants.
RANGE_START_TAG = "dagster/asset_partition_range_start"
RANGE_END_TAG = "dagster/asset_partition_range_end"

#: The first partition. The development set starts in 1987 and the samples are from 2024/2025; 1980 leaves
#: room for older archives. Articles dated earlier are not dropped: `articles` records them in
#: `ingest_errors` (`date_out_of_range`).
PARTITIONS_START = date(1980, 1, 1)
PARTITION_FORMAT = "%Y"

#: `end_offset=1` makes the current (UTC) year's partition exist already, so articles published this year can
#: be loaded (by the sensor, the nightly schedule or a manual launch) before the year is over.
yearly_partitions = TimeWindowPartitionsDefinition(
    start=PARTITIONS_START.strftime(PARTITION_FORMAT),
    fmt=PARTITION_FORMAT,
    cron_schedule="0 0 1 1 *",
    timezone="UTC",
    end_offset=1,
)


def period_of(day: date) -> date:
    """The first day of the partition holding `day`."""
    return date(day.year, 1, 1)


def partition_key(day: date) -> str:
    """The key of the partition holding `day`, e.g. "2024"."""
    return day.strftime(PARTITION_FORMAT)


def partition_days(key: str) -> tuple[date, date]:
    """(first, last) day of a partition key."""
    year = int(key)
    return date(year, 1, 1), date(year, 12, 31)


def partition_bounds(now: datetime | None = None) -> tuple[date, date]:
    """(first, last) day an article may carry to belong to a partition: 1980-01-01 through today (UTC)."""
    return PARTITIONS_START, (now or datetime.now(UTC)).astimezone(UTC).date()


def context_partition_dates(context: AssetExecutionContext | OpExecutionContext) -> list[date]:
    """The days a run covers: those of one year, or of a range of years in a single-run backfill."""
    window = context.partition_time_window
    first, end = window.start.date(), window.end.date()
    return [first + timedelta(days=i) for i in range((end - first).days)]


def range_tags(first: date, last: date) -> dict[str, str]:
    """Run tags that make one run cover every partition from the year of `first` to that of `last`.

    They are the tags a single-run backfill (BackfillPolicy.single_run) puts on its run.
    """
    if last < first:
        raise ValueError(f"partition range {first}..{last} is empty: the last day is before the first")
    return {RANGE_START_TAG: partition_key(first), RANGE_END_TAG: partition_key(last)}


#: Empty years a `diplowatch run` range may span rather than start another run: each partition of a range
#: costs the Dagster instance a planned and a materialization event per asset, each extra run its own start,
#: steps and checks. Measured on the decades corpus (docs/performance.md): two runs (1987; 2006-2026) spent
#: 13.6 s in bookkeeping, one run over 1987-2026 16.0 s, though an empty year alone costs only ~0.19 s.
MAX_EMPTY_YEARS_IN_RANGE = 10


def partition_ranges(
    days: Iterable[date], max_gap: int = MAX_EMPTY_YEARS_IN_RANGE
) -> list[tuple[date, date]]:
    """The years holding the given days as (first year, last year) ranges, sorted (dates are the years' first
    days); years at most `max_gap` empty years apart share a range. A folder of 1987 articles plus this year's
    undated ones is two ranges, not 40 years."""
    ranges: list[tuple[date, date]] = []
    for year in sorted({period_of(d) for d in days}):
        if ranges and year.year - ranges[-1][1].year <= max_gap + 1:
            ranges[-1] = (ranges[-1][0], year)
        else:
            ranges.append((year, year))
    return ranges


def covering_range(days: Iterable[date], now: datetime | None = None) -> tuple[date, date] | None:
    """The smallest range of years holding every in-bounds day, or None when there is none."""
    first_ok, last_ok = partition_bounds(now)
    inside = [d for d in days if first_ok <= d <= last_ok]
    return (period_of(min(inside)), period_of(max(inside))) if inside else None
