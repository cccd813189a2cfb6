"""The core CLI: sql (table, CSV, JSON; read-only; clear errors), stats, summary and extract."""

from __future__ import annotations

import csv
import io
import json
import re

import duckdb
import pytest
from typer.testing import CliRunner

import diplowatch.nlp
from diplowatch.cli import app
from tests.fixtures.extractors import StubExtractor
from tests.fixtures.known_db import build_known_db
from tests.fixtures.paths import ROOT, SAMPLE_ARTICLE

runner = CliRunner()


@pytest.fixture(scope="module")
def known_db(tmp_path_factory) -> str:
    return str(build_known_db(tmp_path_factory.mktemp("cli") / "known.duckdb"))


def invoke(*args: str):
    return runner.invoke(app, list(args))


def test_sql_prints_csv(known_db):
    result = invoke(
        "sql",
        "SELECT pair, visits, first_visit FROM visit_pairs ORDER BY visits DESC, pair LIMIT 2",
        "--db",
        known_db,
        "--format",
        "csv",
    )
    assert result.exit_code == 0, result.output
    assert list(csv.reader(io.StringIO(result.stdout))) == [
        ["pair", "visits", "first_visit"],
        ["RUS->PRK", "2", "2024-06-18"],
        ["CHN->PRK", "1", "2024-04-12"],
    ]


def test_sql_prints_json_with_parameters_and_limit(known_db):
    result = invoke(
        "sql",
        "SELECT visitor_code, start_date, status FROM visits WHERE host_code = ? ORDER BY start_date",
        "--param",
        "PRK",
        "--limit",
        "2",
        "--db",
        known_db,
        "-f",
        "json",
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [
        {"visitor_code": "CHN", "start_date": "2024-04-12", "status": "completed"},
        {"visitor_code": "RUS", "start_date": "2024-06-18", "status": "completed"},
    ]


def test_sql_prints_a_table_by_default(known_db):
    result = invoke(
        "sql",
        "SELECT reactor_code, sum(reactions) AS n FROM reaction_summary GROUP BY 1 ORDER BY 2 DESC",
        "--db",
        known_db,
    )
    assert result.exit_code == 0, result.output
    assert "reactor_code" in result.stdout and "USA" in result.stdout and "3" in result.stdout


def test_sql_table_output_says_when_rows_are_left_out(known_db):
    result = invoke("sql", "SELECT * FROM range(150)", "--db", known_db)
    assert result.exit_code == 0 and "50 more rows not shown" in result.stderr


def test_sql_bad_query_is_a_clear_error(known_db):
    result = invoke("sql", "SELEC * FROM visits", "--db", known_db)
    assert result.exit_code == 2
    assert "SQL error" in result.stderr and "syntax error" in result.stderr


def test_sql_unknown_table_points_at_the_dictionary(known_db):
    result = invoke("sql", "SELECT * FROM visitz", "--db", known_db)
    assert result.exit_code == 2 and "data-dictionary" in result.stderr


def test_sql_connection_is_read_only(known_db):
    result = invoke("sql", "DELETE FROM visits", "--db", known_db)
    assert result.exit_code == 2 and "read-only" in result.stderr
    with duckdb.connect(known_db, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM visits").fetchall() == [(7,)]


def test_sql_on_a_missing_database_says_what_to_do(tmp_path):
    result = invoke("sql", "SELECT 1", "--db", str(tmp_path / "absent.duckdb"))
    assert result.exit_code == 2 and "diplowatch run" in result.stderr
    assert not (tmp_path / "absent.duckdb").exists()


def test_stats_json(known_db):
    result = invoke("stats", "--db", known_db, "--json", "--top", "3")
    assert result.exit_code == 0, result.output
    stats = json.loads(result.stdout)
    assert stats["counts"]["visits"] == 7 and stats["counts"]["visit_mentions"] == 11
    assert stats["counts"]["mentions_without_visit"] == 0 and stats["counts"]["reactions_about_a_visit"] == 5
    assert {r["status"]: r["visits"] for r in stats["visits_by_status"]} == {
        "completed": 5,
        "cancelled": 1,
        "planned": 1,
    }
    assert stats["top_pairs"][0]["pair"] == "RUS->PRK" and len(stats["top_pairs"]) == 3
    assert stats["top_hosts"][0] == {"host_code": "PRK", "visits": 3, "visitors": 2}
    assert stats["top_reactors"][0] == {"reactor_code": "USA", "reactions": 3, "negative": 2, "positive": 1}


def test_stats_table(known_db):
    result = invoke("stats", "--db", known_db)
    assert result.exit_code == 0, result.output
    assert "visits by latest status" in result.stdout and "RUS->PRK" in result.stdout


def test_summary_still_works(known_db):
    result = invoke("summary", "--db", known_db)
    assert result.exit_code == 0, result.output
    assert "articles: 9" in result.stdout


def test_extract_prints_the_events_of_one_article_without_touching_the_database(
    monkeypatch, tmp_path, extractor
):
    db = tmp_path / "never.duckdb"
    monkeypatch.setenv("DIPLOWATCH_DB", str(db))
    monkeypatch.setattr(diplowatch.nlp, "Extractor", lambda **_: extractor)
    result = invoke("extract", str(SAMPLE_ARTICLE), "--json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    (article,) = out["articles"]
    pairs = {(v["visitor_code"], v["host_code"], v["status"]) for v in article["visits"]}
    assert ("RUS", "PRK", "planned") in pairs and ("RUS", "VNM", "planned") in pairs
    assert any(r["reactor_code"] == "USA" and r["stance"] == "negative" for r in article["reactions"])
    assert not db.exists()


def test_extract_table_output_and_rows_that_would_be_rejected(monkeypatch, tmp_path):
    monkeypatch.setattr(diplowatch.nlp, "Extractor", lambda **_: StubExtractor(visitor_code="bad"))
    article = tmp_path / "a.jsonl"
    article.write_text(
        '{"text": "A minister visited. Nothing else.", "title": "T", "published_at": "2024-01-02"}\n'
        "not json\n"
    )
    result = invoke("extract", str(article))
    assert result.exit_code == 0, result.output
    assert "visits (1)" in result.stdout and "reactions (1)" in result.stdout
    assert "invalid_json" in result.stderr  # the unreadable line is reported, not silently skipped
    assert "would be rejected" in result.stderr and "visitor_code" in result.stderr


def test_extract_of_an_unreadable_file_fails_with_the_reason(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = invoke("extract", str(empty))
    assert result.exit_code == 1
    assert "empty_file" in result.stderr and "no article could be read" in result.stderr


class _FixedRows:
    """An extractor stub that gives every article the same visit rows and no reaction."""

    def __init__(self, visits=()):
        self.visits = list(visits)

    def extract_batch(self, articles):
        for article in articles:
            yield article["article_id"], self.visits, []


def _gold_file(path, visits, reactions=()):
    """A one-article gold file with these gold visits and reactions."""
    gold = {
        "id": "g1",
        "published_at": "2021-03-01",
        "text": "t",
        "gold": {"visits": list(visits), "reactions": list(reactions)},
    }
    path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    return path


_JPN_BRA = {"visitor_code": "JPN", "host_code": "BRA", "status": "planned", "evidence": "e"}


def test_eval_prints_the_most_common_error_kinds(tmp_path, monkeypatch):
    monkeypatch.setattr(diplowatch.nlp, "Extractor", lambda **_: _FixedRows())
    arg = {"visitor_code": "JPN", "host_code": "ARG", "status": "planned", "evidence": "e"}
    reaction = {"reactor_code": "CHN", "stance": "negative", "evidence": "e"}
    path = _gold_file(tmp_path / "gold.jsonl", [_JPN_BRA, arg], [reaction])
    result = invoke("eval", "--gold", str(path), "--error-kinds", "1")
    assert result.exit_code == 0, result.output
    assert "| 1 | visit missed | no trip of the visitor found | 2 |" in result.stdout
    assert "(and 1 kinds more, 1 records)" in result.stdout


def test_eval_prints_bootstrap_intervals_for_each_split(tmp_path, monkeypatch):
    monkeypatch.setattr(diplowatch.nlp, "Extractor", lambda **_: _FixedRows())
    paths = []
    for name in ("dev", "validation"):
        paths += ["--gold", str(_gold_file(tmp_path / f"{name}.jsonl", [_JPN_BRA]))]
    result = invoke("eval", *paths, "--bootstrap", "100")
    assert result.exit_code == 0, result.output
    assert "95% intervals, percentile bootstrap over articles (100 draws, seed 0)" in result.stdout
    assert re.search(r"^validation\s+all\s+1\s+0\.000-0\.000", result.stdout, re.M)
    assert "95% intervals" not in invoke("eval", *paths).stdout


def test_eval_saves_predictions_and_compares_a_later_run(tmp_path, monkeypatch):
    path = _gold_file(tmp_path / "dev.jsonl", [_JPN_BRA])
    saved = tmp_path / "before.json"
    monkeypatch.setattr(diplowatch.nlp, "Extractor", lambda **_: _FixedRows())
    assert invoke("eval", "--gold", str(path), "--save-predictions", str(saved)).exit_code == 0
    found = [{"visitor_code": "JPN", "host_code": "BRA", "status": "planned", "sentence": "s"}]
    monkeypatch.setattr(diplowatch.nlp, "Extractor", lambda **_: _FixedRows(found))
    result = invoke("eval", "--gold", str(path), "--compare", str(saved))
    assert result.exit_code == 0, result.output
    assert "Before (" in result.stdout and "0.000->1.000" in result.stdout
    (tmp_path / "junk.json").write_text("{}x", encoding="utf-8")
    bad = invoke("eval", "--gold", str(path), "--compare", str(tmp_path / "junk.json"))
    assert bad.exit_code != 0 and "--save-predictions" in bad.output


def test_every_command_the_docs_show_exists():
    block = (ROOT / "docs" / "analytics.md").read_text(encoding="utf-8").split("## Command line", 1)[1]
    # `run` needs Dagster: the console script adds it (tests/pipelines/test_run_command.py).
    documented = set(re.findall(r"^diplowatch (\w+)", block.split("```")[1], re.M)) - {"run"}
    assert documented == {"sql", "stats", "extract", "report", "summary", "dictionary", "prune", "eval"}
    listed = set(re.findall(r"^│ (\w+) ", invoke("--help").stdout, re.M))
    assert documented <= listed, documented - listed


def test_sql_on_a_file_another_process_is_writing_is_a_clear_error(known_db):
    import subprocess
    import sys

    # A writer in another process holds DuckDB's file lock (as a running pipeline or an open CLI would).
    writer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys; con = duckdb.connect(sys.argv[1]); print('LOCKED', flush=True); "
            "sys.stdin.read()",
            known_db,
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout.readline().strip() == "LOCKED"
        result = invoke("sql", "SELECT 1", "--db", known_db)
    finally:
        writer.communicate("", timeout=30)
    assert result.exit_code == 2
    assert "cannot open" in result.output and "another process" in result.output
