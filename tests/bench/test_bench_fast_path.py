"""The benchmark's corpus and DuckDB load measure what they say, and the fast path (model on pre-filtered
sentences only) finds the same events as the exhaustive path on the benchmark's own diplomatic sentences."""

from __future__ import annotations

import json

import pytest

from bench.corpus import build_corpus, synthetic_articles, write_corpus
from bench.run import measure_duckdb_load
from diplowatch.ingest import article_id


def test_corpus_is_reproducible_distinct_and_about_one_in_ten_diplomatic(tmp_path):
    first, what = build_corpus(2000)
    again, _ = build_corpus(2000)
    assert first == again
    assert len({article_id(a["title"], a["text"]) for a in first}) == 2000  # no dedup collapse
    share = sum(a["diplomatic"] for a in first) / len(first)
    assert 0.07 < share < 0.13 and f"{share:.1%} about diplomacy" in what
    paths = write_corpus(first, tmp_path / "raw", per_file=700)
    assert len(paths) == 3
    lines = [json.loads(line) for p in paths for line in p.read_text().splitlines()]
    assert [line["id"] for line in lines] == [a["id"] for a in first] and "diplomatic" not in lines[0]


def test_duckdb_load_measure_writes_every_row_of_both_event_tables():
    result = measure_duckdb_load(3000, repeats=1)
    assert result["old_schema"]["primary_key_indexes"] == 2
    for variant in ("key_checked", "key_checked_zstd", "pipeline_path"):
        assert result[variant]["primary_key_indexes"] == 0 and result[variant]["rows_per_s"] > 0


@pytest.fixture(scope="module")
def both_modes(extractor):
    from diplowatch.nlp import Extractor

    exhaustive = Extractor(exhaustive=True)
    exhaustive._nlp = extractor.nlp  # share the session's loaded model
    articles = [
        {"article_id": a["id"], "text": a["text"], "published_at": a["published_at"], "title": a["title"]}
        for a in synthetic_articles(400, seed=7)
        if a["diplomatic"]
    ]
    return list(extractor.extract_batch(articles)), list(exhaustive.extract_batch(articles))


def test_fast_path_finds_the_same_events_as_the_exhaustive_path_on_the_benchmark_sentences(both_modes):
    fast, full = both_modes
    assert len(fast) >= 25  # about one article in ten of 400
    assert sum(len(v) for _, v, _ in full) > len(full) // 2 and sum(len(r) for _, _, r in full) > 0
    for (aid, fast_visits, fast_reactions), (full_aid, full_visits, full_reactions) in zip(
        fast, full, strict=True
    ):
        assert aid == full_aid
        assert fast_visits == full_visits, aid
        assert fast_reactions == full_reactions, aid
