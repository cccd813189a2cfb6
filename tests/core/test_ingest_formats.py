"""CSV and HTML readers, URL canonicalization, language detection and dedup across sources."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from diplowatch.ingest import (
    IngestError,
    RawArticle,
    articles_frames,
    canonical_url,
    read_folder,
    url_identity,
)
from diplowatch.ingest.language import detect_language

TODAY = date(2026, 1, 2)
NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
ENGLISH = (
    "The foreign minister of Japan arrived in Paris on Tuesday for a two-day official visit, the ministry "
    "said in a statement. She will meet her French counterpart on Wednesday to discuss trade."
)
FRENCH = (
    "Le ministre japonais des Affaires étrangères est arrivé mardi à Paris pour une visite officielle de "
    "deux jours, a indiqué le ministère dans un communiqué. Elle rencontrera son homologue mercredi."
)
PAGE = """<!doctype html><html><head><title>Japan's minister visits Paris | Example News</title>
<meta property="og:title" content="Japan's minister visits Paris">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-05-02T08:00:00Z">
<link rel="canonical" href="https://www.example.org/world/japan-paris?utm_source=rss&amp;id=7#top">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Japan's minister visits Paris</h1><p>{text}</p></article>
<footer>Copyright Example News. Subscribe to our newsletter.</footer></body></html>"""


def _write(path, content: str | bytes):
    path.parent.mkdir(parents=True, exist_ok=True)
    (path.write_bytes if isinstance(content, bytes) else path.write_text)(content)
    return path


def _items(path):
    return list(read_folder(path, today=TODAY))


# --- CSV ----------------------------------------------------------------------------------------------------


def test_csv_maps_usual_column_names(tmp_path):
    csv_text = (
        "Headline,Body,Published,Link,ID,Publisher\n"
        '"Visit, with a comma",Body one.,2024-06-17,https://a.org/1,a1,Agency\n'
        "\n"
        'Second,"Body ""quoted"" two.",Mon, 17 Jun 2024 10:00:00 GMT,,,\n'
    )
    items = _items(_write(tmp_path / "news.csv", csv_text))
    first, (error) = items[0], items[1]
    assert isinstance(first, RawArticle) and first.source_kind == "csv" and first.line_number == 1
    assert (first.title, first.text, first.published_at, first.url, first.source_id, first.source) == (
        "Visit, with a comma",
        "Body one.",
        date(2024, 6, 17),
        "https://a.org/1",
        "a1",
        "Agency",
    )
    # The unquoted comma in the RFC 2822 date splits the row: recorded with its row number, not guessed.
    assert isinstance(error, IngestError) and error.reason == "ragged_row" and error.line_number == 2


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_csv_semicolon_and_tab_delimiters(tmp_path, delimiter):
    rows = [["title", "content", "date"], ["T", "Body; with, punctuation", "2024-06-17"]]
    quoted = "\n".join(delimiter.join(f'"{c}"' for c in row) for row in rows)
    [item] = _items(_write(tmp_path / "x.csv", quoted))
    assert item.text == "Body; with, punctuation" and item.published_at == date(2024, 6, 17)


def test_csv_without_text_column_names_the_columns_found(tmp_path):
    [error] = _items(_write(tmp_path / "x.csv", "Title,Author,When\nA,B,C\n"))
    assert error.reason == "no_text_column"
    assert "'Title', 'Author', 'When'" in error.detail and "text, body, content" in error.detail


def test_csv_row_errors_carry_row_numbers(tmp_path):
    items = _items(
        _write(tmp_path / "x.csv", "title,text,date\nA,,2024-01-01\nB,Body B,2024-99-01\nC,Body C,\n")
    )
    summary = [(i.line_number, type(i).__name__, getattr(i, "reason", None)) for i in items]
    assert summary == [
        (1, "IngestError", "missing_text"),
        (2, "IngestError", "date_ignored"),
        (2, "RawArticle", None),
        (3, "RawArticle", None),
    ]


# --- HTML ---------------------------------------------------------------------------------------------------


def test_html_file_main_text_and_metadata(tmp_path):
    [item] = _items(_write(tmp_path / "page.html", PAGE.format(text=ENGLISH)))
    assert isinstance(item, RawArticle) and item.source_kind == "html"
    assert item.text == ENGLISH  # no navigation, footer or repeated headline
    assert item.title == "Japan's minister visits Paris"
    assert item.published_at == date(2024, 5, 2) and item.source == "Example News"
    assert canonical_url(item.url) == "https://www.example.org/world/japan-paris?id=7"


def test_html_without_main_text_is_an_error(tmp_path):
    [error] = _items(
        _write(tmp_path / "nav.htm", "<html><head><script>var x = 1;</script></head><body></body></html>")
    )
    assert error.reason == "no_main_text"


# --- URLs ---------------------------------------------------------------------------------------------------


def test_canonical_url_drops_tracking_and_normalizes():
    assert (
        canonical_url("HTTPS://Example.ORG:443/a/b?utm_source=x&b=2&fbclid=y&a=1&gclid=z#frag")
        == "https://example.org/a/b?a=1&b=2"
    )
    assert canonical_url("http://example.org") == "http://example.org/"
    assert canonical_url("http://example.org:8080/x?UTM_Campaign=c") == "http://example.org:8080/x"
    for bad in [None, "", "u", "javascript:alert(1)", "ftp://example.org/x", "http://", "http://h:port/"]:
        assert canonical_url(bad) is None
    assert url_identity("https://www.example.org/a?utm_medium=rss") == url_identity("http://example.org/a")
    assert url_identity("https://example.org/a?id=1") != url_identity("https://example.org/a?id=2")


# --- language -----------------------------------------------------------------------------------------------


def test_language_detection_is_cautious_on_short_text():
    assert detect_language(ENGLISH).code == "en"
    assert detect_language(FRENCH).code == "fr"
    assert detect_language("Putin visits Pyongyang").code is None  # langdetect would say Tagalog


# --- dedup across sources -----------------------------------------------------------------------------------


def test_same_article_from_file_feed_and_tracking_url_is_one_row(tmp_path):
    url = "https://www.example.org/world/japan-paris?id=7"
    _write(tmp_path / "a-page.html", PAGE.format(text=ENGLISH))
    _write(
        tmp_path / "b.jsonl",
        "\n".join(
            [
                # the feed's version: same URL with tracking parameters, shorter text (a summary)
                json.dumps(
                    {
                        "id": "g1",
                        "title": "Japan's minister visits Paris",
                        "text": ENGLISH[:90],
                        "url": url + "&utm_source=rss&fbclid=abc",
                        "source_kind": "feed",
                    }
                ),
                # the same title + text again, under another id, no URL
                json.dumps({"id": "other", "title": "JAPAN'S  minister visits Paris", "text": ENGLISH}),
            ]
        ),
    )
    _write(
        tmp_path / "c.csv",
        f"title,text,url\nSomething else,{ENGLISH[:60]},http://example.org/world/japan-paris?id=7\n",
    )
    articles, sources, errors = articles_frames(_items(tmp_path), NOW)
    assert errors.is_empty()
    assert articles.height == 1
    row = articles.row(0, named=True)
    assert (
        row["source_path"].endswith("a-page.html")
        and row["url"] == "https://www.example.org/world/japan-paris?id=7"
    )
    assert row["language"] == "en"
    seen = sorted(
        (p.rsplit("/", 1)[1], k, n)
        for p, k, n in sources.select("source_path", "source_kind", "line_number").rows()
    )
    assert seen == [
        ("a-page.html", "html", None),
        ("b.jsonl", "feed", 1),
        ("b.jsonl", "jsonl", 2),
        ("c.csv", "csv", 1),
    ]
    assert sources["article_id"].n_unique() == 1
    assert sources.filter(sources["source_kind"] == "feed")["url"].item().endswith("fbclid=abc")  # as given


def test_different_urls_with_different_text_stay_two_articles():
    a = RawArticle("jsonl", "f.jsonl", "Text A.", line_number=1, url="https://example.org/a")
    b = RawArticle("jsonl", "f.jsonl", "Text B.", line_number=2, url="https://example.org/b")
    articles, sources, _ = articles_frames([a, b], NOW)
    assert articles.height == 2 and sources.height == 2


def test_non_english_article_is_skipped_with_a_reason_and_english_gets_language():
    fr = RawArticle("jsonl", "f.jsonl", FRENCH, line_number=1, url="https://example.fr/a")
    fr_again = RawArticle(
        "csv", "g.csv", "Autre résumé.", line_number=4, url="https://example.fr/a?utm_source=x"
    )
    en = RawArticle("jsonl", "f.jsonl", ENGLISH, line_number=2)
    articles, sources, errors = articles_frames([fr, fr_again, en], NOW)
    assert articles["language"].to_list() == ["en"] and sources.height == 1
    assert errors.select("source_path", "line_number", "reason").rows() == [
        ("f.jsonl", 1, "not_english"),
        ("g.csv", 4, "not_english"),
    ]
    assert "detected language `fr`" in errors["detail"][0]


def test_first_seen_times_are_kept_across_runs():
    a = RawArticle("jsonl", "f.jsonl", "Text A.", line_number=1)
    err = IngestError("g.jsonl", "invalid_json", "bad", 3)
    first = articles_frames([a, err], NOW)
    later = datetime(2026, 2, 1, tzinfo=UTC)
    aid = first[0]["article_id"].item()
    again = articles_frames(
        [a, err],
        later,
        {aid: NOW},
        known_seen_at={(aid, "f.jsonl", 1): NOW},
        known_recorded_at={("g.jsonl", 3, "invalid_json"): NOW},
    )
    for before, after in zip(first, again, strict=True):
        assert before.equals(after)


def test_english_fast_path_agrees_with_langdetect_and_stored_languages_are_reused(monkeypatch):
    import diplowatch.ingest.dedup as dedup_module

    assert detect_language(ENGLISH).code == "en"  # by the function-word ratio, without langdetect
    calls = []
    monkeypatch.setattr(
        dedup_module, "detect_language", lambda text: calls.append(text) or detect_language(text)
    )
    item = RawArticle("jsonl", "f.jsonl", FRENCH, line_number=1)
    articles, _, errors = articles_frames([item], NOW)
    assert calls == [FRENCH] and articles.is_empty() and errors["reason"].to_list() == ["not_english"]
    stored = RawArticle("jsonl", "f.jsonl", ENGLISH, line_number=2)
    aid = articles_frames([stored], NOW)[0]["article_id"].item()
    calls.clear()
    again, _, _ = articles_frames([stored], NOW, {aid: NOW}, known_language={aid: "en"})
    assert calls == [] and again["language"].to_list() == ["en"]
