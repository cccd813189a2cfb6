"""A run replaces only what it read: other folders' rows stay, removals are reported, unreadable inputs keep
what they held (the data-loss case of the reliability issue)."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, date, datetime

import pytest

from diplowatch import store
from diplowatch.stages.articles import load_articles
from diplowatch.stages.events import load_events
from diplowatch.stages.removals import prune_missing_sources
from tests.fixtures.extractors import StubExtractor
from tests.fixtures.paths import SAMPLES

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
TEXT = "The foreign minister of {who} arrived in Paris on Tuesday for a two-day visit, the ministry said."


def _jsonl(path, *records):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


def _counts(con) -> dict[str, int]:
    return {
        t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
        for t in ("articles", "article_sources", "visit_mentions", "reactions", "ingest_errors")
    }


def _days(first: date, last: date) -> list[date]:
    return [date.fromordinal(d) for d in range(first.toordinal(), last.toordinal() + 1)]


@pytest.fixture
def demo(tmp_path, db_path):
    """The samples loaded with their events: the 'existing database' of the issue."""
    raw = tmp_path / "samples"
    shutil.copytree(SAMPLES, raw)
    with store.connect(db_path) as con:
        load_articles(con, raw, now=NOW)
        load_events(con, StubExtractor())
        before = _counts(con)
    assert before["articles"] >= 5
    return raw, before


def test_a_second_folder_with_an_undated_file_over_the_same_days_keeps_the_first_folders_rows(
    demo, tmp_path, db_path
):
    _, before = demo
    other = tmp_path / "batch-b"
    _jsonl(other / "dated.jsonl", {"text": TEXT.format(who="Japan"), "published_at": "2024-01-01"})
    _jsonl(other / "undated.jsonl", {"text": TEXT.format(who="Chad")})
    # The partitions the run covered: 2024-01-01 through the undated file's day (today).
    days = _days(date(2024, 1, 1), NOW.date())
    with store.connect(db_path) as con:
        result = load_articles(con, other, days, now=NOW)
        load_events(con, StubExtractor(), days)
        after = _counts(con)
    assert result.counts["articles_removed"] == 0 and result.removed.is_empty()
    assert after["articles"] == before["articles"] + 2
    assert after["visit_mentions"] == before["visit_mentions"] + 2
    assert after["ingest_errors"] == before["ingest_errors"]


def test_a_folder_with_bad_dates_keeps_the_first_folders_rows_and_records_the_dates(demo, tmp_path, db_path):
    _, before = demo
    bad = tmp_path / "bad-dates"
    _jsonl(
        bad / "a.jsonl",
        {"text": TEXT.format(who="Peru"), "published_at": "1975-01-01"},
        {"text": TEXT.format(who="Fiji"), "published_at": "not a date"},
    )
    with store.connect(db_path) as con:
        load_articles(
            con,
            bad,
            _days(date(2024, 1, 1), NOW.date()),
            now=NOW,
            partition_bounds=(date(1980, 1, 1), NOW.date()),
        )
        after = _counts(con)
        reasons = {
            r
            for (r,) in con.execute(
                "SELECT reason FROM ingest_errors WHERE source_path LIKE ?", [f"{bad}%"]
            ).fetchall()
        }
    assert after["articles"] == before["articles"] + 1  # the undated one (its date was ignored) is kept
    assert after["visit_mentions"] == before["visit_mentions"]  # no events run here; nothing deleted
    assert {"date_out_of_range", "date_ignored"} <= reasons


def test_a_file_gone_from_the_folder_read_again_is_removed_and_reported(demo, db_path):
    raw, before = demo
    gone = raw / "illustrative" / "2025-03-04-illustrative-scholz-visit.txt"
    gone.unlink()
    with store.connect(db_path) as con:
        result = load_articles(con, raw, now=NOW)
        after = _counts(con)
    assert result.counts["articles_removed"] == 1
    assert result.removed["source_path"].to_list() == [str(gone)]
    assert after["articles"] == before["articles"] - 1
    # Its events went with it, in the same transaction.
    assert after["visit_mentions"] == before["visit_mentions"] - 1


def test_an_article_still_held_by_another_folder_is_not_removed(tmp_path, db_path):
    first, second = tmp_path / "first", tmp_path / "second"
    record = {"text": TEXT.format(who="Japan"), "published_at": "2024-01-01"}
    _jsonl(first / "a.jsonl", record)
    _jsonl(second / "copy.jsonl", record)
    with store.connect(db_path) as con:
        load_articles(con, first, now=NOW)
        load_articles(con, second, now=NOW)
        (first / "a.jsonl").unlink()
        result = load_articles(con, first, now=NOW)
        assert con.execute("SELECT count(*) FROM articles").fetchall()[0][0] == 1
        paths = [p for (p,) in con.execute("SELECT source_path FROM article_sources").fetchall()]
    assert result.counts["articles_removed"] == 0
    assert paths == [str(second / "copy.jsonl")]


def test_an_unreadable_file_keeps_what_it_held(tmp_path, db_path):
    raw = tmp_path / "raw"
    path = _jsonl(
        raw / "a.jsonl",
        {"text": TEXT.format(who="Japan"), "published_at": "2024-01-01"},
        {"text": TEXT.format(who="Chad"), "published_at": "2024-01-01"},
    )
    with store.connect(db_path) as con:
        load_articles(con, raw, now=NOW)
        path.write_bytes(b"\x00\x01binary" * 400)  # the same file, now unreadable as text
        result = load_articles(con, raw, now=NOW)
        assert con.execute("SELECT count(*) FROM articles").fetchall()[0][0] == 2
        assert con.execute("SELECT reason FROM ingest_errors").fetchall() == [("binary_file",)]
        # A broken line keeps the article that line held.
        _jsonl(raw / "a.jsonl", {"text": TEXT.format(who="Japan"), "published_at": "2024-01-01"})
        path.write_text(path.read_text() + "{not json\n")
        result = load_articles(con, raw, now=NOW)
        assert con.execute("SELECT count(*) FROM articles").fetchall()[0][0] == 2
    assert result.counts["articles_removed"] == 0


def test_prune_removes_articles_whose_files_are_gone_everywhere_and_reports_them(demo, tmp_path, db_path):
    raw, before = demo
    other = tmp_path / "batch-b"
    kept = _jsonl(other / "kept.jsonl", {"text": TEXT.format(who="Japan"), "published_at": "2024-01-01"})
    gone = _jsonl(other / "gone.jsonl", {"text": TEXT.format(who="Chad"), "published_at": "2024-01-02"})
    with store.connect(db_path) as con:
        load_articles(con, other, now=NOW)
        load_events(con, StubExtractor())
        gone.unlink()
        preview = prune_missing_sources(con, dry_run=True)
        assert _counts(con)["articles"] == before["articles"] + 2  # a dry run changes nothing
        pruned = prune_missing_sources(con)
        after = _counts(con)
    assert preview["source_path"].to_list() == pruned["source_path"].to_list() == [str(gone)]
    assert after["articles"] == before["articles"] + 1
    assert after["visit_mentions"] == before["visit_mentions"] + 1
    assert kept.exists()


def test_prune_command_lists_then_removes(tmp_path, db_path):
    from typer.testing import CliRunner

    from diplowatch.cli import app

    gone = _jsonl(
        tmp_path / "raw" / "gone.jsonl", {"text": TEXT.format(who="Chad"), "published_at": "2024-01-02"}
    )
    with store.connect(db_path) as con:
        load_articles(con, tmp_path / "raw", now=NOW)
    gone.unlink()
    runner = CliRunner()
    listed = runner.invoke(app, ["prune", "--db", str(db_path), "--dry-run"])
    assert listed.exit_code == 0, listed.output
    assert "would remove 1 article(s)" in listed.output
    assert runner.invoke(app, ["prune", "--db", str(db_path)]).exit_code == 0
    with store.connect(db_path, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchall()[0][0] == 0
