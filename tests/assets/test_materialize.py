"""One in-process materialization of the whole graph on samples/articles, with the real extractor."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime

import duckdb
import pytest
from dagster import ResourceDefinition, materialize

from assets.partitions import covering_range, range_tags
from assets.resources import build_resources
from diplowatch.ingest import folder_article_dates
from diplowatch.settings import Settings
from pipelines.definitions import build_definitions
from tests.fixtures.extractors import ExtractorServed
from tests.fixtures.paths import SAMPLES


def resources_for(settings: Settings, extractor) -> dict:
    resources = build_resources(settings)
    resources["extractor"] = ResourceDefinition.hardcoded_resource(ExtractorServed(extractor))
    return resources


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory, extractor):
    """The whole graph materialized once, in-process, over every day of the sample folder."""
    tmp = tmp_path_factory.mktemp("materialize")
    raw = tmp / "raw"
    shutil.copytree(SAMPLES, raw)
    settings = Settings(raw_dir=str(raw), db_path=str(tmp / "diplowatch.duckdb"))
    first, last = covering_range(folder_article_dates(raw, datetime.now(UTC).date()))
    defs = build_definitions(settings)
    result = materialize(
        [*defs.assets, *defs.asset_checks],
        resources=resources_for(settings, extractor),
        tags=range_tags(first, last),
    )
    return result, settings, (first, last)


def test_range_covers_the_samples_years(sample_run):
    _result, _settings, (first, last) = sample_run
    assert (first, last) == (date(2024, 1, 1), date(2025, 1, 1))


def test_whole_graph_materializes_the_sample_events(sample_run):
    result, settings, _ = sample_run
    assert result.success
    with duckdb.connect(settings.db_path, read_only=True) as con:
        visits = con.execute(
            """SELECT mention_id, visitor_code, host_code, location, start_date, end_date, date_precision,
                      status,
                      visit_type FROM visit_mentions WHERE partition_date = DATE '2024-06-17'"""
        ).fetchall()
        reactions = con.execute(
            """SELECT reactor_code, stance, quote, target_mention_id FROM reactions
               WHERE partition_date = DATE '2024-06-17'"""
        ).fetchall()
        partitions = con.execute(
            "SELECT partition_date, count(*) FROM articles GROUP BY 1 ORDER BY 1"
        ).fetchall()
    assert partitions == [
        (date(2024, 6, 17), 1),
        (date(2025, 3, 4), 1),
        (date(2025, 5, 12), 1),
        (date(2025, 7, 1), 1),
        (date(2025, 8, 20), 1),
    ]
    by_pair = {}
    for row in visits:
        by_pair.setdefault((row[1], row[2]), []).append(row)
    assert any(
        r[3] == "Pyongyang"
        and (r[4], r[5]) == (date(2024, 6, 18), date(2024, 6, 19))
        and r[7] == "planned"
        and r[8] == "state"
        for r in by_pair[("RUS", "PRK")]
    )
    vietnam = [r for r in by_pair[("RUS", "VNM")] if r[7] == "planned"]
    assert (
        vietnam
        and vietnam[0][3] == "Hanoi"
        and (vietnam[0][4], vietnam[0][5]) == (date(2024, 6, 19), date(2024, 6, 20))
    )
    assert any(
        r[6] == "month" and r[4] == date(2023, 9, 1) and r[7] == "completed" for r in by_pair[("PRK", "RUS")]
    )
    us = [r for r in reactions if r[0] == "USA" and r[1] == "negative"]
    assert us and us[0][2], "the US embassy's reaction keeps its quote"
    assert us[0][3] in {r[0] for r in by_pair[("RUS", "VNM")]}, (
        "the US reaction is linked to the Vietnam visit"
    )


def test_materializations_carry_row_counts_and_previews(sample_run):
    result, _settings, _ = sample_run
    materializations = {m.asset_key.to_user_string(): m for m in result.get_asset_materialization_events()}
    for table in ("articles", "visit_mentions", "reactions"):
        metadata = materializations[table].materialization.metadata
        assert metadata["dagster/row_count"].value > 0, table
        preview = metadata[f"newest_{table}"].value
        assert preview.startswith("| partition_date |"), table
    articles = materializations["articles"].materialization.metadata
    assert articles["dagster/row_count"].value == 5
    # Newest first: the first data row of the preview is the latest sample day.
    assert articles["newest_articles"].value.splitlines()[2].startswith("| 2025-08-20 |")


def test_every_check_passes_on_the_samples(sample_run):
    result, _settings, _ = sample_run
    outcomes = {(e.asset_key.to_user_string(), e.check_name): e for e in result.get_asset_check_evaluations()}
    assert ("reactions", "reactions_target_exists") in outcomes
    # The samples are five articles over fourteen months: a sparse archive, not a feed that stopped.
    assert {key for key, e in outcomes.items() if not e.passed} == set()
    delivering = outcomes[("articles", "sources_delivering")]
    assert delivering.metadata["sources"].value == 3 and delivering.metadata["sources_judged"].value == 0
