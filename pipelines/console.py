"""The `diplowatch` console script: the core CLI plus `run`, which launches the Dagster job."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from diplowatch.cli import DbOpt, ModelOpt, RawOpt, app, fail, say, summary_cmd
from diplowatch.settings import Settings
from pipelines.launch import RunOutcome, run_all


def _flag(name: str, help: str):
    return Annotated[bool, typer.Option(name, help=help)]


ProcessesOpt = Annotated[
    int | None,
    typer.Option(
        min=0,
        help="processes the run's steps may use: 1 runs them all in this process; more extract "
        "chunks in parallel; 0 = one per core (default: $DIPLOWATCH_PROCESSES, else 1)",
    ),
]
PruneOpt = _flag(
    "--prune",
    "also remove stored articles whose files no longer exist anywhere (other folders included; a run "
    "alone only removes what left the folder it reads)",
)
NightlyOpt = _flag(
    "--nightly",
    "run what the nightly schedule runs: the year of the previous complete UTC day (a cron job's command "
    "where no Dagster daemon runs)",
)
ReextractOpt = _flag(
    "--reextract", "extract every article again, not only those the current extractor and model have not read"
)
EphemeralOpt = _flag(
    "--ephemeral",
    "record the run in a throwaway Dagster instance instead of the project's ($DAGSTER_HOME, else "
    ".dagster_home), which `make ui` shows",
)


@app.command()
def run(
    raw: RawOpt = None,
    db: DbOpt = None,
    model: ModelOpt = None,
    processes: ProcessesOpt = None,
    prune: PruneOpt = False,
    nightly: NightlyOpt = False,
    reextract: ReextractOpt = False,
    ephemeral: EphemeralOpt = False,
) -> None:
    """Materialize every asset (the UI's job) for every year of the raw folder's articles, then summarize."""
    settings = Settings.from_env(raw_dir=raw, db_path=db, model_name=model, processes=processes)
    if not Path(settings.raw_dir).exists():
        raise fail(
            f"[red]raw folder {settings.raw_dir} does not exist[/red]: pass --raw or set DIPLOWATCH_RAW_DIR"
        )
    try:
        outcome = run_all(settings, prune=prune, ephemeral=ephemeral, nightly=nightly, reextract=reextract)
    except ValueError as exc:
        raise fail(f"[red]{exc}[/red]") from exc
    covered = ", ".join(f"{a:%Y}..{b:%Y}" if a != b else f"{a:%Y}" for a, b in outcome.ranges)
    if not outcome.success:
        raise fail(f"[red]the run over {covered} failed[/red]: see the log above", code=1)
    say(f"ran events_job over {covered} into {settings.db_path}")
    _say_what_changed(outcome, settings)
    summary_cmd(db=settings.db_path)


def _say_what_changed(outcome: RunOutcome, settings: Settings) -> None:
    """Where the runs were recorded, the articles they removed or pruned, and the checks that did not pass."""
    if outcome.dagster_home:
        say(f"recorded in the Dagster instance {outcome.dagster_home} (`make ui` shows it)")
    if outcome.articles_removed:
        say(
            f"removed {outcome.articles_removed} article(s) no longer in {settings.raw_dir}, "
            "read before from:"
        )
        for path in outcome.removed_paths:
            say(f"  {path}")
    if outcome.pruned:
        say(f"pruned {len(outcome.pruned)} file(s) that no longer exist, with their articles:")
        for path in outcome.pruned:
            say(f"  {path}")
    for line in outcome.failed_checks:
        say(f"check not passed: {line}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
