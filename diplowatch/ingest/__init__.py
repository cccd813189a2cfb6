"""Ingestion: read article inputs into validated-ready frames; every unreadable input becomes a recorded error."""

from diplowatch.ingest.articles import article_id, articles_frames, normalize_for_id
from diplowatch.ingest.readers import IngestError, RawArticle, read_folder, read_path

__all__ = [
    "IngestError",
    "RawArticle",
    "article_id",
    "articles_frames",
    "normalize_for_id",
    "read_folder",
    "read_path",
]
