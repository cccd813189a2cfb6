"""Assets: visit mentions and reactions extracted from the stored articles."""

from __future__ import annotations

from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, multi_asset

from diplowatch.load import load_events
from pipelines.resources import DiplowatchDuckDB, ExtractorResource


@multi_asset(
    specs=[
        AssetSpec("visit_mentions", deps=["articles"], group_name="extraction", kinds={"spacy", "polars", "duckdb"},
                  description="Visits mentioned in the articles: who visited whom, where, when, status, type."),
        AssetSpec("reactions", deps=["articles"], group_name="extraction", kinds={"spacy", "polars", "duckdb"},
                  description="Reactions by states and international organisations, with stance, quote and the visit "
                  "they react to."),
    ],
)
def events(context: AssetExecutionContext, duckdb: DiplowatchDuckDB, extractor: ExtractorResource):
    with duckdb.get_connection() as con:
        result = load_events(con, extractor.get())
    context.log.info(f"events: {result.counts}")
    for table in ("visit_mentions", "reactions"):
        yield MaterializeResult(asset_key=table, metadata={
            "dagster/row_count": result.counts.get(table, 0),
            "rejected_rows": result.validations[table].rejected.height,
            "articles_read": result.counts.get("articles_read", 0),
        })
