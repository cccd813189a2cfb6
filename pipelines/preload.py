"""What a multiprocess run's forkserver loads once, before it forks a process per step: the code location and
the spaCy model (DIPLOWATCH_MODEL). Each step process then starts with both in memory (shared copy-on-write)
instead of spending seconds importing Dagster and loading the model again."""

from __future__ import annotations

from assets.resources import load_extractor
from diplowatch.settings import Settings

# Imported for its side effect: every module of the code location, loaded once in the forkserver.
from pipelines import definitions  # noqa: F401

_settings = Settings.from_env()
load_extractor(_settings.model_name).nlp  # noqa: B018 - loads the model into the forkserver
