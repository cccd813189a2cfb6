"""diplowatch.health: each source's recent flow compared with its own history."""

from __future__ import annotations

import json
import shutil
from datetime import date, timedelta

import polars as pl

from diplowatch import health, store
from diplowatch.stages.articles import load_articles
from tests.fixtures.paths import SAMPLES


def _days(source: str, first: date, count: int, step: int = 1) -> list[tuple[str, date]]:
    return [(source, first + timedelta(days=i * step)) for i in range(count)]


def _frame(rows: list[tuple[str, date]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema={"source": pl.String, "day": pl.Date}, orient="row")


def test_a_daily_source_gone_silent_is_flagged_with_its_usual_gap():
    flow = health.source_flow(_frame(_days("wire", date(2025, 1, 1), 30)), as_of=date(2025, 2, 10))
    row = flow.row(0, named=True)
    assert row["silent"] and row["last_day"] == date(2025, 1, 30) and row["silent_days"] == 11
    assert row["usual_gap_days"] == 1 and row["limit_days"] == health.SILENCE_FACTOR
    assert health.describe_silence(row).startswith(
        "wire: no article since 2025-01-30 (11 days; usually at most 1"
    )


def test_a_weekly_source_is_judged_by_its_own_rhythm():
    weekly = _frame(_days("weekly", date(2025, 1, 6), 10, step=7))  # Mondays until March 10
    assert not health.source_flow(weekly, as_of=date(2025, 3, 24)).row(0, named=True)["silent"]  # two weeks
    assert health.source_flow(weekly, as_of=date(2025, 4, 7)).row(0, named=True)["silent"]  # four weeks


def test_only_days_from_the_first_article_count_and_little_history_is_not_judged():
    rows = _days("new", date(2025, 3, 1), 1) + _days("sparse", date(2024, 6, 17), 3, step=120)
    flow = health.source_flow(_frame(rows), as_of=date(2026, 1, 1))
    assert not flow["silent"].any() and flow["usual_gap_days"].is_null().all()
    assert dict(zip(flow["source"], flow["active_days"], strict=True)) == {"new": 1, "sparse": 3}


def test_days_after_the_reference_day_are_ignored():
    rows = _days("wire", date(2025, 1, 1), 30)
    flow = health.source_flow(_frame(rows), as_of=date(2025, 1, 10))
    assert flow.row(0, named=True)["last_day"] == date(2025, 1, 10)
    assert flow.row(0, named=True)["active_days"] == 10 and not flow["silent"].any()


def test_the_bundled_samples_are_a_sparse_archive_not_a_silent_source(db_path, tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(SAMPLES, raw)
    with store.connect(db_path) as con:
        load_articles(con, raw)
        flow = health.source_flow(health.source_days(con, date(2026, 6, 1)), date(2026, 6, 1))
    assert not flow["silent"].any()
    # The .jsonl lines name their publisher; the .txt files have none: their folder is the source.
    assert set(flow["source"]) == {
        "diplowatch illustrative sample (fictional)",
        str(raw),
        str(raw / "illustrative"),
    }


def test_source_names_feed_publisher_or_folder_without_date_folders(db_path, tmp_path):
    raw = tmp_path / "raw"
    feed = raw / "feeds" / "un-news"
    dated = raw / "wire" / "2025" / "01" / "02"
    for folder in (feed, dated):
        folder.mkdir(parents=True)
    line = {
        "title": "Feed item",
        "text": "A minister arrived for talks.",
        "published_at": "2025-01-02",
        "source": "UN News",
        "source_kind": "feed",
    }
    (feed / "2025-01-02.jsonl").write_text(json.dumps(line) + "\n")
    (raw / "named.jsonl").write_text(
        json.dumps(
            {"text": "Another visit was announced.", "source": "Example Post", "published_at": "2025-01-03"}
        )
        + "\n"
    )
    (dated / "story.txt").write_text("date 2025-01-02 A story\nA president paid a state visit.\n")
    with store.connect(db_path) as con:
        load_articles(con, raw)
        days = health.source_days(con, date(2025, 2, 1))
    assert dict(zip(days["source"], days["day"], strict=True)) == {
        "feed un-news": date(2025, 1, 2),
        "Example Post": date(2025, 1, 3),
        str(raw / "wire"): date(2025, 1, 2),
    }
