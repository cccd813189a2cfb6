"""The `diplowatch` console script: the core CLI plus `run`, which runs the Dagster job in-process."""

from __future__ import annotations

import functools
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
    """What `diplowatch run` did: the run's success, the day ranges it covered, the checks that did not pass,
    and the sources of the articles it removed because they are no longer in the folder."""

    success: bool
    ranges: list[tuple[date, date]]
    failed_checks: list[str] = field(default_factory=list)
    articles_removed: int = 0
    removed_paths: list[str] = field(default_factory=list)
    pruned: list[str] = field(default_factory=list)


def days_to_run(settings: Settings, now: datetime) -> list[date]:
    """The partitions a run over the raw folder covers: the days its articles fall on now (an undated new
    article on today's), and the days that stored articles read from this folder were on, so what left the
    folder is noticed. Days outside the partitions are left to the articles asset to record."""
    import duckdb

    from diplowatch import store
    from diplowatch.load import partitions_of_folder
    from pipelines.partitions import partition_bounds, raw_folder_dates

    today = now.astimezone(UTC).date()
    days = raw_folder_dates(settings.raw_dir, today)
    if Path(settings.db_path).exists():
        try:
            with store.connect(settings.db_path, read_only=True) as con:
                days |= partitions_of_folder(con, settings.raw_dir)
        except duckdb.Error:
            pass  # not a database we can read: the run's first step fails on it and says why
    first_ok, last_ok = partition_bounds(now)
    return sorted(d for d in days if first_ok <= d <= last_ok) or [today]


def run_all(settings: Settings, now: datetime | None = None, prune: bool = False) -> RunOutcome:
    """Run `daily_events_job` in-process over the days the raw folder's articles fall on.

    Days far apart (1987 articles and today's undated ones) are separate runs, so a run never rewrites,
    or records Dagster bookkeeping for, decades of empty days; the unpartitioned assets run once, upstream
    ones in the first run and downstream ones in the last. A folder without a dated article runs today's
    partition, which still records unreadable inputs in `ingest_errors`. `prune` first removes the articles
    whose files are gone from anywhere (see `prune_missing_sources`).
    """
    from pipelines.definitions import build_definitions
    from pipelines.partitions import partition_key, partition_ranges, range_tags

    now = now or datetime.now(UTC)
    pruned = _prune(settings) if prune else []
    ranges = partition_ranges(days_to_run(settings, now))
    job = build_definitions(settings).resolve_job_def("daily_events_job")
    selections = _selections(job, len(ranges))
    # INFO, not DEBUG: the per-step event stream is for the UI; the terminal gets the assets' own lines.
    run_config = {"loggers": {"console": {"config": {"log_level": "INFO"}}}}
    outcome = RunOutcome(True, ranges, pruned=pruned)
    for (first, last), selection in zip(ranges, selections, strict=True):
        if first == last:
            result = job.execute_in_process(run_config=run_config, partition_key=partition_key(first),
                                            asset_selection=selection, raise_on_error=False)
        else:
            result = job.execute_in_process(run_config=run_config, tags=range_tags(first, last),
                                            asset_selection=selection, raise_on_error=False)
        outcome.failed_checks += [f"{e.asset_key.to_user_string()}.{e.check_name} {e.severity.value}: {e.description}"
                                  for e in result.get_asset_check_evaluations() if not e.passed]
        _add_removals(outcome, result)
        if not result.success:
            outcome.success = False
            break
    return outcome


def _selections(job, runs: int) -> list[list | None]:
    """The asset selection of each of `runs` runs: everything when there is one; otherwise the partitioned
    assets in every run, the unpartitioned ones upstream of them in the first, downstream in the last."""
    if runs == 1:
        return [None]
    graph = job.asset_layer.asset_graph
    keys = [k for k in graph.get_all_asset_keys() if graph.get(k).is_materializable]
    partitioned = {k for k in keys if graph.get(k).partitions_def is not None}
    upstream = {k for k in keys if k not in partitioned and graph.get(k).child_keys & partitioned}
    downstream = set(keys) - partitioned - upstream
    return [sorted(partitioned | (upstream if i == 0 else set()) | (downstream if i == runs - 1 else set()))
            for i in range(runs)]


def _add_removals(outcome: RunOutcome, result) -> None:
    for event in result.asset_materializations_for_node("articles"):
        metadata = event.metadata
        if "articles_removed" in metadata:
            outcome.articles_removed += metadata["articles_removed"].value
            outcome.removed_paths += metadata["removed_source_paths"].value


def _prune(settings: Settings) -> list[str]:
    from diplowatch import store
    from diplowatch.load import prune_missing_sources

    if not Path(settings.db_path).exists():
        return []
    with store.connect(settings.db_path) as con:
        gone = prune_missing_sources(con)
    return sorted(set(gone.filter("article_removed")["source_path"].to_list()))


@app.command()
def run(raw: RawOpt = None, db: DbOpt = None,
        model: Annotated[str | None, typer.Option(help="spaCy model name (default: $DIPLOWATCH_MODEL)")] = None,
        workers: Annotated[int | None, typer.Option(
            min=0, help="extraction processes, each with its own model; 0 = one per core "
            "(default: $DIPLOWATCH_WORKERS, else 1)")] = None,
        prune: Annotated[bool, typer.Option(
            "--prune", help="also remove stored articles whose files no longer exist anywhere (other folders "
            "included; a run alone only removes what left the folder it reads)")] = False) -> None:
    """Materialize every asset in-process (the job the Dagster UI runs) for every day in the raw folder, then summarize."""
    # Dagster flags beta parameters (backfill_policy) on every definition load: noise for a CLI user.
    from dagster import BetaWarning, PreviewWarning

    warnings.filterwarnings("ignore", category=BetaWarning)
    warnings.filterwarnings("ignore", category=PreviewWarning)
    settings = Settings.from_env(raw_dir=raw, db_path=db, model_name=model, workers=workers)
    if not Path(settings.raw_dir).exists():
        err_console.print(f"[red]raw folder {settings.raw_dir} does not exist[/red]: pass --raw or set DIPLOWATCH_RAW_DIR")
        raise typer.Exit(2)
    outcome = run_all(settings, prune=prune)
    covered = ", ".join(f"{a}..{b}" if a != b else f"{a}" for a, b in outcome.ranges)
    if not outcome.success:
        err_console.print(f"[red]the run over {covered} failed[/red]: see the log above")
        raise typer.Exit(1)
    say = functools.partial(console.print, highlight=False, markup=False, soft_wrap=True)
    say(f"ran daily_events_job over {covered} into {settings.db_path}")
    if outcome.articles_removed:
        say(f"removed {outcome.articles_removed} article(s) no longer in {settings.raw_dir}, read before from:")
        for path in outcome.removed_paths:
            say(f"  {path}")
    if outcome.pruned:
        say(f"pruned {len(outcome.pruned)} file(s) that no longer exist, with their articles:")
        for path in outcome.pruned:
            say(f"  {path}")
    for line in outcome.failed_checks:
        say(f"check not passed: {line}")
    summary_cmd(db=settings.db_path)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
