"""Materialization metadata shown in the Dagster UI: row counts and Markdown previews of the newest rows."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb
import polars as pl
from dagster import MetadataValue


def _cell(value, max_chars: int) -> str:
    text = "" if value is None else str(value)
    # A pipe or newline inside a cell would break the Markdown table.
    text = text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")
    return text if len(text) <= max_chars else text[: max_chars - 1] + "…"


def markdown_table(frame: pl.DataFrame, max_chars: int = 80) -> str:
    """A Polars frame as a GitHub-flavoured Markdown table (cells escaped and shortened)."""
    if frame.is_empty():
        return "_no rows_"
    lines = ["| " + " | ".join(frame.columns) + " |", "|" + "---|" * len(frame.columns)]
    for row in frame.iter_rows():
        lines.append("| " + " | ".join(_cell(v, max_chars) for v in row) + " |")
    return "\n".join(lines)


def newest_rows_preview(
    frame: pl.DataFrame, columns: Sequence[str], newest_first: Sequence[str], limit: int = 5
) -> MetadataValue:
    """The `limit` newest rows (by `newest_first`, descending) of what a run wrote, as Markdown."""
    if not frame.is_empty():
        frame = frame.sort(list(newest_first), descending=True, nulls_last=True).head(limit)
    return MetadataValue.md(markdown_table(frame.select(list(columns))))


def table_row_count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
