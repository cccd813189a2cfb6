"""Asset checks: pandera validation outcomes, sources gone silent, and reactions pointing at real visits.

Each builder is a plain function returning an AssetCheckResult, so assets yield them with their
materialization and tests call them directly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, date, datetime

import duckdb
import polars as pl
from dagster import AssetCheckResult, AssetCheckSeverity, AssetCheckSpec, MetadataValue

from assets.metadata import markdown_table
from diplowatch import health, store
from diplowatch.ingest import NOTE_REASONS
from diplowatch.schemas import Validated

#: How many failure cases / days a check lists in its metadata.
SAMPLE_SIZE = 10


def schema_check_name(table: str) -> str:
    return f"{table}_schema"


def schema_check_spec(table: str, asset: str | None = None) -> AssetCheckSpec:
    """Blocking: a batch that failed its schema as a whole stops the run before downstream assets use it."""
    return AssetCheckSpec(
        schema_check_name(table),
        asset=asset or table,
        blocking=True,
        description=f"Rows written to `{table}` pass its pandera model. WARN when rows were quarantined in "
        "`rejected_rows`; ERROR when the whole batch failed its schema (nothing was replaced).",
    )


def schema_check(validated: Validated, asset: str | None = None) -> AssetCheckResult:
    """The outcome of validating one table's batch: rejected count and a sample of pandera's failure cases."""
    rejected = validated.rejected.height
    metadata = {
        "rows_valid": validated.valid.height,
        "rows_rejected": rejected,
        "batch_failed": validated.batch_failed,
    }
    if not validated.failure_cases.is_empty():
        cases = validated.failure_cases
        shown = [c for c in ("column", "check", "failure_case", "index") if c in cases.columns]
        metadata["failure_cases"] = MetadataValue.md(markdown_table(cases.select(shown).head(SAMPLE_SIZE)))
        metadata["failure_case_count"] = cases.height
    if validated.batch_failed:
        severity, passed = AssetCheckSeverity.ERROR, False
        description = (
            f"the whole batch of {rejected} row(s) failed the `{validated.table}` schema (a missing "
            "column or wrong type: a code or schema fault); the stored rows were kept"
        )
    else:
        severity, passed = AssetCheckSeverity.WARN, rejected == 0
        description = (
            f"{rejected} row(s) quarantined: SELECT * FROM rejected_rows WHERE table_name = "
            f"'{validated.table}'"
            if rejected
            else f"{validated.valid.height} row(s) valid"
        )
    return AssetCheckResult(
        asset_key=asset or validated.table,
        check_name=schema_check_name(validated.table),
        passed=passed,
        severity=severity,
        metadata=metadata,
        description=description,
    )


SOURCES_DELIVERING = "sources_delivering"
sources_delivering_spec = AssetCheckSpec(
    SOURCES_DELIVERING,
    asset="articles",
    description="Every source with a regular history still delivers: WARN when a source (feed, publisher "
    f"or folder) with at least {health.MIN_ACTIVE_DAYS} days of articles has been silent, as of the run's "
    f"last day, for more than {health.SILENCE_FACTOR}x its usual gap between articles. Days before a "
    "source's first article do not count, so sparse archives and new sources pass.",
)


def sources_delivering(
    open_connection: Callable[[], AbstractContextManager[duckdb.DuckDBPyConnection]], last_day: date
) -> AssetCheckResult:
    """WARN naming each silent source, its last article day and its usual gap (`diplowatch.health`).

    `open_connection`: e.g. the DuckDB resource's `get_connection`; `last_day`: the run's last day (capped at
    today, UTC: a year partition may end in the future).
    """
    as_of = min(last_day, datetime.now(UTC).date())
    with open_connection() as con:
        flow = health.source_flow(health.source_days(con, as_of), as_of)
    silent = flow.filter("silent")
    judged = flow.filter(pl.col("usual_gap_days").is_not_null())
    metadata: dict = {
        "as_of": str(as_of),
        "sources": flow.height,
        "sources_judged": judged.height,
        "sources_silent": silent.height,
    }
    if not flow.is_empty():
        metadata["sources_table"] = MetadataValue.md(markdown_table(flow.head(SAMPLE_SIZE)))
    if silent.is_empty():
        description = (
            f"{judged.height} source(s) with a regular history still deliver as of {as_of}; "
            f"{flow.height - judged.height} with fewer than {health.MIN_ACTIVE_DAYS} days of articles "
            "are not judged"
        )
    else:
        described = [health.describe_silence(row) for row in silent.head(3).iter_rows(named=True)]
        more = f"; and {silent.height - 3} more" if silent.height > 3 else ""
        description = f"{silent.height} source(s) went silent as of {as_of}: " + "; ".join(described) + more
    return AssetCheckResult(
        asset_key="articles",
        check_name=SOURCES_DELIVERING,
        passed=silent.is_empty(),
        severity=AssetCheckSeverity.WARN,
        metadata=metadata,
        description=description,
    )


INPUTS_READABLE = "inputs_readable"
inputs_readable_spec = AssetCheckSpec(
    INPUTS_READABLE,
    asset="articles",
    description="Every file and line of the raw folder became an article (WARN otherwise; reasons in "
    "`ingest_errors`). Notes on kept articles (e.g. `date_ignored`) are counted but do not fail it.",
)


def inputs_readable(ingest_errors: pl.DataFrame) -> AssetCheckResult:
    notes = ingest_errors.filter(pl.col("reason").is_in(sorted(NOTE_REASONS)))
    lost = ingest_errors.filter(~pl.col("reason").is_in(sorted(NOTE_REASONS)))
    metadata: dict = {"ingest_errors": lost.height, "notes_on_kept_articles": notes.height}
    description = "every input became an article" + (
        f" ({notes.height} note(s) to check)" if notes.height else ""
    )
    if not ingest_errors.is_empty():
        by_reason = ingest_errors.group_by("reason").len().sort(["len", "reason"], descending=[True, False])
        metadata["by_reason"] = MetadataValue.md(markdown_table(by_reason.rename({"len": "count"})))
        metadata["sample"] = MetadataValue.md(
            markdown_table(
                ingest_errors.select("source_path", "line_number", "reason", "detail").head(SAMPLE_SIZE)
            )
        )
    if not lost.is_empty():
        reasons = ", ".join(
            f"{r} {n}"
            for r, n in lost.group_by("reason")
            .len()
            .sort(["len", "reason"], descending=[True, False])
            .iter_rows()
        )
        description = f"{lost.height} input(s) could not be read ({reasons}): see ingest_errors"
    return AssetCheckResult(
        asset_key="articles",
        check_name=INPUTS_READABLE,
        passed=lost.is_empty(),
        severity=AssetCheckSeverity.WARN,
        metadata=metadata,
        description=description,
    )


TARGETS_EXIST = "reactions_target_exists"
targets_exist_spec = AssetCheckSpec(
    TARGETS_EXIST,
    asset="reactions",
    description="Every `target_mention_id` of a reaction points at an existing row of `visit_mentions`.",
)


def reactions_target_exists(
    con: duckdb.DuckDBPyConnection, partition_dates: Sequence[date] | None, links_cleared: int = 0
) -> AssetCheckResult:
    """ERROR when stored reactions of the given days (all when None) point at visit mentions that are gone."""
    sql = """SELECT r.reaction_id, r.target_mention_id, r.partition_date FROM reactions r
             WHERE r.target_mention_id IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM visit_mentions v WHERE v.mention_id = r.target_mention_id)"""
    where, params = store.in_partitions(partition_dates, column="r.partition_date")
    if where:
        sql += f" AND {where}"
    rows = con.execute(sql + " ORDER BY r.partition_date, r.reaction_id", params).fetchall()
    metadata: dict = {
        "dangling_targets": len(rows),
        # links the load removed because their visit was quarantined or never extracted
        "links_cleared_at_load": links_cleared,
    }
    if rows:
        sample = pl.DataFrame(
            rows[:SAMPLE_SIZE], schema=["reaction_id", "target_mention_id", "partition_date"], orient="row"
        )
        metadata["sample"] = MetadataValue.md(markdown_table(sample))
    description = (
        f"{len(rows)} reaction(s) point at visit mentions that do not exist"
        if rows
        else "every target_mention_id points at a stored visit mention"
    )
    return AssetCheckResult(
        asset_key="reactions",
        check_name=TARGETS_EXIST,
        passed=not rows,
        severity=AssetCheckSeverity.ERROR,
        metadata=metadata,
        description=description,
    )
