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


#: Removed sources listed in a run's metadata; the rest are counted.
REMOVED_LISTED = 50


def removed_sources_markdown(removed: pl.DataFrame | None) -> MetadataValue:
    """The articles a run removed (gone from the folder it re-read), one row per path they came from."""
    if removed is None or removed.is_empty():
        return MetadataValue.md("_none: every stored article is still in its folder, or came from elsewhere_")
    shown = removed.select("partition_date", "source_path", "line_number", "article_id").head(REMOVED_LISTED)
    more = removed.height - shown.height
    return MetadataValue.md(markdown_table(shown) + (f"\n\n_and {more} more_" if more else ""))


#: Paths of removed articles kept in a run's metadata (the CLI prints them); the count is always exact.
REMOVED_PATHS_KEPT = 1000


def removed_paths(removed: pl.DataFrame | None) -> list[str]:
    """The distinct paths the removed articles came from (at most REMOVED_PATHS_KEPT), sorted."""
    if removed is None or removed.is_empty():
        return []
    return sorted(set(removed["source_path"].to_list()))[:REMOVED_PATHS_KEPT]


def feeds_status_markdown(outcomes) -> MetadataValue:
    """One row per feed of a run: its status, the entries it wrote and its error, if any."""
    lines = ["| feed | status | new entries | error |", "|---|---|---|---|"]
    for outcome in outcomes:
        error = _cell(outcome.error.detail if outcome.error else "", 500)
        lines.append(f"| {outcome.feed.name} | {outcome.status} | {len(outcome.lines)} | {error} |")
    return MetadataValue.md("\n".join(lines))
