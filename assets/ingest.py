"""Asset: the raw article folder read into `articles`, `article_sources` and `ingest_errors`."""

from __future__ import annotations

from dagster import AssetExecutionContext, MaterializeResult, MetadataValue, asset

from diplowatch.load import load_articles
from pipelines.resources import DiplowatchDuckDB, DiplowatchSettings


@asset(
    group_name="ingest",
    kinds={"polars", "duckdb"},
    description="Articles read from the raw folder (sample .txt and .jsonl), deduplicated and validated; "
    "unreadable inputs recorded in `ingest_errors`, invalid rows in `rejected_rows`.",
)
def articles(context: AssetExecutionContext, settings: DiplowatchSettings, duckdb: DiplowatchDuckDB) -> MaterializeResult:
    with duckdb.get_connection() as con:
        result = load_articles(con, settings.raw_dir)
    context.log.info(f"articles: {result.counts}")
    return MaterializeResult(metadata={
        "dagster/row_count": result.counts.get("articles", 0),
        "article_sources": result.counts.get("article_sources", 0),
        "ingest_errors": result.counts.get("ingest_errors", 0),
        "rejected_rows": result.rejected,
        "raw_dir": MetadataValue.path(settings.raw_dir),
    })
