"""The diplowatch code location: assets and their checks, the job, the nightly schedule, the file sensor."""

from __future__ import annotations

from dagster import Definitions, ExecutorDefinition, load_asset_checks_from_modules, load_assets_from_modules

from assets import analytics, extraction, ingest
from assets.resources import build_resources
from diplowatch.settings import Settings
from pipelines.jobs import events_job, executor_for
from pipelines.schedules import nightly_schedule_for
from pipelines.sensors import new_articles_sensor

#: Every module holding assets (or asset checks) of the code location; a new asset module registers here.
ASSET_MODULES = [ingest, extraction, analytics]


def build_definitions(
    settings: Settings | None = None, executor: ExecutorDefinition | None = None
) -> Definitions:
    """The code location for the given settings (by default read from the environment, once).

    `executor`: the runs' executor; by default one process or several, from the settings (`executor_for`). A
    deployment on Kubernetes or Celery passes its own here (docs/operations.md).
    """
    settings = settings or Settings.from_env()
    return Definitions(
        assets=load_assets_from_modules(ASSET_MODULES),
        asset_checks=load_asset_checks_from_modules(ASSET_MODULES),
        jobs=[events_job],
        schedules=[nightly_schedule_for(settings.schedule_timezone)],
        sensors=[new_articles_sensor],
        resources=build_resources(settings),
        executor=executor or executor_for(settings),
    )


defs = build_definitions()


def events_job_for(**environ: str):
    """`events_job` for the settings in `environ` (Settings.to_env()): what a run's step processes rebuild
    (reconstructable_job). The settings travel with the job rather than in os.environ, because the step
    processes fork from a forkserver that keeps the environment of the run that started it."""
    return build_definitions(Settings.from_env(environ)).resolve_job_def("events_job")


def reconstructable_events_job(settings: Settings):
    """events_job for these settings, rebuilt the same way in every step process of a multiprocess run."""
    from dagster import build_reconstructable_job

    return build_reconstructable_job(
        "pipelines.definitions", "events_job_for", reconstructable_kwargs=settings.to_env()
    )
