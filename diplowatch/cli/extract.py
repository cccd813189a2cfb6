"""The extractor on the command line: `extract` (one article file, the database untouched) and `eval` (scores
against a gold file)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from diplowatch.cli.app import (
    JsonOpt,
    ModelOpt,
    app,
    console,
    err_console,
    fail,
    print_json,
    progress_bar,
    rich_table,
)
from diplowatch.settings import Settings


@app.command("extract")
def extract_cmd(
    file: Annotated[
        Path,
        typer.Argument(exists=True, dir_okay=False, help="article file (.txt sample format, .jsonl, ...)"),
    ],
    as_json: JsonOpt = False,
    model: ModelOpt = None,
) -> None:
    """Extract the visits and reactions of one article file and print them; the database is not touched."""
    from diplowatch.nlp import Extractor
    from diplowatch.schemas import validate
    from diplowatch.stages.events import extract_events

    articles = _read_articles(file)
    extractor = Extractor(model_name=Settings.from_env(model_name=model).model_name)
    with progress_bar() as progress:
        task = progress.add_task(f"extracting {articles.height} article(s)", total=articles.height)
        visits, reactions, _extractions = extract_events(
            articles, extractor, lambda done: progress.update(task, completed=done)
        )
    checked = {
        "visit_mentions": validate("visit_mentions", visits),
        "reactions": validate("reactions", reactions),
    }
    if as_json:
        rejected = [
            json.loads(row["row_json"]) | {"reasons": row["reasons"]}
            for validated in checked.values()
            for row in validated.rejected.iter_rows(named=True)
        ]
        print_json({"articles": _events_by_article(articles, visits, reactions), "rejected": rejected})
        return
    _print_events(articles, visits, reactions)
    for table, validated in checked.items():
        for row in validated.rejected.iter_rows(named=True):
            err_console.print(
                f"[yellow]{table} row would be rejected[/yellow]: {row['reasons']}", highlight=False
            )


def _read_articles(file: Path):
    """The file's articles as the pipeline would read them; unreadable lines and rows are said on stderr."""
    from diplowatch.ingest import articles_frames, read_path

    articles, _sources, errors = articles_frames(list(read_path(file)), datetime.now(UTC))
    for error in errors.iter_rows(named=True):
        where = f"{error['source_path']}" + (f":{error['line_number']}" if error["line_number"] else "")
        err_console.print(f"[yellow]{where}[/yellow]: {error['reason']}: {error['detail']}", highlight=False)
    if articles.is_empty():
        raise fail(f"[red]no article could be read from {file}[/red] (see the reasons above)", code=1)
    return articles


def _events_by_article(articles, visits, reactions) -> list[dict]:
    return [
        {
            "article_id": article["article_id"],
            "title": article["title"],
            "published_at": article["published_at"],
            "visits": [r for r in visits.to_dicts() if r["article_id"] == article["article_id"]],
            "reactions": [r for r in reactions.to_dicts() if r["article_id"] == article["article_id"]],
        }
        for article in articles.iter_rows(named=True)
    ]


def _print_events(articles, visits, reactions) -> None:
    """Each article's visits and reactions as tables (`--json` prints every column)."""
    import polars as pl

    from diplowatch.schemas import MENTION_AT_A_GLANCE, REACTION_AT_A_GLANCE

    for article in articles.iter_rows(named=True):
        aid = article["article_id"]
        console.print(
            f"[bold]{article['title'] or '(untitled)'}[/bold]  {article['published_at'] or 'undated'}  "
            f"[dim]{aid[:12]}[/dim]",
            highlight=False,
        )
        article_visits = visits.filter(pl.col("article_id") == aid).select(
            "sentence_index", *MENTION_AT_A_GLANCE
        )
        article_reactions = reactions.filter(pl.col("article_id") == aid).select(
            "sentence_index", *REACTION_AT_A_GLANCE
        )
        console.print(rich_table(article_visits, f"visits ({article_visits.height})"))
        console.print(rich_table(article_reactions, f"reactions ({article_reactions.height})"))


@app.command("eval")
def eval_cmd(
    gold: Annotated[
        list[Path],
        typer.Option(
            "--gold",
            exists=True,
            dir_okay=False,
            help="gold file (JSONL or one JSON object); repeat it for a side-by-side table",
        ),
    ],
    as_json: JsonOpt = False,
    errors: Annotated[bool, typer.Option("--errors", help="list every mistake")] = False,
    kinds: Annotated[
        int | None,
        typer.Option(
            "--error-kinds",
            min=1,
            help="also print the N most common error kinds (record kind and detail) over the files given",
        ),
    ] = None,
    exhaustive: Annotated[bool, typer.Option("--exhaustive", help="run the model on every sentence")] = False,
    model: Annotated[str | None, typer.Option(help="spaCy model name")] = None,
    bootstrap: Annotated[
        int,
        typer.Option(
            "--bootstrap",
            min=0,
            help="also print 95% intervals of each measure from N draws of the articles (0: none)",
        ),
    ] = 0,
    save: Annotated[
        Path | None,
        typer.Option(
            "--save-predictions", dir_okay=False, help="write this run's rows per gold file, as JSON"
        ),
    ] = None,
    compare: Annotated[
        Path | None,
        typer.Option(
            "--compare",
            exists=True,
            dir_okay=False,
            help="a --save-predictions file of an earlier run: print each measure before -> after, with the "
            "95% interval of the change (paired bootstrap over the articles, 1,000 draws)",
        ),
    ] = None,
) -> None:
    """Score the extractor on gold files: visit/reaction precision, recall, F1, status and dates, by era."""
    from diplowatch.evaluate import (
        compare_runs,
        evaluate,
        evaluate_splits,
        format_comparison,
        load_predictions,
        save_predictions,
    )
    from diplowatch.nlp import Extractor

    try:
        before = load_predictions(compare) if compare else None
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--compare") from exc
    extractor = Extractor(model_name=Settings.from_env(model_name=model).model_name, exhaustive=exhaustive)
    predictions: dict[str, dict] = {}
    if len(gold) == 1:
        reports = evaluate(
            gold[0], extractor=extractor, exhaustive=exhaustive, keep_predictions=True, resamples=bootstrap
        )
        predictions[gold[0].stem] = reports.pop("_predictions")
    else:
        reports = evaluate_splits(
            gold, extractor=extractor, exhaustive=exhaustive, resamples=bootstrap, predictions_out=predictions
        )
    if save:
        save_predictions(save, predictions)
    try:
        comparison = compare_runs(gold, before, predictions) if before is not None else None
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--compare") from exc
    if as_json:
        print_json(reports if comparison is None else {"reports": reports, "comparison": comparison})
        return
    _print_eval(reports, gold, errors=errors, kinds=kinds, bootstrap=bootstrap)
    if comparison is not None:
        if not comparison:
            console.print(f"\n{compare}: no gold file of this run in it (by file name)", highlight=False)
        else:
            console.print(
                f"\nBefore ({compare}) -> after (this run), with the 95% interval of the change (paired "
                "bootstrap over articles, 1,000 draws, seed 0):\n" + format_comparison(comparison),
                highlight=False,
                markup=False,
                soft_wrap=True,
            )


def _print_eval(reports: dict, gold: list[Path], errors: bool, kinds: int | None, bootstrap: int) -> None:
    """The eval command's tables: one file's report, or the files side by side (with intervals, error lists
    and the most common error kinds as asked)."""
    from diplowatch.evaluate import format_error_kinds, format_intervals, format_report, format_table

    if len(gold) == 1:
        console.print(format_report(reports, errors=errors), highlight=False, markup=False)
        if kinds:
            table = format_error_kinds(reports["errors"], kinds)
            console.print("\n" + table, highlight=False, markup=False, soft_wrap=True)
        return
    console.print(format_table(reports), highlight=False, markup=False, soft_wrap=True)
    if bootstrap:
        console.print(
            f"\n95% intervals, percentile bootstrap over articles ({bootstrap} draws, seed 0):\n"
            + format_intervals(reports),
            highlight=False,
            markup=False,
            soft_wrap=True,
        )
    if errors:
        for report in reports.values():
            console.print("\n" + format_report(report, errors=True), highlight=False, markup=False)
    if kinds:
        # the files given, not a combined report of some of them (its records are theirs again)
        records = [e for path in gold for e in reports[path.stem]["errors"]]
        table = format_error_kinds(records, kinds)
        console.print("\n" + table, highlight=False, markup=False, soft_wrap=True)
