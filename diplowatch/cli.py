"""The `diplowatch` command line (core commands; `pipelines.console` adds `run`, which needs Dagster)."""

from __future__ import annotations

import contextlib
import json
import sys
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
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

from diplowatch.settings import Settings

app = typer.Typer(help="diplowatch: diplomatic visits and reactions from news articles.", no_args_is_help=True,
                  add_completion=False)
console = Console()
err_console = Console(stderr=True)

RawOpt = Annotated[str | None, typer.Option("--raw", help="raw article folder (default: $DIPLOWATCH_RAW_DIR or samples/articles)")]
DbOpt = Annotated[str | None, typer.Option("--db", help="DuckDB file (default: $DIPLOWATCH_DB or data/diplowatch.duckdb)")]
ModelOpt = Annotated[str | None, typer.Option("--model", help="spaCy model name (default: $DIPLOWATCH_MODEL)")]

#: Rows the `table` output prints before pointing at --limit / csv / json.
TABLE_ROWS = 100


class OutputFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


def _progress(transient: bool = True) -> Progress:
    """A rich progress bar on stderr, so stdout stays clean for CSV and JSON."""
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err_console, transient=transient)


def _fail(message: str, code: int = 2) -> typer.Exit:
    # soft_wrap: no line breaks inserted, so a path or a query in the message stays whole (copyable).
    err_console.print(message, highlight=False, soft_wrap=True)
    return typer.Exit(code)


#: How long a read-only command waits for a writer to let the file go before saying so.
READ_LOCK_WAIT_SECONDS = 3.0

#: DuckDB settings of every read-only command's connection: no file, network or extension access beyond the
#: database file itself (COPY ... TO, EXPORT, ATTACH, INSTALL/LOAD, read_text/read_csv/glob, 'file.csv' are
#: refused), and the configuration locked so a query cannot switch that back on.
QUERY_ONLY_CONFIG = {"enable_external_access": False, "lock_configuration": True}


def _open_failure_hint(exc: BaseException) -> str:
    """What to do about a database that could not be opened, from the real cause."""
    from diplowatch.store import is_lock_error

    if is_lock_error(exc):
        return "another process is writing it (a run, an open DuckDB CLI); try again when it has finished"
    if "not a valid DuckDB database" in str(exc):
        return "the file is not a DuckDB database: check --db / DIPLOWATCH_DB"
    if isinstance(exc, OSError) or "Permission denied" in str(exc) or "Is a directory" in str(exc):
        return "check the path and that you may read the file"
    return "check --db / DIPLOWATCH_DB; the error above says what DuckDB could not do"


@contextlib.contextmanager
def _open_read_only(db: str | None):
    """A read-only connection that can only query the database (QUERY_ONLY_CONFIG), or a clear exit when the
    file is missing, locked by a writer or not a database."""
    import duckdb

    from diplowatch.store import DuckDBLockedError, connect

    path = Settings.from_env(db_path=db).db_path
    if not Path(path).exists():
        raise _fail(
            f"[red]no database at {path}[/red]: run `diplowatch run` (or `make demo`) first, or pass --db"
        )
    with contextlib.ExitStack() as stack:
        try:  # the connection opens on entering, so that is where a locked file shows
            con = stack.enter_context(
                connect(path, read_only=True, lock_wait=READ_LOCK_WAIT_SECONDS, config=QUERY_ONLY_CONFIG,
                        on_wait=_say_lock_wait)
            )
        except (duckdb.Error, DuckDBLockedError, OSError) as exc:
            raise _fail(f"[red]cannot open {path}[/red]: {exc}\n{_open_failure_hint(exc)}") from exc
        yield con


def _say_lock_wait(path, waited: float, limit: float) -> None:
    """Tell stderr that (and for how long) a command waits for another process's lock on the file."""
    from diplowatch.store import lock_wait_message

    err_console.print(lock_wait_message(path, waited, limit) + "...", highlight=False, markup=False, soft_wrap=True)


def _rich_table(frame, title: str | None = None, max_rows: int | None = None, width: int | None = None) -> Table:
    """The frame as a table that fits the terminal (`console.width`, or `width`): no word or date split across
    lines (see diplowatch.terminal)."""
    from diplowatch.terminal import frame_table

    return frame_table(frame, width or console.width, title, max_rows)


def _write_frame(
    frame, fmt: OutputFormat, title: str | None = None, max_rows: int | None = TABLE_ROWS
) -> None:
    if fmt is OutputFormat.csv:
        sys.stdout.write(frame.write_csv())
    elif fmt is OutputFormat.json:
        sys.stdout.write(json.dumps(frame.to_dicts(), default=str, ensure_ascii=False, indent=2) + "\n")
    else:
        console.print(_rich_table(frame, title, max_rows))
        if max_rows is not None and frame.height > max_rows:
            err_console.print(
                f"{frame.height - max_rows} more rows not shown: use --limit, --format csv or json"
            )


@app.command("summary")
def summary_cmd(db: DbOpt = None) -> None:
    """Counts and the newest events of a database."""
    from diplowatch.summary import format_summary, summarize

    with _open_read_only(db) as con:
        console.print(format_summary(summarize(con)), highlight=False, markup=False, soft_wrap=True)


def _single_statement(query: str) -> None:
    """Refuse anything but exactly one statement: a second one would run unseen behind the first."""
    import duckdb

    try:
        count = len(duckdb.extract_statements(query))
    except duckdb.Error as exc:
        raise _fail(f"[red]SQL error[/red]: {exc}") from exc
    if count != 1:
        raise _fail(
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
    """Run one query on a read-only connection without file access; print the result as a table, CSV or JSON."""
    import duckdb
    import polars as pl

    _single_statement(query)
    with _open_read_only(db) as con:
        try:
            relation = con.sql(query, params=list(params or []))
            if relation is None:
                raise _fail(
                    "the statement returned no rows to show (only queries that return rows are useful "
                    "on a read-only connection)",
                    code=0,
                )
            if limit is not None:
                relation = relation.limit(limit)
            frame = pl.from_arrow(relation.to_arrow_table())
        except duckdb.Error as exc:
            raise _fail(f"[red]SQL error[/red]: {exc}{_sql_error_hint(exc)}") from exc
    _write_frame(frame, fmt)


@app.command("extract")
def extract_cmd(
    file: Annotated[
        Path,
        typer.Argument(exists=True, dir_okay=False, help="article file (.txt sample format, .jsonl, ...)"),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="print the events as JSON")] = False,
    model: ModelOpt = None,
) -> None:
    """Extract the visits and reactions of one article file and print them; the database is not touched."""
    from diplowatch.ingest import articles_frames, read_path
    from diplowatch.nlp import Extractor
    from diplowatch.schemas import validate
    from diplowatch.stages.events import extract_events

    items = list(read_path(file))
    articles, _sources, errors = articles_frames(items, datetime.now(UTC))
    for error in errors.iter_rows(named=True):
        where = f"{error['source_path']}" + (f":{error['line_number']}" if error["line_number"] else "")
        err_console.print(f"[yellow]{where}[/yellow]: {error['reason']}: {error['detail']}", highlight=False)
    if articles.is_empty():
        raise _fail(f"[red]no article could be read from {file}[/red] (see the reasons above)", code=1)

    extractor = Extractor(model_name=Settings.from_env(model_name=model).model_name)
    with _progress() as progress:
        task = progress.add_task(f"extracting {articles.height} article(s)", total=articles.height)
        visits, reactions, _extractions = extract_events(
            articles, extractor, lambda done: progress.update(task, completed=done)
        )
    checked = {
        "visit_mentions": validate("visit_mentions", visits),
        "reactions": validate("reactions", reactions),
    }

    if as_json:
        out = []
        for article in articles.iter_rows(named=True):
            aid = article["article_id"]
            out.append(
                {
                    "article_id": aid,
                    "title": article["title"],
                    "published_at": article["published_at"],
                    "visits": [r for r in visits.to_dicts() if r["article_id"] == aid],
                    "reactions": [r for r in reactions.to_dicts() if r["article_id"] == aid],
                }
            )
        rejected = [
            json.loads(r["row_json"]) | {"reasons": r["reasons"]}
            for v in checked.values()
            for r in v.rejected.iter_rows(named=True)
        ]
        sys.stdout.write(
            json.dumps({"articles": out, "rejected": rejected}, default=str, ensure_ascii=False, indent=2)
            + "\n"
        )
        return

    import polars as pl

    for article in articles.iter_rows(named=True):
        aid = article["article_id"]
        console.print(
            f"[bold]{article['title'] or '(untitled)'}[/bold]  {article['published_at'] or 'undated'}  "
            f"[dim]{aid[:12]}[/dim]",
            highlight=False,
        )
        article_visits = visits.filter(pl.col("article_id") == aid).select(
            "sentence_index",
            "visitor_name",
            "visitor_code",
            "host_code",
            "location",
            "start_date",
            "end_date",
            "date_precision",
            "status",
            "visit_type",
            "confidence",
        )
        article_reactions = reactions.filter(pl.col("article_id") == aid).select(
            "sentence_index",
            "reactor_name",
            "reactor_code",
            "stance",
            "quote",
            "target_mention_id",
            "confidence",
        )
        console.print(_rich_table(article_visits, f"visits ({article_visits.height})"))
        console.print(_rich_table(article_reactions, f"reactions ({article_reactions.height})"))
    for table, validated in checked.items():
        for row in validated.rejected.iter_rows(named=True):
            err_console.print(
                f"[yellow]{table} row would be rejected[/yellow]: {row['reasons']}", highlight=False
            )


@app.command("stats")
def stats_cmd(
    db: DbOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the figures as JSON")] = False,
    top: Annotated[int, typer.Option("--top", min=1, help="rows in the top-N lists")] = 10,
) -> None:
    """Counts, visits by status and year, the top pairs, hosts and reactors of a database."""
    from diplowatch.analytics.stats import compute_stats

    with _open_read_only(db) as con:
        stats = compute_stats(con, top)
    if as_json:
        sys.stdout.write(
            json.dumps(
                {k: v if isinstance(v, dict) else v.to_dicts() for k, v in stats.items()},
                default=str,
                indent=2,
            )
            + "\n"
        )
        return
    counts = stats["counts"]
    console.print("  ".join(f"[bold]{n:,}[/bold] {t}" for t, n in counts.items()))
    for key, title in [
        ("visits_by_status", "visits by latest status"),
        ("visits_by_year", "visits by year"),
        ("top_pairs", f"top {top} pairs"),
        ("top_hosts", f"top {top} hosts"),
        ("reactions_by_stance", "reactions by stance"),
        ("top_reactors", f"top {top} reactors"),
    ]:
        console.print(_rich_table(stats[key], title))


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

    steps = ["counting", "building charts", "inlining the Vega libraries", "writing the page"]
    with _open_read_only(db) as con, _progress() as progress:
        task = progress.add_task("report", total=len(steps))

        def on_step(name: str) -> None:
            progress.update(task, description=name, completed=steps.index(name) if name in steps else 0)

        page = build_report(con, title=title, on_step=on_step)
        progress.update(task, completed=len(steps))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    console.print(f"wrote {out} ({len(page.encode()) / 1e6:.1f} MB, works offline)", highlight=False)


@app.command("dictionary")
def dictionary_cmd(
    out: Annotated[
        Path | None, typer.Option("--out", "-o", dir_okay=False, help="write here instead of stdout")
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="exit 1 when --out differs from what the code generates")
    ] = False,
    readme: Annotated[
        Path | None, typer.Option("--readme", dir_okay=False, help="also refresh this README's table block")
    ] = None,
) -> None:
    """Generate the data dictionary (Markdown) from the pandera models and the view definitions."""
    from diplowatch.analytics.dictionary import REGENERATE, generate_dictionary, sync_readme

    if readme is not None:
        current = readme.read_text(encoding="utf-8")
        try:
            wanted = sync_readme(current)
        except ValueError as exc:
            raise _fail(f"[red]{readme}[/red]: {exc}", code=2) from None
        if check and wanted != current:
            raise _fail(f"[red]{readme}'s table block is stale[/red]: run `{REGENERATE}`", code=1)
        if not check and wanted != current:
            readme.write_text(wanted, encoding="utf-8")
            console.print(f"refreshed the table block of {readme}")
    text = generate_dictionary()
    if out is None:
        sys.stdout.write(text)
        return
    if check:
        if not out.exists() or out.read_text(encoding="utf-8") != text:
            raise _fail(f"[red]{out} is stale[/red]: run `{REGENERATE}`", code=1)
        console.print(f"{out} is up to date")
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    console.print(f"wrote {out}")


@app.command("eval")
def eval_cmd(
    gold: Annotated[
        list[Path],
        typer.Option(
            "--gold", exists=True, dir_okay=False,
            help="gold file (JSONL or one JSON object); repeat it for a side-by-side table",
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="print the report as JSON")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="list every mistake")] = False,
    exhaustive: Annotated[bool, typer.Option("--exhaustive", help="run the model on every sentence")] = False,
    model: Annotated[str | None, typer.Option(help="spaCy model name")] = None,
) -> None:
    """Score the extractor against gold files: visit/reaction precision, recall, F1, status and dates, by era."""
    from diplowatch.evaluate import evaluate, evaluate_splits, format_report, format_table
    from diplowatch.nlp import Extractor

    extractor = Extractor(model_name=Settings.from_env(model_name=model).model_name, exhaustive=exhaustive)
    if len(gold) == 1:
        report = evaluate(gold[0], extractor=extractor, exhaustive=exhaustive)
        if as_json:
            sys.stdout.write(json.dumps(report, indent=2, default=str) + "\n")
        else:
            console.print(format_report(report, errors=errors), highlight=False, markup=False)
        return
    reports = evaluate_splits(gold, extractor=extractor, exhaustive=exhaustive)
    if as_json:
        sys.stdout.write(json.dumps(reports, indent=2, default=str) + "\n")
        return
    console.print(format_table(reports), highlight=False, markup=False, soft_wrap=True)
    if errors:
        for report in reports.values():
            console.print("\n" + format_report(report, errors=True), highlight=False, markup=False)


if __name__ == "__main__":
    app()


@app.command("prune")
def prune_cmd(
    db: DbOpt = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="list what would be removed, change nothing")] = False,
) -> None:
    """Remove stored articles whose files no longer exist anywhere (with their events and sources).

    A run only removes what left the folder it reads; this is for the rest (a folder deleted or moved).
    `visits` is rebuilt by the next run.
    """
    from diplowatch.stages.articles import prune_missing_sources
    from diplowatch.store import connect

    path = Settings.from_env(db_path=db).db_path
    if not Path(path).exists():
        raise _fail(f"[red]no database at {path}[/red]: nothing to prune")
    with connect(path) as con:
        gone = prune_missing_sources(con, dry_run=dry_run)
    removed = gone.filter("article_removed")["article_id"].n_unique()
    verb = "would remove" if dry_run else "removed"
    console.print(f"{verb} {removed} article(s); {gone.height} source(s) point at files that no longer exist",
                  highlight=False, markup=False, soft_wrap=True)
    if not gone.is_empty():
        _write_frame(gone.select("source_path", "line_number", "partition_date", "article_removed"), OutputFormat.table)
