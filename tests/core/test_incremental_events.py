"""The events stage extracts only what the current extractor has not read: a re-run extracts nothing, a new
article only itself, --reextract or another extractor version everything; what the limits cut is noted."""

from __future__ import annotations

import json
from datetime import date

from diplowatch import store
from diplowatch.stages.articles import load_articles
from diplowatch.stages.events import load_events
from tests.fixtures.extractors import StubExtractor

TEXT = "The foreign minister of {who} arrived in Paris on Tuesday for a two-day visit, the ministry said."


class CountingStub(StubExtractor):
    """The stub extractor, counting the articles it is handed, with a version and per-article notes."""

    model_name = "stub-model"

    def __init__(self, version: str = "v1", **kwargs):
        super().__init__(**kwargs)
        self.version = version
        self.seen: list[str] = []

    def extract_batch(self, articles, notes=False):
        for aid, visits, reactions in super().extract_batch(articles):
            self.seen.append(aid)
            yield (aid, visits, reactions, ["article cut at 10 characters"] if notes else [])


def _write(raw, *whos):
    raw.mkdir(parents=True, exist_ok=True)
    (raw / "a.jsonl").write_text(
        "".join(json.dumps({"text": TEXT.format(who=w), "published_at": "2024-06-17"}) + "\n" for w in whos)
    )


def _events(con) -> list:
    return con.execute("SELECT mention_id, visitor_code FROM visit_mentions ORDER BY 1").fetchall()


def test_only_new_articles_are_extracted_and_earlier_events_stay(tmp_path, db_path):
    raw = tmp_path / "raw"
    _write(raw, "Japan", "Chad")
    with store.connect(db_path) as con:
        load_articles(con, raw)
        first = CountingStub()
        result = load_events(con, first)
        assert len(first.seen) == 2 and result.counts["articles_read"] == 2
        before = _events(con)
        again = CountingStub()
        assert load_events(con, again).counts["articles_read"] == 0 and again.seen == []
        assert _events(con) == before
        _write(raw, "Japan", "Chad", "Peru")
        load_articles(con, raw)
        third = CountingStub()
        load_events(con, third)
        assert len(third.seen) == 1 and len(_events(con)) == 3
        rows = con.execute(
            "SELECT extractor_version, model_name, visit_mentions, notes FROM extractions"
        ).fetchall()
    assert rows == [("v1", "stub-model", 1, "article cut at 10 characters")] * 3


def test_reextract_and_a_new_extractor_version_extract_everything_again(tmp_path, db_path):
    raw = tmp_path / "raw"
    _write(raw, "Japan", "Chad")
    with store.connect(db_path) as con:
        load_articles(con, raw)
        load_events(con, CountingStub(visitor_code="FRA"))
        forced = CountingStub(visitor_code="ITA")
        load_events(con, forced, reextract=True)
        assert len(forced.seen) == 2 and {code for _, code in _events(con)} == {"ITA"}
        newer = CountingStub(version="v2", visitor_code="DEU")
        load_events(con, newer, partition_dates=[date(2024, 6, 17)])
        assert len(newer.seen) == 2 and {code for _, code in _events(con)} == {"DEU"}
        versions = con.execute("SELECT DISTINCT extractor_version FROM extractions").fetchall()
    assert versions == [("v2",)]


def test_events_of_an_article_removed_from_the_folder_go_with_it(tmp_path, db_path):
    raw = tmp_path / "raw"
    _write(raw, "Japan", "Chad")
    with store.connect(db_path) as con:
        load_articles(con, raw)
        load_events(con, CountingStub())
        _write(raw, "Japan")
        load_articles(con, raw)
        load_events(con, CountingStub())
        assert len(_events(con)) == 1
        assert con.execute("SELECT count(*) FROM extractions").fetchall()[0][0] == 1
