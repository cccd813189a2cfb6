"""The `extraction` group: visit mentions and reactions extracted by spaCy from the articles of each year.

A graph of steps, so the slow part runs wherever and in as many processes as the executor allows:
`stage_event_articles` (DuckDB, in the `duckdb_writer` pool) exports the partitions' articles to the run's
staging folder in chunks; `extract_event_chunk` runs once per chunk with no database lock (in parallel under
the multiprocess, k8s or celery executor); `write_event_tables` (in the pool again) replaces the partitions'
rows in one transaction and removes the staging files.
"""

from pathlib import Path

from dagster import (
    AssetOut,
    BackfillPolicy,
    Config,
    DynamicOut,
    DynamicOutput,
    In,
    Nothing,
    OpExecutionContext,
    Out,
    Output,
    graph_multi_asset,
    op,
)

from assets import checks
from assets.metadata import newest_rows_preview, table_row_count
from assets.partitions import context_partition_dates, yearly_partitions
from assets.policies import (
    DUCKDB_WRITER_POOL,
    LOCK_RETRY_POLICY,
    OWNERS,
    retry_only_lock_errors,
    table_metadata,
)
from assets.resources import DiplowatchDuckDB, DiplowatchSettings, ExtractorResource
from diplowatch.schemas import MENTION_AT_A_GLANCE, REACTION_AT_A_GLANCE
from diplowatch.stages import staging
from diplowatch.stages.events import (
    ArticleChunk,
    ExtractedChunk,
    extract_chunk,
    extractor_identity,
    stage_articles,
    write_events,
)
from diplowatch.stages.spill import newest_written

PREVIEWS = {
    "visit_mentions": (
        ["partition_date", *MENTION_AT_A_GLANCE],
        ["partition_date", "article_id", "sentence_index"],
    ),
    "reactions": (
        ["partition_date", *REACTION_AT_A_GLANCE],
        ["partition_date", "article_id", "sentence_index"],
    ),
}
#: Log extraction progress every this many articles of a chunk.
PROGRESS_EVERY = 500
CHECK_SPECS = [
    checks.schema_check_spec("visit_mentions"),
    checks.schema_check_spec("reactions"),
    checks.targets_exist_spec,
]


def _events_folder(
    context: OpExecutionContext, settings: DiplowatchSettings, duckdb: DiplowatchDuckDB
) -> Path:
    return staging.run_folder(settings.staging_root(duckdb.database), context.run.run_id) / "events"


def run_is_active(context: OpExecutionContext, run_id: str) -> bool | None:
    """Whether the run a staging folder belongs to is still going (None: not a run of this instance)."""
    run = context.instance.get_run_by_id(run_id) if _looks_like_run_id(run_id) else None
    return None if run is None else not run.is_finished


def _looks_like_run_id(name: str) -> bool:
    return len(name) == 36 and name.count("-") == 4


class StageConfig(Config):
    """Launchpad/run config of the events asset's first step."""

    reextract: bool = False  # extract every article of the partitions again, not only those not extracted yet


@op(
    ins={"articles": In(Nothing)},
    out=DynamicOut(ArticleChunk),
    pool=DUCKDB_WRITER_POOL,
    retry_policy=LOCK_RETRY_POLICY,
    tags={"kind": "duckdb"},
)
def stage_event_articles(
    context: OpExecutionContext,
    config: StageConfig,
    settings: DiplowatchSettings,
    duckdb: DiplowatchDuckDB,
    extractor: ExtractorResource,
):
    """Export the partitions' articles this extractor has not read yet (all with `reextract`) to the run's
    staging folder, cut into extraction chunks."""
    days = context_partition_dates(context)
    root = settings.staging_root(duckdb.database)
    for leftover in staging.sweep(
        root, keep=context.run.run_id, is_active=lambda name: run_is_active(context, name)
    ):
        context.log.info(f"removed the staging folder a killed run left behind: {leftover}")
    skip = None if config.reextract else extractor_identity(extractor.get())
    with retry_only_lock_errors(), duckdb.get_connection() as con:
        chunks = stage_articles(
            con,
            days,
            _events_folder(context, settings, duckdb),
            settings.chunk_articles,
            skip_extracted_by=skip,
            workers=settings.extraction_workers,
        )
    context.log.info(
        f"{sum(c.articles for c in chunks)} article(s) to extract in {len(chunks)} chunk(s) "
        f"over {days[0]}..{days[-1]}" + ("" if skip is None else f" (not yet extracted by {skip[0]})")
    )
    for chunk in chunks:
        yield DynamicOutput(chunk, mapping_key=f"chunk_{chunk.index}")


@op(tags={"kind": "spacy"})
def extract_event_chunk(
    context: OpExecutionContext, chunk: ArticleChunk, extractor: ExtractorResource
) -> ExtractedChunk:
    """Extract one chunk's visit mentions and reactions (no database: runs in parallel with other chunks)."""

    def progress(done: int) -> None:
        if done % PROGRESS_EVERY == 0:
            context.log.info(f"chunk {chunk.index}: extracted {done} of {chunk.articles} articles")

    extracted = extract_chunk(chunk, extractor.get(), Path(chunk.path).parent, progress)
    context.log.info(f"chunk {chunk.index}: {extracted.articles} article(s)")
    return extracted


@op(
    out={
        "visit_mentions": Out(Nothing),
        "reactions": Out(Nothing),
        **{spec.get_python_identifier(): Out(is_required=False) for spec in CHECK_SPECS},
    },
    pool=DUCKDB_WRITER_POOL,
    retry_policy=LOCK_RETRY_POLICY,
    tags={"kind": "duckdb"},
)
def write_event_tables(
    context: OpExecutionContext,
    chunks: list[ExtractedChunk],
    settings: DiplowatchSettings,
    duckdb: DiplowatchDuckDB,
):
    """Replace the partitions' visit mentions and reactions by every chunk's rows, in one transaction."""
    days = context_partition_dates(context)
    with retry_only_lock_errors():
        with duckdb.get_connection() as con:
            result = write_events(con, chunks, days)
        # Written: the staging files are no longer needed (kept until then, for a retry after a lock error).
        staging.remove(staging.run_folder(settings.staging_root(duckdb.database), context.run.run_id))
        with duckdb.get_connection() as con:
            newest = {t: newest_written(con, result, t, order, days) for t, (_, order) in PREVIEWS.items()}
            totals = {t: table_row_count(con, t) for t in PREVIEWS}
            target_check = checks.reactions_target_exists(
                con, days, result.counts.get("target_links_cleared", 0)
            )
    context.log.info(f"events: {result.counts} over {len(days)} day(s) {days[0]}..{days[-1]}")
    for table, (columns, newest_first) in PREVIEWS.items():
        yield Output(
            None,
            table,
            metadata={
                "dagster/row_count": result.counts.get(table, 0),
                "table_row_count": totals[table],
                "articles_read": result.counts.get("articles_read", 0),
                "extraction_chunks": result.counts.get("extraction_chunks", 0),
                "articles_with_notes": result.counts.get("articles_with_notes", 0),
                "rejected_rows": result.validations[table].rejected.height,
                f"newest_{table}": newest_rows_preview(newest[table], columns, newest_first),
            },
        )
        yield checks.schema_check(result.validations[table])
    yield target_check


@graph_multi_asset(
    name="events",
    outs={
        "visit_mentions": AssetOut(
            dagster_type=Nothing,
            kinds={"spacy", "polars", "duckdb"},
            owners=OWNERS,
            metadata=table_metadata("visit_mentions"),
            description="Visits mentioned in the articles, one row per mention: who visited whom, where, "
            "when (dates and their precision), status and type, with the sentence it was read from.",
        ),
        "reactions": AssetOut(
            dagster_type=Nothing,
            kinds={"spacy", "polars", "duckdb"},
            owners=OWNERS,
            metadata=table_metadata("reactions"),
            description="Reactions by states and international organisations: stance, quote and the visit "
            "mention they react to (`target_mention_id`).",
        ),
    },
    group_name="extraction",
    partitions_def=yearly_partitions,
    backfill_policy=BackfillPolicy.single_run(),
    check_specs=CHECK_SPECS,
)
def events(articles):
    return write_event_tables(stage_event_articles(articles).map(extract_event_chunk).collect())
