"""The events stage: stored articles -> extraction chunks -> validated visit mentions and reactions -> write.

Three steps, each usable on its own so an orchestrator can run them apart and in parallel: `stage_articles`
exports the partitions' articles that this extractor has not read yet to a Parquet file in the run's staging
folder and cuts it into chunks (needs the database, briefly); `extract_chunk` runs the extractor over one
chunk and spills its validated rows beside it (needs no database: the slow part, which several processes or
machines can share); `write_events` replaces those articles' events by the chunks' rows in one transaction,
with an `extractions` row per article. `load_events` chains the three in one process. The rows are the same
however the chunks are spread: an article is never split across chunks, and its rows depend on its text alone;
and the same whether an article was extracted in this run or an earlier one by the same extractor
(`extractions` says which), so a nightly run extracts only what is new.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import polars as pl
import pyarrow.parquet as pq

from diplowatch import store
from diplowatch.schemas import Validated, empty_frame, frame_from_rows, validate
from diplowatch.stages import staging
from diplowatch.stages.spill import SUMMARY_COLUMNS, SpilledBatches, StageResult, unless_batch_failed

#: Stored articles handed to the extractor per batch (one Parquet row group each; the extractor batches
#: nlp.pipe inside). Bounds the text held in memory while extracting.
EVENT_BATCH_ARTICLES = 500
#: Articles per extraction chunk: the unit of work an executor runs in one step (process, pod). Fewer, larger
#: chunks waste less on starting steps; more, smaller ones spread better over workers.
CHUNK_ARTICLES = 2000
EVENT_TABLES = ("visit_mentions", "reactions")
#: What the stage writes: the event tables and one `extractions` row per article extracted.
WRITTEN_TABLES = (*EVENT_TABLES, "extractions")

_ARTICLES_FOR_EVENTS = "SELECT article_id, text, published_at, title, partition_date FROM articles"


def extractor_identity(extractor) -> tuple[str, str]:
    """(version, model name) of an extractor: an article extracted by the same pair is not extracted again."""
    version = getattr(extractor, "version", None) or type(extractor).__qualname__
    return str(version), str(getattr(extractor, "model_name", None) or "-")


@dataclass(frozen=True)
class ArticleChunk:
    """Some row groups of the staged articles file: what one extraction step reads."""

    index: int
    path: str
    row_groups: tuple[int, ...]
    articles: int


@dataclass(frozen=True)
class ExtractedChunk:
    """What one extraction step hands to the write step: its spilled Parquet files and validation outcome."""

    index: int
    articles: int
    paths: dict[str, tuple[str, ...]]
    validations: dict[str, Validated]
    links_cleared: int
    partitions: tuple[date, ...]


def stage_articles(
    con: duckdb.DuckDBPyConnection,
    partition_dates: Iterable[date] | None,
    folder: str | Path,
    chunk_articles: int = CHUNK_ARTICLES,
    batch_articles: int = EVENT_BATCH_ARTICLES,
    skip_extracted_by: tuple[str, str] | None = None,
    workers: int = 1,
) -> list[ArticleChunk]:
    """Copy the partitions' articles to `folder/articles.parquet` (DuckDB streams them) and cut the file into
    chunks of at most `chunk_articles` articles, `batch_articles` per row group. With `skip_extracted_by`
    (an `extractor_identity`), articles that extractor has already extracted are left out. `workers`: the
    processes the chunks will be spread over; the chunk count is a multiple of it and the chunks even in
    size, so no worker waits for another's last chunk (6,000 articles for 2 workers: 4 chunks of 1,500, not
    3 of 2,000).

    Row groups are small on purpose: a Parquet reader decodes a whole row group at a time, so DuckDB's default
    (122,880 rows, ~180 MB of article text) would make every batch hold memory growing with the corpus.
    """
    path = Path(folder) / "articles.parquet"
    path.parent.mkdir(parents=True, exist_ok=True)
    where, params = store.in_partitions(partition_dates)
    conditions = [where] if where else []
    if skip_extracted_by is not None:
        conditions.append(
            "article_id NOT IN (SELECT article_id FROM extractions WHERE extractor_version = ? "
            "AND model_name = ?)"
        )
        params = [*params, *skip_extracted_by]
    sql = _ARTICLES_FOR_EVENTS + (f" WHERE {' AND '.join(conditions)}" if conditions else "")
    if workers > 1:
        (total,) = con.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()
        chunk_articles = even_chunk_size(total, chunk_articles, workers)
    # A chunk is whole row groups: as many as it takes, of even size (1,667 articles: 4 groups of 417).
    groups = math.ceil(chunk_articles / max(1, batch_articles))
    batch_articles = max(1, math.ceil(chunk_articles / groups))
    chunk_articles = groups * batch_articles
    store.limit_stage_memory(con)
    # Unordered (readers never rely on it): a sort, or insertion order kept across threads, would buffer
    # texts. Streamed as Arrow batches, one row group each: DuckDB's own Parquet writer rounds groups up to
    # 2,048 rows, too coarse for chunks of a few hundred articles.
    with store.unordered(con):
        reader = con.sql(sql, params=params).to_arrow_reader(batch_articles)
        with pq.ParquetWriter(path, reader.schema) as writer:
            for batch in reader:
                if batch.num_rows:
                    writer.write_batch(batch, row_group_size=batch_articles)
    return chunk_row_groups(path, chunk_articles)


def even_chunk_size(total: int, chunk_articles: int, workers: int) -> int:
    """The size of chunks of at most `chunk_articles` articles, as even as can be, whose count is a multiple
    of `workers` (when there are articles enough for each worker)."""
    chunks = max(1, math.ceil(total / max(1, chunk_articles)))
    workers = max(1, min(workers, total))
    chunks = math.ceil(chunks / workers) * workers
    return max(1, math.ceil(total / chunks))


def chunk_row_groups(path: str | Path, chunk_articles: int = CHUNK_ARTICLES) -> list[ArticleChunk]:
    """Consecutive row groups of a Parquet file, gathered into chunks of at most ~`chunk_articles` rows."""
    metadata = pq.ParquetFile(path).metadata
    chunks: list[ArticleChunk] = []
    groups: list[int] = []
    rows = 0
    for group in range(metadata.num_row_groups):
        size = metadata.row_group(group).num_rows
        if groups and rows + size > max(1, chunk_articles):
            chunks.append(ArticleChunk(len(chunks), str(path), tuple(groups), rows))
            groups, rows = [], 0
        groups.append(group)
        rows += size
    if rows:
        chunks.append(ArticleChunk(len(chunks), str(path), tuple(groups), rows))
    return chunks


def chunk_batches(chunk: ArticleChunk) -> Iterator[pl.DataFrame]:
    """The chunk's articles, one row group (`EVENT_BATCH_ARTICLES` articles) at a time."""
    reader = pq.ParquetFile(chunk.path)
    for group in chunk.row_groups:
        yield pl.from_arrow(reader.read_row_group(group))


def extract_events(
    articles: pl.DataFrame,
    extractor,
    progress: Callable[[int], None] | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """(visit_mentions, reactions, extractions) for the given articles, each row carrying its article's
    partition_date; one `extractions` row per article, with what the extractor's limits cut in it."""
    partition_of = dict(zip(articles["article_id"], articles["partition_date"], strict=True))
    inputs = articles.select("article_id", "text", "published_at", "title").iter_rows(named=True)
    version, model = extractor_identity(extractor)
    with_notes = "notes" in inspect.signature(extractor.extract_batch).parameters
    results = extractor.extract_batch(inputs, notes=True) if with_notes else extractor.extract_batch(inputs)
    visits: list[dict] = []
    reactions: list[dict] = []
    extractions: list[dict] = []
    now = datetime.now(UTC)
    for done, (aid, article_visits, article_reactions, *notes) in enumerate(results, start=1):
        visits.extend(
            {**row, "partition_date": partition_of[aid], "visit_id": None} for row in article_visits
        )
        reactions.extend(
            {**row, "partition_date": partition_of[aid], "visit_id": None} for row in article_reactions
        )
        extractions.append(
            {
                "article_id": aid,
                "partition_date": partition_of[aid],
                "extractor_version": version,
                "model_name": model,
                "visit_mentions": len(article_visits),
                "reactions": len(article_reactions),
                "notes": "; ".join(notes[0]) if notes and notes[0] else None,
                "extracted_at": now,
            }
        )
        if progress:
            progress(done)
    return (
        frame_from_rows("visit_mentions", visits),
        frame_from_rows("reactions", reactions),
        frame_from_rows("extractions", extractions),
    )


def extract_chunk(
    chunk: ArticleChunk, extractor, folder: str | Path, progress: Callable[[int], None] | None = None
) -> ExtractedChunk:
    """Run the extractor over one chunk and validate its output batch by batch, spilling the valid rows to
    `folder/chunk-<index>/` (no database needed).

    A reaction whose target visit was quarantined keeps its row but loses the link; an article's reactions
    only target that article's visits, and an article is never split across batches.
    """
    return extract_batches(
        chunk_batches(chunk), extractor, Path(folder) / f"chunk-{chunk.index:05d}", chunk.index, progress
    )


def extract_batches(
    batches: Iterable[pl.DataFrame],
    extractor,
    folder: str | Path,
    index: int = 0,
    progress: Callable[[int], None] | None = None,
) -> ExtractedChunk:
    """`extract_chunk` over any batches of articles (frames of the `articles` columns the extractor reads)."""
    spilled = SpilledBatches(WRITTEN_TABLES, folder)
    read, partitions, cleared = 0, set(), 0
    for batch in batches:
        visits, reactions, extractions = extract_events(
            batch, extractor, progress and (lambda k, done=read: progress(done + k))
        )
        read += batch.height
        partitions.update(batch["partition_date"].to_list())
        checked_visits = validate("visit_mentions", visits)
        checked_reactions = validate("reactions", reactions)
        kept = checked_visits.valid["mention_id"]
        dangling = pl.col("target_mention_id").is_not_null() & ~pl.col("target_mention_id").is_in(
            kept.implode()
        )
        cleared += checked_reactions.valid.filter(dangling).height
        spilled.add(checked_visits)
        spilled.add(
            checked_reactions,
            checked_reactions.valid.with_columns(
                pl.when(dangling).then(None).otherwise(pl.col("target_mention_id")).alias("target_mention_id")
            ),
        )
        spilled.add(validate("extractions", extractions))
    return ExtractedChunk(
        index,
        read,
        {t: tuple(spilled.paths[t]) for t in WRITTEN_TABLES},
        spilled.validations(),
        cleared,
        tuple(sorted(partitions)),
    )


def merged_validations(chunks: Iterable[ExtractedChunk]) -> dict[str, Validated]:
    """One Validated per event table over all chunks (summary rows, rejected rows, failure cases, failure)."""
    chunks = list(chunks)
    merged = {}
    for table in WRITTEN_TABLES:
        parts = [c.validations[table] for c in chunks]
        valid = (
            pl.concat([p.valid for p in parts])
            if parts
            else empty_frame(table).select(SUMMARY_COLUMNS[table])
        )
        rejected = pl.concat([p.rejected for p in parts]) if parts else empty_frame("rejected_rows")
        cases = [p.failure_cases for p in parts if not p.failure_cases.is_empty()]
        merged[table] = Validated(
            table,
            valid,
            rejected,
            pl.concat(cases, how="diagonal_relaxed") if cases else pl.DataFrame(),
            any(p.batch_failed for p in parts),
        )
    return merged


def write_events(
    con: duckdb.DuckDBPyConnection,
    chunks: Iterable[ExtractedChunk],
    partition_dates: Iterable[date] | None = None,
) -> StageResult:
    """Replace the events of the articles the chunks extracted by the chunks' rows, with their `extractions`
    rows, in one transaction; also drop, in the given partitions, events of articles no longer stored. Events
    of articles not extracted this time (already extracted by the same extractor) stay. The caller removes the
    staging folder afterwards."""
    chunks = sorted(chunks, key=lambda c: c.index)
    store.limit_stage_memory(con)
    checked = merged_validations(chunks)
    extracted = sorted(
        {aid for c in chunks for aid in c.validations["extractions"].valid["article_id"]}
        | {aid for c in chunks for t in EVENT_TABLES for aid in c.validations[t].valid["article_id"]}
    )
    days, day_params = store.in_partitions(partition_dates)
    orphans = "article_id NOT IN (SELECT article_id FROM articles)" + (f" AND {days}" if days else "")
    replaced = f"article_id IN (SELECT unnest(?::VARCHAR[])) OR ({orphans})"
    writes = [
        store.Write(t, None, replaced, (extracted, *day_params), tuple(p for c in chunks for p in c.paths[t]))
        for t in WRITTEN_TABLES
    ]
    rejected = pl.concat([v.rejected for v in checked.values()])
    quarantine = store.Write(
        "rejected_rows",
        rejected,
        "table_name IN (SELECT unnest(?::VARCHAR[])) AND "
        "json_extract_string(row_json, '$.article_id') IN (SELECT unnest(?::VARCHAR[]))",
        (list(WRITTEN_TABLES), extracted),
    )
    counts = store.apply_writes(con, unless_batch_failed(writes, checked) + [quarantine])
    counts["articles_read"] = sum(c.articles for c in chunks)
    counts["target_links_cleared"] = sum(c.links_cleared for c in chunks)
    counts["extraction_chunks"] = len(chunks)
    counts["articles_with_notes"] = checked["extractions"].valid["notes"].is_not_null().sum()
    partitions = sorted({day for c in chunks for day in c.partitions})
    return StageResult(counts, checked, partitions)


def load_events(
    con: duckdb.DuckDBPyConnection,
    extractor,
    partition_dates: Iterable[date] | None = None,
    progress: Callable[[int], None] | None = None,
    staging_dir: str | Path | None = None,
    chunk_articles: int = CHUNK_ARTICLES,
    batch_articles: int = EVENT_BATCH_ARTICLES,
    reextract: bool = False,
) -> StageResult:
    """The whole events stage in this process, over one open connection: stage, extract every chunk, write.
    Articles already extracted by the same extractor are skipped unless `reextract`.

    Files go to `staging_dir` (by default a scratch folder beside the database), removed at the end.
    """
    root = staging.default_root(store.database_path(con)) if staging_dir is None else staging_dir
    with staging.scratch(root, "events") as folder:
        skip = None if reextract else extractor_identity(extractor)
        chunks = stage_articles(con, partition_dates, folder, chunk_articles, batch_articles, skip)
        extracted, done = [], 0
        for chunk in chunks:
            extracted.append(
                extract_chunk(
                    chunk, extractor, folder, progress and (lambda k, base=done: progress(base + k))
                )
            )
            done += chunk.articles
        return write_events(con, extracted, partition_dates)
