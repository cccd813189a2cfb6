"""The typer app of the core commands, the options they share, and how they print: tables that fit the
terminal, CSV, JSON, progress bars and errors on stderr."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

app = typer.Typer(
    help="diplowatch: diplomatic visits and reactions from news articles.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console()
err_console = Console(stderr=True)

RawOpt = Annotated[
    str | None,
    typer.Option("--raw", help="raw article folder (default: $DIPLOWATCH_RAW_DIR or samples/articles)"),
]
DbOpt = Annotated[
    str | None, typer.Option("--db", help="DuckDB file (default: $DIPLOWATCH_DB or data/diplowatch.duckdb)")
]
ModelOpt = Annotated[
    str | None, typer.Option("--model", help="spaCy model name (default: $DIPLOWATCH_MODEL)")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="print the result as JSON")]

#: Rows the `table` output prints before pointing at --limit / csv / json.
TABLE_ROWS = 100


class OutputFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


def progress_bar(transient: bool = True) -> Progress:
    """A rich progress bar on stderr, so stdout stays clean for CSV and JSON."""
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=transient,
    )


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print `message` on stderr and return the exit to raise."""
    # soft_wrap: no line breaks inserted, so a path or a query in the message stays whole (copyable).
    err_console.print(message, highlight=False, soft_wrap=True)
    return typer.Exit(code)


def say(message: str) -> None:
    """A plain line on stdout: no markup, highlighting or wrapping (paths stay whole)."""
    console.print(message, highlight=False, markup=False, soft_wrap=True)


def print_json(value) -> None:
    sys.stdout.write(json.dumps(value, default=str, ensure_ascii=False, indent=2) + "\n")


def rich_table(
    frame, title: str | None = None, max_rows: int | None = None, width: int | None = None
) -> Table:
    """The frame as a table that fits the terminal (`console.width`, or `width`): no word or date split across
    lines (see diplowatch.terminal)."""
    from diplowatch.terminal import frame_table

    return frame_table(frame, width or console.width, title, max_rows)


def write_frame(
    frame, fmt: OutputFormat, title: str | None = None, max_rows: int | None = TABLE_ROWS
) -> None:
    if fmt is OutputFormat.csv:
        sys.stdout.write(frame.write_csv())
    elif fmt is OutputFormat.json:
        print_json(frame.to_dicts())
    else:
        console.print(rich_table(frame, title, max_rows))
        if max_rows is not None and frame.height > max_rows:
            err_console.print(
                f"{frame.height - max_rows} more rows not shown: use --limit, --format csv or json"
            )
