"""The `diplowatch` command line (core commands; `pipelines.cli` adds `run`, which needs Dagster)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from diplowatch.settings import Settings

app = typer.Typer(help="diplowatch: diplomatic visits and reactions from news articles.", no_args_is_help=True,
                  add_completion=False)
console = Console()
err_console = Console(stderr=True)

RawOpt = Annotated[str | None, typer.Option("--raw", help="raw article folder (default: $DIPLOWATCH_RAW_DIR or samples/articles)")]
DbOpt = Annotated[str | None, typer.Option("--db", help="DuckDB file (default: $DIPLOWATCH_DB or data/diplowatch.duckdb)")]


@app.command("summary")
def summary_cmd(db: DbOpt = None) -> None:
    """Counts and the newest events of a database."""
    from diplowatch.store import connect
    from diplowatch.summary import format_summary, summarize

    settings = Settings.from_env(db_path=db)
    with connect(settings.db_path, read_only=True) as con:
        console.print(format_summary(summarize(con)), highlight=False, markup=False)


@app.command("eval")
def eval_cmd(
    gold: Annotated[Path, typer.Option("--gold", exists=True, dir_okay=False, help="gold file (JSONL or one JSON object)")],
    as_json: Annotated[bool, typer.Option("--json", help="print the report as JSON")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="list every mistake")] = False,
    exhaustive: Annotated[bool, typer.Option("--exhaustive", help="run the model on every sentence")] = False,
    model: Annotated[str | None, typer.Option(help="spaCy model name")] = None,
) -> None:
    """Score the extractor against a gold file: visit/reaction precision, recall, F1, status and dates."""
    from diplowatch.evaluate import evaluate, format_report
    from diplowatch.nlp import Extractor

    extractor = Extractor(model_name=Settings.from_env(model_name=model).model_name, exhaustive=exhaustive)
    report = evaluate(gold, extractor=extractor, exhaustive=exhaustive)
    if as_json:
        sys.stdout.write(json.dumps(report, indent=2, default=str) + "\n")
    else:
        console.print(format_report(report, errors=errors), highlight=False, markup=False)


if __name__ == "__main__":
    app()
