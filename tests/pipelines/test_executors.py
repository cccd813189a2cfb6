"""The same rows whatever the executor: events_job in one process (in-process executor) and in two processes
(Dagster's multiprocess executor, extraction chunks in parallel), on the samples and on real news, every table
compared."""

from __future__ import annotations

import gzip
import json
import shutil

import duckdb
import pytest
from dagster import DagsterInstance, execute_job

from assets.partitions import range_tags
from diplowatch.schemas import MODELS
from diplowatch.settings import Settings
from pipelines.definitions import build_definitions, reconstructable_events_job
from tests.fixtures.paths import ROOT, SAMPLES, requires_shared

#: Columns that say when a row was written, not what it holds.
WHEN = {"ingested_at", "seen_at", "recorded_at", "rejected_at", "extracted_at"}
pytestmark = pytest.mark.slow


def _rows(db) -> dict[str, list]:
    with duckdb.connect(str(db), read_only=True) as con:
        out = {}
        for table, model in MODELS.items():
            columns = [c for c in model.to_schema().columns if c not in WHEN]
            out[table] = con.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY ALL").fetchall()
    return out


def _run(raw, work, processes: int, first, last, chunk: int) -> dict[str, list]:
    settings = Settings(
        raw_dir=str(raw),
        db_path=str(work / f"p{processes}.duckdb"),
        processes=processes,
        chunk_articles=chunk,
    )
    home = work / f"home{processes}"
    home.mkdir()
    shutil.copy(ROOT / "dagster.yaml", home / "dagster.yaml")
    with DagsterInstance.from_config(str(home)) as instance:
        if processes == 1:
            job = build_definitions(settings).resolve_job_def("events_job")
            result = job.execute_in_process(instance=instance, tags=range_tags(first, last))
        else:
            with execute_job(
                reconstructable_events_job(settings), instance, tags=range_tags(first, last)
            ) as done:
                result = done
                failures = [e.message for e in done.all_events if e.is_failure]
                pids = {
                    e.pid
                    for e in done.all_events
                    if e.event_type_value == "STEP_START" and e.step_key.startswith("events.extract")
                }
            assert result.success, failures
            assert len(pids) > 1, "the extraction chunks ran in several processes"
        assert result.success
    return _rows(settings.db_path)


def _compare(raw, tmp_path, first, last, chunk: int):
    one = _run(raw, tmp_path, 1, first, last, chunk)
    two = _run(raw, tmp_path, 2, first, last, chunk)
    assert one["visit_mentions"] and one["extractions"]
    for table in MODELS:
        assert one[table] == two[table], table


def test_samples_give_the_same_rows_in_one_and_two_processes(tmp_path):
    from datetime import date

    raw = tmp_path / "raw"
    shutil.copytree(SAMPLES, raw)
    _compare(raw, tmp_path, date(2024, 1, 1), date(2025, 1, 1), chunk=2)


def test_real_news_gives_the_same_rows_in_one_and_two_processes(tmp_path):
    from datetime import date

    corpus = requires_shared("bench/real-news-6k.jsonl.gz")
    raw = tmp_path / "raw"
    raw.mkdir()
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        lines = [line for line, _ in zip(handle, range(300), strict=False)]
    dated = [line for line in lines if json.loads(line)["published_at"]]
    (raw / "news.jsonl").write_text("".join(dated))
    years = sorted(int(json.loads(line)["published_at"][:4]) for line in dated)
    _compare(raw, tmp_path, date(years[0], 1, 1), date(years[-1], 1, 1), chunk=60)
