"""SQL users open the database with the DuckDB CLI from PyPI (1.5.x): it reads our files, views included."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from diplowatch import store
from diplowatch.stages.articles import load_articles
from diplowatch.stages.events import load_events
from diplowatch.stages.visits import load_visits
from diplowatch.views import VIEWS
from tests.fixtures.known_db import build_known_db
from tests.fixtures.paths import SAMPLES


def duckdb_cli() -> str:
    beside_python = Path(sys.executable).parent / "duckdb"
    path = str(beside_python) if beside_python.exists() else shutil.which("duckdb")
    if not path:
        pytest.skip("no DuckDB CLI: `uv sync` installs duckdb-cli (dev group) as .venv/bin/duckdb")
    return path


def cli_query(db: Path, sql: str) -> list[list[str]]:
    result = subprocess.run(
        [duckdb_cli(), "-readonly", "-csv", "-nullvalue", "", str(db), "-c", sql],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, f"duckdb CLI failed on {db}: {result.stderr}"
    return list(csv.reader(io.StringIO(result.stdout)))


def python_query(db: Path, sql: str) -> list[list[str]]:
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(sql).fetchall()
    return [["" if v is None else str(v) for v in row] for row in rows]


def test_the_cli_is_an_older_duckdb_than_the_library():
    version = subprocess.run([duckdb_cli(), "--version"], capture_output=True, text=True, timeout=60).stdout
    assert version.startswith("v1."), version
    # The point of the storage compatibility setting: the library writing the file is newer than the CLI.
    assert not duckdb.__version__.startswith("1.4")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory, extractor) -> Path:
    """The sample articles through the real stages (articles, events, visits), as `make demo` builds them."""
    path = tmp_path_factory.mktemp("duckdb_cli") / "demo.duckdb"
    with store.connect(path) as con:
        load_articles(con, SAMPLES)
        load_events(con, extractor)
        load_visits(con)
    with store.connect(path) as con:  # a second writing session: views replaced, visit ids rewritten
        load_visits(con)
    return path


def test_demo_database_opens_in_the_duckdb_cli_with_tables_and_views(demo_db):
    header, *rows = cli_query(demo_db, "SELECT visitor_code, host_code, status FROM visits ORDER BY ALL")
    assert header == ["visitor_code", "host_code", "status"]
    assert rows == python_query(demo_db, "SELECT visitor_code, host_code, status FROM visits ORDER BY ALL")
    assert ["RUS", "PRK"] in [r[:2] for r in rows]
    for name in VIEWS:
        (_, (count,)) = cli_query(demo_db, f"SELECT count(*) FROM {name}")
        assert count == python_query(demo_db, f"SELECT count(*) FROM {name}")[0][0], name


def test_known_database_view_numbers_agree_between_cli_and_library(tmp_path):
    db = build_known_db(tmp_path / "known.duckdb")
    sql = "SELECT pair, visits, cancelled, first_visit, last_visit FROM visit_pairs ORDER BY pair"
    header, *rows = cli_query(db, sql)
    assert rows == python_query(db, sql)
    assert ["RUS->PRK", "2", "0", "2024-06-18", "2025-03-05"] in rows
    comments = cli_query(
        db, "SELECT view_name, comment FROM duckdb_views() WHERE NOT internal ORDER BY view_name"
    )
    assert {r[0]: r[1] for r in comments[1:]} == {name: view.description for name, view in VIEWS.items()}
