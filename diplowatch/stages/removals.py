"""Which stored articles a run may remove: the folder a run read (its scope), the sources that left it, and
pruning the sources whose files are gone from anywhere.

A run replaces only what it read: a stored source is removed only when it lies inside the folder read again
and was not read this time; an article only when no source is left to hold it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import duckdb
import polars as pl

from diplowatch import store
from diplowatch.ingest import NOTE_REASONS
from diplowatch.ingest.feeds import FEED_ERRORS_WHERE


class ReadScope:
    """Which stored rows a run over `raw_dir` may replace: only those that came from inside that folder (or
    that file), so a run over one folder never touches what other folders, sources or feeds brought in.

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


def source_key(article_id: str, source_path: str, line_number: int | None) -> str:
    return f"{article_id}\x00{source_path}\x00{'' if line_number is None else line_number}"


#: `source_key` in SQL, over article_sources' columns.
SOURCE_KEY_SQL = "article_id || chr(0) || source_path || chr(0) || coalesce(CAST(line_number AS VARCHAR), '')"


def find_removals(
    stored: list[StoredSource], read: pl.DataFrame, scope: ReadScope, partition_dates: list[date] | None
) -> tuple[list[StoredSource], list[str]]:
    """(stored sources that are gone, articles left with no source at all) for a run that read `read` (its
    article_sources rows, in the run's partitions) from inside `scope`.

    A stored source is gone when it lies inside the folder that was re-read, belongs to the run's partitions
    (or to an article read again), was not read again and is not protected. An article is removed only when
    it lost a source that way and has no other source left (another folder may still hold it).
    """
    days = None if partition_dates is None else set(partition_dates)
    read_ids = set(read["article_id"].to_list())
    again = {source_key(*row) for row in read.select("article_id", "source_path", "line_number").iter_rows()}
    gone: list[StoredSource] = []
    kept_by: set[str] = set(read_ids)
    for source in stored:
        in_run = days is None or source.partition_date in days or source.article_id in read_ids
        if (
            in_run
            and scope.contains(source.source_path)
            and source_key(source.article_id, source.source_path, source.line_number) not in again
            and not scope.is_protected(source.source_path, source.line_number)
        ):
            gone.append(source)
        else:
            kept_by.add(source.article_id)
    orphaned = sorted({s.article_id for s in gone} - kept_by)
    return gone, orphaned


def ids_in(column: str) -> str:
    return f"{column} IN (SELECT unnest(?::VARCHAR[]))"


def sources_write(gone: list[StoredSource], read: pl.DataFrame, parquet: list[str]) -> store.Write:
    """Delete the sources that are gone and the ones read again (rewritten with their first-seen times
    kept), then insert the sources read."""
    keys = [source_key(s.article_id, s.source_path, s.line_number) for s in gone]
    keys += [source_key(*row) for row in read.select("article_id", "source_path", "line_number").iter_rows()]
    return store.Write(
        "article_sources",
        None,
        f"({SOURCE_KEY_SQL}) IN (SELECT unnest(?::VARCHAR[]))",
        (keys,),
        tuple(parquet),
    )


def removed_frame(gone: list[StoredSource], removed_ids: list[str]) -> pl.DataFrame:
    """One row per source of a removed article: its id, partition and the path (and line) it was read from."""
    removed = set(removed_ids)
    rows = [
        {
            "article_id": s.article_id,
            "partition_date": s.partition_date,
            "source_path": s.source_path,
            "line_number": s.line_number,
        }
        for s in gone
        if s.article_id in removed
    ]
    return pl.DataFrame(
        rows,
        schema={
            "article_id": pl.String,
            "partition_date": pl.Date,
            "source_path": pl.String,
            "line_number": pl.Int64,
        },
    ).sort("partition_date", "source_path", "line_number")


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
    sources = store.read_frame(
        con,
        "SELECT article_id, source_path, line_number, partition_date "
        "FROM article_sources ORDER BY partition_date, source_path, line_number",
    )
    exists = {p: os.path.exists(p) for p in sources["source_path"].unique().to_list()}
    gone = sources.filter(pl.col("source_path").replace_strict(exists, return_dtype=pl.Boolean).not_())
    still_held = set(
        sources.filter(
            ~pl.col("article_id").is_in(gone["article_id"].implode())
            | pl.col("source_path").replace_strict(exists, return_dtype=pl.Boolean)
        )["article_id"].to_list()
    )
    gone = gone.with_columns(pl.col("article_id").is_in(list(still_held)).not_().alias("article_removed"))
    error_paths = [
        p
        for (p,) in con.execute(
            f"SELECT DISTINCT source_path FROM ingest_errors WHERE NOT {FEED_ERRORS_WHERE}"
        ).fetchall()
        if not os.path.exists(p)
    ]
    if dry_run or (gone.is_empty() and not error_paths):
        return gone
    removed = sorted(set(gone.filter("article_removed")["article_id"].to_list()))
    keys = [source_key(*row) for row in gone.select("article_id", "source_path", "line_number").iter_rows()]
    store.apply_writes(
        con,
        [
            store.Write(
                "article_sources", None, f"({SOURCE_KEY_SQL}) IN (SELECT unnest(?::VARCHAR[]))", (keys,)
            ),
            *(
                store.Write(table, None, ids_in("article_id"), (removed,))
                for table in ("articles", "visit_mentions", "reactions")
            ),
            store.Write(
                "ingest_errors", None, f"NOT {FEED_ERRORS_WHERE} AND " + ids_in("source_path"), (error_paths,)
            ),
        ],
    )
    return gone
