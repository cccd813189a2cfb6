"""Turn read articles into the `articles`, `article_sources` and `ingest_errors` frames (identity, dedup, partition)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import datetime

import polars as pl

from diplowatch.ingest.readers import IngestError, RawArticle
from diplowatch.schemas import frame_from_rows

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def normalize_for_id(text: str | None) -> str:
    """Unicode-, quote-, case- and whitespace-insensitive form used for article identity."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return re.sub(r"\s+", " ", text).strip()


def article_id(title: str | None, text: str) -> str:
    return hashlib.sha256(f"{normalize_for_id(title)}\n{normalize_for_id(text)}".encode()).hexdigest()


def articles_frames(
    items: Iterable[RawArticle | IngestError],
    ingested_at: datetime,
    known_ingested_at: Mapping[str, datetime] | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Build (articles, article_sources, ingest_errors) from reader output.

    An article seen twice is one `articles` row (the first seen) and two `article_sources` rows. Undated
    articles are partitioned on the day they were first ingested (`known_ingested_at` keeps that day stable
    across re-runs) and flagged with `date_from_ingest`.
    """
    known_ingested_at = known_ingested_at or {}
    articles: dict[str, dict] = {}
    sources: list[dict] = []
    errors: list[dict] = []
    for item in items:
        if isinstance(item, IngestError):
            errors.append({"source_path": item.source_path, "line_number": item.line_number, "reason": item.reason,
                           "detail": item.detail, "recorded_at": ingested_at})
            continue
        aid = article_id(item.title, item.text)
        first_seen = known_ingested_at.get(aid, ingested_at)
        partition = item.published_at or first_seen.date()
        if aid not in articles:
            articles[aid] = {
                "article_id": aid, "source_id": item.source_id, "source_path": item.source_path, "url": item.url,
                "source": item.source, "published_at": item.published_at, "title": item.title, "text": item.text,
                "language": None, "partition_date": partition, "date_from_ingest": item.published_at is None,
                "ingested_at": first_seen,
            }
        sources.append({"article_id": aid, "source_kind": item.source_kind, "source_path": item.source_path,
                        "line_number": item.line_number, "url": item.url,
                        "partition_date": articles[aid]["partition_date"], "seen_at": ingested_at})
    return (
        frame_from_rows("articles", list(articles.values())),
        frame_from_rows("article_sources", sources),
        frame_from_rows("ingest_errors", errors),
    )
