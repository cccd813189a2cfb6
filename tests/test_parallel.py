"""Extraction in worker processes: the same rows as in one process, errors surfaced, nothing left behind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import diplowatch.load
from diplowatch import store
from diplowatch.load import load_articles, load_events
from diplowatch.nlp import Extractor
from diplowatch.parallel import resolve_workers
from tests.test_ingest_integrity import NOW

ROOT = Path(__file__).resolve().parents[1]
EVENT_TABLES = ["visit_mentions", "reactions", "rejected_rows"]


def _rows(con, table: str) -> list[tuple]:
    columns = "table_name, row_json, reasons, partition_date" if table == "rejected_rows" else "*"
    return con.execute(f"SELECT {columns} FROM {table} ORDER BY ALL").fetchall()


@pytest.fixture(autouse=True)
def workers_for_small_corpora(monkeypatch):
    """The probes are a few dozen articles: let them have workers (a real stage starts one per 2,000)."""
    monkeypatch.setattr(diplowatch.load, "ARTICLES_PER_WORKER", 1)


@pytest.fixture(scope="module")
def raw(tmp_path_factory) -> Path:
    """The bundled sample articles and our own probe articles (written by us, see tests/fixtures/probes)."""
    folder = tmp_path_factory.mktemp("raw")
    lines = []
    for path in sorted((ROOT / "tests" / "fixtures" / "probes").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            lines.append({"id": record.get("id"), "title": record.get("title"), "text": record["text"],
                          "published_at": record.get("published_at") or "2024-06-17"})
    (folder / "probes.jsonl").write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    for path in (ROOT / "samples" / "articles").rglob("*"):
        if path.is_file():
            target = folder / path.relative_to(ROOT / "samples" / "articles")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    return folder


def test_two_workers_write_the_same_rows_as_one_process(tmp_path, raw, extractor):
    tables = {}
    for workers in (1, 2):
        with store.connect(tmp_path / f"w{workers}.duckdb") as con:
            load_articles(con, raw, now=NOW)
            seen: list[int] = []
            # small batches: several in flight at once, results must still come back in order
            result = load_events(con, extractor, batch_articles=3, workers=workers, progress=seen.append)
            tables[workers] = {t: _rows(con, t) for t in EVENT_TABLES}
            assert result.counts["articles_read"] == con.execute("SELECT count(*) FROM articles").fetchone()[0]
            assert result.counts["extraction_workers"] == workers
            assert seen and seen[-1] == result.counts["articles_read"] and seen == sorted(seen)
    assert tables[1] == tables[2]
    # and the comparison compared something: the probes and the sample hold visits and reactions
    assert len(tables[1]["visit_mentions"]) >= 10 and len(tables[1]["reactions"]) >= 3


def test_a_worker_that_cannot_start_fails_the_stage_clearly_and_changes_nothing(tmp_path, raw, stub_extractor):
    spill = tmp_path / "spill"
    spill.mkdir()
    with store.connect(tmp_path / "db.duckdb") as con:
        load_articles(con, raw, now=NOW)
        load_events(con, stub_extractor)
        before = {t: _rows(con, t) for t in EVENT_TABLES}
        with pytest.raises(RuntimeError, match="not installed"):
            load_events(con, Extractor(model_name="no_such_model_xyz"), batch_articles=3, workers=2,
                        spill_dir=spill)
        assert {t: _rows(con, t) for t in EVENT_TABLES} == before
    assert list(spill.iterdir()) == []


@pytest.mark.parametrize(("asked", "expected"), [(1, 1), (3, 3), (0, None), (None, None)])
def test_workers_default_to_one_per_core(asked, expected):
    import os

    assert resolve_workers(asked) == (expected or os.cpu_count() or 1)


@pytest.mark.parametrize(("value", "expected"), [(None, 1), ("", 1), ("0", 0), ("4", 4)])
def test_diplowatch_workers_reaches_the_extractor_resource(monkeypatch, value, expected):
    from diplowatch.settings import Settings
    from pipelines.resources import build_resources

    if value is None:
        monkeypatch.delenv("DIPLOWATCH_WORKERS", raising=False)
    else:
        monkeypatch.setenv("DIPLOWATCH_WORKERS", value)
    assert build_resources(Settings.from_env())["extractor"].workers == expected
    # an explicit override (diplowatch run --workers) wins
    assert Settings.from_env(workers=2).workers == 2


@pytest.mark.parametrize("value", ["two", "-1", "1.5"])
def test_a_bad_diplowatch_workers_is_a_clear_error(monkeypatch, value):
    from diplowatch.settings import Settings

    monkeypatch.setenv("DIPLOWATCH_WORKERS", value)
    with pytest.raises(ValueError, match="DIPLOWATCH_WORKERS"):
        Settings.from_env()


def test_workers_need_an_extractor_they_can_rebuild(tmp_path, raw, stub_extractor):
    with store.connect(tmp_path / "db.duckdb") as con:
        load_articles(con, raw, now=NOW)
        with pytest.raises(TypeError, match="needs a diplowatch Extractor"):
            load_events(con, stub_extractor, batch_articles=3, workers=2)


@pytest.mark.parametrize(("asked", "articles", "started"), [(4, 500, 1), (4, 4_000, 2), (2, 100_000, 2), (1, 10**6, 1)])
def test_a_stage_starts_a_worker_per_2000_articles_at_most(monkeypatch, asked, articles, started):
    monkeypatch.setattr(diplowatch.load, "ARTICLES_PER_WORKER", 2000)
    assert diplowatch.load.workers_worth_starting(asked, articles) == started
