"""The two stages of a run as plain functions over a DuckDB connection: load articles, then extract events."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import polars as pl

from diplowatch import store
from diplowatch.events import extract_events
from diplowatch.ingest import articles_frames, read_folder
from diplowatch.ingest.feeds import FEED_ERRORS_WHERE
from diplowatch.schemas import Validated, validate


@dataclass
class StageResult:
    """What a stage wrote, for summaries and Dagster metadata."""

    counts: dict[str, int]
    validations: dict[str, Validated] = field(default_factory=dict)
    partitions: list[date] = field(default_factory=list)

    @property
    def rejected(self) -> int:
        return sum(v.rejected.height for v in self.validations.values())


def _in_partitions(frame: pl.DataFrame, partition_dates: Iterable[date] | None) -> pl.DataFrame:
    if partition_dates is None:
        return frame
    return frame.filter(pl.col("partition_date").is_in(sorted(set(partition_dates))))


def load_articles(
    con: duckdb.DuckDBPyConnection,
    raw_dir: str | Path,
    partition_dates: Iterable[date] | None = None,
    now: datetime | None = None,
) -> StageResult:
    """Read the raw folder, validate, and replace the articles of the given partitions (all when None).

    `ingest_errors` is a snapshot of the folder's current problems and is replaced as a whole.
    """
    now = now or datetime.now(UTC)
    known = dict(con.execute("SELECT article_id, ingested_at FROM articles").fetchall())
    # First-seen times are kept, so re-running the same input rewrites byte-identical rows.
    seen = {tuple(r[:3]): r[3] for r in con.execute(
        "SELECT article_id, source_path, line_number, seen_at FROM article_sources").fetchall()}
    recorded = {tuple(r[:3]): r[3] for r in con.execute(
        "SELECT source_path, line_number, reason, recorded_at FROM ingest_errors").fetchall()}
    articles, sources, errors = articles_frames(read_folder(raw_dir), now, known, known_seen_at=seen,
                                                known_recorded_at=recorded)
    checked = {
        "articles": validate("articles", _in_partitions(articles, partition_dates)),
        "article_sources": validate("article_sources", _in_partitions(sources, partition_dates)),
        "ingest_errors": validate("ingest_errors", errors, partition_column=None),
    }
    rejected = pl.concat([v.rejected for v in checked.values()])
    counts = store.apply_writes(con, [
        store.partition_write("articles", checked["articles"].valid, partition_dates),
        store.partition_write("article_sources", checked["article_sources"].valid, partition_dates),
        # The feed stage owns the rows of feed URLs (feeds that are down); this stage owns the files' rows.
        store.Write("ingest_errors", checked["ingest_errors"].valid, f"NOT {FEED_ERRORS_WHERE}"),
        store.rejected_write(list(checked), rejected, partition_dates),
    ])
    written = sorted(set(checked["articles"].valid["partition_date"].to_list()))
    return StageResult(counts, checked, written)


def load_events(
    con: duckdb.DuckDBPyConnection,
    extractor,
    partition_dates: Iterable[date] | None = None,
    progress: Callable[[int], None] | None = None,
) -> StageResult:
    """Extract visit mentions and reactions from the stored articles of the given partitions and replace them."""
    sql = "SELECT article_id, text, published_at, title, partition_date FROM articles"
    params: list = []
    if partition_dates is not None:
        sql += " WHERE partition_date IN (SELECT unnest(?::DATE[]))"
        params.append(sorted(set(partition_dates)))
    articles = store.read_frame(con, sql + " ORDER BY partition_date, article_id", params)
    visits, reactions = extract_events(articles, extractor, progress)
    checked = {"visit_mentions": validate("visit_mentions", visits), "reactions": validate("reactions", reactions)}
    # A reaction whose target visit was quarantined keeps its row but loses the dangling link.
    kept = set(checked["visit_mentions"].valid["mention_id"].to_list())
    valid_reactions = checked["reactions"].valid.with_columns(
        pl.when(pl.col("target_mention_id").is_in(sorted(kept))).then(pl.col("target_mention_id")).otherwise(None)
        .alias("target_mention_id")
    )
    rejected = pl.concat([v.rejected for v in checked.values()])
    counts = store.apply_writes(con, [
        store.partition_write("visit_mentions", checked["visit_mentions"].valid, partition_dates),
        store.partition_write("reactions", valid_reactions, partition_dates),
        store.rejected_write(list(checked), rejected, partition_dates),
    ])
    counts["articles_read"] = articles.height
    return StageResult(counts, checked, sorted(set(articles["partition_date"].to_list())))
