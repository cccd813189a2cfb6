"""Run the extractor over an articles frame and shape its output into the event tables' frames."""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

from diplowatch.schemas import frame_from_rows


def extract_events(
    articles: pl.DataFrame, extractor, progress: Callable[[int], None] | None = None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(visit_mentions, reactions) for the given articles, each row carrying its article's partition_date."""
    partition_of = dict(zip(articles["article_id"], articles["partition_date"], strict=True))
    inputs = articles.select("article_id", "text", "published_at", "title").iter_rows(named=True)
    visits: list[dict] = []
    reactions: list[dict] = []
    for done, (aid, article_visits, article_reactions) in enumerate(extractor.extract_batch(inputs), start=1):
        for row in article_visits:
            visits.append({**row, "partition_date": partition_of[aid], "visit_id": None})
        for row in article_reactions:
            reactions.append({**row, "partition_date": partition_of[aid], "visit_id": None})
        if progress:
            progress(done)
    return frame_from_rows("visit_mentions", visits), frame_from_rows("reactions", reactions)
