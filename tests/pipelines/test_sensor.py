"""`new_articles_sensor`: new, changed and removed files request their years' partitions, once each."""

from __future__ import annotations

import json
import os
import shutil
from datetime import UTC, datetime

import pytest
from dagster import SensorResult, SkipReason, build_sensor_context

from assets.resources import DiplowatchSettings
from pipelines.definitions import defs
from pipelines.sensors import load_cursor
from tests.fixtures.paths import SAMPLES

SAMPLE_YEARS = {"2024", "2025"}
THIS_YEAR = datetime.now(UTC).date().strftime("%Y")


@pytest.fixture
def raw(tmp_path):
    folder = tmp_path / "raw"
    shutil.copytree(SAMPLES, folder)
    return folder


def tick(raw, cursor=None) -> SensorResult | SkipReason:
    sensor = defs.resolve_sensor_def("new_articles_sensor")
    context = build_sensor_context(
        cursor=cursor,
        resources={"settings": DiplowatchSettings(raw_dir=str(raw))},
        repository_def=defs.get_repository_def(),
    )
    return sensor(context)


def requested(result) -> dict[str, str]:
    """partition key -> run key of the tick's run requests."""
    assert isinstance(result, SensorResult)
    keys = [r.partition_key for r in result.run_requests or []]
    assert len(keys) == len(set(keys)), "a partition is requested once per tick"
    return {r.partition_key: r.run_key for r in result.run_requests or []}


def touch(path, content: str | None = None) -> None:
    """Rewrite (or just re-stamp) a file with an mtime clearly after the previous one."""
    if content is not None:
        path.write_text(content)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))


def test_first_tick_requests_every_year_of_the_folder_once(raw):
    result = tick(raw)
    assert set(requested(result)) == SAMPLE_YEARS
    assert all(r.job_name in (None, "events_job") for r in result.run_requests)
    assert set(load_cursor(result.cursor)) == {str(p) for p in raw.rglob("*") if p.is_file()}


def test_the_returned_cursor_stops_repeats(raw):
    first = tick(raw)
    second = tick(raw, first.cursor)
    assert not second.run_requests
    assert second.cursor == first.cursor


def test_a_changed_file_requests_its_old_and_new_years(raw):
    first = tick(raw)
    jsonl = raw / "illustrative" / "illustrative-articles.jsonl"
    # One article moves from 2025 to 2023: both years change (and 2025 is also the file's other articles').
    touch(jsonl, jsonl.read_text().replace('"published_at": "2025-05-12"', '"published_at": "2023-06-13"'))
    second = tick(raw, first.cursor)
    assert set(requested(second)) == {"2023", "2025"}
    # Run keys name the file version: the same partition after a change is a new run, not a duplicate.
    assert requested(second)["2025"] != requested(first)["2025"]
    assert not tick(raw, second.cursor).run_requests


def test_a_replayed_tick_yields_the_same_run_keys(raw):
    # If a tick's cursor was lost, Dagster still launches each (partition, file version) once.
    assert requested(tick(raw)) == requested(tick(raw))


def test_a_new_file_only_requests_its_own_years(raw):
    first = tick(raw)
    (raw / "new.jsonl").write_text(
        json.dumps({"text": "A new article.", "published_at": "2024-02-29"})
        + "\n"
        + json.dumps({"text": "Another one.", "published_at": "2024-02-03"})
        + "\n"
    )
    assert set(requested(tick(raw, first.cursor))) == {"2024"}


def test_a_removed_file_requests_the_years_it_had(raw):
    first = tick(raw)
    (raw / "illustrative" / "2025-03-04-illustrative-scholz-visit.txt").unlink()
    second = tick(raw, first.cursor)
    assert set(requested(second)) == {"2025"}
    assert not tick(raw, second.cursor).run_requests


def test_undated_unreadable_and_out_of_range_inputs_request_this_year(raw):
    first = tick(raw)
    (raw / "undated.txt").write_text("An article without a date header.\n")
    second = tick(raw, first.cursor)
    assert set(requested(second)) == {THIS_YEAR}
    (raw / "broken.jsonl").write_text("{not json\n")
    third = tick(raw, second.cursor)
    assert set(requested(third)) == {THIS_YEAR}, (
        "this year's run records the unreadable file in ingest_errors"
    )
    (raw / "old.jsonl").write_text(json.dumps({"text": "Very old.", "published_at": "1950-01-01"}) + "\n")
    assert set(requested(tick(raw, third.cursor))) == {THIS_YEAR}


def test_a_missing_raw_folder_skips_with_a_reason(tmp_path):
    result = tick(tmp_path / "absent")
    assert isinstance(result, SkipReason)
    assert "does not exist" in result.skip_message


def test_the_daemon_path_accepts_the_requests(raw):
    # evaluate_tick is what the daemon calls: it resolves each request against events_job's partitions.
    sensor = defs.resolve_sensor_def("new_articles_sensor")
    context = build_sensor_context(
        resources={"settings": DiplowatchSettings(raw_dir=str(raw))}, repository_def=defs.get_repository_def()
    )
    data = sensor.evaluate_tick(context)
    assert {r.partition_key for r in data.run_requests} == SAMPLE_YEARS
    assert all(r.tags["dagster/partition"] == r.partition_key for r in data.run_requests)
    assert data.cursor
