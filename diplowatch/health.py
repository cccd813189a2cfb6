"""Is every source still delivering? Each source's recent flow of articles compared with its own history.

A source is a feed (`feed <name>`), else the publisher an input names (`articles.source`), else the folder its
file was read from (trailing date folders such as `2024/06/17` ignored). Only days from a source's first
article on count, so a sparse archive or a new source is not a gap. A source with enough history
(`MIN_ACTIVE_DAYS` days with articles) is *silent* when the days since its last article, as of the reference
day, exceed `SILENCE_FACTOR` times its usual gap (the 90th percentile of the gaps between its article days).
Framework-free: `assets/checks.py` turns the result into a Dagster check.
"""

from __future__ import annotations

from datetime import date

import duckdb
import polars as pl

from diplowatch import store

#: Days with articles a source needs before its rhythm is judged: fewer says too little about its usual gap
#: (the bundled samples have 1 to 3 per source; a daily feed reaches it in about a week).
MIN_ACTIVE_DAYS = 8
#: A source is silent when its current silence is longer than this many times its usual gap.
SILENCE_FACTOR = 3
#: The usual gap: this quantile of the gaps between consecutive article days (weekends and holidays included).
USUAL_GAP_QUANTILE = 0.9

# One row per (source, day with an article), read from every place an article was seen.
_SOURCE_DAYS_SQL = r"""
SELECT DISTINCT
    CASE WHEN s.source_kind = 'feed'
              AND regexp_extract(s.source_path, '[/\\]feeds[/\\]([^/\\]+)[/\\][^/\\]*$', 1) <> ''
         THEN 'feed ' || regexp_extract(s.source_path, '[/\\]feeds[/\\]([^/\\]+)[/\\][^/\\]*$', 1)
         ELSE coalesce(nullif(trim(a.source), ''),
                       regexp_replace(regexp_replace(s.source_path, '[/\\][^/\\]*$', ''),
                                      '([/\\][0-9]{1,4}([-_][0-9]{1,2}){0,2})+$', ''))
    END AS source,
    s.partition_date AS day
FROM article_sources s JOIN articles a USING (article_id)
WHERE s.partition_date <= ?
"""


def source_days(con: duckdb.DuckDBPyConnection, as_of: date) -> pl.DataFrame:
    """Columns `source`, `day`: the days up to `as_of` on which each source had at least one article."""
    return store.read_frame(con, _SOURCE_DAYS_SQL, [as_of])


def source_flow(days: pl.DataFrame, as_of: date) -> pl.DataFrame:
    """One row per source of `days` (columns `source`, `day`; days after `as_of` are ignored):

    first_day, last_day, active_days, usual_gap_days (null with too little history), silent_days (as_of minus
    last_day), limit_days (the silence allowed: SILENCE_FACTOR x usual gap) and `silent`. Sorted with the
    silent sources first, the longest silence (relative to the limit) first.
    """
    days = days.select("source", "day").filter(pl.col("day") <= as_of).unique().sort("source", "day")
    gaps = days.with_columns(gap=(pl.col("day") - pl.col("day").shift(1).over("source")).dt.total_days())
    flow = gaps.group_by("source").agg(
        first_day=pl.col("day").min(),
        last_day=pl.col("day").max(),
        active_days=pl.len().cast(pl.Int64),
        usual_gap_days=pl.col("gap").drop_nulls().quantile(USUAL_GAP_QUANTILE, interpolation="higher"),
    )
    judged = pl.col("active_days") >= MIN_ACTIVE_DAYS
    flow = flow.with_columns(
        usual_gap_days=pl.when(judged).then(pl.col("usual_gap_days").cast(pl.Int64)),
        silent_days=(pl.lit(as_of) - pl.col("last_day")).dt.total_days(),
    ).with_columns(limit_days=pl.col("usual_gap_days") * SILENCE_FACTOR)
    flow = flow.with_columns(silent=(pl.col("silent_days") > pl.col("limit_days")).fill_null(False))
    ratio = pl.col("silent_days") / pl.col("limit_days").clip(lower_bound=1)
    return flow.sort([pl.col("silent"), ratio.fill_null(0), pl.col("source")], descending=[True, True, False])


def describe_silence(row: dict) -> str:
    """`<source>: no article since <day> (<n> days; usually at most <gap> between articles)`."""
    return (
        f"{row['source']}: no article since {row['last_day']} ({row['silent_days']} days; usually at most "
        f"{row['usual_gap_days']} day(s) between articles, {row['active_days']} days with articles since "
        f"{row['first_day']})"
    )
