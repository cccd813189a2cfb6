"""Shared fixtures: paths, a temporary database per test, a stand-in extractor for storage tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.extractors import StubExtractor


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
def stub_extractor() -> StubExtractor:
    return StubExtractor()


@pytest.fixture(scope="session")
def extractor():
    """The real extractor, loaded once for the whole test session."""
    from diplowatch.nlp import Extractor

    return Extractor()
