"""Asset checks: pandera validation outcomes, days without articles, and reactions pointing at real visits.

Each builder is a plain function returning an AssetCheckResult, so assets yield them with their
materialization and tests call them directly.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import duckdb
import polars as pl
from dagster import AssetCheckResult, AssetCheckSeverity, AssetCheckSpec, MetadataValue

from assets.metadata import markdown_table
from diplowatch import store
from diplowatch.ingest import NOTE_REASONS
from diplowatch.schemas import Validated

#: How many failure cases / days a check lists in its metadata.
SAMPLE_SIZE = 10


def schema_check_name(table: str) -> str:
    return f"{table}_schema"


def schema_check_spec(table: str, asset: str | None = None) -> AssetCheckSpec:
    """Blocking: a batch that failed its schema as a whole stops the run before downstream assets use it."""
    return AssetCheckSpec(
        schema_check_name(table), asset=asset or table, blocking=True,
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
        description = (f"the whole batch of {rejected} row(s) failed the `{validated.table}` schema (a missing "
                       "column or wrong type: a code or schema fault); the stored rows were kept")
    else:
        severity, passed = AssetCheckSeverity.WARN, rejected == 0
        description = (f"{rejected} row(s) quarantined: SELECT * FROM rejected_rows WHERE table_name = "
                       f"'{validated.table}'" if rejected else f"{validated.valid.height} row(s) valid")
    return AssetCheckResult(asset_key=asset or validated.table, check_name=schema_check_name(validated.table),
                            passed=passed, severity=severity, metadata=metadata, description=description)


ARTICLES_EVERY_DAY = "articles_every_day"
articles_every_day_spec = AssetCheckSpec(
    ARTICLES_EVERY_DAY, asset="articles",
    description="Every day of the run has at least one article (WARN otherwise: a feed may have stopped).",
)


def articles_every_day(articles: pl.DataFrame, days: Sequence[date]) -> AssetCheckResult:
    """WARN listing the days of the run that got no article."""
    have = set(articles["partition_date"].to_list()) if not articles.is_empty() else set()
    empty = [d for d in sorted(days) if d not in have]
    metadata = {"days": len(days), "days_without_articles": len(empty)}
    if empty:
        metadata["first_days_without_articles"] = ", ".join(str(d) for d in empty[:SAMPLE_SIZE])
        description = f"{len(empty)} of {len(days)} day(s) have no article (first: {empty[0]})"
    else:
        description = f"all {len(days)} day(s) have articles"
    return AssetCheckResult(asset_key="articles", check_name=ARTICLES_EVERY_DAY, passed=not empty,
                            severity=AssetCheckSeverity.WARN, metadata=metadata, description=description)


INPUTS_READABLE = "inputs_readable"
inputs_readable_spec = AssetCheckSpec(
    INPUTS_READABLE, asset="articles",
    description="Every file and line of the raw folder became an article (WARN otherwise; reasons in "
    "`ingest_errors`). Notes on kept articles (e.g. `date_ignored`) are counted but do not fail it.",
)


def inputs_readable(ingest_errors: pl.DataFrame) -> AssetCheckResult:
    notes = ingest_errors.filter(pl.col("reason").is_in(sorted(NOTE_REASONS)))
    lost = ingest_errors.filter(~pl.col("reason").is_in(sorted(NOTE_REASONS)))
    metadata: dict = {"ingest_errors": lost.height, "notes_on_kept_articles": notes.height}
    description = "every input became an article" + (f" ({notes.height} note(s) to check)" if notes.height else "")
    if not ingest_errors.is_empty():
        by_reason = ingest_errors.group_by("reason").len().sort(["len", "reason"], descending=[True, False])
        metadata["by_reason"] = MetadataValue.md(markdown_table(by_reason.rename({"len": "count"})))
        metadata["sample"] = MetadataValue.md(markdown_table(
            ingest_errors.select("source_path", "line_number", "reason", "detail").head(SAMPLE_SIZE)))
    if not lost.is_empty():
        reasons = ", ".join(f"{r} {n}" for r, n in lost.group_by("reason").len()
                            .sort(["len", "reason"], descending=[True, False]).iter_rows())
        description = f"{lost.height} input(s) could not be read ({reasons}): see ingest_errors"
    return AssetCheckResult(asset_key="articles", check_name=INPUTS_READABLE, passed=lost.is_empty(),
                            severity=AssetCheckSeverity.WARN, metadata=metadata, description=description)


TARGETS_EXIST = "reactions_target_exists"
targets_exist_spec = AssetCheckSpec(
    TARGETS_EXIST, asset="reactions",
    description="Every `target_mention_id` of a reaction points at an existing row of `visit_mentions`.",
)


def reactions_target_exists(
    con: duckdb.DuckDBPyConnection, partition_dates: Sequence[date] | None, links_cleared: int = 0
) -> AssetCheckResult:
    """ERROR when stored reactions of the given days (all when None) point at visit mentions that don't exist."""
    sql = """SELECT r.reaction_id, r.target_mention_id, r.partition_date FROM reactions r
             WHERE r.target_mention_id IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM visit_mentions v WHERE v.mention_id = r.target_mention_id)"""
    where, params = store.in_partitions(partition_dates, column="r.partition_date")
    if where:
        sql += f" AND {where}"
    rows = con.execute(sql + " ORDER BY r.partition_date, r.reaction_id", params).fetchall()
    metadata: dict = {"dangling_targets": len(rows),
                      # links the load removed because their visit was quarantined or never extracted
                      "links_cleared_at_load": links_cleared}
    if rows:
        sample = pl.DataFrame(rows[:SAMPLE_SIZE], schema=["reaction_id", "target_mention_id", "partition_date"],
                              orient="row")
        metadata["sample"] = MetadataValue.md(markdown_table(sample))
    description = (f"{len(rows)} reaction(s) point at visit mentions that do not exist" if rows
                   else "every target_mention_id points at a stored visit mention")
    return AssetCheckResult(asset_key="reactions", check_name=TARGETS_EXIST, passed=not rows,
                            severity=AssetCheckSeverity.ERROR, metadata=metadata, description=description)
