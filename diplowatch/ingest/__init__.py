"""Ingestion: read article inputs (files and feeds) into validated-ready frames; every unreadable input
becomes a recorded error."""

from diplowatch.ingest.dedup import article_id, articles_frames, normalize_for_id
from diplowatch.ingest.folder import (
    DEFAULT_MAX_FILE_BYTES,
    article_dates,
    folder_article_dates,
    read_folder,
    read_path,
    scan_folder,
)
from diplowatch.ingest.readers import NOTE_REASONS, IngestError, RawArticle
from diplowatch.ingest.urls import canonical_url, url_identity

__all__ = [
    "DEFAULT_MAX_FILE_BYTES",
    "NOTE_REASONS",
    "IngestError",
    "RawArticle",
    "article_dates",
    "folder_article_dates",
    "article_id",
    "articles_frames",
    "canonical_url",
    "normalize_for_id",
    "read_folder",
    "read_path",
    "scan_folder",
    "url_identity",
]
