"""The `diplowatch` console script: the core CLI plus `run`, which launches the Dagster assets in-process."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from diplowatch.cli import DbOpt, RawOpt, app, err_console, summary_cmd
from diplowatch.settings import Settings


def run_all(settings: Settings) -> bool:
    """Materialize every asset of the code location with the given settings; True when the run succeeded."""
    from dagster import materialize

    from pipelines.definitions import defs
    from pipelines.resources import build_resources

    result = materialize(defs.assets, resources=build_resources(settings), raise_on_error=False)
    return result.success


@app.command()
def run(raw: RawOpt = None, db: DbOpt = None,
        model: Annotated[str | None, typer.Option(help="spaCy model name (default: $DIPLOWATCH_MODEL)")] = None) -> None:
    """Materialize every asset in-process (the same assets the Dagster UI runs) and print a summary."""
    settings = Settings.from_env(raw_dir=raw, db_path=db, model_name=model)
    if not Path(settings.raw_dir).exists():
        err_console.print(f"[red]raw folder {settings.raw_dir} does not exist[/red]: pass --raw or set DIPLOWATCH_RAW_DIR")
        raise typer.Exit(2)
    if not run_all(settings):
        err_console.print("[red]the run failed[/red]: see the log above")
        raise typer.Exit(1)
    summary_cmd(db=settings.db_path)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
