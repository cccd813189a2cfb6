"""The two stages of a run as plain functions over a DuckDB connection: load articles, then extract events.

Both stream: the raw folder is read, deduplicated and validated a bounded batch of inputs at a time, and events
are extracted a bounded batch of stored articles at a time; each batch's valid rows are spilled to a temporary
Parquet file and the stage's write is still ONE transaction (delete the partitions, insert every spilled batch,
record the rejected rows), so peak memory depends on the batch size, not on the corpus.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import polars as pl
import pyarrow.parquet as pq

from diplowatch import store
from diplowatch.events import extract_events
from diplowatch.ingest import NOTE_REASONS, articles_frames, read_folder, url_identity
from diplowatch.ingest.feeds import FEED_ERRORS_WHERE
from diplowatch.schemas import Validated, empty_frame, frame_from_rows, validate

#: Inputs (files' articles and errors) read, deduplicated and validated per batch by `load_articles`.
ARTICLE_BATCH_INPUTS = 2000
#: Stored articles handed to the extractor per batch by `load_events` (the extractor batches nlp.pipe inside).
EVENT_BATCH_ARTICLES = 500

#: The columns of the valid rows a stage keeps in memory for its summary (`StageResult.validations[t].valid`);
#: the full rows are in DuckDB. Tables not listed keep every column (ingest_errors: small, and the
#: `inputs_readable` check reads its reasons).
SUMMARY_COLUMNS: dict[str, list[str]] = {
    "articles": ["article_id", "partition_date"],
    "article_sources": ["article_id", "source_path", "line_number", "partition_date"],
    "visit_mentions": ["mention_id", "article_id", "partition_date"],
    "reactions": ["reaction_id", "article_id", "target_mention_id", "partition_date"],
}


@dataclass
class StageResult:
    """What a stage wrote, for summaries and Dagster metadata.

    `validations[table]` merges the batches' outcomes: every rejected row and failure case, whether any batch
    failed as a whole, and of the valid rows only the `SUMMARY_COLUMNS` (their count and partitions; the rows
    themselves are in DuckDB, so the summary stays small at any corpus size).
    """

    counts: dict[str, int]
    validations: dict[str, Validated] = field(default_factory=dict)
    partitions: list[date] = field(default_factory=list)
    #: Articles the stage removed (one row per source they were read from): see `load_articles`.
    removed: pl.DataFrame | None = None

    @property
    def rejected(self) -> int:
        return sum(v.rejected.height for v in self.validations.values())

    @property
    def batch_failed(self) -> list[str]:
        """Tables whose whole batch failed its schema: the stage then kept their previous rows."""
        return [t for t, v in self.validations.items() if v.batch_failed]


def _batched(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of `size` items (itertools.batched arrives with Python 3.12)."""
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, max(1, size))):
        yield batch


class SpilledBatches:
    """Validated batches of several tables: valid rows spilled to Parquet files in a temporary folder, the
    rest (rejected rows, failure cases, summary columns) kept in memory. `discard()` removes the folder."""

    def __init__(self, tables: Iterable[str], spill_dir: str | Path | None = None):
        self.folder = Path(tempfile.mkdtemp(prefix="diplowatch-spill-", dir=spill_dir))
        self.tables = list(tables)
        self.paths: dict[str, list[str]] = {t: [] for t in self.tables}
        self._summary: dict[str, list[pl.DataFrame]] = {t: [] for t in self.tables}
        self._rejected: dict[str, list[pl.DataFrame]] = {t: [] for t in self.tables}
        self._cases: dict[str, list[pl.DataFrame]] = {t: [] for t in self.tables}
        self._failed: dict[str, bool] = dict.fromkeys(self.tables, False)

    def add(self, checked: Validated, valid: pl.DataFrame | None = None) -> None:
        """Record one batch's validation of a table (`valid` overrides the rows to write, e.g. links cleared)."""
        table = checked.table
        valid = checked.valid if valid is None else valid
        if not valid.is_empty():
            path = self.folder / f"{table}-{len(self.paths[table]):06d}.parquet"
            valid.write_parquet(path)
            self.paths[table].append(str(path))
        self._summary[table].append(valid.select(SUMMARY_COLUMNS.get(table, valid.columns)))
        if not checked.rejected.is_empty():
            self._rejected[table].append(checked.rejected)
        if not checked.failure_cases.is_empty():
            self._cases[table].append(checked.failure_cases)
        self._failed[table] |= checked.batch_failed

    def validations(self) -> dict[str, Validated]:
        out = {}
        for table in self.tables:
            empty = empty_frame(table)
            summary = pl.concat(self._summary[table]) if self._summary[table] else empty.select(
                SUMMARY_COLUMNS.get(table, empty.columns))
            rejected = pl.concat(self._rejected[table]) if self._rejected[table] else empty_frame("rejected_rows")
            cases = pl.concat(self._cases[table], how="diagonal_relaxed") if self._cases[table] else pl.DataFrame()
            out[table] = Validated(table, summary, rejected, cases, self._failed[table])
        return out

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


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
    only way it is not lost silently. Read from the sources, which carry their article's partition even when
    the article's row came in an earlier batch.
    """
    first, last = bounds
    outside = pl.col("partition_date").is_between(first, last).not_()
    bad = sources.filter(outside)
    if bad.is_empty():
        return articles, sources, errors
    rows = [
        {"source_path": s["source_path"], "line_number": s["line_number"], "reason": "date_out_of_range",
         "detail": f"published_at {s['partition_date']} is outside the daily partitions {first}..{last}; "
                   "fix the date in the input (a future date is loaded once its day has come)",
         # the first time it was recorded, so a re-run rewrites the same row
         "recorded_at": (recorded or {}).get((s["source_path"], s["line_number"], "date_out_of_range"), now)}
        for s in bad.iter_rows(named=True)
    ]
    return (articles.filter(~outside), sources.filter(~outside),
            pl.concat([errors, frame_from_rows("ingest_errors", rows)]))


class _ArticleIdentities:
    """What `load_articles` remembers across batches so that dedup spans the whole folder: each article's
    partition and language, and which article every URL seen names. Tens of bytes per article, no text."""

    def __init__(self, languages: dict[str, str | None]):
        self.partition_of: dict[str, date] = {}
        self.by_url: dict[str, str] = {}
        self.languages = languages  # stored articles' languages, plus those of articles read in earlier batches

    def merge(self, articles: pl.DataFrame, sources: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
        """A batch's frames (from `articles_frames`) with the articles already read in an earlier batch
        dropped, their sources pointed at the earlier article and its partition. The first input in read
        order keeps providing the row, as `articles_frames` does within a batch."""
        same: dict[str, str] = {}
        new: list[str] = []
        for aid, url, partition, language in articles.select(
                "article_id", "url", "partition_date", "language").iter_rows():
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
            sources = sources.with_columns(pl.col("article_id").replace_strict(
                self.partition_of, return_dtype=pl.Date).alias("partition_date"))
        for aid, url in sources.select("article_id", "url").iter_rows():
            identity = url_identity(url)
            if identity is not None:
                self.by_url.setdefault(identity, aid)
        return articles.filter(pl.col("article_id").is_in(new)), sources


class ReadScope:
    """Which stored rows a run over `raw_dir` may replace: only those that came from inside that folder (or that
    file), so a run over one folder never touches what other folders, sources or feeds brought in.

    Stored paths are compared by absolute, normalized path, so `samples`, `./samples` and `/abs/samples` name
    the same folder. A path the readers could not read this time (a file or folder error, or a bad line) is
    protected: what it held before stays until it is read again, because an unreadable file is not a file
    whose articles are gone.
    """

    def __init__(self, raw_dir: str | Path):
        self.root = os.path.abspath(raw_dir)
        self._protected_paths: set[str] = set()
        self._protected_lines: set[tuple[str, int]] = set()

    def contains(self, source_path: str) -> bool:
        path = os.path.abspath(source_path)
        return path == self.root or path.startswith(self.root.rstrip(os.sep) + os.sep)

    def protect(self, errors: pl.DataFrame) -> None:
        """Remember the inputs that failed to read this run (their earlier rows are kept)."""
        for path, line, reason in errors.select("source_path", "line_number", "reason").iter_rows():
            if reason in NOTE_REASONS:
                continue
            if line is None:
                self._protected_paths.add(os.path.abspath(path))
            else:
                self._protected_lines.add((os.path.abspath(path), line))

    def is_protected(self, source_path: str, line_number: int | None) -> bool:
        path = os.path.abspath(source_path)
        if line_number is not None and (path, line_number) in self._protected_lines:
            return True
        return any(path == p or path.startswith(p.rstrip(os.sep) + os.sep) for p in self._protected_paths)


@dataclass(frozen=True)
class StoredSource:
    article_id: str
    source_path: str
    line_number: int | None
    partition_date: date
    seen_at: datetime


def _source_key(article_id: str, source_path: str, line_number: int | None) -> str:
    return f"{article_id}\x00{source_path}\x00{'' if line_number is None else line_number}"


#: `_source_key` in SQL, over article_sources' columns.
_SOURCE_KEY_SQL = "article_id || chr(0) || source_path || chr(0) || coalesce(CAST(line_number AS VARCHAR), '')"


def _removals(stored: list[StoredSource], read: pl.DataFrame, scope: ReadScope,
              partition_dates: list[date] | None) -> tuple[list[StoredSource], list[str]]:
    """(stored sources that are gone, articles left with no source at all) for a run that read `read` (its
    article_sources rows, in the run's partitions) from inside `scope`.

    A stored source is gone when it lies inside the folder that was re-read, belongs to the run's partitions
    (or to an article read again), was not read again and is not protected. An article is removed only when
    it lost a source that way and has no other source left (another folder may still hold it).
    """
    days = None if partition_dates is None else set(partition_dates)
    read_ids = set(read["article_id"].to_list())
    again = {_source_key(*row) for row in read.select("article_id", "source_path", "line_number").iter_rows()}
    gone: list[StoredSource] = []
    kept_by: set[str] = set(read_ids)
    for source in stored:
        in_run = days is None or source.partition_date in days or source.article_id in read_ids
        if (in_run and scope.contains(source.source_path)
                and _source_key(source.article_id, source.source_path, source.line_number) not in again
                and not scope.is_protected(source.source_path, source.line_number)):
            gone.append(source)
        else:
            kept_by.add(source.article_id)
    orphaned = sorted({s.article_id for s in gone} - kept_by)
    return gone, orphaned


def _ids_in(column: str) -> str:
    return f"{column} IN (SELECT unnest(?::VARCHAR[]))"


def load_articles(
    con: duckdb.DuckDBPyConnection,
    raw_dir: str | Path,
    partition_dates: Iterable[date] | None = None,
    now: datetime | None = None,
    partition_bounds: tuple[date, date] | None = None,
    batch_inputs: int = ARTICLE_BATCH_INPUTS,
    spill_dir: str | Path | None = None,
) -> StageResult:
    """Read the raw folder, validate, and write what it holds for the given partitions (all when None).

    A run replaces only what it read: articles of the folder are inserted or replaced; an earlier article is
    removed only when it came from inside this folder, was in the run's partitions, is no longer there and
    no other source still holds it (`StageResult.removed` lists each, with its paths). Rows from other
    folders, feeds or sources are never touched (see `prune_missing_sources` for those). `ingest_errors`
    rows of the folder's paths are a snapshot of its current problems. With `partition_bounds` (first, last
    day), articles dated outside them become `ingest_errors` rows. The folder is read `batch_inputs` inputs
    at a time (see the module docstring); the write is one transaction.
    """
    now = now or datetime.now(UTC)
    partition_dates = None if partition_dates is None else sorted(set(partition_dates))
    scope = ReadScope(raw_dir)
    store.limit_stage_memory(con)
    stored = con.execute("SELECT article_id, ingested_at, language, partition_date FROM articles").fetchall()
    known = {article_id: ingested_at for article_id, ingested_at, _, _ in stored}
    stored_partition = {article_id: partition for article_id, _, _, partition in stored}
    # Stored articles keep their language: detection is the slow part of reading (ms per article).
    identities = _ArticleIdentities({article_id: language for article_id, _, language, _ in stored})
    del stored
    stored_sources = [StoredSource(*row) for row in con.execute(
        "SELECT article_id, source_path, line_number, partition_date, seen_at FROM article_sources").fetchall()]
    # First-seen times are kept, so re-running the same input rewrites byte-identical rows.
    seen = {(s.article_id, s.source_path, s.line_number): s.seen_at for s in stored_sources}
    stored_errors = con.execute(
        f"SELECT source_path, line_number, reason, recorded_at FROM ingest_errors WHERE NOT {FEED_ERRORS_WHERE}"
    ).fetchall()
    recorded = {tuple(r[:3]): r[3] for r in stored_errors}
    spilled = SpilledBatches(["articles", "article_sources", "ingest_errors"], spill_dir)
    try:
        for items in _batched(read_folder(raw_dir), batch_inputs):
            articles, sources, errors = articles_frames(items, now, known, known_seen_at=seen,
                                                        known_recorded_at=recorded,
                                                        known_language=identities.languages)
            articles, sources = identities.merge(articles, sources)
            if partition_bounds is not None:
                articles, sources, errors = _out_of_bounds(articles, sources, errors, partition_bounds, now,
                                                           recorded)
            scope.protect(errors)
            spilled.add(validate("articles", _in_partitions(articles, partition_dates)))
            spilled.add(validate("article_sources", _in_partitions(sources, partition_dates)))
            spilled.add(validate("ingest_errors", errors, partition_column=None))
        checked = spilled.validations()
        read_ids = set(checked["articles"].valid["article_id"].to_list())
        gone, removed_ids = _removals(stored_sources, checked["article_sources"].valid, scope, partition_dates)
        # An article read again on another day than before: its events go with the old day (the events stage
        # extracts it again in its new partition), or the two days would hold the same mention ids.
        moved = [a for a in checked["articles"].valid.select("article_id", "partition_date").iter_rows()
                 if a[0] in stored_partition and stored_partition[a[0]] != a[1]]
        removed = _removed_frame(gone, removed_ids)
        stale_events = removed_ids + [article for article, _ in moved]
        writes = [
            store.Write("articles", None, _ids_in("article_id"), (sorted(read_ids | set(removed_ids)),),
                        tuple(spilled.paths["articles"])),
            _sources_write(gone, checked["article_sources"].valid, spilled.paths["article_sources"]),
            store.Write("visit_mentions", None, _ids_in("article_id"), (stale_events,)),
            store.Write("reactions", None, _ids_in("article_id"), (stale_events,)),
            # The feed stage owns the rows of feed URLs; this stage owns the rows of the folder's paths.
            store.Write("ingest_errors", None, f"NOT {FEED_ERRORS_WHERE} AND " + _ids_in("source_path"),
                        (sorted({p for p, *_ in stored_errors if scope.contains(p)}),),
                        parquet=tuple(spilled.paths["ingest_errors"])),
        ]
        rejected = pl.concat([v.rejected for v in checked.values()])
        counts = store.apply_writes(con, _unless_batch_failed(writes, checked)
                                    + [_rejected_in_scope(con, scope, list(checked), rejected, partition_dates)])
    finally:
        spilled.discard()
    if any(v.batch_failed for v in checked.values()):  # nothing was written, so nothing was removed
        removed = removed.clear()
    counts["articles_removed"] = removed["article_id"].n_unique()
    written = sorted(set(checked["articles"].valid["partition_date"].to_list()))
    return StageResult(counts, checked, written, removed)


def _sources_write(gone: list[StoredSource], read: pl.DataFrame, parquet: list[str]) -> store.Write:
    """Delete the sources that are gone and the ones read again (rewritten with their first-seen times
    kept), then insert the sources read."""
    keys = [_source_key(s.article_id, s.source_path, s.line_number) for s in gone]
    keys += [_source_key(*row) for row in read.select("article_id", "source_path", "line_number").iter_rows()]
    return store.Write("article_sources", None, f"({_SOURCE_KEY_SQL}) IN (SELECT unnest(?::VARCHAR[]))",
                       (keys,), tuple(parquet))


def _removed_frame(gone: list[StoredSource], removed_ids: list[str]) -> pl.DataFrame:
    """One row per source of a removed article: its id, partition and the path (and line) it was read from."""
    removed = set(removed_ids)
    rows = [{"article_id": s.article_id, "partition_date": s.partition_date, "source_path": s.source_path,
             "line_number": s.line_number} for s in gone if s.article_id in removed]
    return pl.DataFrame(rows, schema={"article_id": pl.String, "partition_date": pl.Date, "source_path": pl.String,
                                      "line_number": pl.Int64}).sort("partition_date", "source_path", "line_number")


def _rejected_in_scope(con: duckdb.DuckDBPyConnection, scope: ReadScope, tables: list[str], frame: pl.DataFrame,
                       partition_dates: list[date] | None) -> store.Write:
    """Replace the quarantined rows of the articles stage that came from inside the folder read (their JSON
    names the path), in the run's partitions; other folders' quarantined rows stay."""
    write = store.rejected_write(tables, frame, partition_dates)
    paths = [p for (p,) in con.execute(
        "SELECT DISTINCT json_extract_string(row_json, '$.source_path') FROM rejected_rows WHERE "
        + _ids_in("table_name"), [tables]).fetchall() if p is not None and scope.contains(p)]
    where = f"{write.where} AND " + _ids_in("json_extract_string(row_json, '$.source_path')")
    return store.Write(write.table, write.frame, where, (*write.params, sorted(paths)))


def partitions_of_folder(con: duckdb.DuckDBPyConnection, raw_dir: str | Path) -> set[date]:
    """The partitions holding stored articles read from inside `raw_dir`: a run over the folder covers them
    too, so what left the folder (or moved to another day) is noticed there."""
    scope = ReadScope(raw_dir)
    rows = con.execute("SELECT DISTINCT source_path, partition_date FROM article_sources").fetchall()
    return {day for path, day in rows if scope.contains(path)}


def prune_missing_sources(con: duckdb.DuckDBPyConnection, dry_run: bool = False) -> pl.DataFrame:
    """Remove what a normal run never removes: sources whose file no longer exists on disk, wherever it was
    (any folder, any partition), the articles left with no source at all and their events, and the
    `ingest_errors` rows of files that no longer exist. One transaction; `visits` is rebuilt by the next run.

    Returns one row per source that is gone (`article_removed` says whether its article went with it); with
    `dry_run` nothing is changed. Feed URLs are not files and are never pruned.
    """
    sources = store.read_frame(con, "SELECT article_id, source_path, line_number, partition_date "
                                    "FROM article_sources ORDER BY partition_date, source_path, line_number")
    exists = {p: os.path.exists(p) for p in sources["source_path"].unique().to_list()}
    gone = sources.filter(pl.col("source_path").replace_strict(exists, return_dtype=pl.Boolean).not_())
    still_held = set(sources.filter(~pl.col("article_id").is_in(gone["article_id"].implode())
                                    | pl.col("source_path").replace_strict(exists, return_dtype=pl.Boolean))
                     ["article_id"].to_list())
    gone = gone.with_columns(pl.col("article_id").is_in(list(still_held)).not_().alias("article_removed"))
    error_paths = [p for (p,) in con.execute(
        f"SELECT DISTINCT source_path FROM ingest_errors WHERE NOT {FEED_ERRORS_WHERE}").fetchall()
        if not os.path.exists(p)]
    if dry_run or (gone.is_empty() and not error_paths):
        return gone
    removed = sorted(set(gone.filter("article_removed")["article_id"].to_list()))
    keys = [_source_key(*row) for row in gone.select("article_id", "source_path", "line_number").iter_rows()]
    store.apply_writes(con, [
        store.Write("article_sources", None, f"({_SOURCE_KEY_SQL}) IN (SELECT unnest(?::VARCHAR[]))", (keys,)),
        *(store.Write(table, None, _ids_in("article_id"), (removed,))
          for table in ("articles", "visit_mentions", "reactions")),
        store.Write("ingest_errors", None, f"NOT {FEED_ERRORS_WHERE} AND " + _ids_in("source_path"),
                    (error_paths,)),
    ])
    return gone


def _unless_batch_failed(writes: list[store.Write], checked: dict[str, Validated]) -> list[store.Write]:
    """The stage's writes, or none when any of its batches failed its schema as a whole.

    A whole batch failing (a missing column, a column of the wrong type) is a code or schema fault, not bad
    input: replacing the stored partitions with nothing would destroy good rows. The stage then changes
    only the quarantine, and the failed batch is reported (an ERROR asset check in Dagster).
    """
    if any(v.batch_failed for v in checked.values()):
        return []
    return writes


_ARTICLES_FOR_EVENTS = "SELECT article_id, text, published_at, title, partition_date FROM articles"


def export_articles_for_events(con: duckdb.DuckDBPyConnection, partition_dates: Iterable[date] | None,
                               path: str | Path, batch_articles: int = EVENT_BATCH_ARTICLES) -> int:
    """Copy the extractor's input to a Parquet file (DuckDB streams it) so it can be read in batches with the
    database closed; returns the number of articles.

    Row groups of `batch_articles` rows: a Parquet reader decodes a whole row group at a time, and DuckDB
    buffers one per writing thread, so with its default (122,880 rows, ~180 MB of article text) both the
    export and every later batch would hold memory growing with the corpus up to that size.
    """
    where, params = store.in_partitions(partition_dates)
    sql = _ARTICLES_FOR_EVENTS + (f" WHERE {where}" if where else "")
    store.limit_stage_memory(con)
    # Unordered (readers never rely on it): a sort, or insertion order kept across threads, would buffer texts.
    with store.unordered(con):
        con.sql(sql, params=params).write_parquet(str(path), row_group_size=max(1, batch_articles))
    return pq.ParquetFile(path).metadata.num_rows


def article_batches(path: str | Path, batch_articles: int = EVENT_BATCH_ARTICLES) -> Iterator[pl.DataFrame]:
    """The articles of an `export_articles_for_events` file, `batch_articles` at a time (one row group each
    when exported with the same size)."""
    for batch in pq.ParquetFile(path).iter_batches(batch_size=max(1, batch_articles)):
        yield pl.from_arrow(batch)


@dataclass
class ExtractedEvents:
    """The extractor's output for a set of partitions, validated and spilled to Parquet, not yet written."""

    spilled: SpilledBatches
    articles_read: int
    partitions: list[date]
    links_cleared: int = 0

    @property
    def checked(self) -> dict[str, Validated]:
        return self.spilled.validations()

    def frame(self, table: str) -> pl.DataFrame:
        """All valid rows of one table, read back (for small runs and tests; the write streams the files)."""
        paths = self.spilled.paths[table]
        return pl.read_parquet(paths) if paths else empty_frame(table)


def extract_validated(
    articles: pl.DataFrame | Iterable[pl.DataFrame], extractor, progress: Callable[[int], None] | None = None,
    spill_dir: str | Path | None = None, workers: int = 1,
) -> ExtractedEvents:
    """Run the extractor over the articles (one frame, or batches of them) and validate its output batch by
    batch, spilling the valid rows (no database needed: the slow part).

    With `workers` > 1 the batches are extracted by that many worker processes (`diplowatch.parallel`), each
    with its own model, while this process validates and spills; the rows are the same as with one.

    A reaction whose target visit was quarantined (or never extracted) keeps its row but loses the link; an
    article's reactions only target that article's visits, and an article is never split across batches.
    """
    batches = [articles] if isinstance(articles, pl.DataFrame) else articles
    spilled = SpilledBatches(["visit_mentions", "reactions"], spill_dir)
    read, partitions, cleared = 0, set(), 0
    try:
        for batch, visits, reactions in _extracted(batches, extractor, workers, progress):
            read += batch.height
            partitions.update(batch["partition_date"].to_list())
            checked_visits = validate("visit_mentions", visits)
            checked_reactions = validate("reactions", reactions)
            kept = checked_visits.valid["mention_id"]
            dangling = pl.col("target_mention_id").is_not_null() & ~pl.col("target_mention_id").is_in(kept.implode())
            cleared += checked_reactions.valid.filter(dangling).height
            spilled.add(checked_visits)
            spilled.add(checked_reactions, checked_reactions.valid.with_columns(
                pl.when(dangling).then(None).otherwise(pl.col("target_mention_id")).alias("target_mention_id")))
    except BaseException:
        spilled.discard()
        raise
    return ExtractedEvents(spilled, read, sorted(partitions), cleared)


def _extracted(batches: Iterable[pl.DataFrame], extractor, workers: int,
               progress: Callable[[int], None] | None) -> Iterator[tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]]:
    """(batch, visit_mentions, reactions) per batch: in this process (progress per article), or in `workers`
    processes (progress per batch); `progress` gets the number of articles done so far."""
    done = 0
    if workers > 1:
        from diplowatch.parallel import extract_in_processes

        for batch, visits, reactions in extract_in_processes(batches, extractor, workers):
            done += batch.height
            if progress:
                progress(done)
            yield batch, visits, reactions
        return
    for batch in batches:
        yield (batch, *extract_events(batch, extractor, progress and (lambda k, offset=done: progress(offset + k))))
        done += batch.height


def write_events(
    con: duckdb.DuckDBPyConnection, extracted: ExtractedEvents, partition_dates: Iterable[date] | None = None
) -> StageResult:
    """Replace the visit mentions and reactions of the given partitions (all when None) by the extracted ones,
    in one transaction; the spilled files are removed afterwards, whatever happens."""
    try:
        store.limit_stage_memory(con)
        checked = extracted.checked
        spilled = extracted.spilled
        writes = [
            store.partition_write("visit_mentions", None, partition_dates, spilled.paths["visit_mentions"]),
            store.partition_write("reactions", None, partition_dates, spilled.paths["reactions"]),
        ]
        rejected = pl.concat([v.rejected for v in checked.values()])
        counts = store.apply_writes(con, _unless_batch_failed(writes, checked)
                                    + [store.rejected_write(list(checked), rejected, partition_dates)])
    finally:
        extracted.spilled.discard()
    counts["articles_read"] = extracted.articles_read
    counts["target_links_cleared"] = extracted.links_cleared
    return StageResult(counts, checked, extracted.partitions)


def load_events(
    con: duckdb.DuckDBPyConnection,
    extractor,
    partition_dates: Iterable[date] | None = None,
    progress: Callable[[int], None] | None = None,
    batch_articles: int = EVENT_BATCH_ARTICLES,
    spill_dir: str | Path | None = None,
    workers: int = 1,
) -> StageResult:
    """Extract visit mentions and reactions from the stored articles of the given partitions and replace them,
    over one open connection (see `load_events_between` for the version that lets the file go meanwhile)."""
    return load_events_between(lambda: contextlib.nullcontext(con), extractor, partition_dates, progress,
                               batch_articles, spill_dir, workers)


def load_events_between(
    connect: Callable[[], contextlib.AbstractContextManager[duckdb.DuckDBPyConnection]],
    extractor,
    partition_dates: Iterable[date] | None = None,
    progress: Callable[[int], None] | None = None,
    batch_articles: int = EVENT_BATCH_ARTICLES,
    spill_dir: str | Path | None = None,
    workers: int = 1,
) -> StageResult:
    """The events stage with a connection opened (by `connect`) only to read and to write, not while the
    extractor runs (minutes on a long range), so other clients can use the file in between.

    The articles are exported to a temporary Parquet file and extracted `batch_articles` at a time; the
    extracted rows are spilled to Parquet until the one-transaction write. `workers` > 1 extracts in up to that
    many processes (see `extract_validated`), one per `ARTICLES_PER_WORKER` articles at most.
    """
    folder = Path(tempfile.mkdtemp(prefix="diplowatch-articles-", dir=spill_dir))
    try:
        path = folder / "articles.parquet"
        with connect() as con:
            count = export_articles_for_events(con, partition_dates, path, batch_articles)
        workers = workers_worth_starting(workers, count)
        extracted = extract_validated(article_batches(path, batch_articles), extractor, progress, spill_dir,
                                      workers)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    with connect() as con:
        result = write_events(con, extracted, partition_dates)
    result.counts["extraction_workers"] = workers
    return result


#: Starting a worker process costs about 3.4 s on an idle machine (spawn, imports, its own model), the time of
#: ~800 articles of extraction, more when the machine is busy; so a stage starts one per this many articles at
#: most, and a nightly day stays in one process.
ARTICLES_PER_WORKER = 2000


def workers_worth_starting(workers: int, articles: int) -> int:
    """How many of the `workers` asked for a stage of `articles` articles starts (1: extract in-process)."""
    return max(1, min(workers, articles // ARTICLES_PER_WORKER))


def newest_written(con: duckdb.DuckDBPyConnection, result: StageResult, table: str, newest_first: list[str],
                   partition_dates: Iterable[date] | None = None, limit: int = 5) -> pl.DataFrame:
    """The `limit` newest rows (by `newest_first`, descending) the stage wrote to `table` in the given
    partitions, read back from DuckDB (the stage keeps no rows in memory); empty when it wrote none."""
    if result.counts.get(table, 0) == 0:  # not written (e.g. its batch failed), or no rows
        return empty_frame(table)
    where, params = store.in_partitions(partition_dates)
    sql = f"SELECT * FROM {table}" + (f" WHERE {where}" if where else "")
    order = ", ".join(f"{column} DESC NULLS LAST" for column in newest_first)
    return store.read_frame(con, f"{sql} ORDER BY {order} LIMIT {int(limit)}", params)
