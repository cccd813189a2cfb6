"""`diplowatch run`: one in-process run over every day of the raw folder; non-zero exit only when it fails."""

from __future__ import annotations

import shutil
from datetime import date

import duckdb
from typer.testing import CliRunner

from pipelines.cli import app
from tests.conftest import SAMPLES

runner = CliRunner()


def test_run_materializes_every_day_and_prints_a_summary(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(SAMPLES, raw)
    db = tmp_path / "out" / "diplowatch.duckdb"
    result = runner.invoke(app, ["run", "--raw", str(raw), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "ran daily_events_job over 2024-06-17..2025-08-20" in result.output
    assert "articles: 5" in result.output
    assert "RUS->PRK" in result.output
    with duckdb.connect(str(db), read_only=True) as con:
        days = [r[0] for r in con.execute("SELECT DISTINCT partition_date FROM articles ORDER BY 1").fetchall()]
    assert days[0] == date(2024, 6, 17) and days[-1] == date(2025, 8, 20) and len(days) == 5


def test_run_exits_non_zero_when_the_run_fails(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(SAMPLES, raw)
    db = tmp_path / "not-a-database.duckdb"
    db.write_bytes(b"this is not a DuckDB file" * 100)  # the articles step cannot open it: the run fails
    result = runner.invoke(app, ["run", "--raw", str(raw), "--db", str(db)])
    assert result.exit_code == 1, result.output
    assert "failed" in result.output


def test_run_of_a_folder_without_articles_runs_today_and_records_the_errors(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "broken.jsonl").write_text("{not json\n")
    db = tmp_path / "diplowatch.duckdb"
    result = runner.invoke(app, ["run", "--raw", str(raw), "--db", str(db)])
    # Unreadable input is recorded, not a failed run.
    assert result.exit_code == 0, result.output
    assert "inputs_readable WARN: 1 input(s) could not be read (invalid_json 1)" in result.output
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT reason FROM ingest_errors").fetchall() == [("invalid_json",)]


def test_run_with_a_missing_raw_folder_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["run", "--raw", str(tmp_path / "absent"), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 2
