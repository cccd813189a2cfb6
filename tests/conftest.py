"""Shared fixtures: a Dagster instance folder per test, a temporary database, a file held by another process,
stand-in and real extractors. The helpers they use are in tests/fixtures/."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.extractors import StubExtractor
from tests.fixtures.locks import LockHolder


@pytest.fixture(autouse=True)
def dagster_home(tmp_path, monkeypatch) -> Path:
    """Every test gets its own Dagster instance folder: runs a test launches never land in the project's."""
    home = tmp_path / "dagster_home"
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    return home


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "test.duckdb"


@pytest.fixture
def held(db_path) -> LockHolder:
    """`db_path`, created, then held open read-write by another process until released (or the test ends)."""
    from diplowatch import store

    with store.connect(db_path):
        pass
    holder = LockHolder(db_path)
    yield holder
    holder.release()


@pytest.fixture
def stub_extractor() -> StubExtractor:
    return StubExtractor()


@pytest.fixture(scope="session")
def extractor():
    """The real extractor, loaded once for the whole test session."""
    from diplowatch.nlp import Extractor

    return Extractor()
