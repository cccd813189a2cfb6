"""Article text is normalized once, at ingestion (invisible characters removed, NFKC): near-copies that differ
only by zero-width or bidi characters are one article, names split by them are read, and the stored text is
the normalized one that every offset points into."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from diplowatch import store
from diplowatch.ingest import RawArticle, articles_frames, read_folder
from diplowatch.ingest.text import INVISIBLE_CHARACTERS, normalize_text
from diplowatch.stages.articles import load_articles
from diplowatch.stages.events import extract_events

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
TODAY = date(2026, 1, 2)
BODY = "Russian President Vladimir Putin will pay a state visit to Pyongyang on June 18-19."
TITLE = "Putin to visit North Korea"


@pytest.mark.parametrize(
    "char", list(INVISIBLE_CHARACTERS), ids=[f"U+{ord(c):04X}" for c in INVISIBLE_CHARACTERS]
)
def test_every_invisible_character_is_removed(char):
    assert normalize_text(f"Pu{char}tin") == "Putin"


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("\uff30\uff55\uff54\uff49\uff4e", "Putin"),  # full-width letters
        ("\ufb01nance", "finance"),  # ligature
        ("Kim\u00a0Jong\u00a0Un", "Kim Jong Un"),  # no-break spaces
        ("Cafe\u0301", "Caf\u00e9"),  # combining accent composed
    ],
)
def test_text_is_nfkc(given, stored):
    assert normalize_text(given) == stored


def test_raw_articles_are_normalized_on_creation():
    article = RawArticle(
        "jsonl",
        "a.jsonl",
        "\u200b " + BODY.replace("Putin", "Pu\u200btin") + "\u202e",
        title="\u2066Putin\u2069 to visit",
        source="Wire\u00ad Service",
    )
    assert article.text == BODY and article.title == "Putin to visit" and article.source == "Wire Service"


def _near_copies() -> list[str]:
    """One article as six feeds/sites deliver it: each copy carries other invisible characters."""
    return [
        BODY,
        BODY.replace("Putin", "Pu\u200btin"),
        BODY.replace("state visit", "state\u00ad visit").replace("Pyongyang", "Pyong\u00adyang"),
        "\u200e" + BODY.replace("Russian", "\u202aRussian\u202c") + "\u200f",
        BODY.replace("Vladimir", "Vla\u2060dimir").replace("June", "\ufeffJune"),
        BODY.replace(" will ", " \u2066will\u2069 ").replace("visit", "vi\u200dsit"),
    ]


def test_near_copies_are_one_article_with_six_sources(tmp_path):
    copies = _near_copies()
    assert len(set(copies)) == 6
    lines = [
        json.dumps(
            {
                "title": TITLE.replace("Putin", "Pu\u200ctin") if i % 2 else TITLE,
                "text": text,
                "published_at": "2024-06-17",
            },
            ensure_ascii=False,
        )
        for i, text in enumerate(copies)
    ]
    (tmp_path / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, sources, errors = articles_frames(read_folder(tmp_path, today=TODAY), NOW)
    assert errors.is_empty()
    assert articles.height == 1 and sources.height == 6
    assert articles.row(0, named=True)["text"] == BODY and articles.row(0, named=True)["title"] == TITLE
    assert sorted(sources["line_number"].to_list()) == [1, 2, 3, 4, 5, 6]


def test_text_of_only_invisible_characters_is_an_error_not_an_empty_article(tmp_path):
    (tmp_path / "ghost.jsonl").write_text(json.dumps({"text": "\u200b\u200b\u202e"}) + "\n", encoding="utf-8")
    articles, _sources, errors = articles_frames(read_folder(tmp_path, today=TODAY), NOW)
    assert articles.is_empty()
    assert errors.select("reason", "line_number").rows() == [("empty_text", 1)]


def test_a_name_split_by_a_zero_width_space_is_read_and_offsets_point_into_the_stored_text(
    tmp_path, extractor
):
    # A leader named bare: the zero-width space inside "Putin" must not hide him from the pre-filter's gate.
    text = "Vladimir Putin will pay a state visit to Pyongyang on June 18-19."
    (tmp_path / "clean").mkdir()
    (tmp_path / "hidden").mkdir()
    hidden = text.replace("Putin", "Pu\u200btin")
    (tmp_path / "clean" / "a.txt").write_text(f" date 2024-06-17 {TITLE}\n{text}\n", encoding="utf-8")
    (tmp_path / "hidden" / "a.txt").write_text(f" date 2024-06-17 {TITLE}\n{hidden}\n", encoding="utf-8")
    found = {}
    for name in ("clean", "hidden"):
        db = tmp_path / f"{name}.duckdb"
        with store.connect(db) as con:
            load_articles(con, tmp_path / name)
            articles = store.read_frame(con, "SELECT * FROM articles")
        assert articles["text"].to_list() == [text]  # stored without the zero-width space
        visits, _reactions, _extractions = extract_events(articles, extractor, lambda _done: None)
        for row in visits.iter_rows(named=True):
            assert text[row["char_start"] : row["char_end"]] == row["sentence"]
        found[name] = sorted(visits.select("visitor_code", "host_code").unique().rows())
    assert found["clean"] and found["hidden"] == found["clean"]
