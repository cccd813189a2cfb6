"""What every DuckDB-writing asset shares: its concurrency pool, retry policy, owners and column docs."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from dagster import Backoff, Failure, Jitter, RetryPolicy, TableColumn, TableColumnConstraints, TableSchema

from diplowatch.schemas import MODELS
from diplowatch.store import is_lock_error

#: DuckDB allows one writer process. Every writing asset is in this pool, and the instance's
#: dagster.yaml (`concurrency: pools: default_limit: 1`) gives it a single slot, so writes queue instead of
#: failing on the file lock.
DUCKDB_WRITER_POOL = "duckdb_writer"

#: Retries for a file that stayed locked (e.g. someone has the DuckDB CLI open on it): 30 s, 90 s, 210 s
#: (+/- jitter), on top of the ~15 s the resource waits inside each attempt. Other errors are not retried:
#: see `retry_only_lock_errors`.
LOCK_RETRY_POLICY = RetryPolicy(
    max_retries=3, delay=30, backoff=Backoff.EXPONENTIAL, jitter=Jitter.PLUS_MINUS
)

OWNERS = ["team:diplowatch"]


@contextlib.contextmanager
def retry_only_lock_errors() -> Iterator[None]:
    """Let a DuckDB lock error through to the RetryPolicy; any other error becomes a Failure without retries.

    Retrying a schema fault or an extractor bug three times only delays the red run by minutes.
    """
    try:
        yield
    except Exception as exc:
        if is_lock_error(exc):
            raise
        raise Failure(description=f"{type(exc).__name__}: {exc}", allow_retries=False) from exc


def column_schema(table: str) -> TableSchema:
    """The table's columns for the UI, from its pandera model (the single source of column docs)."""
    columns = []
    for name, col in MODELS[table].to_schema().columns.items():
        columns.append(
            TableColumn(
                name=name,
                type=str(col.dtype),
                description=col.description,
                constraints=TableColumnConstraints(nullable=bool(col.nullable), unique=bool(col.unique)),
            )
        )
    return TableSchema(columns=columns)


def table_metadata(table: str) -> dict:
    """Definition metadata of an asset stored as a DuckDB table."""
    return {"dagster/column_schema": column_schema(table), "dagster/table_name": f"main.{table}"}
