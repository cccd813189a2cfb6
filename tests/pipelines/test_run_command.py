"""`diplowatch run`: runs over the years of the raw folder, recorded in the project's Dagster instance;
non-zero exit only when it fails."""

from __future__ import annotations

import shutil
from datetime import date

import duckdb
from dagster import AssetKey, DagsterInstance
from typer.testing import CliRunner

from pipelines.console import app
from tests.fixtures.paths import SAMPLES

runner = CliRunner()


def test_run_materializes_every_year_records_its_run_and_prints_a_summary(tmp_path, dagster_home):
    raw = tmp_path / "raw"
    shutil.copytree(SAMPLES, raw)
    db = tmp_path / "out" / "diplowatch.duckdb"
    result = runner.invoke(app, ["run", "--raw", str(raw), "--db", str(db)])
    assert result.exit_code == 0, result.output
    (ran,) = [line for line in result.output.splitlines() if line.startswith("ran events_job over")]
    # 2024 and 2025: one run over both years.
    assert ran.startswith("ran events_job over 2024..2025 ")
    assert "articles: 5" in result.output
    assert "RUS->PRK" in result.output
    with duckdb.connect(str(db), read_only=True) as con:
        days = [
            r[0] for r in con.execute("SELECT DISTINCT partition_date FROM articles ORDER BY 1").fetchall()
        ]
    assert days[0] == date(2024, 6, 17) and days[-1] == date(2025, 8, 20) and len(days) == 5
    # The runs are in the instance `make ui` opens (DAGSTER_HOME), with the assets' materializations.
    assert f"recorded in the Dagster instance {dagster_home}" in result.output
    with DagsterInstance.from_config(str(dagster_home)) as instance:
        runs = instance.get_runs()
        assert len(runs) == 1 and all(run.is_success for run in runs)
        assert instance.get_latest_materialization_event(AssetKey("visits")) is not None
        assert (
            instance.get_latest_materialization_event(AssetKey("articles")).dagster_event.partition == "2025"
        )


def test_an_ephemeral_run_records_nothing(tmp_path, dagster_home):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("date 2024-01-01 A\nThe Japanese prime minister arrived in Paris on Monday.\n")
    result = runner.invoke(app, ["run", "--raw", str(raw), "--db", str(tmp_path / "d.duckdb"), "--ephemeral"])
    assert result.exit_code == 0, result.output
    assert "recorded in" not in result.output and not dagster_home.exists()


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
    result = runner.invoke(
        app, ["run", "--raw", str(tmp_path / "absent"), "--db", str(tmp_path / "x.duckdb")]
    )
    assert result.exit_code == 2


def test_a_run_over_another_folder_keeps_the_first_folders_articles_and_reports_removals(tmp_path):
    """Folder B holds one file dated 2024-01-01 and one undated file; the first folder's articles stay."""
    demo = tmp_path / "samples"
    shutil.copytree(SAMPLES, demo)
    db = tmp_path / "diplowatch.duckdb"
    assert runner.invoke(app, ["run", "--raw", str(demo), "--db", str(db)]).exit_code == 0
    other = tmp_path / "batch-b"
    other.mkdir()
    (other / "dated.txt").write_text(
        "date 2024-01-01 Visit\nThe Japanese foreign minister arrived in Paris on "
        "Monday for talks with her French counterpart.\n"
    )
    (other / "undated.txt").write_text(
        "The Chadian president will visit Nigeria next week, his office said.\n"
    )
    result = runner.invoke(app, ["run", "--raw", str(other), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "article(s) no longer in" not in result.output
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchall()[0][0] == 7
        from_demo = con.execute(
            "SELECT count(*) FROM visit_mentions v JOIN article_sources s USING (article_id) "
            "WHERE s.source_path LIKE ?",
            [f"{demo}%"],
        ).fetchall()[0][0]
    assert from_demo > 0
    # The undated file's year (this one) shares the run: 2024 .. now is a short range of years.
    assert "ran events_job over 2024..20" in result.output
    (other / "dated.txt").unlink()
    result = runner.invoke(app, ["run", "--raw", str(other), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert f"removed 1 article(s) no longer in {other}" in result.output
    assert str(other / "dated.txt") in result.output
