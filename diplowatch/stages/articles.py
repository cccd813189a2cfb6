"""The articles stage: a raw folder read, deduplicated, validated and written, replacing only what it read.

The folder is read, deduplicated and validated a bounded batch of inputs at a time; each batch's valid rows
are spilled to Parquet and the stage's write is ONE transaction (upsert what was read, remove what left the
folder, record the rejected rows), so peak memory depends on the batch size, not on the corpus.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import polars as pl

from diplowatch import store
from diplowatch.ingest import articles_frames, read_folder, url_identity
from diplowatch.ingest.feeds import FEED_ERRORS_WHERE
from diplowatch.schemas import frame_from_rows, validate
from diplowatch.stages import staging
from diplowatch.stages.removals import (
    ReadScope,
    StoredSource,
    find_removals,
    ids_in,
    removed_frame,
    sources_write,
)
from diplowatch.stages.spill import SpilledBatches, StageResult, batched, in_partitions, unless_batch_failed

#: Inputs (files' articles and errors) read, deduplicated and validated per batch by `load_articles`.
ARTICLE_BATCH_INPUTS = 2000


def _out_of_bounds(
    articles: pl.DataFrame,
    sources: pl.DataFrame,
    errors: pl.DataFrame,
    bounds: tuple[date, date],
    now: datetime,
    recorded: dict | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Move articles dated outside the partitions into `ingest_errors`, one row per place they were seen.

    Such an article belongs to no partition, so no partitioned run could ever store it; recording it is the
    only way it is not lost silently. Read from the sources, which carry their article's partition even when
    the article's row came in an earlier batch.
    """
    first, last = bounds
    outside = pl.col("partition_date").is_between(first, last).not_()
    bad = sources.filter(outside)
    if bad.is_empty():
        return articles, sources, errors
    rows = [
        {
            "source_path": s["source_path"],
            "line_number": s["line_number"],
            "reason": "date_out_of_range",
            "detail": f"published_at {s['partition_date']} is outside the daily partitions {first}..{last}; "
            "fix the date in the input (a future date is loaded once its day has come)",
            # the first time it was recorded, so a re-run rewrites the same row
            "recorded_at": (recorded or {}).get(
                (s["source_path"], s["line_number"], "date_out_of_range"), now
            ),
        }
        for s in bad.iter_rows(named=True)
    ]
    return (
        articles.filter(~outside),
        sources.filter(~outside),
        pl.concat([errors, frame_from_rows("ingest_errors", rows)]),
    )


class _ArticleIdentities:
    """What `load_articles` remembers across batches so that dedup spans the whole folder: each article's
    partition and language, and which article every URL seen names. Tens of bytes per article, no text."""

    def __init__(self, languages: dict[str, str | None]):
        self.partition_of: dict[str, date] = {}
        self.by_url: dict[str, str] = {}
        self.languages = (
            languages  # stored articles' languages, plus those of articles read in earlier batches
        )

    def merge(self, articles: pl.DataFrame, sources: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
        """A batch's frames (from `articles_frames`) with the articles already read in an earlier batch
        dropped, their sources pointed at the earlier article and its partition. The first input in read
        order keeps providing the row, as `articles_frames` does within a batch."""
        same: dict[str, str] = {}
        new: list[str] = []
        for aid, url, partition, language in articles.select(
            "article_id", "url", "partition_date", "language"
        ).iter_rows():
            identity = url_identity(url)
            earlier = aid if aid in self.partition_of else self.by_url.get(identity) if identity else None
            if earlier is not None:
                same[aid] = earlier
                continue
            new.append(aid)
            self.partition_of[aid] = partition
            self.languages[aid] = language
        if same:
            sources = sources.with_columns(pl.col("article_id").replace(same))
        if not sources.is_empty():  # (replace_strict of an empty column ignores return_dtype)
            sources = sources.with_columns(
                pl.col("article_id")
                .replace_strict(self.partition_of, return_dtype=pl.Date)
                .alias("partition_date")
            )
        for aid, url in sources.select("article_id", "url").iter_rows():
            identity = url_identity(url)
            if identity is not None:
                self.by_url.setdefault(identity, aid)
        return articles.filter(pl.col("article_id").is_in(new)), sources


@dataclass
class _Stored:
    """What the database holds that a read needs: first-seen times, languages and partitions of articles,
    every source, and the folder rows of `ingest_errors`."""

    ingested_at: dict[str, datetime]
    partition_of: dict[str, date]
    identities: _ArticleIdentities
    sources: list[StoredSource]
    errors: list[tuple]

    @classmethod
    def read(cls, con: duckdb.DuckDBPyConnection) -> _Stored:
        articles = con.execute(
            "SELECT article_id, ingested_at, language, partition_date FROM articles"
        ).fetchall()
        sources = [
            StoredSource(*row)
            for row in con.execute(
                "SELECT article_id, source_path, line_number, partition_date, seen_at FROM article_sources"
            ).fetchall()
        ]
        errors = con.execute(
            "SELECT source_path, line_number, reason, recorded_at FROM ingest_errors "
            f"WHERE NOT {FEED_ERRORS_WHERE}"
        ).fetchall()
        # Stored articles keep their language: detection is the slow part of reading (ms per article).
        identities = _ArticleIdentities({aid: language for aid, _, language, _ in articles})
        return cls(
            {aid: at for aid, at, _, _ in articles},
            {aid: day for aid, _, _, day in articles},
            identities,
            sources,
            errors,
        )

    @functools.cached_property
    def seen_at(self) -> dict[tuple, datetime]:
        return {(s.article_id, s.source_path, s.line_number): s.seen_at for s in self.sources}

    @functools.cached_property
    def recorded_at(self) -> dict[tuple, datetime]:
        return {tuple(row[:3]): row[3] for row in self.errors}


def load_articles(
    con: duckdb.DuckDBPyConnection,
    raw_dir: str | Path,
    partition_dates: Iterable[date] | None = None,
    now: datetime | None = None,
    partition_bounds: tuple[date, date] | None = None,
    batch_inputs: int = ARTICLE_BATCH_INPUTS,
    staging_dir: str | Path | None = None,
) -> StageResult:
    """Read the raw folder, validate, and write what it holds for the given partitions (all when None).

    A run replaces only what it read: articles of the folder are inserted or replaced; an earlier article is
    removed only when it came from inside this folder, was in the run's partitions, is no longer there and no
    other source still holds it (`StageResult.removed` lists each, with its paths). Rows from other folders,
    feeds or sources are never touched (see `removals.prune_missing_sources` for those). `ingest_errors` rows
    of the folder's paths are a snapshot of its current problems. With `partition_bounds` (first, last day),
    articles dated outside them become `ingest_errors` rows. The folder is read `batch_inputs` inputs at a
    time (see the module docstring) and spilled under `staging_dir` (a run's staging folder; by default a
    scratch folder under `staging.default_root`); the write is one transaction.
    """
    now = now or datetime.now(UTC)
    partition_dates = None if partition_dates is None else sorted(set(partition_dates))
    scope = ReadScope(raw_dir)
    store.limit_stage_memory(con)
    stored = _Stored.read(con)
    with _spill_folder(con, staging_dir) as folder:
        spilled = SpilledBatches(["articles", "article_sources", "ingest_errors"], folder / "articles-spill")
        try:
            for items in batched(read_folder(raw_dir), batch_inputs):
                _add_batch(spilled, items, stored, scope, now, partition_dates, partition_bounds)
            checked = spilled.validations()
            gone, removed_ids = find_removals(
                stored.sources, checked["article_sources"].valid, scope, partition_dates
            )
            writes = _writes(checked, spilled.paths, stored, scope, gone, removed_ids)
            rejected = pl.concat([v.rejected for v in checked.values()])
            counts = store.apply_writes(
                con,
                unless_batch_failed(writes, checked)
                + [_rejected_in_scope(con, scope, list(checked), rejected, partition_dates)],
            )
        finally:
            staging.remove(spilled.folder)
    removed = removed_frame(gone, removed_ids)
    if any(v.batch_failed for v in checked.values()):  # nothing was written, so nothing was removed
        removed = removed.clear()
    counts["articles_removed"] = removed["article_id"].n_unique()
    written = sorted(set(checked["articles"].valid["partition_date"].to_list()))
    return StageResult(counts, checked, written, removed)


def _spill_folder(con: duckdb.DuckDBPyConnection, staging_dir: str | Path | None):
    if staging_dir is not None:
        return contextlib.nullcontext(Path(staging_dir))
    return staging.scratch(staging.default_root(store.database_path(con)), "articles")


def _add_batch(
    spilled: SpilledBatches,
    items: list,
    stored: _Stored,
    scope: ReadScope,
    now: datetime,
    partition_dates: list[date] | None,
    partition_bounds: tuple[date, date] | None,
) -> None:
    """Turn one batch of read inputs into validated, spilled rows of the three tables."""
    articles, sources, errors = articles_frames(
        items,
        now,
        stored.ingested_at,
        known_seen_at=stored.seen_at,
        known_recorded_at=stored.recorded_at,
        known_language=stored.identities.languages,
    )
    articles, sources = stored.identities.merge(articles, sources)
    if partition_bounds is not None:
        articles, sources, errors = _out_of_bounds(
            articles, sources, errors, partition_bounds, now, stored.recorded_at
        )
    scope.protect(errors)
    spilled.add(validate("articles", in_partitions(articles, partition_dates)))
    spilled.add(validate("article_sources", in_partitions(sources, partition_dates)))
    spilled.add(validate("ingest_errors", errors, partition_column=None))


def _writes(
    checked: dict,
    paths: dict[str, list[str]],
    stored: _Stored,
    scope: ReadScope,
    gone: list[StoredSource],
    removed_ids: list[str],
) -> list[store.Write]:
    """The stage's transaction: upsert the articles read, replace the folder's sources and errors, drop the
    removed articles with their events."""
    articles = checked["articles"].valid
    read_ids = set(articles["article_id"].to_list())
    # An article read again on another day than before: its events go with the old day (the events stage
    # extracts it again in its new partition), or the two days would hold the same mention ids.
    moved = [
        aid
        for aid, day in articles.select("article_id", "partition_date").iter_rows()
        if aid in stored.partition_of and stored.partition_of[aid] != day
    ]
    stale_events = removed_ids + moved
    error_paths = sorted({path for path, *_ in stored.errors if scope.contains(path)})
    return [
        store.Write(
            "articles",
            None,
            ids_in("article_id"),
            (sorted(read_ids | set(removed_ids)),),
            tuple(paths["articles"]),
        ),
        sources_write(gone, checked["article_sources"].valid, paths["article_sources"]),
        store.Write("visit_mentions", None, ids_in("article_id"), (stale_events,)),
        store.Write("reactions", None, ids_in("article_id"), (stale_events,)),
        # The feed stage owns the rows of feed URLs; this stage owns the rows of the folder's paths.
        store.Write(
            "ingest_errors",
            None,
            f"NOT {FEED_ERRORS_WHERE} AND " + ids_in("source_path"),
            (error_paths,),
            tuple(paths["ingest_errors"]),
        ),
    ]


def _rejected_in_scope(
    con: duckdb.DuckDBPyConnection,
    scope: ReadScope,
    tables: list[str],
    frame: pl.DataFrame,
    partition_dates: list[date] | None,
) -> store.Write:
    """Replace the quarantined rows of the articles stage that came from inside the folder read (their JSON
    names the path), in the run's partitions; other folders' quarantined rows stay."""
    write = store.rejected_write(tables, frame, partition_dates)
    paths = [
        p
        for (p,) in con.execute(
            "SELECT DISTINCT json_extract_string(row_json, '$.source_path') FROM rejected_rows WHERE "
            + ids_in("table_name"),
            [tables],
        ).fetchall()
        if p is not None and scope.contains(p)
    ]
    where = f"{write.where} AND " + ids_in("json_extract_string(row_json, '$.source_path')")
    return store.Write(write.table, write.frame, where, (*write.params, sorted(paths)))
