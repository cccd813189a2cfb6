"""Asset checks pass on good data and fail, with the right severity and metadata, when they should."""

from __future__ import annotations

import json
import shutil
import tempfile
from datetime import date, timedelta

import duckdb
import polars as pl
import pytest
from dagster import AssetCheckSeverity, ResourceDefinition, materialize

import diplowatch.stages.events
from assets import checks
from assets.resources import build_resources
from diplowatch import store
from diplowatch.schemas import empty_frame, frame_from_rows, validate
from diplowatch.settings import Settings
from diplowatch.stages.articles import load_articles
from diplowatch.stages.events import extract_batches, load_events
from pipelines.definitions import build_definitions
from tests.fixtures.extractors import ExtractorServed, StubExtractor
from tests.fixtures.paths import SAMPLE_ARTICLE


def _visit_rows(n: int = 2) -> pl.DataFrame:
    articles = frame_from_rows(
        "articles",
        [
            {
                "article_id": f"{i:064x}",
                "text": f"Text {i}.",
                "title": None,
                "published_at": date(2024, 1, 1),
                "partition_date": date(2024, 1, 1),
            }
            for i in range(n)
        ],
    )
    with tempfile.TemporaryDirectory() as folder:
        extracted = extract_batches([articles], StubExtractor(), folder)
        return pl.read_parquet(list(extracted.paths["visit_mentions"]))


def test_schema_check_passes_on_a_clean_batch():
    result = checks.schema_check(validate("visit_mentions", _visit_rows()))
    assert result.passed and result.metadata["rows_rejected"].value == 0
    assert result.check_name == "visit_mentions_schema"


def test_schema_check_warns_with_failure_cases_when_rows_were_quarantined():
    frame = _visit_rows(3).with_columns(
        pl.when(pl.int_range(pl.len()) == 1)
        .then(pl.lit("not a code"))
        .otherwise(pl.col("visitor_code"))
        .alias("visitor_code")
    )
    result = checks.schema_check(validate("visit_mentions", frame))
    assert not result.passed and result.severity == AssetCheckSeverity.WARN
    assert result.metadata["rows_rejected"].value == 1 and result.metadata["rows_valid"].value == 2
    cases = result.metadata["failure_cases"].value
    assert "visitor_code" in cases and "not a code" in cases
    assert "rejected_rows" in result.description


def test_schema_check_is_an_error_when_the_whole_batch_fails():
    result = checks.schema_check(validate("visit_mentions", _visit_rows().drop("host_code")))
    assert not result.passed and result.severity == AssetCheckSeverity.ERROR
    assert result.metadata["batch_failed"].value is True
    assert "host_code" in result.metadata["failure_cases"].value


def _feed_days(raw, feed: str, days: list[date]) -> None:
    """One feed entry per day, written where the feed stage writes them (<raw>/feeds/<feed>/<day>.jsonl)."""
    folder = raw / "feeds" / feed
    folder.mkdir(parents=True, exist_ok=True)
    for day in days:
        line = {
            "id": f"{feed}-{day}",
            "title": f"{feed} bulletin of {day}",
            "source": "Example News",
            "published_at": str(day),
            "source_kind": "feed",
            "text": f"The {feed} bulletin of {day} reports on a ministerial visit.",
        }
        (folder / f"{day}.jsonl").write_text(json.dumps(line) + "\n")


def test_sources_delivering_warns_about_a_feed_gone_silent_and_names_it(db_path, tmp_path):
    raw = tmp_path / "raw"
    _feed_days(
        raw, "un-news", [date(2025, 1, 1) + timedelta(days=i) for i in range(20)]
    )  # daily until Jan 20
    with store.connect(db_path) as con:
        load_articles(con, raw)
    result = checks.sources_delivering(lambda: store.connect(db_path, read_only=True), date(2025, 2, 1))
    assert not result.passed and result.severity == AssetCheckSeverity.WARN
    assert result.metadata["sources_silent"].value == 1 and result.metadata["as_of"].value == "2025-02-01"
    assert (
        "feed un-news: no article since 2025-01-20 (12 days; usually at most 1 day(s)" in result.description
    )
    assert "feed un-news" in result.metadata["sources_table"].value
    # The same history seen on its last day: still delivering.
    assert checks.sources_delivering(lambda: store.connect(db_path, read_only=True), date(2025, 1, 21)).passed


def test_sources_delivering_passes_a_new_source_with_one_article_and_caps_the_day_at_today(db_path, tmp_path):
    raw = tmp_path / "raw"
    _feed_days(raw, "newcomer", [date(2025, 1, 1)])
    with store.connect(db_path) as con:
        load_articles(con, raw)
    # A year partition may end after today: the check judges as of today at the latest.
    result = checks.sources_delivering(lambda: store.connect(db_path, read_only=True), date(2999, 12, 31))
    assert result.passed and result.metadata["sources"].value == 1
    assert result.metadata["sources_judged"].value == 0 and result.metadata["as_of"].value < "2999-12-31"
    assert "fewer than 8 days of articles are not judged" in result.description


def test_inputs_readable_warns_with_reasons():
    errors = frame_from_rows(
        "ingest_errors",
        [
            {
                "source_path": "a.jsonl",
                "line_number": 2,
                "reason": "invalid_json",
                "detail": "line is not valid JSON",
            }
        ],
    )
    result = checks.inputs_readable(errors)
    assert not result.passed and result.severity == AssetCheckSeverity.WARN
    assert (
        "invalid_json" in result.metadata["by_reason"].value and "a.jsonl" in result.metadata["sample"].value
    )
    assert checks.inputs_readable(empty_frame("ingest_errors")).passed


def test_notes_on_kept_articles_do_not_fail_inputs_readable():
    notes = frame_from_rows(
        "ingest_errors",
        [
            {
                "source_path": "a.jsonl",
                "line_number": 1,
                "reason": "date_ignored",
                "detail": "article kept without a date",
            }
        ],
    )
    result = checks.inputs_readable(notes)
    assert result.passed and result.metadata["notes_on_kept_articles"].value == 1
    assert "1 note(s)" in result.description


def test_target_check_finds_reactions_pointing_at_missing_visits(db_path, tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SAMPLE_ARTICLE, raw)
    with store.connect(db_path) as con:
        load_articles(con, raw)
        load_events(con, StubExtractor())
        day = [date(2024, 6, 17)]
        assert checks.reactions_target_exists(con, day).passed
        # Break the link behind the loader's back: the visit the reaction points at disappears.
        con.execute("DELETE FROM visit_mentions")
        result = checks.reactions_target_exists(con, day)
        assert not result.passed and result.severity == AssetCheckSeverity.ERROR
        assert result.metadata["dangling_targets"].value == 1
        # Other days are not this run's business.
        assert checks.reactions_target_exists(con, [date(2024, 6, 18)]).passed


# -- the checks inside real runs -----------------------------------------------------------------------------


@pytest.fixture
def one_day(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SAMPLE_ARTICLE, raw)
    (raw / "broken.jsonl").write_text('{"text": "ok", "published_at": "2024-06-17"}\n{broken\n')
    return Settings(raw_dir=str(raw), db_path=str(tmp_path / "d.duckdb"))


def _materialize(settings: Settings, extractor, reextract: bool = False):
    defs = build_definitions(settings)
    resources = {
        **build_resources(settings),
        "extractor": ResourceDefinition.hardcoded_resource(ExtractorServed(extractor)),
    }
    run_config = {"ops": {"events": {"ops": {"stage_event_articles": {"config": {"reextract": reextract}}}}}}
    return materialize(
        [*defs.assets, *defs.asset_checks],
        resources=resources,
        partition_key="2024",
        raise_on_error=False,
        run_config=run_config,
    )


def _evaluations(result) -> dict:
    return {(e.asset_key.to_user_string(), e.check_name): e for e in result.get_asset_check_evaluations()}


def test_quarantined_rows_warn_without_failing_the_run(one_day):
    result = _materialize(one_day, StubExtractor(visitor_code="not a code"))
    assert result.success
    outcomes = _evaluations(result)
    visits = outcomes[("visit_mentions", "visit_mentions_schema")]
    assert not visits.passed and visits.severity == AssetCheckSeverity.WARN
    assert visits.metadata["rows_rejected"].value == 2  # one per article of the day
    readable = outcomes[("articles", "inputs_readable")]
    assert not readable.passed and readable.metadata["ingest_errors"].value == 1
    assert outcomes[("articles", "sources_delivering")].passed
    assert outcomes[("reactions", "reactions_target_exists")].passed


def test_a_whole_batch_failing_its_schema_is_an_error_that_fails_the_run_and_keeps_stored_rows(
    one_day, monkeypatch
):
    assert _materialize(one_day, StubExtractor()).success
    with duckdb.connect(one_day.db_path, read_only=True) as con:
        before = con.execute("SELECT mention_id FROM visit_mentions ORDER BY 1").fetchall()
    assert before

    def broken(table, frame, **kwargs):
        # An extractor release that no longer emits host_code: a code fault, the whole batch fails.
        return validate(table, frame.drop("host_code") if table == "visit_mentions" else frame, **kwargs)

    # The events stage validates each batch of extracted rows in its extraction steps.
    monkeypatch.setattr(diplowatch.stages.events, "validate", broken)
    result = _materialize(one_day, StubExtractor(), reextract=True)
    assert not result.success, "a blocking ERROR check fails the run"
    outcome = _evaluations(result)[("visit_mentions", "visit_mentions_schema")]
    assert not outcome.passed and outcome.severity == AssetCheckSeverity.ERROR
    with duckdb.connect(one_day.db_path, read_only=True) as con:
        assert con.execute("SELECT mention_id FROM visit_mentions ORDER BY 1").fetchall() == before
        rejected = con.execute(
            "SELECT row_json, reasons FROM rejected_rows WHERE table_name = 'visit_mentions'"
        ).fetchall()
    assert len(rejected) == len(before) and "host_code" in rejected[0][1]
    assert "host_code" not in json.loads(rejected[0][0])
