"""Readers: the sample text format and JSON Lines, good and broken input."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from diplowatch.ingest import IngestError, RawArticle, article_id, articles_frames, read_folder
from tests.fixtures.paths import SAMPLE_ARTICLE, SAMPLES

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def _write(path, text: str | bytes):
    path.parent.mkdir(parents=True, exist_ok=True)
    (path.write_bytes if isinstance(text, bytes) else path.write_text)(text)
    return path


def test_sample_article_header_is_parsed():
    [item] = list(read_folder(SAMPLE_ARTICLE))
    assert isinstance(item, RawArticle)
    assert item.published_at == date(2024, 6, 17)
    assert item.title == "Vladimir Putin to visit North Korea on June 18-19; US embassy reacts"
    assert item.text.startswith("• Earlier in September 2023")
    assert "date 2024" not in item.text


def test_the_header_reads_the_same_with_or_without_leading_spaces(tmp_path):
    plain, spaced = (
        next(iter(read_folder(_write(tmp_path / name, f"{lead}date 2024-06-17 A title\nBody.\n"))))
        for name, lead in (("plain.txt", ""), ("spaced.txt", "  "))
    )
    assert (plain.published_at, plain.title, plain.text) == (date(2024, 6, 17), "A title", "Body.")
    assert (spaced.published_at, spaced.title, spaced.text) == (plain.published_at, plain.title, plain.text)


def test_text_without_header_keeps_whole_body_and_no_date(tmp_path):
    [item] = list(read_folder(_write(tmp_path / "a.txt", "Just a body.\nSecond line.")))
    assert item.published_at is None and item.title is None
    assert item.text == "Just a body.\nSecond line."


def test_text_with_bad_header_date_is_kept_undated_with_a_note(tmp_path):
    note, item = list(read_folder(_write(tmp_path / "a.txt", " date 2024-13-45 Title\nBody")))
    assert (
        isinstance(note, IngestError)
        and note.reason == "date_ignored"
        and note.line_number == 1
        and note.kept
    )
    assert "2024-13-45" in note.detail
    assert (
        isinstance(item, RawArticle)
        and item.published_at is None
        and item.title == "Title"
        and item.text == "Body"
    )


def test_jsonl_good_and_broken_lines(tmp_path):
    lines = [
        json.dumps(
            {"id": 7, "title": "T", "text": "Body one.", "published_at": "2024-06-17T10:00:00Z", "url": "u"}
        ),
        "{not json",
        json.dumps({"title": "no text"}),
        "",
        json.dumps({"text": "Body two.", "published_at": "yesterday"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": "Body three."}),
    ]
    items = list(read_folder(_write(tmp_path / "feed.jsonl", "\n".join(lines))))
    good = [i for i in items if isinstance(i, RawArticle)]
    bad = {i.line_number: i.reason for i in items if isinstance(i, IngestError)}
    assert [g.text for g in good] == ["Body one.", "Body two.", "Body three."]
    assert good[0].source_id == "7" and good[0].published_at == date(2024, 6, 17) and good[0].line_number == 1
    # An unusable date keeps the article undated, with a note on its line.
    assert good[1].published_at is None and good[1].line_number == 5
    assert bad == {2: "invalid_json", 3: "missing_text", 5: "date_ignored", 6: "not_an_object"}


def test_folder_is_read_recursively_and_unreadable_files_are_recorded(tmp_path):
    _write(tmp_path / "a" / "b" / "deep.txt", " date 2024-01-01 Deep\nDeep body.")
    _write(tmp_path / "empty.txt", "   \n")
    _write(tmp_path / "bad.txt", b"\xff\xfe\x00garbage")
    _write(tmp_path / "notes.pdf", b"%PDF")
    items = list(read_folder(tmp_path))
    assert [i.title for i in items if isinstance(i, RawArticle)] == ["Deep"]
    assert {(i.source_path.rsplit("/", 1)[1], i.reason) for i in items if isinstance(i, IngestError)} == {
        ("empty.txt", "empty_file"),
        ("bad.txt", "binary_file"),
        ("notes.pdf", "unsupported_format"),
    }


def test_samples_folder_reads_without_errors():
    items = list(read_folder(SAMPLES))
    assert items and all(isinstance(i, RawArticle) for i in items)
    assert {i.source_kind for i in items} == {"txt", "jsonl"}


def test_article_id_normalizes_case_quotes_and_whitespace():
    assert article_id("Title", "It’s  a\ntext") == article_id("title", "It's a text")
    assert article_id("Title", "text") != article_id("Title", "other text")
    assert len(article_id(None, "x")) == 64


def test_frames_dedup_and_partition_undated_on_ingest_day():
    dup = RawArticle("txt", "a.txt", "Same text.", title="Same", published_at=date(2024, 6, 17))
    dup2 = RawArticle(
        "jsonl", "b.jsonl", "Same  text.", title="same", line_number=3, published_at=date(2024, 6, 17)
    )
    undated = RawArticle("txt", "c.txt", "Undated.")
    err = IngestError("d.jsonl", "invalid_json", "bad", 2)
    articles, sources, errors = articles_frames([dup, dup2, undated, err], NOW)
    assert articles.height == 2 and sources.height == 3 and errors.height == 1
    row = articles.filter(articles["title"] == "Same").row(0, named=True)
    assert (
        row["source_path"] == "a.txt"
        and row["partition_date"] == date(2024, 6, 17)
        and not row["date_from_ingest"]
    )
    undated_row = articles.filter(articles["source_path"] == "c.txt").row(0, named=True)
    assert undated_row["partition_date"] == NOW.date() and undated_row["date_from_ingest"]
    # A later re-ingest keeps the first ingestion day when it is known.
    known = {undated_row["article_id"]: datetime(2025, 1, 1, tzinfo=UTC)}
    again, _, _ = articles_frames([undated], NOW, known)
    assert again.row(0, named=True)["partition_date"] == date(2025, 1, 1)
