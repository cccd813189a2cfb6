"""Jobs of the code location: `daily_events_job`, the whole graph for one day (or a range of days)."""

from __future__ import annotations

from dagster import AssetSelection, define_asset_job, in_process_executor

#: The whole asset graph (daily partitions, inferred from its assets). Partitioned assets run for the run's day(s); unpartitioned ones downstream (the
#: analytics over all days) are recomputed once per run. The schedule, the sensor, the UI's Launch button
#: and `diplowatch run` all run this job.
daily_events_job = define_asset_job(
    name="daily_events_job",
    selection=AssetSelection.all(),
    # The graph is a chain (articles -> events -> analytics) whose writers share one DuckDB slot, so
    # subprocess-per-step buys no parallelism; in one process the steps skip ~10 s of imports each and
    # the spaCy model is loaded once per run.
    executor_def=in_process_executor,
    description="Read the raw folder's articles of the given day(s), extract visits and reactions, validate, "
    "store in DuckDB, then refresh the analytics built on them.",
)
