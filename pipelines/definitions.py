"""The diplowatch code location: assets, resources, jobs."""

from dagster import Definitions, load_assets_from_modules

from assets import events, ingest
from pipelines.resources import build_resources

defs = Definitions(
    assets=load_assets_from_modules([ingest, events]),
    resources=build_resources(),
)
