"""The nightly schedule: at 02:00 (DIPLOWATCH_SCHEDULE_TIMEZONE, default UTC) materialize the previous day."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dagster import (
    DefaultScheduleStatus,
    RunRequest,
    ScheduleDefinition,
    ScheduleEvaluationContext,
    schedule,
)

from pipelines.jobs import daily_events_job
from pipelines.partitions import partition_key

NIGHTLY_CRON = "0 2 * * *"


def previous_complete_day(moment: datetime) -> date:
    """The last UTC day that has fully ended at `moment` (partitions are UTC days).

    In UTC and every time zone west of it, that is the local "yesterday" at 02:00; east of UTC+2 it is the
    day before, because "yesterday" there has not ended in UTC yet and would be loaded incomplete.
    """
    return moment.astimezone(UTC).date() - timedelta(days=1)


def nightly_schedule_for(timezone: str = "UTC") -> ScheduleDefinition:
    """`nightly_schedule`, ticking at 02:00 in `timezone` (an IANA name such as Europe/Berlin)."""
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"DIPLOWATCH_SCHEDULE_TIMEZONE={timezone!r} is not an IANA time zone "
                         "(e.g. UTC, Europe/Berlin, America/New_York)") from exc

    @schedule(
        name="nightly_schedule",
        job=daily_events_job,
        cron_schedule=NIGHTLY_CRON,
        execution_timezone=timezone,
        # Running by default: a fresh `dagster dev` starts materializing nights without a click. Pause it in
        # the UI (Automation -> nightly_schedule -> toggle) or `dagster schedule stop nightly_schedule`.
        default_status=DefaultScheduleStatus.RUNNING,
        description=f"At 02:00 {timezone}, materialize the whole graph for the previous (complete) UTC day.",
    )
    def nightly_schedule(context: ScheduleEvaluationContext) -> RunRequest:
        moment = context.scheduled_execution_time or datetime.now(UTC)
        key = partition_key(previous_complete_day(moment))
        # One run per day, even if the tick is evaluated twice.
        return RunRequest(run_key=key, partition_key=key)

    return nightly_schedule
