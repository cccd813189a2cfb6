"""What a multiprocess run's forkserver loads once, before it forks a process per step: the code location and
the spaCy model (DIPLOWATCH_MODEL). Each step process then starts with both in memory (shared copy-on-write)
instead of spending seconds importing Dagster and loading the model again."""

from __future__ import annotations

import contextlib

from dagster import DagsterInstance

from assets.resources import load_extractor
from diplowatch.settings import Settings

# Imported for its side effect: every module of the code location, loaded once in the forkserver.
from pipelines import definitions  # noqa: F401
from pipelines.dagster_home import dagster_home

_settings = Settings.from_env()
load_extractor(_settings.model_name).nlp  # noqa: B018 - loads the model into the forkserver

# The instance a step process opens first thing: opening it once here imports its storage modules (SQLAlchemy,
# alembic, the SQLite or PostgreSQL storages), which every step process otherwise imported again: ~4 s between
# one step's end and the next one's start on the development machine, ~0.6 s with this. Only a warm-up: if the
# instance cannot be opened here, the step process opens it itself and reports why.
if dagster_home().is_dir():
    with contextlib.suppress(Exception), DagsterInstance.from_config(str(dagster_home())):
        pass
