"""The nightly schedule: at 02:00 (DIPLOWATCH_SCHEDULE_TIMEZONE, default UTC) materialize the year of the
previous day."""

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

from assets.partitions import partition_key
from pipelines.jobs import events_job

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
        raise ValueError(
            f"DIPLOWATCH_SCHEDULE_TIMEZONE={timezone!r} is not an IANA time zone "
            "(e.g. UTC, Europe/Berlin, America/New_York)"
        ) from exc

    @schedule(
        name="nightly_schedule",
        job=events_job,
        cron_schedule=NIGHTLY_CRON,
        execution_timezone=timezone,
        # Running by default: a fresh `dagster dev` starts materializing nights without a click. Pause it in
        # the UI (Automation -> nightly_schedule -> toggle) or `dagster schedule stop nightly_schedule`.
        default_status=DefaultScheduleStatus.RUNNING,
        description=f"At 02:00 {timezone}, materialize the whole graph for the year of the previous "
        "(complete) UTC day: the year's articles are read again; those not extracted yet are extracted.",
    )
    def nightly_schedule(context: ScheduleEvaluationContext) -> RunRequest:
        moment = context.scheduled_execution_time or datetime.now(UTC)
        day = previous_complete_day(moment)
        # One run per night (the year's partition runs again each night), even if a tick is evaluated twice.
        return RunRequest(
            run_key=day.isoformat(),
            partition_key=partition_key(day),
            tags={"diplowatch/for_day": day.isoformat()},
        )

    return nightly_schedule
