"""`diplowatch sql` only queries: one statement, no file, database or extension access (DuckDB's external
access off and the configuration locked), and errors opening the file name their real cause."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from diplowatch.cli import app
from tests.fixtures.known_db import build_known_db

runner = CliRunner()
REFUSED = "only queries the database's tables and views"


@pytest.fixture(scope="module")
def known_db(tmp_path_factory) -> str:
    return str(build_known_db(tmp_path_factory.mktemp("sandbox") / "known.duckdb"))


@pytest.fixture
def victim(tmp_path) -> Path:
    """Another DuckDB file on the same disk, which a query must neither read nor overwrite."""
    path = tmp_path / "victim.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE precious AS SELECT 42 AS answer")
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sql(query: str, db: str):
    return runner.invoke(app, ["sql", query, "--db", db, "--format", "csv"])


@pytest.mark.parametrize(
    "template",
    [
        "COPY (SELECT 1 AS x) TO '{victim}'",
        "COPY (SELECT 1 AS x) TO '{victim}' (FORMAT parquet)",
        "EXPORT DATABASE '{folder}/export'",
        "SELECT * FROM read_text('{secret}')",
        "SELECT * FROM read_csv('{secret}')",
        "SELECT * FROM '{secret}'",
        "SELECT * FROM glob('{folder}/*')",
        "ATTACH '{victim}' AS other",
        "INSTALL httpfs FROM '{folder}/repository'",  # a local repository: no download, even if let through
        "LOAD '{folder}/httpfs.duckdb_extension'",
        "SET enable_external_access = true",
        "RESET lock_configuration",
    ],
    ids=[
        "copy-to",
        "copy-parquet",
        "export",
        "read_text",
        "read_csv",
        "file-as-table",
        "glob",
        "attach",
        "install",
        "load",
        "set-access",
        "reset-lock",
    ],
)
def test_sql_refuses_file_database_and_extension_access(known_db, victim, tmp_path, template):
    secret = tmp_path / "secret.csv"
    secret.write_text("password\nhunter2\n")
    before = _digest(victim)
    result = sql(template.format(victim=victim, folder=tmp_path, secret=secret), known_db)
    assert result.exit_code == 2, result.output
    assert "SQL error" in result.stderr and REFUSED in result.stderr
    assert "hunter2" not in result.output and "victim.duckdb" not in result.stdout
    assert _digest(victim) == before
    assert not (tmp_path / "export").exists()


@pytest.mark.parametrize("query", ["SELECT 1; COPY (SELECT 1 AS x) TO '{victim}'", "SELECT 1; SELECT 2"])
def test_sql_runs_one_statement_only(known_db, victim, query):
    before = _digest(victim)
    result = sql(query.format(victim=victim), known_db)
    assert result.exit_code == 2, result.output
    assert "one statement at a time" in result.stderr and "2 statements" in result.stderr
    assert result.stdout == ""
    assert _digest(victim) == before


def test_queries_and_views_still_work_after_the_lockdown(known_db):
    result = sql("SELECT pair, visits FROM visit_pairs ORDER BY visits DESC, pair LIMIT 1;", known_db)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["pair,visits", "RUS->PRK,2"]
    result = sql("SELECT count(*) AS n FROM articles a JOIN article_sources s USING (article_id)", known_db)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("make", "cause"),
    [
        (lambda p: p.write_text("not a database at all\n" * 50), "not a DuckDB database"),
        (lambda p: p.write_bytes(b""), "not a DuckDB database"),
        (lambda p: p.mkdir(), "check the path"),
    ],
)
def test_a_file_that_cannot_be_opened_names_the_real_cause(tmp_path, make, cause):
    path = tmp_path / "broken.duckdb"
    make(path)
    result = sql("SELECT 1", str(path))
    assert result.exit_code == 2, result.output
    assert "cannot open" in result.stderr and cause in result.stderr
    assert "another process" not in result.stderr
