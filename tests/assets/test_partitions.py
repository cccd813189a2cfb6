"""Yearly partitions: bounds, ranges, the days a folder touches, and articles outside the partitions."""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime
from types import SimpleNamespace

from dagster import PartitionKeyRange, TimeWindow

from assets.partitions import (
    RANGE_END_TAG,
    RANGE_START_TAG,
    context_partition_dates,
    covering_range,
    partition_bounds,
    partition_days,
    partition_ranges,
    range_tags,
    yearly_partitions,
)
from diplowatch import store
from diplowatch.ingest import folder_article_dates, scan_folder
from diplowatch.stages.articles import load_articles
from tests.fixtures.paths import SAMPLES

NOW = datetime(2025, 9, 1, 12, 0, tzinfo=UTC)


def test_covering_range_keeps_in_bound_days_only():
    days = [date(1975, 1, 1), date(2024, 6, 17), date(2025, 8, 20), date(2031, 1, 1)]
    assert covering_range(days, NOW) == (date(2024, 1, 1), date(2025, 1, 1))
    assert covering_range([date(1975, 1, 1)], NOW) is None
    assert partition_bounds(NOW) == (date(1980, 1, 1), date(2025, 9, 1))


def test_range_tags_are_the_single_run_backfill_tags():
    from dagster._core.storage.tags import ASSET_PARTITION_RANGE_END_TAG, ASSET_PARTITION_RANGE_START_TAG

    # Our copies of Dagster's documented tag names still match its own constants.
    assert (RANGE_START_TAG, RANGE_END_TAG) == (
        ASSET_PARTITION_RANGE_START_TAG,
        ASSET_PARTITION_RANGE_END_TAG,
    )
    assert range_tags(date(1987, 6, 17), date(2024, 8, 19)) == {
        "dagster/asset_partition_range_start": "1987",
        "dagster/asset_partition_range_end": "2024",
    }


def test_an_asset_sees_every_day_of_a_range_run():
    # What a single-run backfill hands the asset: one time window spanning the range.
    keys = PartitionKeyRange("2023", "2024")
    window = TimeWindow(
        yearly_partitions.time_window_for_partition_key(keys.start).start,
        yearly_partitions.time_window_for_partition_key(keys.end).end,
    )
    days = context_partition_dates(SimpleNamespace(partition_time_window=window))
    assert days[0] == date(2023, 1, 1) and days[-1] == date(2024, 12, 31) and len(days) == 365 + 366
    assert list(yearly_partitions.get_partition_keys_in_range(keys)) == ["2023", "2024"]
    assert partition_days("2024") == (date(2024, 1, 1), date(2024, 12, 31))


def test_years_far_apart_are_separate_ranges_and_close_ones_share_one():
    days = [date(1987, 3, 2), date(1987, 10, 19), date(2006, 5, 30), date(2013, 1, 2), date(2026, 12, 1)]
    # Empty years between them: 18 (1987-2006), 6 (2006-2013), 12 (2013-2026).
    assert partition_ranges(days, max_gap=12) == [
        (date(1987, 1, 1), date(1987, 1, 1)),
        (date(2006, 1, 1), date(2026, 1, 1)),
    ]
    assert partition_ranges(days, max_gap=6) == [
        (date(1987, 1, 1), date(1987, 1, 1)),
        (date(2006, 1, 1), date(2013, 1, 1)),
        (date(2026, 1, 1), date(2026, 1, 1)),
    ]
    assert len(partition_ranges(days, max_gap=5)) == 4
    assert partition_ranges([]) == []


def test_the_sample_folder_touches_its_five_days():
    assert folder_article_dates(SAMPLES, NOW.date()) == {
        date(2024, 6, 17),
        date(2025, 3, 4),
        date(2025, 5, 12),
        date(2025, 7, 1),
        date(2025, 8, 20),
    }


def test_scan_skips_hidden_files_and_survives_a_folder_link_loop(tmp_path):
    (tmp_path / "a.txt").write_text(" date 2024-01-01 T\nBody.")
    (tmp_path / ".swap.txt").write_text("hidden")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.jsonl").write_text('{"text": "x"}\n')
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    assert sorted(os.path.relpath(p, tmp_path) for p in scan_folder(tmp_path)) == ["a.txt", "sub/b.jsonl"]


def test_articles_dated_before_the_partitions_are_recorded_not_dropped(tmp_path, db_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.jsonl").write_text(
        json.dumps({"text": "An old article.", "published_at": "1975-05-01"})
        + "\n"
        + json.dumps({"text": "A recent article.", "published_at": "2024-06-17"})
        + "\n"
    )
    with store.connect(db_path) as con:
        load_articles(con, raw, [date(2024, 6, 17)], now=NOW, partition_bounds=partition_bounds(NOW))
        articles = con.execute("SELECT published_at FROM articles").fetchall()
        errors = con.execute("SELECT source_path, line_number, reason, detail FROM ingest_errors").fetchall()
    assert articles == [(date(2024, 6, 17),)]
    assert [(line, reason) for _, line, reason, _ in errors] == [(1, "date_out_of_range")]
    assert "1975-05-01 is outside the daily partitions 1980-01-01..2025-09-01" in errors[0][3]
