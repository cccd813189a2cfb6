"""DuckDB storage: DDL generated from the pandera models, short-lived connections and transactional writes."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import polars as pl

from diplowatch.schemas import MODELS

#: Files are written in a storage format that DuckDB 1.4+ clients (e.g. the PyPI duckdb-cli) can open.
STORAGE_COMPATIBILITY = "v1.4.0"
SCHEMA_VERSION = 1

_DUCKDB_TYPES = {
    "String": "VARCHAR",
    "Date": "DATE",
    "Int32": "INTEGER",
    "Int64": "BIGINT",
    "Float64": "DOUBLE",
    "Boolean": "BOOLEAN",
    "Datetime": "TIMESTAMPTZ",
}

#: Primary keys: the column(s) that identify a row; enforced by DuckDB.
PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    "articles": ("article_id",),
    "visit_mentions": ("mention_id",),
    "reactions": ("reaction_id",),
    "extractions": ("article_id",),
    "visits": ("visit_id",),
    "feed_state": ("feed_name",),
    "feed_entries_seen": ("feed_name", "entry_key"),
}

#: Tables whose key is checked by `apply_writes` (a duplicate fails the transaction) instead of a PRIMARY KEY
#: index: for the event tables the index is the largest cost of a bulk load, and for articles it must fit in
#: the stage's memory limit (an index cannot be spilled), while the check (a GROUP BY) spills. The figures are
#: in docs/storage-notes.md. Their key columns are also `unique=True` in the pandera models. Files created
#: with the index are rebuilt without it on connecting (`ensure_schema`).
KEYS_CHECKED_AT_WRITE = frozenset({"articles", "visit_mentions", "reactions", "extractions"})

#: Free-text columns of the event tables stored with zstd: on news sentences DuckDB's default analysis (FSST,
#: dictionary, ... tried on every segment) made loads slower and the file larger (docs/storage-notes.md).
COLUMN_COMPRESSION: dict[tuple[str, str], str] = {
    ("visit_mentions", "sentence"): "zstd",
    ("reactions", "sentence"): "zstd",
    ("reactions", "quote"): "zstd",
}

#: DuckDB's buffer pool while a pipeline stage writes. By default DuckDB may keep up to 80% of RAM of blocks
#: it wrote or sorted; bounded, it spills to `<db file>.tmp/` instead, so a stage's memory does not grow with
#: the corpus. A lower limit saved little more memory at the same speed; this one leaves a margin for the
#: stage's other SQL (docs/storage-notes.md).
STAGE_MEMORY_LIMIT = "256MB"


def limit_stage_memory(con: duckdb.DuckDBPyConnection) -> None:
    """Bound DuckDB's memory for the rest of this connection's database session (see STAGE_MEMORY_LIMIT)."""
    con.execute(f"SET memory_limit = '{STAGE_MEMORY_LIMIT}'")


#: How long `connect` waits for another process's lock on the file (DuckDB allows one writer process).
LOCK_WAIT_SECONDS = 60.0


def duckdb_type(dtype) -> str:
    name = type(dtype).__name__ if not isinstance(dtype, type) else dtype.__name__
    return _DUCKDB_TYPES[name]


def table_ddl(table: str, key_index: bool | None = None) -> str:
    """CREATE TABLE for a model's table. `key_index`: declare its PRIMARY KEY (a DuckDB index); by default
    only for tables whose key is not checked at write (`KEYS_CHECKED_AT_WRITE`). True rebuilds the schema
    older files have (benchmarks, migration tests)."""
    if key_index is None:
        key_index = table not in KEYS_CHECKED_AT_WRITE
    columns = MODELS[table].to_schema().columns
    lines = []
    for name, col in columns.items():
        null = "" if col.nullable else " NOT NULL"
        compression = COLUMN_COMPRESSION.get((table, name))
        using = f" USING COMPRESSION {compression}" if compression else ""
        lines.append(f"    {name} {duckdb_type(col.dtype.type)}{null}{using}")
    if table in PRIMARY_KEYS and key_index:
        lines.append(f"    PRIMARY KEY ({', '.join(PRIMARY_KEYS[table])})")
    return f"CREATE TABLE IF NOT EXISTS {table} (\n" + ",\n".join(lines) + "\n)"


def ddl() -> list[str]:
    """Every statement that creates the database schema, in order."""
    statements = [
        "CREATE TABLE IF NOT EXISTS schema_version "
        "(version INTEGER NOT NULL, applied_at TIMESTAMPTZ DEFAULT now())"
    ]
    statements += [table_ddl(t) for t in MODELS]
    return statements


class DuckDBLockedError(Exception):
    """The DuckDB file stayed locked by another process past the wait: transient, worth retrying later."""


def is_lock_error(exc: BaseException) -> bool:
    """True for DuckDB's "another process holds the file" error (an open DuckDB CLI, another run)."""
    if isinstance(exc, DuckDBLockedError):
        return True
    text = str(exc)
    return isinstance(exc, duckdb.IOException) and (
        "Could not set lock" in text or "Conflicting lock" in text
    )


#: Seconds between two `on_wait` reports while `connect` waits for another process's lock.
LOCK_REPORT_EVERY_SECONDS = 5.0

#: `on_wait(path, waited_s, limit_s)`: told when a wait for the file's lock starts and every few seconds.
OnLockWait = Callable[[Path, float, float], None]


def lock_wait_message(path: str | os.PathLike, waited: float, limit: float) -> str:
    """What a lock wait says, the same on the command line and in Dagster's logs."""
    return (
        f"waiting for {path}: locked by another process ({waited:.0f} s of {limit:.0f} s); an open DuckDB "
        "CLI, a notebook or another run may hold it"
    )


def _open_waiting_for_lock(
    path: Path, read_only: bool, config: dict, lock_wait: float, on_wait: OnLockWait | None = None
) -> duckdb.DuckDBPyConnection:
    """duckdb.connect, retried with backoff for up to `lock_wait` s while another process holds the lock.

    Other errors (a missing folder, a corrupt file) fail at once; a lock still held at the deadline raises
    DuckDBLockedError saying what to do. `on_wait` is called when the wait starts and every
    LOCK_REPORT_EVERY_SECONDS after.
    """
    start = time.monotonic()
    delay, next_report = 0.05, 0.0
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only, config=config)
        except duckdb.IOException as exc:
            if not is_lock_error(exc):
                raise
            waited = time.monotonic() - start
            if waited + delay > lock_wait:
                raise DuckDBLockedError(
                    f"DuckDB file {path} is still locked by another process after {waited:.0f} s ({exc}). "
                    "DuckDB allows one writer: close the DuckDB CLI or other program that has it open, then "
                    "try again."
                ) from exc
            if on_wait is not None and waited >= next_report:
                on_wait(path, waited, lock_wait)
                next_report = waited + LOCK_REPORT_EVERY_SECONDS
            time.sleep(delay)
            delay = min(delay * 2, 1.0)


@contextlib.contextmanager
def connect(
    db_path: str | os.PathLike,
    read_only: bool = False,
    lock_wait: float = LOCK_WAIT_SECONDS,
    config: dict | None = None,
    on_wait: OnLockWait | None = None,
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open a short-lived connection (closed on exit, also on failure). Creates the file and schema if needed.

    Waits up to `lock_wait` seconds while another process (a concurrent run, an open DuckDB CLI) holds the
    file, telling `on_wait(path, waited_s, lock_wait)` when the wait starts and every few seconds. `config`
    adds DuckDB settings to the ones diplowatch needs.
    """
    path = Path(db_path)
    if read_only:
        if not path.exists():
            raise FileNotFoundError(
                f"DuckDB file {path} does not exist: run `diplowatch run` (or `make demo`) first"
            )
        con = _open_waiting_for_lock(path, True, dict(config or {}), lock_wait, on_wait)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        settings = {"storage_compatibility_version": STORAGE_COMPATIBILITY, **(config or {})}
        con = _open_waiting_for_lock(path, False, settings, lock_wait, on_wait)
    try:
        if not read_only:
            ensure_schema(con)
        yield con
    finally:
        con.close()


@contextlib.contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """BEGIN; COMMIT when the block succeeds; ROLLBACK on any error, re-raising THAT error.

    A COMMIT that fails (disk full, out of memory, a key conflict found at commit) has already ended the
    transaction in DuckDB, so the ROLLBACK after it fails with "no transaction is active": that failure must
    not replace the error that says what went wrong. Any other ROLLBACK failure is added as a note.
    """
    con.execute("BEGIN TRANSACTION")
    try:
        yield
        con.execute("COMMIT")
    except BaseException as error:
        try:
            con.execute("ROLLBACK")
        except duckdb.Error as rollback_error:
            if "no transaction is active" not in str(rollback_error):
                error.add_note(f"the ROLLBACK after this error failed too: {rollback_error}")
        raise


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the tables and views if missing, drop the key indexes older files have; record the schema
    version once. Skipped when the file already holds this code's schema (its fingerprint matches): a run
    opens the file a dozen times, and re-creating every view each time is not free (docs/storage-notes.md)."""
    fingerprint = schema_fingerprint()
    if _stored_fingerprint(con) == fingerprint:
        return
    for statement in ddl():
        con.execute(statement)
    _drop_key_indexes(con)
    if con.execute("SELECT count(*) FROM schema_version").fetchall()[0][0] == 0:
        con.execute("INSERT INTO schema_version (version) VALUES (?)", [SCHEMA_VERSION])
    from diplowatch import views  # views depend on the tables; imported late to keep this module leaf-like

    views.create_views(con)
    con.execute("CREATE TABLE IF NOT EXISTS schema_fingerprint (fingerprint VARCHAR NOT NULL)")
    with transaction(con):
        con.execute("DELETE FROM schema_fingerprint")
        con.execute("INSERT INTO schema_fingerprint VALUES (?)", [fingerprint])


@functools.cache
def schema_fingerprint() -> str:
    """A hash of every table's DDL and every view's SQL and documentation: what `ensure_schema` creates."""
    from diplowatch import views

    parts = [
        *ddl(),
        *(f"{v.name}|{v.sql}|{v.description}|{sorted(v.columns.items())}" for v in views.VIEWS.values()),
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _stored_fingerprint(con: duckdb.DuckDBPyConnection) -> str | None:
    exists = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() "
        "AND schema_name = 'main' AND table_name = 'schema_fingerprint'"
    ).fetchall()[0][0]
    if not exists:
        return None
    rows = con.execute("SELECT fingerprint FROM schema_fingerprint").fetchall()
    return rows[0][0] if rows else None


def _drop_key_indexes(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild, once, the tables of `KEYS_CHECKED_AT_WRITE` that a file created before still has with a
    PRIMARY KEY index (DuckDB cannot drop one in place): the same rows, in one transaction. Without it an old
    file keeps the index's memory ceiling (see KEYS_CHECKED_AT_WRITE)."""
    indexed = [
        t
        for (t,) in con.execute(
            "SELECT table_name FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY' "
            "AND database_name = current_database() AND schema_name = 'main'"
        ).fetchall()
        if t in KEYS_CHECKED_AT_WRITE
    ]
    for table in sorted(set(indexed)):
        with transaction(con):
            con.execute(f"ALTER TABLE {table} RENAME TO {table}__indexed")
            con.execute(table_ddl(table))
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM {table}__indexed")
            con.execute(f"DROP TABLE {table}__indexed")


def _insert(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame | None) -> int:
    if frame is None or frame.is_empty():
        return 0
    # Arrow string views: much faster to build from Polars than large strings (docs/storage-notes.md).
    con.register("__incoming", frame.to_arrow(compat_level=pl.CompatLevel.newest()))
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM __incoming")
    finally:
        con.unregister("__incoming")
    return frame.height


def _insert_parquet(con: duckdb.DuckDBPyConnection, table: str, paths: Sequence[str]) -> int:
    """Insert rows spilled to Parquet files; DuckDB streams them, so memory does not grow with their size."""
    if not paths:
        return 0
    insert = f"INSERT INTO {table} BY NAME SELECT * FROM read_parquet(?)"
    if table not in KEYS_CHECKED_AT_WRITE:
        return con.execute(insert, [list(paths)]).fetchall()[0][0]
    # These tables' row order means nothing (readers sort), and letting DuckDB's threads write row groups in
    # any order makes their load much faster (docs/storage-notes.md).
    with unordered(con):
        return con.execute(insert, [list(paths)]).fetchall()[0][0]


@contextlib.contextmanager
def unordered(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Let DuckDB's threads produce rows in any order inside the block (no buffering to keep insertion order);
    a connection setting, not part of a transaction, so it is reset on leaving, whatever happens."""
    con.execute("SET preserve_insertion_order = false")
    try:
        yield
    finally:
        con.execute("RESET preserve_insertion_order")


def _check_unique_key(con: duckdb.DuckDBPyConnection, table: str) -> None:
    """Raise (inside the write's transaction, so it rolls back) when a key of `table` appears twice."""
    key = ", ".join(PRIMARY_KEYS[table])
    duplicates = con.execute(
        f"SELECT {key}, count(*) FROM {table} GROUP BY ALL HAVING count(*) > 1 LIMIT 1"
    ).fetchall()
    if duplicates:
        duplicate = duplicates[0]
        raise duckdb.ConstraintException(
            f"duplicate key {key} = {duplicate[:-1]} in {table} ({duplicate[-1]} rows): the write was rolled "
            "back; "
            "the same article was extracted twice or the extractor's ids are not unique"
        )


@dataclass(frozen=True)
class Write:
    """Replace the rows of `table` matching `where` (SQL with `?` parameters; None = all rows) by `frame` and
    the rows of the Parquet files `parquet` (batches spilled to disk by a streaming stage)."""

    table: str
    frame: pl.DataFrame | None
    where: str | None = None
    params: tuple = ()
    parquet: tuple[str, ...] = ()


def in_partitions(
    partition_dates: Iterable[date] | None, column: str = "partition_date"
) -> tuple[str | None, list]:
    """SQL condition (and its parameters) selecting the given daily partitions; (None, []) means every row."""
    if partition_dates is None:
        return None, []
    return f"{column} IN (SELECT unnest(?::DATE[]))", [sorted(set(partition_dates))]


def partition_write(
    table: str,
    frame: pl.DataFrame | None,
    partition_dates: Iterable[date] | None,
    parquet: Sequence[str] = (),
) -> Write:
    """A Write replacing the given daily partitions of a table (all of it when `partition_dates` is None)."""
    where, params = in_partitions(partition_dates)
    return Write(table, frame, where, tuple(params), tuple(parquet))


def rejected_write(
    tables: Sequence[str], frame: pl.DataFrame, partition_dates: Iterable[date] | None
) -> Write:
    """A Write replacing the quarantined rows of the given tables (and partitions)."""
    where, params = "table_name IN (SELECT unnest(?::VARCHAR[]))", [list(tables)]
    days, day_params = in_partitions(partition_dates)
    if days:
        where += f" AND (partition_date IS NULL OR {days})"
        params += day_params
    return Write("rejected_rows", frame, where, tuple(params))


def apply_writes(con: duckdb.DuckDBPyConnection, writes: Sequence[Write]) -> dict[str, int]:
    """Apply all writes in ONE transaction: a crash or error leaves the database as it was before.

    Each write deletes what it replaces, then inserts by column name, so re-running the same input leaves
    the same rows, never duplicates.
    """
    counts: dict[str, int] = {}
    with transaction(con):
        for write in writes:
            if write.where is None:
                con.execute(f"DELETE FROM {write.table}")
            else:
                con.execute(f"DELETE FROM {write.table} WHERE {write.where}", list(write.params))
            inserted = _insert(con, write.table, write.frame) + _insert_parquet(
                con, write.table, write.parquet
            )
            counts[write.table] = counts.get(write.table, 0) + inserted
        for table in sorted({w.table for w in writes} & KEYS_CHECKED_AT_WRITE):
            _check_unique_key(con, table)
    return counts


def database_path(con: duckdb.DuckDBPyConnection) -> Path:
    """The file of the connection's database (the folder beside it holds a run's staging files)."""
    (path,) = con.execute(
        "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
    ).fetchall()[0]
    if not path:
        raise ValueError(
            "an in-memory DuckDB database has no folder for staging files: pass a staging folder"
        )
    return Path(path)


def read_frame(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence | None = None) -> pl.DataFrame:
    """A query's result as a Polars frame, through Arrow (DuckDB 2 dropped the connection-level `.pl()`)."""
    return pl.from_arrow(con.sql(sql, params=list(params or [])).to_arrow_table())


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in MODELS}
