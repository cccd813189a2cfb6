"""What the stages share: bounded batches, validated rows spilled to Parquet until the one-transaction write,
and the result a stage reports."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import polars as pl

from diplowatch import store
from diplowatch.schemas import Validated, empty_frame

#: The columns of the valid rows a stage keeps in memory for its summary (`StageResult.validations[t].valid`);
#: the full rows are in DuckDB. Tables not listed keep every column (ingest_errors: small, and the
#: `inputs_readable` check reads its reasons).
SUMMARY_COLUMNS: dict[str, list[str]] = {
    "articles": ["article_id", "partition_date"],
    "article_sources": ["article_id", "source_path", "line_number", "partition_date"],
    "visit_mentions": ["mention_id", "article_id", "partition_date"],
    "reactions": ["reaction_id", "article_id", "target_mention_id", "partition_date"],
    "extractions": ["article_id", "partition_date", "notes"],
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
    #: Articles the stage removed (one row per source they were read from): see `stages.articles`.
    removed: pl.DataFrame | None = None

    @property
    def rejected(self) -> int:
        return sum(v.rejected.height for v in self.validations.values())

    @property
    def batch_failed(self) -> list[str]:
        """Tables whose whole batch failed its schema: the stage then kept their previous rows."""
        return [t for t, v in self.validations.items() if v.batch_failed]


def batched(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of `size` items (itertools.batched arrives with Python 3.12)."""
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, max(1, size))):
        yield batch


def in_partitions(frame: pl.DataFrame, partition_dates: Iterable[date] | None) -> pl.DataFrame:
    if partition_dates is None:
        return frame
    return frame.filter(pl.col("partition_date").is_in(sorted(set(partition_dates))))


class SpilledBatches:
    """Validated batches of several tables: valid rows spilled to Parquet files in `folder` (created; the
    caller owns and removes it), the rest (rejected rows, failure cases, summary columns) kept in memory."""

    def __init__(self, tables: Iterable[str], folder: str | Path):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.tables = list(tables)
        self.paths: dict[str, list[str]] = {t: [] for t in self.tables}
        self._summary: dict[str, list[pl.DataFrame]] = {t: [] for t in self.tables}
        self._rejected: dict[str, list[pl.DataFrame]] = {t: [] for t in self.tables}
        self._cases: dict[str, list[pl.DataFrame]] = {t: [] for t in self.tables}
        self._failed: dict[str, bool] = dict.fromkeys(self.tables, False)

    def add(self, checked: Validated, valid: pl.DataFrame | None = None) -> None:
        """Record one batch's validation of a table (`valid`: other rows to write, e.g. links cleared)."""
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
            summary = (
                pl.concat(self._summary[table])
                if self._summary[table]
                else empty.select(SUMMARY_COLUMNS.get(table, empty.columns))
            )
            rejected = (
                pl.concat(self._rejected[table]) if self._rejected[table] else empty_frame("rejected_rows")
            )
            cases = (
                pl.concat(self._cases[table], how="diagonal_relaxed")
                if self._cases[table]
                else pl.DataFrame()
            )
            out[table] = Validated(table, summary, rejected, cases, self._failed[table])
        return out


def unless_batch_failed(writes: list[store.Write], checked: dict[str, Validated]) -> list[store.Write]:
    """The stage's writes, or none when any of its batches failed its schema as a whole.

    A whole batch failing (a missing column, a column of the wrong type) is a code or schema fault, not bad
    input: replacing the stored partitions with nothing would destroy good rows. The stage then changes
    only the quarantine, and the failed batch is reported (an ERROR asset check in Dagster).
    """
    if any(v.batch_failed for v in checked.values()):
        return []
    return writes


def newest_written(
    con,
    result: StageResult,
    table: str,
    newest_first: list[str],
    partition_dates: Iterable[date] | None = None,
    limit: int = 5,
) -> pl.DataFrame:
    """The `limit` newest rows (by `newest_first`, descending) the stage wrote to `table` in the given
    partitions, read back from DuckDB (the stage keeps no rows in memory); empty when it wrote none."""
    if result.counts.get(table, 0) == 0:  # not written (e.g. its batch failed), or no rows
        return empty_frame(table)
    where, params = store.in_partitions(partition_dates)
    sql = f"SELECT * FROM {table}" + (f" WHERE {where}" if where else "")
    order = ", ".join(f"{column} DESC NULLS LAST" for column in newest_first)
    return store.read_frame(con, f"{sql} ORDER BY {order} LIMIT {int(limit)}", params)
