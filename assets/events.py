"""Assets: visit mentions and reactions extracted by spaCy from the stored articles of each daily partition."""

from dagster import AssetExecutionContext, AssetSpec, BackfillPolicy, MaterializeResult, multi_asset

from assets import checks
from assets.metadata import newest_rows_preview, table_row_count
from assets.policies import (
    DUCKDB_WRITER_POOL,
    LOCK_RETRY_POLICY,
    OWNERS,
    retry_only_lock_errors,
    table_metadata,
)
from diplowatch.load import load_events_between, newest_written
from diplowatch.parallel import resolve_workers
from pipelines.partitions import context_partition_dates, daily_partitions
from pipelines.resources import DiplowatchDuckDB, ExtractorResource

PREVIEWS = {
    "visit_mentions": (["partition_date", "visitor_name", "visitor_code", "host_code", "location", "start_date",
                        "end_date", "date_precision", "status", "visit_type", "confidence"],
                       ["partition_date", "article_id", "sentence_index"]),
    "reactions": (["partition_date", "reactor_name", "reactor_code", "stance", "quote", "target_mention_id",
                   "confidence"],
                  ["partition_date", "article_id", "sentence_index"]),
}
#: Log progress every this many articles on long ranges.
PROGRESS_EVERY = 200


@multi_asset(
    name="events",
    specs=[
        AssetSpec("visit_mentions", deps=["articles"], group_name="extraction", kinds={"spacy", "polars", "duckdb"},
                  owners=OWNERS, partitions_def=daily_partitions, metadata=table_metadata("visit_mentions"),
                  description="Visits mentioned in the articles, one row per mention: who visited whom, where, "
                  "when (dates and their precision), status and type, with the sentence it was read from."),
        AssetSpec("reactions", deps=["articles"], group_name="extraction", kinds={"spacy", "polars", "duckdb"},
                  owners=OWNERS, partitions_def=daily_partitions, metadata=table_metadata("reactions"),
                  description="Reactions by states and international organisations: stance, quote and the "
                  "visit mention they react to (`target_mention_id`)."),
    ],
    partitions_def=daily_partitions,
    backfill_policy=BackfillPolicy.single_run(),
    pool=DUCKDB_WRITER_POOL,
    retry_policy=LOCK_RETRY_POLICY,
    check_specs=[checks.schema_check_spec("visit_mentions"), checks.schema_check_spec("reactions"),
                 checks.targets_exist_spec],
)
def events(context: AssetExecutionContext, duckdb: DiplowatchDuckDB, extractor: ExtractorResource):
    days = context_partition_dates(context)

    def progress(done: int) -> None:
        if done % PROGRESS_EVERY == 0:
            context.log.info(f"extracted {done} articles")

    with retry_only_lock_errors():
        # Articles cannot change while the extractor runs without the file's lock: their writer shares our pool.
        result = load_events_between(duckdb.get_connection, extractor.get(), days, progress,
                                     workers=resolve_workers(extractor.workers))
        with duckdb.get_connection() as con:
            # Read before the counts: con.sql refuses to run while a fetchone() result is still open.
            newest = {t: newest_written(con, result, t, order, days) for t, (_, order) in PREVIEWS.items()}
            totals = {t: table_row_count(con, t) for t in PREVIEWS}
            target_check = checks.reactions_target_exists(con, days, result.counts.get("target_links_cleared", 0))
    context.log.info(f"events: {result.counts} over {len(days)} day(s) {days[0]}..{days[-1]}")
    for table, (columns, newest_first) in PREVIEWS.items():
        check_results = [checks.schema_check(result.validations[table])]
        if table == "reactions":
            check_results.append(target_check)
        yield MaterializeResult(
            asset_key=table,
            metadata={
                "dagster/row_count": result.counts.get(table, 0),
                "table_row_count": totals[table],
                "articles_read": result.counts.get("articles_read", 0),
                "extraction_workers": result.counts.get("extraction_workers", 1),
                "rejected_rows": result.validations[table].rejected.height,
                f"newest_{table}": newest_rows_preview(newest[table], columns, newest_first),
            },
            check_results=check_results,
        )
