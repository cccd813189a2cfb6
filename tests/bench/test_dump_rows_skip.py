"""bench/dump_rows.py: `--skip` leaves a held-out article out of every corpus, the news one included."""

from __future__ import annotations

import sys

import bench.dump_rows as dump_rows


def test_skip_leaves_news_articles_out_too(tmp_path, monkeypatch):
    news = [{"article_id": f"rtr-{i}", "text": "x", "published_at": None, "title": None} for i in range(3)]
    seen: list[str] = []
    monkeypatch.setattr(dump_rows, "gold_articles", lambda _paths: [])
    monkeypatch.setattr(dump_rows, "read_articles", lambda _path, n: news[:n])
    monkeypatch.setattr(
        dump_rows, "dump", lambda _extractor, articles: seen.extend(a["article_id"] for a in articles) or {}
    )
    out = tmp_path / "rows.json"
    monkeypatch.setattr(
        sys, "argv", ["dump_rows", str(out), "--news", "3", "--skip", "rtr-1", "--reuters-skip", "rtr-2"]
    )
    dump_rows.main()
    assert seen == ["rtr-0"]
