"""The read commands: `summary`, `sql`, `stats` and `report`, each on a query-only connection."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from diplowatch.cli.app import (
    DbOpt,
    JsonOpt,
    OutputFormat,
    app,
    console,
    fail,
    print_json,
    progress_bar,
    rich_table,
    say,
    write_frame,
)
from diplowatch.cli.database import open_read_only


@app.command("summary")
def summary_cmd(db: DbOpt = None) -> None:
    """Counts and the newest events of a database."""
    from diplowatch.summary import format_summary, summarize

    with open_read_only(db) as con:
        say(format_summary(summarize(con)))


@app.command("sql")
def sql_cmd(
    query: Annotated[
        str, typer.Argument(help='one SQL query, e.g. "SELECT * FROM visit_pairs"; `?` for --param values')
    ],
    db: DbOpt = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="output format")] = OutputFormat.table,
    limit: Annotated[int | None, typer.Option("--limit", min=0, help="return at most this many rows")] = None,
    params: Annotated[
        list[str] | None, typer.Option("--param", "-p", help="value of a `?` placeholder (repeatable)")
    ] = None,
) -> None:
    """Run one query, read-only and without file access; print the result as a table, CSV or JSON."""
    import duckdb
    import polars as pl

    _single_statement(query)
    with open_read_only(db) as con:
        try:
            relation = con.sql(query, params=list(params or []))
            if relation is None:
                raise fail(
                    "the statement returned no rows to show (only queries that return rows are useful "
                    "on a read-only connection)",
                    code=0,
                )
            if limit is not None:
                relation = relation.limit(limit)
            frame = pl.from_arrow(relation.to_arrow_table())
        except duckdb.Error as exc:
            raise fail(f"[red]SQL error[/red]: {exc}{_sql_error_hint(exc)}") from exc
    write_frame(frame, fmt)


def _single_statement(query: str) -> None:
    """Refuse anything but exactly one statement: a second one would run unseen behind the first."""
    import duckdb

    try:
        count = len(duckdb.extract_statements(query))
    except duckdb.Error as exc:
        raise fail(f"[red]SQL error[/red]: {exc}") from exc
    if count != 1:
        raise fail(
            f"[red]one statement at a time[/red]: the query holds {count} statements; `diplowatch sql` "
            "runs a single query (split it, or drop the `;` between statements)"
        )


def _sql_error_hint(exc: Exception) -> str:
    import duckdb

    if isinstance(exc, duckdb.PermissionException) or "configuration has been locked" in str(exc):
        return (
            "\n`diplowatch sql` only queries the database's tables and views: it cannot read or write files "
            "(COPY, EXPORT, read_csv/read_text/glob), attach databases, install or load extensions, or "
            "change settings. For file work, open a copy of the database in the DuckDB CLI"
        )
    if "read-only" in str(exc) or "read only" in str(exc):
        return "\n`diplowatch sql` opens the database read-only: it only runs queries"
    if isinstance(exc, duckdb.CatalogException):
        return "\nthe tables and views are listed in docs/data-dictionary.md (or run `SHOW TABLES`)"
    return ""


@app.command("stats")
def stats_cmd(
    db: DbOpt = None,
    as_json: JsonOpt = False,
    top: Annotated[int, typer.Option("--top", min=1, help="rows in the top-N lists")] = 10,
) -> None:
    """Counts, visits by status and year, the top pairs, hosts and reactors of a database."""
    from diplowatch.analytics.stats import compute_stats

    with open_read_only(db) as con:
        stats = compute_stats(con, top)
    if as_json:
        print_json({k: v if isinstance(v, dict) else v.to_dicts() for k, v in stats.items()})
        return
    console.print("  ".join(f"[bold]{n:,}[/bold] {t}" for t, n in stats["counts"].items()))
    titles = {
        "visits_by_status": "visits by latest status",
        "visits_by_year": "visits by year",
        "top_pairs": f"top {top} pairs",
        "top_hosts": f"top {top} hosts",
        "reactions_by_stance": "reactions by stance",
        "top_reactors": f"top {top} reactors",
    }
    for key, title in titles.items():
        console.print(rich_table(stats[key], title))


#: What `report` says it is doing, in order (diplowatch.analytics.report's steps).
REPORT_STEPS = ["counting", "building charts", "inlining the Vega libraries", "writing the page"]


@app.command("report")
def report_cmd(
    out: Annotated[Path, typer.Option("--out", "-o", dir_okay=False, help="HTML file to write")] = Path(
        "report.html"
    ),
    db: DbOpt = None,
    title: Annotated[str, typer.Option(help="page title")] = "diplowatch report",
) -> None:
    """Write a self-contained HTML page of charts (visits per month, top pairs, reactions, visit network)."""
    from diplowatch.analytics.report import build_report

    with open_read_only(db) as con, progress_bar() as progress:
        task = progress.add_task("report", total=len(REPORT_STEPS))

        def on_step(name: str) -> None:
            done = REPORT_STEPS.index(name) if name in REPORT_STEPS else 0
            progress.update(task, description=name, completed=done)

        page = build_report(con, title=title, on_step=on_step)
        progress.update(task, completed=len(REPORT_STEPS))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    say(f"wrote {out} ({len(page.encode()) / 1e6:.1f} MB, works offline)")
