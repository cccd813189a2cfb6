"""Jobs of the code location: `events_job`, the whole graph for one year (or a range of years)."""

from __future__ import annotations

from dagster import (
    AssetSelection,
    ExecutorDefinition,
    define_asset_job,
    in_process_executor,
    multiprocess_executor,
)

from diplowatch.settings import Settings

#: The whole asset graph (yearly partitions, inferred from its assets). Partitioned assets run for the run's
#: year(s); unpartitioned ones (feeds upstream, the analytics over all years downstream) once per run. The
#: schedule, the sensor, the UI's Launch button and `diplowatch run` all run this job. It has no executor of
#: its own: it takes the code location's (see `executor_for`), so a deployment swaps in its executor
#: (k8s, celery) without touching the job.
events_job = define_asset_job(
    name="events_job",
    selection=AssetSelection.all(),
    description="Read the raw folder's articles of the given year(s), extract visits and reactions in "
    "chunks, validate, store in DuckDB, then refresh the analytics built on them.",
)


def executor_for(settings: Settings) -> ExecutorDefinition:
    """One process (every step in the run's process: imports and the spaCy model loaded once; the default),
    or up to `settings.processes` processes (extraction chunks in parallel). Both are Dagster's own executors,
    configurable per run in the UI. The multiprocess one forks its step processes from a forkserver that has
    imported the code location and loaded the model (`pipelines.preload`), so a step does not pay seconds
    of imports and its own model load."""
    if settings.max_processes <= 1:
        return in_process_executor
    return multiprocess_executor.configured(
        {
            "max_concurrent": settings.max_processes,
            "start_method": {"forkserver": {"preload_modules": ["pipelines.preload"]}},
        }
    )
