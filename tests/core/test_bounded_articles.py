"""Bounded work per article: an over-long or pathological article is read up to the extractor's limits, noted
in `extractions`, and the rest of the run succeeds (it used to take minutes and gigabytes, then fail the
write)."""

from __future__ import annotations

import json

from diplowatch import store
from diplowatch.nlp.context import Limits
from diplowatch.stages.articles import load_articles
from diplowatch.stages.events import load_events

NORMAL = (
    "date 2024-06-17 Visit\nJapanese Prime Minister Fumio Kishida arrived in Paris on Monday for a two-day "
    "official visit to France, the French foreign ministry said.\n"
)


def test_a_long_article_without_full_stops_is_bounded_noted_and_the_run_goes_on(tmp_path, db_path, extractor):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "normal.txt").write_text(NORMAL)
    # 1 MB of words and no full stop: one "sentence" of a million characters.
    (raw / "no-stop.txt").write_text("date 2024-06-17 Long\n" + "the minister said that " * 46_000)
    # A 5 MB single-line JSON record: one line, one article.
    (raw / "huge.jsonl").write_text(
        json.dumps({"text": "Officials met in Geneva and talked " * 150_000, "published_at": "2024-06-18"})
        + "\n"
    )
    limits = Limits()
    with store.connect(db_path) as con:
        load_articles(con, raw)
        result = load_events(con, extractor)
        sizes = dict(con.execute("SELECT a.title, length(a.text) FROM articles a").fetchall())
        notes = dict(
            con.execute(
                "SELECT a.title, e.notes FROM extractions e JOIN articles a USING (article_id)"
            ).fetchall()
        )
        mentions = con.execute(
            "SELECT host_code, length(sentence), char_start, char_end FROM visit_mentions"
        ).fetchall()
        longest = con.execute("SELECT coalesce(max(length(sentence)), 0) FROM reactions").fetchall()[0][0]
    assert result.counts["articles_read"] == 3
    assert sizes["Long"] > 1_000_000  # the article is stored whole...
    assert (
        notes["Visit"] is None and notes["Long"] and notes[None]
    )  # ...the extractor read it within its limits
    assert any(host == "FRA" for host, *_ in mentions), "the normal article still gets its events"
    assert all(length <= limits.max_sentence_chars and 0 <= start < end for _, length, start, end in mentions)
    assert longest <= limits.max_sentence_chars
