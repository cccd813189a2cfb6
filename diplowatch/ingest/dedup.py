"""Turn read articles into the `articles`, `article_sources` and `ingest_errors` frames (identity, dedup,
language, partition), with timestamps kept stable across re-runs of the same input."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

import polars as pl

from diplowatch.ingest.language import Language, detect_language, is_skipped
from diplowatch.ingest.readers import IngestError, RawArticle
from diplowatch.ingest.urls import canonical_url, url_identity
from diplowatch.schemas import frame_from_rows

_QUOTES = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
)


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
    *,
    known_seen_at: Mapping[tuple, datetime] | None = None,
    known_recorded_at: Mapping[tuple, datetime] | None = None,
    known_language: Mapping[str, str | None] | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Build (articles, article_sources, ingest_errors) from reader output.

    Identity: two inputs are the same article when their normalized title + text are equal, or when both
    carry an http(s) URL naming the same page once tracking parameters are removed (`url_identity`). The
    first input read (sorted path order) provides the `articles` row; every input gets an `article_sources`
    row. Text confidently detected as not English is skipped with a `not_english` error.

    Undated articles are partitioned on the day they were first ingested. Re-runs keep the first times:
    `known_ingested_at` (article_id -> ingested_at), `known_seen_at` ((article_id, source_path, line_number)
    -> seen_at) and `known_recorded_at` ((source_path, line_number, reason) -> recorded_at), so the same
    input gives byte-identical rows. `known_language` (article_id -> language of the stored article) skips
    language detection for articles already stored (they were kept, so they are not skipped now either).
    """
    frames = _Frames(
        ingested_at,
        known_ingested_at or {},
        known_seen_at or {},
        known_recorded_at or {},
        known_language or {},
    )
    for item in items:
        frames.add(item)
    return (
        frame_from_rows("articles", list(frames.articles.values())),
        frame_from_rows("article_sources", frames.sources),
        frame_from_rows("ingest_errors", frames.errors),
    )


#: The detail of an `empty_text` error for a text made only of invisible characters.
EMPTY_TEXT = (
    "the text holds only invisible characters (zero-width spaces, bidi controls, soft hyphens): "
    "no article text"
)


@dataclass
class _Frames:
    """The rows of one batch's three frames, built input by input (see `articles_frames`)."""

    ingested_at: datetime
    known_ingested_at: Mapping[str, datetime]
    known_seen_at: Mapping[tuple, datetime]
    known_recorded_at: Mapping[tuple, datetime]
    known_language: Mapping[str, str | None]
    articles: dict[str, dict] = field(default_factory=dict)
    sources: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    #: URL identity -> the article it names; article_id -> why it was skipped.
    by_url: dict[str, str] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)

    def add(self, item: RawArticle | IngestError) -> None:
        if isinstance(item, IngestError):
            self.record(item.source_path, item.line_number, item.reason, item.detail)
            return
        if not item.text:  # RawArticle removed the invisible characters, and nothing was left
            self.record(item.source_path, item.line_number, "empty_text", EMPTY_TEXT)
            return
        aid, identity = self.identify(item)
        if aid in self.skipped:
            self.record(item.source_path, item.line_number, "not_english", self.skipped[aid])
            return
        admitted = aid in self.articles or self.admit(aid, item)
        if identity is not None:
            self.by_url.setdefault(identity, aid)
        if admitted:
            self.add_source(aid, item)
        else:
            self.record(item.source_path, item.line_number, "not_english", self.skipped[aid])

    def identify(self, item: RawArticle) -> tuple[str, str | None]:
        """(the article an input is, its URL identity): its own id, unless its URL names one seen before."""
        aid = article_id(item.title, item.text)
        identity = url_identity(item.url)
        if aid not in self.articles and aid not in self.skipped and identity in self.by_url:
            aid = self.by_url[identity]
        return aid, identity

    def admit(self, aid: str, item: RawArticle) -> bool:
        """Add the `articles` row of a new article, unless it is not English (then remember why)."""
        known = self.known_language
        language = Language(known[aid], 1.0) if aid in known else detect_language(item.text)
        if is_skipped(language):
            self.skipped[aid] = (
                f"detected language `{language.code}` (probability {language.probability}); "
                "the extractor reads English only, so the article is not loaded"
            )
            return False
        first_seen = self.known_ingested_at.get(aid, self.ingested_at)
        self.articles[aid] = {
            "article_id": aid,
            "source_id": item.source_id,
            "source_path": item.source_path,
            "url": canonical_url(item.url),
            "source": item.source,
            "published_at": item.published_at,
            "title": item.title,
            "text": item.text,
            "language": language.code,
            "partition_date": item.published_at or first_seen.date(),
            "date_from_ingest": item.published_at is None,
            "ingested_at": first_seen,
        }
        return True

    def add_source(self, aid: str, item: RawArticle) -> None:
        key = (aid, item.source_path, item.line_number)
        self.sources.append(
            {
                "article_id": aid,
                "source_kind": item.source_kind,
                "source_path": item.source_path,
                "line_number": item.line_number,
                "url": item.url,
                "partition_date": self.articles[aid]["partition_date"],
                "seen_at": self.known_seen_at.get(key, self.ingested_at),
            }
        )

    def record(self, source_path: str, line_number: int | None, reason: str, detail: str) -> None:
        self.errors.append(
            {
                "source_path": source_path,
                "line_number": line_number,
                "reason": reason,
                "detail": detail,
                "recorded_at": self.known_recorded_at.get(
                    (source_path, line_number, reason), self.ingested_at
                ),
            }
        )
