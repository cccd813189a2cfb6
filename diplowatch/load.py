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
from diplowatch.schemas import Validated, frame_from_rows, validate


@dataclass
class StageResult:
    """What a stage wrote, for summaries and Dagster metadata."""

    counts: dict[str, int]
    validations: dict[str, Validated] = field(default_factory=dict)
    partitions: list[date] = field(default_factory=list)
    #: rows as written, per table (after any adjustment made between validation and the write)
    written: dict[str, pl.DataFrame] = field(default_factory=dict)

    @property
    def rejected(self) -> int:
        return sum(v.rejected.height for v in self.validations.values())

    @property
    def batch_failed(self) -> list[str]:
        """Tables whose whole batch failed its schema: the stage then kept their previous rows."""
        return [t for t, v in self.validations.items() if v.batch_failed]


def _in_partitions(frame: pl.DataFrame, partition_dates: Iterable[date] | None) -> pl.DataFrame:
    if partition_dates is None:
        return frame
    return frame.filter(pl.col("partition_date").is_in(sorted(set(partition_dates))))


def _out_of_bounds(
    articles: pl.DataFrame, sources: pl.DataFrame, errors: pl.DataFrame, bounds: tuple[date, date], now: datetime,
    recorded: dict | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Move articles dated outside the partitions into `ingest_errors`, one row per place they were seen.

    Such an article belongs to no partition, so no partitioned run could ever store it; recording it is the
    only way it is not lost silently.
    """
    first, last = bounds
    outside = pl.col("partition_date").is_between(first, last).not_()
    bad = articles.filter(outside)
    if bad.is_empty():
        return articles, sources, errors
    dates = dict(zip(bad["article_id"], bad["partition_date"], strict=True))
    rows = [
        {"source_path": s["source_path"], "line_number": s["line_number"], "reason": "date_out_of_range",
         "detail": f"published_at {dates[s['article_id']]} is outside the daily partitions {first}..{last}; "
                   "fix the date in the input (a future date is loaded once its day has come)",
         # the first time it was recorded, so a re-run rewrites the same row
         "recorded_at": (recorded or {}).get((s["source_path"], s["line_number"], "date_out_of_range"), now)}
        for s in sources.filter(pl.col("article_id").is_in(list(dates))).iter_rows(named=True)
    ]
    return (articles.filter(~outside), sources.filter(~pl.col("article_id").is_in(list(dates))),
            pl.concat([errors, frame_from_rows("ingest_errors", rows)]))


def load_articles(
    con: duckdb.DuckDBPyConnection,
    raw_dir: str | Path,
    partition_dates: Iterable[date] | None = None,
    now: datetime | None = None,
    partition_bounds: tuple[date, date] | None = None,
) -> StageResult:
    """Read the raw folder, validate, and replace the articles of the given partitions (all when None).

    `ingest_errors` is a snapshot of the folder's current problems and is replaced as a whole. With
    `partition_bounds` (first, last day), articles dated outside them become `ingest_errors` rows.
    """
    now = now or datetime.now(UTC)
    stored = con.execute("SELECT article_id, ingested_at, language FROM articles").fetchall()
    known = {article_id: ingested_at for article_id, ingested_at, _ in stored}
    # Stored articles keep their language: detection is the slow part of reading (ms per article).
    languages = {article_id: language for article_id, _, language in stored}
    # First-seen times are kept, so re-running the same input rewrites byte-identical rows.
    seen = {tuple(r[:3]): r[3] for r in con.execute(
        "SELECT article_id, source_path, line_number, seen_at FROM article_sources").fetchall()}
    recorded = {tuple(r[:3]): r[3] for r in con.execute(
        "SELECT source_path, line_number, reason, recorded_at FROM ingest_errors").fetchall()}
    articles, sources, errors = articles_frames(read_folder(raw_dir), now, known, known_seen_at=seen,
                                                known_recorded_at=recorded, known_language=languages)
    if partition_bounds is not None:
        articles, sources, errors = _out_of_bounds(articles, sources, errors, partition_bounds, now, recorded)
    checked = {
        "articles": validate("articles", _in_partitions(articles, partition_dates)),
        "article_sources": validate("article_sources", _in_partitions(sources, partition_dates)),
        "ingest_errors": validate("ingest_errors", errors, partition_column=None),
    }
    rejected = pl.concat([v.rejected for v in checked.values()])
    writes = [
        store.partition_write("articles", checked["articles"].valid, partition_dates),
        store.partition_write("article_sources", checked["article_sources"].valid, partition_dates),
        # The feed stage owns the rows of feed URLs (feeds that are down); this stage owns the files' rows.
        store.Write("ingest_errors", checked["ingest_errors"].valid, f"NOT {FEED_ERRORS_WHERE}"),
    ]
    applied = _unless_batch_failed(writes, checked)
    counts = store.apply_writes(con, applied + [store.rejected_write(list(checked), rejected, partition_dates)])
    written = sorted(set(checked["articles"].valid["partition_date"].to_list()))
    return StageResult(counts, checked, written, {w.table: w.frame for w in applied})


def _unless_batch_failed(writes: list[store.Write], checked: dict[str, Validated]) -> list[store.Write]:
    """The stage's writes, or none when any of its batches failed its schema as a whole.

    A whole batch failing (a missing column, a column of the wrong type) is a code or schema fault, not bad
    input: replacing the stored partitions with nothing would destroy good rows. The stage then changes
    only the quarantine, and the failed batch is reported (an ERROR asset check in Dagster).
    """
    if any(v.batch_failed for v in checked.values()):
        return []
    return writes


def articles_for_events(con: duckdb.DuckDBPyConnection, partition_dates: Iterable[date] | None = None) -> pl.DataFrame:
    """The stored articles of the given partitions (all when None), as the extractor's input."""
    sql = "SELECT article_id, text, published_at, title, partition_date FROM articles"
    params: list = []
    if partition_dates is not None:
        sql += " WHERE partition_date IN (SELECT unnest(?::DATE[]))"
        params.append(sorted(set(partition_dates)))
    return store.read_frame(con, sql + " ORDER BY partition_date, article_id", params)


@dataclass
class ExtractedEvents:
    """The extractor's output for a set of partitions, validated, not yet written."""

    checked: dict[str, Validated]
    articles_read: int
    partitions: list[date]


def extract_validated(articles: pl.DataFrame, extractor, progress: Callable[[int], None] | None = None) -> ExtractedEvents:
    """Run the extractor over the articles and validate its output (no database needed: the slow part)."""
    visits, reactions = extract_events(articles, extractor, progress)
    checked = {"visit_mentions": validate("visit_mentions", visits), "reactions": validate("reactions", reactions)}
    return ExtractedEvents(checked, articles.height, sorted(set(articles["partition_date"].to_list())))


def write_events(
    con: duckdb.DuckDBPyConnection, extracted: ExtractedEvents, partition_dates: Iterable[date] | None = None
) -> StageResult:
    """Replace the visit mentions and reactions of the given partitions (all when None) by the extracted ones."""
    checked = extracted.checked
    # A reaction whose target visit was quarantined (or never extracted) keeps its row but loses the link.
    kept = set(checked["visit_mentions"].valid["mention_id"].to_list())
    dangling = pl.col("target_mention_id").is_not_null() & ~pl.col("target_mention_id").is_in(sorted(kept))
    links_cleared = checked["reactions"].valid.filter(dangling).height
    valid_reactions = checked["reactions"].valid.with_columns(
        pl.when(dangling).then(None).otherwise(pl.col("target_mention_id")).alias("target_mention_id")
    )
    rejected = pl.concat([v.rejected for v in checked.values()])
    writes = [
        store.partition_write("visit_mentions", checked["visit_mentions"].valid, partition_dates),
        store.partition_write("reactions", valid_reactions, partition_dates),
    ]
    applied = _unless_batch_failed(writes, checked)
    counts = store.apply_writes(con, applied + [store.rejected_write(list(checked), rejected, partition_dates)])
    counts["articles_read"] = extracted.articles_read
    counts["target_links_cleared"] = links_cleared
    return StageResult(counts, checked, extracted.partitions, {w.table: w.frame for w in applied})


def load_events(
    con: duckdb.DuckDBPyConnection,
    extractor,
    partition_dates: Iterable[date] | None = None,
    progress: Callable[[int], None] | None = None,
) -> StageResult:
    """Extract visit mentions and reactions from the stored articles of the given partitions and replace them.

    One connection throughout; the Dagster asset instead closes it while the extractor runs (see
    `articles_for_events`, `extract_validated`, `write_events`) so the file's lock is not held for minutes.
    """
    extracted = extract_validated(articles_for_events(con, partition_dates), extractor, progress)
    return write_events(con, extracted, partition_dates)
