"""The `ingest` group: the configured feeds fetched into the raw folder (`feed_entries`), then the raw folder
read into `articles`, `article_sources` and `ingest_errors`, one UTC year a partition (`articles`)."""

from dagster import AssetExecutionContext, BackfillPolicy, MaterializeResult, MetadataValue, asset

from assets import checks
from assets.metadata import (
    feeds_status_markdown,
    newest_rows_preview,
    removed_paths,
    removed_sources_markdown,
    table_row_count,
)
from assets.partitions import context_partition_dates, partition_bounds, yearly_partitions
from assets.policies import (
    DUCKDB_WRITER_POOL,
    LOCK_RETRY_POLICY,
    OWNERS,
    retry_only_lock_errors,
    table_metadata,
)
from assets.resources import DiplowatchDuckDB, DiplowatchSettings
from diplowatch.ingest.feed_config import load_feeds_config
from diplowatch.ingest.feeds import ingest_feeds
from diplowatch.stages import staging
from diplowatch.stages.articles import load_articles
from diplowatch.stages.spill import newest_written


@asset(
    group_name="ingest",
    kinds={"duckdb"},
    owners=OWNERS,
    description="New entries of the feeds in the feeds config (DIPLOWATCH_FEEDS; none when unset), fetched "
    "incrementally (conditional GET, a per-feed cursor) and written to <raw>/feeds/<feed>/<day>.jsonl, where "
    "the `articles` asset and the file sensor pick them up. Feed state in `feed_state` and "
    "`feed_entries_seen`; a feed that is down is an `ingest_errors` row and is retried next run.",
    pool=DUCKDB_WRITER_POOL,
    retry_policy=LOCK_RETRY_POLICY,
)
def feed_entries(
    context: AssetExecutionContext, settings: DiplowatchSettings, duckdb: DiplowatchDuckDB
) -> MaterializeResult:
    if not settings.feeds_path:
        context.log.info("no feeds configured (DIPLOWATCH_FEEDS is empty)")
        return MaterializeResult(metadata={"feeds": 0, "entries_written": 0, "feeds_config": "(none)"})
    # A broken config fails the run with a message saying what to fix.
    feeds = load_feeds_config(settings.feeds_path)
    with retry_only_lock_errors():
        run = ingest_feeds(duckdb.get_connection, feeds, settings.raw_dir)
    for outcome in run.outcomes:
        if outcome.error:
            context.log.warning(f"feed {outcome.feed.name}: {outcome.error.reason}: {outcome.error.detail}")
    return MaterializeResult(
        metadata={
            **run.counts,
            "feeds_config": MetadataValue.path(settings.feeds_path),
            "feeds_status": feeds_status_markdown(run.outcomes),
        }
    )


PREVIEW_COLUMNS = ["partition_date", "published_at", "title", "source", "source_path", "date_from_ingest"]


@asset(
    group_name="ingest",
    kinds={"polars", "duckdb"},
    owners=OWNERS,
    description="Articles read from the raw folder (DIPLOWATCH_RAW_DIR; .txt, .jsonl, .csv and .html, "
    "recursively), deduplicated by normalized title + text or URL, and validated. Partitioned by year of "
    "publication (UTC); an undated article falls on the day it was first ingested (`date_from_ingest`). Also "
    "writes `article_sources` (every place an article was seen) and `ingest_errors` (what could not be read, "
    "and why).",
    # Feeds write their entries into the raw folder first, so a run reads what it just fetched.
    deps=["feed_entries"],
    partitions_def=yearly_partitions,
    backfill_policy=BackfillPolicy.single_run(),
    pool=DUCKDB_WRITER_POOL,
    retry_policy=LOCK_RETRY_POLICY,
    metadata=table_metadata("articles"),
    check_specs=[
        checks.schema_check_spec("articles"),
        checks.schema_check_spec("article_sources", asset="articles"),
        checks.schema_check_spec("ingest_errors", asset="articles"),
        checks.sources_delivering_spec,
        checks.inputs_readable_spec,
    ],
)
def articles(
    context: AssetExecutionContext, settings: DiplowatchSettings, duckdb: DiplowatchDuckDB
) -> MaterializeResult:
    days = context_partition_dates(context)
    folder = staging.run_folder(settings.staging_root(duckdb.database), context.run.run_id) / "articles"
    with retry_only_lock_errors(), duckdb.get_connection() as con:
        result = load_articles(
            con, settings.raw_dir, days, partition_bounds=partition_bounds(), staging_dir=folder
        )
        newest = newest_written(con, result, "articles", ["partition_date", "ingested_at"], days)
        total = table_row_count(con, "articles")
    context.log.info(f"articles: {result.counts} over {len(days)} day(s) {days[0]}..{days[-1]}")
    if result.counts.get("articles_removed"):
        context.log.warning(
            f"removed {result.counts['articles_removed']} article(s) no longer in {settings.raw_dir}: "
            + ", ".join(sorted(set(result.removed["source_path"].to_list()))[:20])
        )
    return MaterializeResult(
        metadata={
            "dagster/row_count": result.counts.get("articles", 0),
            "table_row_count": total,
            "days": len(days),
            "article_sources": result.counts.get("article_sources", 0),
            "ingest_errors": result.counts.get("ingest_errors", 0),
            "rejected_rows": result.rejected,
            "articles_removed": result.counts.get("articles_removed", 0),
            "removed_sources": removed_sources_markdown(result.removed),
            "removed_source_paths": MetadataValue.json(removed_paths(result.removed)),
            "raw_dir": MetadataValue.path(settings.raw_dir),
            "newest_articles": newest_rows_preview(
                newest, PREVIEW_COLUMNS, ["partition_date", "ingested_at"]
            ),
        },
        check_results=[
            checks.schema_check(result.validations["articles"]),
            checks.schema_check(result.validations["article_sources"], asset="articles"),
            checks.schema_check(result.validations["ingest_errors"], asset="articles"),
            checks.sources_delivering(duckdb.get_connection, days[-1]),
            checks.inputs_readable(result.validations["ingest_errors"].valid),
        ],
    )
