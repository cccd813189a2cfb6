"""Feeds against a local HTTP server on 127.0.0.1 started by the test: incremental fetch, full pages, and
servers that hang, flood, redirect forever or answer HTML instead of XML — recorded, never fatal, bounded."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import pytest

from diplowatch import store
from diplowatch.ingest.feed_config import Feed, FeedConfigError, load_feeds_config
from diplowatch.ingest.feeds import ingest_feeds
from diplowatch.ingest.http import USER_AGENT, AddressPolicy, Fetcher, FetchError, FetchLimits
from diplowatch.stages.articles import load_articles
from tests.fixtures.feed_server import (
    BODY,
    FeedServer,
    feed_items,
    flood,
    hang,
    page,
    redirect_to,
    reply,
    rss,
)
from tests.fixtures.paths import ROOT

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
LATER = datetime(2026, 1, 3, 3, 4, 5, tzinfo=UTC)
FAST = FetchLimits(
    connect_timeout=1, read_timeout=0.5, total_timeout=2, max_bytes=1024 * 1024, max_redirects=3
)


@pytest.fixture
def server():
    s = FeedServer()
    yield s
    s.close()


#: These tests serve pages and redirects from the feed's own server on 127.0.0.1, which links and redirects
#: may reach only when allowed (tests/test_ingest_feeds_ssrf.py tests that they may not otherwise).
LOCAL = ("127.0.0.1",)


def _feed(server, path="/rss.xml", name="wire", **kw) -> Feed:
    return Feed(name=name, url=server.url(path), limits=FAST, allow_internal=LOCAL, **kw)


def _db_rows(db, sql):
    with store.connect(db) as con:
        return con.execute(sql).fetchall()


def test_feed_entries_become_jsonl_files_then_articles(server, tmp_path):
    items = feed_items(server, 3)
    server.routes["/rss.xml"] = reply(rss(items), headers={"ETag": '"v1"'})
    for i, item in enumerate(items):
        server.routes[f"/news/{i}?utm_source=rss"] = reply(
            page(item["title"], BODY.format(who=item["title"].split()[2])), "text/html; charset=utf-8"
        )
    db, raw = tmp_path / "db.duckdb", tmp_path / "raw"
    raw.mkdir()
    run = ingest_feeds(partial(store.connect, db), [_feed(server, fetch_full_page=True)], raw, NOW)
    assert run.counts == {
        "feeds": 1,
        "feeds_failed": 0,
        "feeds_not_modified": 0,
        "entries_written": 3,
        "entries_deferred": 0,
    }
    day_file = raw / "feeds" / "wire" / "2026-01-02.jsonl"
    lines = [json.loads(line) for line in day_file.read_text().splitlines()]
    assert [line["id"] for line in lines] == ["urn:wire:0", "urn:wire:1", "urn:wire:2"]
    assert lines[0]["text"] == BODY.format(who="Japan")  # the page's main text, not the summary, nor the nav
    assert lines[0]["published_at"] == "2025-12-30" and lines[0]["source_kind"] == "feed"
    assert all(headers.get("User-Agent") == USER_AGENT for _, headers in server.requests)

    with store.connect(db) as con:
        load_articles(con, raw)
    rows = _db_rows(
        db,
        "SELECT a.title, a.url, a.language, s.source_kind, s.line_number FROM articles a "
        "JOIN article_sources s USING (article_id) ORDER BY s.line_number",
    )
    assert [(r[3], r[4]) for r in rows] == [("feed", 1), ("feed", 2), ("feed", 3)]
    assert rows[0][0] == "Minister of Japan visits Paris" and rows[0][2] == "en"
    assert rows[0][1] == server.url("/news/0")  # canonical: the tracking parameter is gone
    assert _db_rows(db, "SELECT last_status, etag, entries_written FROM feed_state") == [("ok", '"v1"', 3)]


def test_incremental_conditional_get_and_cursor(server, tmp_path):
    items = feed_items(server, 2)
    server.routes["/rss.xml"] = reply(
        rss(items), headers={"ETag": '"v1"', "Last-Modified": "Tue, 30 Dec 2025 09:00:00 GMT"}
    )
    db, raw = tmp_path / "db.duckdb", tmp_path / "raw"
    ingest_feeds(partial(store.connect, db), [_feed(server)], raw, NOW)
    # Unchanged feed: the validators are sent back and a 304 writes nothing.
    run = ingest_feeds(partial(store.connect, db), [_feed(server)], raw, NOW)
    assert run.counts["feeds_not_modified"] == 1 and run.counts["entries_written"] == 0
    sent = server.requests[-1][1]
    assert (
        sent.get("If-None-Match") == '"v1"'
        and sent.get("If-Modified-Since") == "Tue, 30 Dec 2025 09:00:00 GMT"
    )
    # A new entry: the feed still lists the old ones; only the new one is written, appended to the day's file.
    server.routes["/rss.xml"] = reply(rss(feed_items(server, 3)), headers={"ETag": '"v2"'})
    run = ingest_feeds(partial(store.connect, db), [_feed(server)], raw, NOW)
    assert run.counts["entries_written"] == 1
    lines = (raw / "feeds" / "wire" / "2026-01-02.jsonl").read_text().splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["urn:wire:0", "urn:wire:1", "urn:wire:2"]
    # The next day nothing new: no new file.
    server.routes["/rss.xml"] = reply(rss(feed_items(server, 3)), headers={"ETag": '"v3"'})
    assert (
        ingest_feeds(partial(store.connect, db), [_feed(server)], raw, LATER).counts["entries_written"] == 0
    )
    assert sorted(p.name for p in (raw / "feeds" / "wire").iterdir()) == ["2026-01-02.jsonl"]
    assert _db_rows(db, "SELECT count(*) FROM feed_entries_seen") == [(3,)]


def test_entries_above_the_per_run_cap_wait_for_the_next_run(server, tmp_path):
    server.routes["/rss.xml"] = reply(rss(feed_items(server, 4)), headers={"ETag": '"v1"'})
    db, raw = tmp_path / "db.duckdb", tmp_path / "raw"
    run = ingest_feeds(partial(store.connect, db), [_feed(server, max_entries_per_run=3)], raw, NOW)
    assert run.counts["entries_written"] == 3 and run.counts["entries_deferred"] == 1
    # The ETag was not kept (a 304 would hide the deferred entry), so the next run gets it.
    assert _db_rows(db, "SELECT etag FROM feed_state") == [(None,)]
    assert (
        ingest_feeds(partial(store.connect, db), [_feed(server, max_entries_per_run=3)], raw, NOW).counts[
            "entries_written"
        ]
        == 1
    )


@pytest.mark.parametrize(
    ("route", "reason"),
    [
        ("hang", "feed_timeout"),
        ("flood", "feed_too_large"),
        ("flood_declared", "feed_too_large"),
        ("html", "not_a_feed"),
        ("redirect_loop", "feed_too_many_redirects"),
        ("redirect_ftp", "feed_unsupported_scheme"),
        ("error_500", "feed_http_error"),
        ("refused", "feed_unreachable"),
    ],
)
def test_broken_feed_is_recorded_and_the_other_feeds_still_run(server, tmp_path, route, reason):
    routes = {
        "hang": hang,
        "flood": flood(False),
        "flood_declared": flood(True),
        "html": reply(page("Not a feed", "Just a web page."), "text/html"),
        "redirect_loop": redirect_to("/broken"),
        "redirect_ftp": redirect_to("ftp://127.0.0.1/feed.xml"),
        "error_500": reply(b"oops", "text/plain", status=500),
    }
    server.routes["/rss.xml"] = reply(rss(feed_items(server, 1)))
    if route in routes:
        server.routes["/broken"] = routes[route]
    broken = Feed(
        "broken",
        server.url("/broken") if route != "refused" else "http://127.0.0.1:9/feed",
        limits=FAST,
        allow_internal=LOCAL,
    )
    db, raw = tmp_path / "db.duckdb", tmp_path / "raw"
    started = time.monotonic()
    run = ingest_feeds(partial(store.connect, db), [broken, _feed(server)], raw, NOW)
    elapsed = time.monotonic() - started
    assert elapsed < 8, f"a broken feed held the run for {elapsed:.1f} s"
    assert run.counts["feeds_failed"] == 1 and run.counts["entries_written"] == 1
    [(path, why, detail)] = _db_rows(db, "SELECT source_path, reason, detail FROM ingest_errors")
    assert path == broken.url and why == reason and "retried on the next run" in detail
    assert _db_rows(db, "SELECT feed_name, last_status, consecutive_failures FROM feed_state ORDER BY 1") == [
        ("broken", "failed", 1),
        ("wire", "ok", 0),
    ]


def test_down_feed_is_retried_and_its_error_cleared_when_back(server, tmp_path):
    db, raw = tmp_path / "db.duckdb", tmp_path / "raw"
    raw.mkdir()
    server.routes["/rss.xml"] = reply(b"down", "text/plain", status=503)
    ingest_feeds(partial(store.connect, db), [_feed(server)], raw, NOW)
    ingest_feeds(partial(store.connect, db), [_feed(server)], raw, NOW)
    assert _db_rows(db, "SELECT consecutive_failures, last_success_at FROM feed_state") == [(2, None)]
    assert _db_rows(db, "SELECT reason FROM ingest_errors") == [("feed_http_error",)]
    # File errors recorded by the articles stage do not erase the feed's error, nor the other way round.
    (raw / "bad.jsonl").write_text("{broken\n")
    with store.connect(db) as con:
        load_articles(con, raw)
    assert sorted(_db_rows(db, "SELECT reason FROM ingest_errors")) == [
        ("feed_http_error",),
        ("invalid_json",),
    ]
    server.routes["/rss.xml"] = reply(rss(feed_items(server, 1)))
    assert (
        ingest_feeds(partial(store.connect, db), [_feed(server)], raw, LATER).counts["entries_written"] == 1
    )
    assert _db_rows(db, "SELECT reason FROM ingest_errors") == [("invalid_json",)]
    assert _db_rows(db, "SELECT last_status, consecutive_failures FROM feed_state") == [("ok", 0)]


def test_page_that_cannot_be_fetched_keeps_the_summary_with_a_note(server, tmp_path):
    items = feed_items(server, 2)
    server.routes["/rss.xml"] = reply(rss(items))
    server.routes["/news/0?utm_source=rss"] = hang
    server.routes["/news/1?utm_source=rss"] = reply(
        page(items[1]["title"], BODY.format(who="Kenya")), "text/html"
    )
    db, raw = tmp_path / "db.duckdb", tmp_path / "raw"
    ingest_feeds(partial(store.connect, db), [_feed(server, fetch_full_page=True)], raw, NOW)
    with store.connect(db) as con:
        load_articles(con, raw)
    texts = dict(_db_rows(db, "SELECT title, text FROM articles"))
    assert texts[items[0]["title"]] == items[0]["summary"]
    assert texts[items[1]["title"]] == BODY.format(who="Kenya")
    [(line, reason, detail)] = _db_rows(db, "SELECT line_number, reason, detail FROM ingest_errors")
    assert (line, reason) == (1, "page_fetch_failed") and "summary is kept" in detail


def test_fetch_enforces_scheme_and_size_while_streaming(server):
    server.routes["/flood"] = flood(False)
    with Fetcher(AddressPolicy(LOCAL)) as fetcher:
        with pytest.raises(FetchError) as err:
            fetcher.fetch("file:///etc/passwd", FAST)
        assert err.value.reason == "unsupported_scheme"
        started = time.monotonic()
        with pytest.raises(FetchError) as err:
            fetcher.fetch(server.url("/flood"), FetchLimits(max_bytes=256 * 1024, total_timeout=5))
        assert err.value.reason == "too_large" and time.monotonic() - started < 5


# --- the feeds config ---------------------------------------------------------------------------------------


def test_example_feeds_toml_parses():
    feeds = load_feeds_config(ROOT / "feeds.toml")
    assert feeds and all(f.url.startswith("https://") for f in feeds)
    assert len({f.name for f in feeds}) == len(feeds)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[feed]]\nname = "../etc"\nurl = "https://a.org/f"\n', "`name` must be"),
        (
            '[[feed]]\nname = "a"\nurl = "https://a.org/f"\n[[feed]]\nname = "a"\nurl = "https://b.org/f"\n',
            "used twice",
        ),
        ('[[feed]]\nname = "a"\nurl = "ftp://a.org/f"\n', "must be an http(s) URL"),
        (
            '[[feed]]\nname = "a"\nurl = "https://a.org/f"\nfetch_ful_page = true\n',
            "unknown keys ['fetch_ful_page']",
        ),
        ('[feeds]\nname = "a"\n', "unknown top-level keys"),
        ('[[feed]\nname = "a"', "not valid TOML"),
    ],
)
def test_feeds_config_errors_say_what_to_fix(tmp_path, text, message):
    path = tmp_path / "feeds.toml"
    path.write_text(text)
    with pytest.raises(FeedConfigError, match=None) as err:
        load_feeds_config(path)
    assert message in str(err.value) and str(path) in str(err.value)


def test_missing_feeds_config_is_a_clear_error(tmp_path):
    with pytest.raises(FeedConfigError, match="DIPLOWATCH_FEEDS"):
        load_feeds_config(Path(tmp_path / "nope.toml"))
