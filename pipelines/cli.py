"""The `diplowatch` console script: the core CLI plus `run`, which runs the Dagster job in-process."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated

import typer

from diplowatch.cli import DbOpt, RawOpt, app, console, err_console, summary_cmd
from diplowatch.settings import Settings


@dataclass
class RunOutcome:
    """What `diplowatch run` did: the run's success, the days it covered, and the checks that did not pass."""

    success: bool
    first_day: date
    last_day: date
    failed_checks: list[str] = field(default_factory=list)


def run_all(settings: Settings, now: datetime | None = None) -> RunOutcome:
    """Run `daily_events_job` once, in-process, over every day the raw folder's articles fall on.

    The run covers the partition range from the earliest to the latest such day (as a single-run backfill
    does, through the range tags), then the unpartitioned assets downstream. A folder without a dated
    article runs today's partition, which still records unreadable inputs in `ingest_errors`.
    """
    from pipelines.definitions import build_definitions
    from pipelines.partitions import covering_range, partition_key, range_tags, raw_folder_dates

    now = now or datetime.now(UTC)
    today = now.astimezone(UTC).date()
    first, last = covering_range(raw_folder_dates(settings.raw_dir, today), now) or (today, today)
    job = build_definitions(settings).resolve_job_def("daily_events_job")
    # INFO, not DEBUG: the per-step event stream is for the UI; the terminal gets the assets' own lines.
    run_config = {"loggers": {"console": {"config": {"log_level": "INFO"}}}}
    if first == last:
        result = job.execute_in_process(run_config=run_config, partition_key=partition_key(first), raise_on_error=False)
    else:
        result = job.execute_in_process(run_config=run_config, tags=range_tags(first, last), raise_on_error=False)
    failed = [f"{e.asset_key.to_user_string()}.{e.check_name} {e.severity.value}: {e.description}"
              for e in result.get_asset_check_evaluations() if not e.passed]
    return RunOutcome(result.success, first, last, failed)


@app.command()
def run(raw: RawOpt = None, db: DbOpt = None,
        model: Annotated[str | None, typer.Option(help="spaCy model name (default: $DIPLOWATCH_MODEL)")] = None,
        workers: Annotated[int | None, typer.Option(
            min=0, help="extraction processes, each with its own model; 0 = one per core "
            "(default: $DIPLOWATCH_WORKERS, else 1)")] = None) -> None:
    """Materialize every asset in-process (the job the Dagster UI runs) for every day in the raw folder, then summarize."""
    # Dagster flags beta parameters (backfill_policy) on every definition load: noise for a CLI user.
    from dagster import BetaWarning, PreviewWarning

    warnings.filterwarnings("ignore", category=BetaWarning)
    warnings.filterwarnings("ignore", category=PreviewWarning)
    settings = Settings.from_env(raw_dir=raw, db_path=db, model_name=model, workers=workers)
    if not Path(settings.raw_dir).exists():
        err_console.print(f"[red]raw folder {settings.raw_dir} does not exist[/red]: pass --raw or set DIPLOWATCH_RAW_DIR")
        raise typer.Exit(2)
    outcome = run_all(settings)
    if not outcome.success:
        err_console.print(f"[red]the run over {outcome.first_day}..{outcome.last_day} failed[/red]: see the log above")
        raise typer.Exit(1)
    console.print(f"ran daily_events_job over {outcome.first_day}..{outcome.last_day} into {settings.db_path}",
                  highlight=False, markup=False, soft_wrap=True)
    for line in outcome.failed_checks:
        console.print(f"check not passed: {line}", highlight=False, markup=False, soft_wrap=True)
    summary_cmd(db=settings.db_path)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
