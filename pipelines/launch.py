"""`diplowatch run` without the command line: launch `events_job` over the years a raw folder's articles fall
on, recorded in the project's Dagster instance (the one `make ui` shows) unless asked for a throwaway one."""

from __future__ import annotations

import contextlib
import os
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from diplowatch.settings import Settings


@dataclass
class RunOutcome:
    """What `diplowatch run` did: success, the year ranges it covered (first days of the first and last
    year), the checks that did not pass, the sources of the articles it removed because they are no longer
    in the folder, and the Dagster runs it recorded."""

    success: bool
    ranges: list[tuple[date, date]]
    failed_checks: list[str] = field(default_factory=list)
    articles_removed: int = 0
    removed_paths: list[str] = field(default_factory=list)
    pruned: list[str] = field(default_factory=list)
    run_ids: list[str] = field(default_factory=list)
    dagster_home: str | None = None


@contextlib.contextmanager
def open_instance(ephemeral: bool = False) -> Iterator:
    """The project's persistent Dagster instance (DAGSTER_HOME, else the project's `.dagster_home/`, with the
    project's dagster.yaml: the one `make ui` opens), or an in-memory one that keeps nothing."""
    from dagster import DagsterInstance

    from pipelines.dagster_home import prepare_dagster_home

    if ephemeral:
        with DagsterInstance.ephemeral() as instance:
            yield instance
        return
    home = prepare_dagster_home()
    with DagsterInstance.from_config(str(home)) as instance:
        yield instance


def days_to_run(settings: Settings, now: datetime) -> list[date]:
    """The days a run over the raw folder covers: those its articles fall on now (an undated new article on
    today's), and those that stored articles read from this folder were on, so what left the folder is
    noticed. Days outside the partitions are left to the articles asset to record."""
    import duckdb

    from assets.partitions import partition_bounds
    from diplowatch import store
    from diplowatch.ingest import folder_article_dates
    from diplowatch.stages.removals import partitions_of_folder

    today = now.astimezone(UTC).date()
    days = folder_article_dates(settings.raw_dir, today)
    if Path(settings.db_path).exists():
        try:
            with store.connect(settings.db_path, read_only=True) as con:
                days |= partitions_of_folder(con, settings.raw_dir)
        except duckdb.Error:
            pass  # not a database we can read: the run's first step fails on it and says why
    first_ok, last_ok = partition_bounds(now)
    return sorted(d for d in days if first_ok <= d <= last_ok) or [today]


def run_all(
    settings: Settings,
    now: datetime | None = None,
    prune: bool = False,
    ephemeral: bool = False,
    nightly: bool = False,
    reextract: bool = False,
) -> RunOutcome:
    """Run `events_job` over the years the raw folder's articles fall on.

    Years far apart (1987 articles and this year's undated ones) are separate runs, so a run never
    rewrites, or records Dagster bookkeeping for, decades of empty years; the unpartitioned assets run once,
    upstream ones in the first run and downstream ones in the last. `prune` first removes the articles whose
    files are gone from anywhere (see `prune_missing_sources`). With one process (the default) the runs
    execute in this process; with more, Dagster's multiprocess executor runs the steps (the settings reach
    the step processes through the environment). `nightly` runs what the nightly schedule runs instead: the
    year of the previous complete UTC day (for cron, where no Dagster daemon keeps the schedule ticking).
    `reextract` extracts every article again, not only those the current extractor has not read yet.
    """
    from dagster import BetaWarning, PreviewWarning

    from assets.partitions import partition_ranges

    # Dagster flags beta parameters (backfill_policy) on every definition load: noise for a CLI user.
    warnings.filterwarnings("ignore", category=BetaWarning)
    warnings.filterwarnings("ignore", category=PreviewWarning)
    if ephemeral and settings.max_processes > 1:
        raise ValueError(
            "runs in several processes need a persistent Dagster instance (the step processes "
            "read the run from it): drop --ephemeral, or use one process"
        )
    os.environ.update(settings.to_env())
    now = now or datetime.now(UTC)
    pruned = _prune(settings) if prune else []
    if nightly:
        from pipelines.schedules import previous_complete_day

        ranges = partition_ranges([previous_complete_day(now)])
    else:
        ranges = partition_ranges(days_to_run(settings, now))
    outcome = RunOutcome(True, ranges, pruned=pruned)
    with open_instance(ephemeral) as instance:
        outcome.dagster_home = None if ephemeral else str(instance.root_directory)
        for (first, last), selection in zip(ranges, _selections(settings, len(ranges)), strict=True):
            result = _execute(settings, instance, first, last, selection, _run_config(reextract))
            outcome.run_ids.append(result.run_id)
            outcome.failed_checks += [
                f"{e.asset_key.to_user_string()}.{e.check_name} {e.severity.value}: {e.description}"
                for e in result.get_asset_check_evaluations()
                if not e.passed
            ]
            _add_removals(outcome, result)
            if not result.success:
                outcome.success = False
                break
    return outcome


def _run_config(reextract: bool) -> dict:
    # INFO, not DEBUG: the per-step event stream is for the UI; the terminal gets the assets' own lines.
    config: dict = {"loggers": {"console": {"config": {"log_level": "INFO"}}}}
    if reextract:
        config["ops"] = {"events": {"ops": {"stage_event_articles": {"config": {"reextract": True}}}}}
    return config


def _execute(settings: Settings, instance, first: date, last: date, selection, run_config: dict):
    from dagster import execute_job

    from assets.partitions import partition_key, range_tags
    from pipelines.definitions import build_definitions, reconstructable_events_job

    tags = range_tags(first, last) if first != last else {}
    key = partition_key(first) if first == last else None
    if settings.max_processes <= 1:
        job = build_definitions(settings).resolve_job_def("events_job")
        return job.execute_in_process(
            run_config=run_config,
            instance=instance,
            partition_key=key,
            tags=tags,
            asset_selection=selection,
            raise_on_error=False,
        )
    tags = range_tags(first, last)
    with execute_job(
        reconstructable_events_job(settings),
        instance,
        run_config=run_config,
        tags=tags,
        asset_selection=selection,
        raise_on_error=False,
    ) as result:
        return result


def _selections(settings: Settings, runs: int) -> list[list | None]:
    """The asset selection of each of `runs` runs: everything when there is one; otherwise the partitioned
    assets in every run, the unpartitioned ones upstream of them in the first, downstream in the last."""
    if runs == 1:
        return [None]
    from pipelines.definitions import build_definitions

    graph = build_definitions(settings).resolve_asset_graph()
    keys = [k for k in graph.get_all_asset_keys() if graph.get(k).is_materializable]
    partitioned = {k for k in keys if graph.get(k).partitions_def is not None}
    upstream = {k for k in keys if k not in partitioned and graph.get(k).child_keys & partitioned}
    downstream = set(keys) - partitioned - upstream
    return [
        sorted(partitioned | (upstream if i == 0 else set()) | (downstream if i == runs - 1 else set()))
        for i in range(runs)
    ]


def _add_removals(outcome: RunOutcome, result) -> None:
    """The run's removals, from its `articles` materialization (a range run repeats it once per partition)."""
    for event in result.get_asset_materialization_events():
        metadata = event.materialization.metadata
        if event.asset_key.to_user_string() == "articles" and "articles_removed" in metadata:
            outcome.articles_removed += metadata["articles_removed"].value
            outcome.removed_paths += metadata["removed_source_paths"].value
            return


def _prune(settings: Settings) -> list[str]:
    from diplowatch import store
    from diplowatch.stages.removals import prune_missing_sources

    if not Path(settings.db_path).exists():
        return []
    with store.connect(settings.db_path) as con:
        gone = prune_missing_sources(con)
    return sorted(set(gone.filter("article_removed")["source_path"].to_list()))
