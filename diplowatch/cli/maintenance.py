"""Keeping the project and its database tidy: `dictionary` (the generated data dictionary) and `prune`
(articles whose files are gone from anywhere)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from diplowatch.cli.app import DbOpt, OutputFormat, app, fail, say, write_frame
from diplowatch.cli.database import database_path


@app.command("dictionary")
def dictionary_cmd(
    out: Annotated[
        Path | None, typer.Option("--out", "-o", dir_okay=False, help="write here instead of stdout")
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="exit 1 when --out differs from what the code generates")
    ] = False,
) -> None:
    """Generate the data dictionary (Markdown) from the pandera models and the view definitions."""
    from diplowatch.analytics.dictionary import REGENERATE, generate_dictionary

    text = generate_dictionary()
    if out is None:
        sys.stdout.write(text)
        return
    if check:
        if not out.exists() or out.read_text(encoding="utf-8") != text:
            raise fail(f"[red]{out} is stale[/red]: run `{REGENERATE}`", code=1)
        say(f"{out} is up to date")
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    say(f"wrote {out}")


@app.command("prune")
def prune_cmd(
    db: DbOpt = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="list what would be removed, change nothing")
    ] = False,
) -> None:
    """Remove stored articles whose files no longer exist anywhere (with their events and sources).

    A run only removes what left the folder it reads; this is for the rest (a folder deleted or moved).
    `visits` is rebuilt by the next run.
    """
    from diplowatch.stages.removals import prune_missing_sources
    from diplowatch.store import connect

    path = database_path(db)
    if not Path(path).exists():
        raise fail(f"[red]no database at {path}[/red]: nothing to prune")
    with connect(path) as con:
        gone = prune_missing_sources(con, dry_run=dry_run)
    removed = gone.filter("article_removed")["article_id"].n_unique()
    verb = "would remove" if dry_run else "removed"
    say(f"{verb} {removed} article(s); {gone.height} source(s) point at files that no longer exist")
    if not gone.is_empty():
        columns = ["source_path", "line_number", "partition_date", "article_removed"]
        write_frame(gone.select(columns), OutputFormat.table)
