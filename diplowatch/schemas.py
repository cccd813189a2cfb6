"""pandera.polars models: the single source of every table's columns, types, rules and documentation."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

import pandera.polars as pa
import polars as pl

SHA256_HEX = r"^[0-9a-f]{64}$"
CODE = r"^[A-Z]{2,12}$"
STATUSES = ["planned", "ongoing", "completed", "cancelled"]
VISIT_TYPES = ["state", "official", "working", "private", "unspecified"]
PRECISIONS = ["day", "month", "year"]
STANCES = ["negative", "positive", "neutral"]

#: What says what a visit mention or a reaction is, in reading order: the columns previews and the CLI show.
MENTION_AT_A_GLANCE = [
    "visitor_name",
    "visitor_code",
    "host_code",
    "location",
    "start_date",
    "end_date",
    "date_precision",
    "status",
    "visit_type",
    "confidence",
]
REACTION_AT_A_GLANCE = ["reactor_name", "reactor_code", "stance", "quote", "target_mention_id", "confidence"]


class Articles(pa.DataFrameModel):
    """One row per distinct article (deduplicated by normalized title + text)."""

    article_id: str = pa.Field(
        str_matches=SHA256_HEX,
        unique=True,
        description="sha256 hex of the normalized title + text; the article's identity across sources",
    )
    source_id: str = pa.Field(
        nullable=True, description="the input's own `id` (JSONL/CSV/feed entry id), if it had one"
    )
    source_path: str = pa.Field(description="file (or feed URL) the article was first read from")
    url: str = pa.Field(
        nullable=True, description="canonical URL of the article, tracking parameters removed"
    )
    source: str = pa.Field(nullable=True, description="publisher or site name")
    published_at: pl.Date = pa.Field(
        nullable=True, description="publication date (UTC) as given by the input; null when unknown"
    )
    title: str = pa.Field(nullable=True, description="headline")
    text: str = pa.Field(
        str_length={"min_value": 1},
        description="article body as plain text, normalized at ingestion (invisible characters removed, "
        "Unicode NFKC); every char_start/char_end points into it",
    )
    language: str = pa.Field(nullable=True, description="detected ISO 639-1 language of the text")
    partition_date: pl.Date = pa.Field(
        description="the article's day (its partition is the year holding it): published_at, or the day it "
        "was first ingested when the date is unknown"
    )
    date_from_ingest: bool = pa.Field(
        description="true when partition_date is the ingestion day because published_at is unknown"
    )
    ingested_at: pl.Datetime(time_zone="UTC") = pa.Field(
        description="when the article was first ingested (UTC)"
    )

    class Config:
        strict = "filter"
        coerce = True


class ArticleSources(pa.DataFrameModel):
    """Every place an article was seen: files, JSONL lines, CSV rows, feed entries."""

    article_id: str = pa.Field(str_matches=SHA256_HEX, description="the article seen")
    source_kind: str = pa.Field(isin=["txt", "jsonl", "csv", "html", "feed"], description="kind of input")
    source_path: str = pa.Field(description="file path, or feed URL")
    line_number: pl.Int64 = pa.Field(
        nullable=True, ge=1, description="1-based line (JSONL) or data row (CSV) within source_path"
    )
    url: str = pa.Field(nullable=True, description="URL given by this source, as given")
    partition_date: pl.Date = pa.Field(description="partition of the article")
    seen_at: pl.Datetime(time_zone="UTC") = pa.Field(description="when this source was read")

    class Config:
        strict = "filter"
        coerce = True


class IngestErrors(pa.DataFrameModel):
    """Inputs that could not become articles, with the reason: nothing is dropped without a record."""

    source_path: str = pa.Field(description="file path or feed URL")
    line_number: pl.Int64 = pa.Field(
        nullable=True, ge=1, description="1-based line or row, when the error concerns one"
    )
    reason: str = pa.Field(
        description="short machine-friendly reason, e.g. `invalid_json`, `missing_text`, `too_large`"
    )
    detail: str = pa.Field(nullable=True, description="human-readable explanation and what to do about it")
    recorded_at: pl.Datetime(time_zone="UTC") = pa.Field(description="when the error was recorded")

    class Config:
        strict = "filter"
        coerce = True


class FeedState(pa.DataFrameModel):
    """One row per configured news feed: the conditional-GET validators and the outcome of its last fetch."""

    feed_name: str = pa.Field(
        unique=True, description="the feed's name in the feeds config (also its folder under <raw>/feeds/)"
    )
    feed_url: str = pa.Field(description="the feed's URL")
    etag: str = pa.Field(
        nullable=True, description="ETag of the last complete fetch, sent back as If-None-Match"
    )
    last_modified: str = pa.Field(
        nullable=True, description="Last-Modified of the last complete fetch, sent back as If-Modified-Since"
    )
    last_status: str = pa.Field(
        isin=["ok", "not_modified", "failed"], description="outcome of the last fetch"
    )
    last_error: str = pa.Field(
        nullable=True, description="why the last fetch failed (also in ingest_errors until the next run)"
    )
    consecutive_failures: pl.Int32 = pa.Field(ge=0, description="failed fetches in a row; 0 after a success")
    entries_written: pl.Int32 = pa.Field(ge=0, description="new entries written by the last fetch")
    last_attempt_at: pl.Datetime(time_zone="UTC") = pa.Field(description="when the feed was last fetched")
    last_success_at: pl.Datetime(time_zone="UTC") = pa.Field(
        nullable=True, description="when the feed was last fetched successfully"
    )

    class Config:
        strict = "filter"
        coerce = True


class FeedEntriesSeen(pa.DataFrameModel):
    """The per-feed cursor: entries already in the raw folder, so the next run fetches only new ones."""

    feed_name: str = pa.Field(description="the feed")
    entry_key: str = pa.Field(
        description="the entry's id (guid), else its link, else a hash of title + summary"
    )
    entry_url: str = pa.Field(nullable=True, description="the entry's link")
    written_to: str = pa.Field(description="the JSON Lines file the entry was written to")
    first_seen_at: pl.Datetime(time_zone="UTC") = pa.Field(description="when the entry was first fetched")

    class Config:
        strict = "filter"
        coerce = True


class VisitMentions(pa.DataFrameModel):
    """One row per visit mentioned in an article sentence."""

    mention_id: str = pa.Field(unique=True, description="deterministic id of the mention")
    article_id: str = pa.Field(str_matches=SHA256_HEX, description="article the mention comes from")
    sentence_index: pl.Int32 = pa.Field(ge=0, description="0-based index of the sentence in the article")
    sentence: str = pa.Field(description="the sentence the mention was read from")
    char_start: pl.Int32 = pa.Field(
        ge=0, description="offset of the sentence's first character in the article text"
    )
    char_end: pl.Int32 = pa.Field(ge=0, description="offset just past the sentence's last character")
    visitor_name: str = pa.Field(nullable=True, description="the visiting person, when named")
    visitor_code: str = pa.Field(
        str_matches=CODE,
        description=(
            "visiting country (ISO 3166-1 alpha-3) or international organisation code; codes of the "
            "article's date (SUN, DDR, YUG, CSK before their end; EC for the European Communities before "
            "1993-11-01, EU after)"
        ),
    )
    host_code: str = pa.Field(
        str_matches=CODE,
        description="host country (ISO 3166-1 alpha-3; SUN/DEU/DDR/YUG/CSK for former states)",
    )
    location: str = pa.Field(nullable=True, description="city of the visit, when named")
    start_date: pl.Date = pa.Field(
        nullable=True, description="first day of the visit (first day of the period for month/year precision)"
    )
    end_date: pl.Date = pa.Field(nullable=True, description="last day of the visit")
    date_precision: str = pa.Field(
        nullable=True, isin=PRECISIONS, description="how precisely start_date is known: day, month or year"
    )
    status: str = pa.Field(
        isin=STATUSES, description="status as of the article: planned, ongoing, completed, cancelled"
    )
    visit_type: str = pa.Field(
        isin=VISIT_TYPES, description="state, official, working, private or unspecified"
    )
    trigger: str = pa.Field(nullable=True, description="the words that signalled the visit")
    cameo_code: str = pa.Field(
        nullable=True,
        str_matches=r"^\d{2,4}$",
        description="CAMEO event code (042 make a visit, 043 host a visit, 036 express intent to meet, ...)",
    )
    plover_type: str = pa.Field(nullable=True, description="PLOVER event type (e.g. CONSULT)")
    plover_mode: str = pa.Field(nullable=True, description="PLOVER mode (e.g. visit, host)")
    confidence: pl.Float64 = pa.Field(
        in_range={"min_value": 0.0, "max_value": 1.0}, description="extractor confidence, 0..1"
    )
    confidence_reason: str = pa.Field(nullable=True, description="short reason for the confidence")
    extractor_version: str = pa.Field(description="version of the extractor that produced the row")
    partition_date: pl.Date = pa.Field(description="partition of the article")
    visit_id: str = pa.Field(
        nullable=True, description="canonical visit (table `visits`) this mention belongs to"
    )

    @pa.dataframe_check(description="end_date is not before start_date")
    def dates_ordered(cls, data) -> pl.LazyFrame:
        return data.lazyframe.select(
            pl.col("end_date").is_null()
            | pl.col("start_date").is_null()
            | (pl.col("end_date") >= pl.col("start_date"))
        )

    class Config:
        strict = "filter"
        coerce = True


class Reactions(pa.DataFrameModel):
    """One row per reaction (statement taking a stance) found in an article."""

    reaction_id: str = pa.Field(unique=True, description="deterministic id of the reaction")
    article_id: str = pa.Field(str_matches=SHA256_HEX, description="article the reaction comes from")
    sentence_index: pl.Int32 = pa.Field(ge=0, description="0-based index of the sentence in the article")
    sentence: str = pa.Field(description="the sentence the reaction was read from")
    char_start: pl.Int32 = pa.Field(
        ge=0, description="offset of the sentence's first character in the article text"
    )
    char_end: pl.Int32 = pa.Field(ge=0, description="offset just past the sentence's last character")
    reactor_name: str = pa.Field(
        nullable=True, description="who reacted, as written (person, ministry, embassy, spokesperson)"
    )
    reactor_code: str = pa.Field(
        str_matches=CODE, description="country (ISO alpha-3) or international organisation of the reactor"
    )
    stance: str = pa.Field(isin=STANCES, description="negative, positive or neutral")
    quote: str = pa.Field(
        nullable=True, description="the quoted or reported words, an exact substring of the article"
    )
    target_mention_id: str = pa.Field(
        nullable=True, description="visit mention (same article) the reaction is about, if any"
    )
    target_code: str = pa.Field(nullable=True, description="actor the reaction is aimed at, if known")
    trigger: str = pa.Field(nullable=True, description="speech or stance verb that signalled the reaction")
    cameo_code: str = pa.Field(
        nullable=True,
        str_matches=r"^\d{2,4}$",
        description="CAMEO event code (010-019 statements, 051 praise, 111 criticize, ...)",
    )
    plover_type: str = pa.Field(nullable=True, description="PLOVER event type")
    plover_mode: str = pa.Field(nullable=True, description="PLOVER mode")
    confidence: pl.Float64 = pa.Field(
        in_range={"min_value": 0.0, "max_value": 1.0}, description="extractor confidence, 0..1"
    )
    confidence_reason: str = pa.Field(nullable=True, description="short reason for the confidence")
    extractor_version: str = pa.Field(description="version of the extractor that produced the row")
    partition_date: pl.Date = pa.Field(description="partition of the article")
    visit_id: str = pa.Field(
        nullable=True, description="canonical visit (table `visits`) the reaction is about, if any"
    )

    class Config:
        strict = "filter"
        coerce = True


class Extractions(pa.DataFrameModel):
    """One row per article the events stage has extracted: with which extractor and model, what it found, and
    what the extractor's work limits cut. An article with a row for the current extractor and model is not
    extracted again (the nightly run extracts only what is new); `diplowatch run --reextract` redoes all."""

    article_id: str = pa.Field(str_matches=SHA256_HEX, unique=True, description="the article extracted")
    partition_date: pl.Date = pa.Field(description="partition of the article")
    extractor_version: str = pa.Field(description="version of the extractor that read it")
    model_name: str = pa.Field(description="spaCy model the extractor ran")
    visit_mentions: pl.Int32 = pa.Field(
        ge=0, description="visit mentions found (rows of `visit_mentions`, before validation)"
    )
    reactions: pl.Int32 = pa.Field(
        ge=0, description="reactions found (rows of `reactions`, before validation)"
    )
    notes: str = pa.Field(
        nullable=True,
        description="what the work limits cut in this article (e.g. only the first 100,000 characters "
        "read, an over-long sentence cut), `; `-separated; null when nothing",
    )
    extracted_at: pl.Datetime(time_zone="UTC") = pa.Field(description="when it was extracted (UTC)")

    class Config:
        strict = "filter"
        coerce = True


class Visits(pa.DataFrameModel):
    """One row per real-world visit episode, clustered from visit mentions across articles."""

    visit_id: str = pa.Field(unique=True, description="deterministic id of the visit episode")
    visitor_code: str = pa.Field(str_matches=CODE, description="visiting country or organisation")
    visitor_name: str = pa.Field(nullable=True, description="visiting person, when known")
    host_code: str = pa.Field(str_matches=CODE, description="host country")
    location: str = pa.Field(nullable=True, description="most reported city")
    start_date: pl.Date = pa.Field(nullable=True, description="best start date across mentions")
    end_date: pl.Date = pa.Field(nullable=True, description="best end date across mentions")
    date_precision: str = pa.Field(nullable=True, isin=PRECISIONS, description="precision of start_date")
    status: str = pa.Field(isin=STATUSES, description="latest reported status")
    visit_type: str = pa.Field(isin=VISIT_TYPES, description="most specific reported visit type")
    first_reported: pl.Date = pa.Field(nullable=True, description="partition date of the earliest mention")
    last_reported: pl.Date = pa.Field(nullable=True, description="partition date of the latest mention")
    mention_count: pl.Int32 = pa.Field(ge=1, description="number of mentions clustered into the visit")
    article_count: pl.Int32 = pa.Field(ge=1, description="number of distinct articles mentioning the visit")

    class Config:
        strict = "filter"
        coerce = True


class RejectedRows(pa.DataFrameModel):
    """Rows that failed their table's pandera model, kept with the reasons instead of being dropped."""

    table_name: str = pa.Field(description="table the row was meant for")
    row_json: str = pa.Field(description="the rejected row, as JSON")
    reasons: str = pa.Field(description="the failed checks, `column: check (value)` separated by `; `")
    partition_date: pl.Date = pa.Field(nullable=True, description="partition the row belonged to, when known")
    rejected_at: pl.Datetime(time_zone="UTC") = pa.Field(description="when the row was rejected")

    class Config:
        strict = "filter"
        coerce = True


#: table name -> model, in creation order.
MODELS: dict[str, type[pa.DataFrameModel]] = {
    "articles": Articles,
    "article_sources": ArticleSources,
    "ingest_errors": IngestErrors,
    "visit_mentions": VisitMentions,
    "reactions": Reactions,
    "extractions": Extractions,
    "visits": Visits,
    "rejected_rows": RejectedRows,
    "feed_state": FeedState,
    "feed_entries_seen": FeedEntriesSeen,
}


def polars_schema(table: str) -> dict[str, pl.DataType]:
    """The Polars dtypes of a table, in column order (what an empty frame of the table looks like)."""
    return {name: col.dtype.type for name, col in MODELS[table].to_schema().columns.items()}


def empty_frame(table: str) -> pl.DataFrame:
    return pl.DataFrame(schema=polars_schema(table))


def frame_from_rows(table: str, rows: list[dict]) -> pl.DataFrame:
    """Build a frame of a table from dicts, keeping the table's column order and types."""
    schema = polars_schema(table)
    if not rows:
        return pl.DataFrame(schema=schema)
    return pl.DataFrame([{k: r.get(k) for k in schema} for r in rows], schema=schema, strict=False)


class _BatchError(Exception):
    """A frame that cannot be checked row by row (e.g. a missing column): every row is rejected."""


@dataclass(frozen=True)
class Validated:
    """The outcome of validating a frame: rows that passed, and the rejected rows with their reasons."""

    table: str
    valid: pl.DataFrame
    rejected: pl.DataFrame  # RejectedRows
    failure_cases: pl.DataFrame  # pandera's failure cases, for metadata
    batch_failed: bool  # a schema-level failure (e.g. a whole column of the wrong type) rejected every row


def validate(table: str, frame: pl.DataFrame, partition_column: str | None = "partition_date") -> Validated:
    """Validate eagerly and lazily (all errors at once); split valid rows from rejected ones with reasons."""
    model = MODELS[table]
    frame = frame.with_row_index("__row")
    cases = _failure_cases(model, table, frame.drop("__row"))
    if cases is None:
        valid = frame.drop("__row").select(list(polars_schema(table)))
        return Validated(table, valid, empty_frame("rejected_rows"), pl.DataFrame(), False)
    batch_failed = cases.filter(pl.col("index").is_null()).height > 0
    if batch_failed:
        bad_rows = frame["__row"].to_list()
    else:
        bad_rows = sorted(set(cases.filter(pl.col("index").is_not_null())["index"].to_list()))
    bad = frame.filter(pl.col("__row").is_in(bad_rows))
    rejected = _rejected_rows(table, bad, _reasons(cases, bad_rows), partition_column)
    valid = frame.filter(~pl.col("__row").is_in(bad_rows)).drop("__row")
    if not batch_failed and valid.height:
        valid = model.validate(valid, lazy=True)
    valid = valid.select(list(polars_schema(table))) if valid.height else empty_frame(table)
    return Validated(table, valid, rejected, cases, batch_failed)


#: The columns of pandera's failure cases, for a failure of the whole batch that pandera did not report.
_CASE_SCHEMA = {
    "failure_case": pl.String,
    "schema_context": pl.String,
    "column": pl.String,
    "check": pl.String,
    "check_number": pl.Int32,
    "index": pl.Int32,
}


def _failure_cases(model, table: str, frame: pl.DataFrame) -> pl.DataFrame | None:
    """pandera's failure cases of the frame (`index` null: the whole batch), or None when it is valid."""
    missing = [c for c in polars_schema(table) if c not in frame.columns]
    try:
        if missing:
            raise _BatchError(f"columns missing: {', '.join(missing)}")
        model.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as err:
        cases = err.failure_cases
    except (_BatchError, pl.exceptions.PolarsError) as err:
        row = {"failure_case": str(err), "schema_context": "DataFrameSchema", "check": "schema"}
        cases = pl.DataFrame([row], schema=_CASE_SCHEMA)
    else:
        return None
    return cases.with_columns(pl.col("index").cast(pl.Int64))


def _reasons(cases: pl.DataFrame, bad_rows: list[int]) -> dict[int, list[str]]:
    """Each bad row's failed checks as `column: check (value)`; a whole-batch failure goes to every row."""
    reasons: dict[int, list[str]] = {i: [] for i in bad_rows}
    for case in cases.iter_rows(named=True):
        text = f"{case['column'] or case['schema_context']}: {case['check']} ({case['failure_case']})"
        for i in [case["index"]] if case["index"] is not None else bad_rows:
            if i in reasons and text not in reasons[i]:
                reasons[i].append(text)
    return reasons


def _rejected_rows(
    table: str, bad: pl.DataFrame, reasons: dict[int, list[str]], partition_column: str | None
) -> pl.DataFrame:
    now = datetime.now(UTC)
    rows = []
    for row in bad.iter_rows(named=True):
        index = row.pop("__row")
        part = row.get(partition_column) if partition_column else None
        rows.append(
            {
                "table_name": table,
                "row_json": json.dumps(row, default=str, ensure_ascii=False, sort_keys=True),
                "reasons": "; ".join(reasons[index]),
                "partition_date": part if not isinstance(part, str) else None,
                "rejected_at": now,
            }
        )
    return frame_from_rows("rejected_rows", rows)
