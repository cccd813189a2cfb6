"""The diplowatch code location: assets and their checks, the daily job, the nightly schedule, the file sensor."""

from __future__ import annotations

from dagster import Definitions, load_asset_checks_from_modules, load_assets_from_modules

from assets import analytics, events, feeds, ingest
from diplowatch.settings import Settings
from pipelines.jobs import daily_events_job
from pipelines.resources import build_resources
from pipelines.schedules import nightly_schedule_for
from pipelines.sensors import new_articles_sensor

#: Every module holding assets (or asset checks) of the code location; a new asset module registers here.
ASSET_MODULES = [ingest, feeds, events, analytics]


def build_definitions(settings: Settings | None = None) -> Definitions:
    """The code location for the given settings (by default read from the environment, once)."""
    settings = settings or Settings.from_env()
    return Definitions(
        assets=load_assets_from_modules(ASSET_MODULES),
        asset_checks=load_asset_checks_from_modules(ASSET_MODULES),
        jobs=[daily_events_job],
        schedules=[nightly_schedule_for(settings.schedule_timezone)],
        sensors=[new_articles_sensor],
        resources=build_resources(settings),
    )


defs = build_definitions()
