"""The `feed_entries` asset: materialized against a local feed server; a no-op without a config."""

from __future__ import annotations

import json

from dagster import materialize

from assets.ingest import feed_entries
from assets.resources import DiplowatchDuckDB, DiplowatchSettings
from diplowatch import store
from pipelines.definitions import build_definitions
from tests.fixtures.feed_server import FeedServer, feed_items, reply, rss


def _resources(tmp_path, feeds_path=""):
    return {
        "settings": DiplowatchSettings(raw_dir=str(tmp_path / "raw"), feeds_path=feeds_path),
        "duckdb": DiplowatchDuckDB(database=str(tmp_path / "db.duckdb")),
    }


def test_feed_entries_asset_writes_files_and_state(tmp_path):
    server = FeedServer()
    try:
        server.routes["/rss.xml"] = reply(rss(feed_items(server, 2)))
        server.routes["/down.xml"] = reply(b"<html>maintenance</html>", "text/html")
        config = tmp_path / "feeds.toml"
        config.write_text(
            f'[defaults]\ntimeout_seconds = 1\n\n[[feed]]\nname = "wire"\nurl = "{server.url("/rss.xml")}"\n'
            f'\n[[feed]]\nname = "down"\nurl = "{server.url("/down.xml")}"\n'
        )
        (tmp_path / "raw").mkdir()
        result = materialize([feed_entries], resources=_resources(tmp_path, str(config)))
    finally:
        server.close()
    assert result.success
    [event] = result.asset_materializations_for_node("feed_entries")
    meta = event.metadata
    assert meta["entries_written"].value == 2 and meta["feeds_failed"].value == 1
    assert "| down | failed | 0 |" in meta["feeds_status"].value
    [day_file] = (tmp_path / "raw" / "feeds" / "wire").iterdir()
    assert [json.loads(line)["source_kind"] for line in day_file.read_text().splitlines()] == ["feed", "feed"]
    with store.connect(tmp_path / "db.duckdb") as con:
        assert con.execute("SELECT reason FROM ingest_errors").fetchall() == [("not_a_feed",)]


def test_feed_entries_asset_without_config_fetches_nothing(tmp_path):
    result = materialize([feed_entries], resources=_resources(tmp_path))
    assert result.success
    [event] = result.asset_materializations_for_node("feed_entries")
    assert event.metadata["feeds"].value == 0 and not (tmp_path / "raw").exists()


def test_feed_entries_is_registered_in_the_ingest_group():
    defs = build_definitions()
    spec = next(s for s in defs.resolve_all_asset_specs() if s.key.to_user_string() == "feed_entries")
    assert spec.group_name == "ingest"
