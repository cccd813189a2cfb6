"""`nightly_schedule`: 02:00 in its time zone, the year of the previous complete UTC day, on by default."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from dagster import DefaultScheduleStatus, build_schedule_context

from diplowatch.settings import Settings
from pipelines.definitions import build_definitions
from pipelines.schedules import nightly_schedule_for


def _evaluate(timezone: str, local_time: datetime):
    """A tick of the schedule as the daemon evaluates it (with the repository: partition keys are checked)."""
    defs = build_definitions(Settings(schedule_timezone=timezone))
    context = build_schedule_context(
        scheduled_execution_time=local_time.replace(tzinfo=ZoneInfo(timezone)),
        repository_def=defs.get_repository_def(),
    )
    return defs.resolve_schedule_def("nightly_schedule").evaluate_tick(context)


def _partition_for(timezone: str, local_time: datetime) -> list[str]:
    return [r.partition_key for r in _evaluate(timezone, local_time).run_requests]


def test_utc_schedule_runs_the_previous_day_at_two():
    schedule = nightly_schedule_for("UTC")
    assert schedule.name == "nightly_schedule"
    assert schedule.cron_schedule == "0 2 * * *"
    assert schedule.execution_timezone == "UTC"
    assert schedule.job_name == "events_job"
    assert schedule.default_status == DefaultScheduleStatus.RUNNING
    assert _partition_for("UTC", datetime(2024, 6, 18, 2, 0)) == ["2024"]
    # Year boundary: the night of January 1st completes the previous year.
    assert _partition_for("UTC", datetime(2025, 1, 1, 2, 0)) == ["2024"]
    assert _partition_for("UTC", datetime(2025, 1, 2, 2, 0)) == ["2025"]


def test_run_key_makes_each_night_run_once():
    (request,) = _evaluate("UTC", datetime(2024, 6, 18, 2, 0)).run_requests
    (next_night,) = _evaluate("UTC", datetime(2024, 6, 19, 2, 0)).run_requests
    # The same year runs again the next night (a new key), but a replayed tick does not.
    assert (request.run_key, next_night.run_key) == ("2024-06-17", "2024-06-18")
    assert request.tags["dagster/partition"] == next_night.tags["dagster/partition"] == "2024"


def test_west_of_utc_the_previous_local_day_is_the_previous_utc_day():
    # 02:00 in New York on January 1st is 07:00 UTC: December 31st (UTC) has ended.
    assert _partition_for("America/New_York", datetime(2025, 1, 1, 2, 0)) == ["2024"]
    assert nightly_schedule_for("America/New_York").execution_timezone == "America/New_York"


def test_east_of_utc_only_complete_utc_days_are_loaded():
    # 02:00 in Tokyo on January 2nd is 17:00 UTC on January 1st: the 1st (UTC) is not over, Dec 31st is.
    (request,) = _evaluate("Asia/Tokyo", datetime(2025, 1, 2, 2, 0)).run_requests
    assert (request.partition_key, request.run_key) == ("2024", "2024-12-31")


def test_an_unknown_time_zone_is_a_clear_error():
    with pytest.raises(
        ValueError, match="DIPLOWATCH_SCHEDULE_TIMEZONE='Mars/Olympus' is not an IANA time zone"
    ):
        nightly_schedule_for("Mars/Olympus")
