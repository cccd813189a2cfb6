"""Storage: schema, validation into quarantine, idempotent re-runs, one transaction per write."""

from __future__ import annotations

import shutil
from datetime import date

import duckdb
import polars as pl
import pytest

from diplowatch import store
from diplowatch.schemas import MODELS, frame_from_rows, validate
from diplowatch.stages.articles import load_articles
from diplowatch.stages.events import load_events
from tests.fixtures.extractors import StubExtractor
from tests.fixtures.paths import SAMPLES


def _snapshot(con) -> dict[str, list]:
    cols = {
        "articles": "article_id",
        "article_sources": "article_id, source_path, line_number",
        "visit_mentions": "mention_id",
        "reactions": "reaction_id",
        "ingest_errors": "source_path, line_number",
        "rejected_rows": "table_name, row_json",
    }
    out = {}
    for table, order in cols.items():
        drop = {"ingested_at", "seen_at", "recorded_at", "rejected_at"}
        names = [c for c in MODELS[table].to_schema().columns if c not in drop]
        out[table] = con.execute(f"SELECT {', '.join(names)} FROM {table} ORDER BY {order}").fetchall()
    return out


def test_schema_is_created_with_every_table_and_is_readable_by_duckdb_1_4(db_path):
    with store.connect(db_path) as con:
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert set(MODELS) <= tables
    with duckdb.connect(str(db_path), read_only=True) as con:
        # Files are written with a storage compatibility version so older clients can open them.
        (version,) = con.execute(
            "SELECT tags['storage_version'] FROM duckdb_databases() WHERE database_name = current_database()"
        ).fetchone() or (None,)
    assert version is None or version.startswith("v1.")


def test_articles_and_events_rerun_is_idempotent(db_path, tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(SAMPLES, raw)
    with store.connect(db_path) as con:
        load_articles(con, raw)
        load_events(con, StubExtractor())
        first = _snapshot(con)
        load_articles(con, raw)
        load_events(con, StubExtractor())
        second = _snapshot(con)
    assert first == second
    assert len(first["articles"]) >= 3 and len(first["visit_mentions"]) == len(first["articles"])


def test_partition_rewrite_only_touches_its_partition(db_path, tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.jsonl").write_text(
        '{"text": "Day one text.", "published_at": "2024-01-01"}\n'
        '{"text": "Day two text.", "published_at": "2024-01-02"}\n'
    )
    with store.connect(db_path) as con:
        load_articles(con, raw)
        load_events(con, StubExtractor(visitor_code="FRA"))
        load_events(
            con, StubExtractor(visitor_code="ITA"), partition_dates=[date(2024, 1, 2)], reextract=True
        )
        rows = con.execute("SELECT partition_date, visitor_code FROM visit_mentions ORDER BY 1").fetchall()
    assert rows == [(date(2024, 1, 1), "FRA"), (date(2024, 1, 2), "ITA")]


def test_failing_rows_are_quarantined_not_dropped(db_path, tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.jsonl").write_text('{"text": "Some text.", "published_at": "2024-01-01"}\n')
    with store.connect(db_path) as con:
        load_articles(con, raw)
        result = load_events(con, StubExtractor(visitor_code="not a code"))
        assert con.execute("SELECT count(*) FROM visit_mentions").fetchone()[0] == 0
        table, row_json, reasons = con.execute(
            "SELECT table_name, row_json, reasons FROM rejected_rows"
        ).fetchone()
        # The reaction survives, without its link to the quarantined visit.
        assert con.execute("SELECT count(*), count(target_mention_id) FROM reactions").fetchone() == (1, 0)
    assert result.validations["visit_mentions"].rejected.height == 1
    assert table == "visit_mentions" and '"visitor_code": "not a code"' in row_json
    assert "visitor_code" in reasons and "str_matches" in reasons


def test_whole_batch_failure_is_flagged():
    frame = frame_from_rows("ingest_errors", [{"source_path": "x", "reason": "r", "recorded_at": None}])
    checked = validate("ingest_errors", frame, partition_column=None)
    assert checked.valid.height == 0 and checked.rejected.height == 1
    bad_type = pl.DataFrame({"source_path": [1, 2], "reason": ["a", "b"]})
    checked = validate("ingest_errors", bad_type, partition_column=None)
    assert checked.batch_failed and checked.rejected.height == 2


def test_failed_write_rolls_back_everything(db_path):
    good = frame_from_rows(
        "ingest_errors",
        [{"source_path": "x", "line_number": 1, "reason": "r", "detail": None, "recorded_at": None}],
    )
    with store.connect(db_path) as con:
        con.execute("INSERT INTO ingest_errors VALUES ('old', NULL, 'r', NULL, now())")
        bad = pl.DataFrame({"no_such_column": [1]})
        with pytest.raises(duckdb.Error):
            store.apply_writes(con, [store.Write("ingest_errors", good), store.Write("ingest_errors", bad)])
        assert con.execute("SELECT source_path FROM ingest_errors").fetchall() == [("old",)]


def test_schema_is_created_once_per_version_of_the_code(db_path, monkeypatch):
    with store.connect(db_path) as con:
        con.execute("DROP VIEW visit_pairs")  # a change made behind the code's back...
    with store.connect(db_path) as con:
        # ...is not repaired on every connection: the file already holds this code's schema.
        assert not con.execute(
            "SELECT count(*) FROM duckdb_views() WHERE view_name = 'visit_pairs'"
        ).fetchall()[0][0]
    store.schema_fingerprint.cache_clear()
    monkeypatch.setattr(store, "schema_fingerprint", lambda: "a newer schema")
    with store.connect(db_path) as con:  # code with another schema (re)creates everything it needs
        assert con.execute("SELECT count(*) FROM duckdb_views() WHERE view_name = 'visit_pairs'").fetchall()[
            0
        ][0]
        assert con.execute("SELECT fingerprint FROM schema_fingerprint").fetchall() == [("a newer schema",)]
