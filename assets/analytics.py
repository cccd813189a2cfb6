"""Asset: canonical `visits` clustered from all visit mentions, with the visits-per-month chart for the UI."""

from dagster import (
    AssetCheckResult,
    AssetCheckSeverity,
    AssetCheckSpec,
    AssetExecutionContext,
    MaterializeResult,
    MetadataValue,
    asset,
)

from assets import checks
from assets.metadata import newest_rows_preview, table_row_count
from assets.policies import (
    DUCKDB_WRITER_POOL,
    LOCK_RETRY_POLICY,
    OWNERS,
    retry_only_lock_errors,
    table_metadata,
)
from assets.resources import DiplowatchDuckDB
from diplowatch.analytics.charts import (
    chart_png,
    png_markdown,
    visits_per_month_chart,
    visits_per_month_frame,
)
from diplowatch.stages.visits import load_visits

PREVIEW_COLUMNS = [
    "visitor_code",
    "host_code",
    "visitor_name",
    "location",
    "start_date",
    "end_date",
    "status",
    "visit_type",
    "mention_count",
    "article_count",
    "last_reported",
]

MENTIONS_LINKED = "mentions_linked_to_visits"
mentions_linked_spec = AssetCheckSpec(
    MENTIONS_LINKED,
    asset="visits",
    description="Every visit mention belongs to a canonical visit (`visit_mentions.visit_id` is set).",
)


@asset(
    group_name="analytics",
    kinds={"polars", "duckdb"},
    owners=OWNERS,
    deps=["visit_mentions", "reactions"],
    description="Canonical visits: the mentions of all articles clustered into one row per real-world visit "
    "(same visitor and host, compatible person, overlapping or near dates; an undated announcement joins the "
    "visit that follows), with first/last report, counts, best dates and the latest status. Also sets "
    "`visit_id` on every visit mention and reaction, in the same transaction.",
    pool=DUCKDB_WRITER_POOL,
    retry_policy=LOCK_RETRY_POLICY,
    metadata=table_metadata("visits"),
    check_specs=[checks.schema_check_spec("visits"), mentions_linked_spec],
)
def visits(context: AssetExecutionContext, duckdb: DiplowatchDuckDB) -> MaterializeResult:
    with retry_only_lock_errors(), duckdb.get_connection() as con:
        result = load_visits(con)
        monthly = visits_per_month_frame(con)
        mentions = table_row_count(con, "visit_mentions")
    context.log.info(
        f"visits: {result.visits} from {mentions} mentions; {result.reactions_linked} reactions linked"
    )
    chart = (
        png_markdown(chart_png(visits_per_month_chart(monthly)), "visits per month")
        if monthly.height
        else ("_no visits yet_")
    )
    return MaterializeResult(
        metadata={
            "dagster/row_count": result.visits,
            "visit_mentions": mentions,
            "mentions_linked": result.mentions_linked,
            "reactions": result.reactions,
            "reactions_linked": result.reactions_linked,
            "rejected_rows": result.rejected,
            "visits_per_month": MetadataValue.md(chart),
            "newest_visits": newest_rows_preview(
                result.validation.valid, PREVIEW_COLUMNS, ["last_reported", "visit_id"], limit=10
            ),
        },
        check_results=[
            checks.schema_check(result.validation),
            AssetCheckResult(
                asset_key="visits",
                check_name=MENTIONS_LINKED,
                passed=result.mentions_unlinked == 0,
                severity=AssetCheckSeverity.WARN,
                metadata={
                    "mentions_unlinked": result.mentions_unlinked,
                    "mentions_linked": result.mentions_linked,
                },
            ),
        ],
    )
