"""The `visits` asset: its spec in the code location, and one materialization over a known database."""

from __future__ import annotations

import base64
import re

import duckdb
from dagster import AssetKey, DagsterInstance, materialize

from assets.analytics import visits
from assets.policies import DUCKDB_WRITER_POOL
from assets.resources import DiplowatchDuckDB
from pipelines.definitions import build_definitions
from tests.fixtures.known_db import build_known_db


def test_visits_asset_is_registered_in_the_analytics_group_after_the_events():
    defs = build_definitions()
    spec = defs.resolve_asset_graph().get(AssetKey("visits"))
    assert spec.group_name == "analytics"
    assert {k.path[-1] for k in spec.parent_keys} == {"visit_mentions", "reactions"}
    assert spec.partitions_def is None
    assert set(spec.kinds) >= {"polars", "duckdb"}
    assert visits.op.pool == DUCKDB_WRITER_POOL


def test_materializing_visits_writes_the_table_links_and_a_chart(tmp_path):
    path = build_known_db(tmp_path / "known.duckdb")
    with duckdb.connect(str(path)) as con:
        # Start from unclustered events, as the extraction leaves them.
        con.execute("DELETE FROM visits")
        con.execute("UPDATE visit_mentions SET visit_id = NULL")
        con.execute("UPDATE reactions SET visit_id = NULL")
    result = materialize(
        [visits],
        resources={"duckdb": DiplowatchDuckDB(database=str(path))},
        instance=DagsterInstance.ephemeral(),
    )
    assert result.success
    metadata = result.asset_materializations_for_node("visits")[0].metadata
    assert metadata["dagster/row_count"].value == 7
    assert metadata["mentions_linked"].value == 11 and metadata["reactions_linked"].value == 5
    chart = metadata["visits_per_month"].value
    match = re.fullmatch(r"!\[visits per month\]\(data:image/png;base64,([A-Za-z0-9+/=]+)\)", chart)
    assert match and base64.b64decode(match.group(1)).startswith(b"\x89PNG")
    checks = {c.check_name: c.passed for c in result.get_asset_check_evaluations()}
    assert checks == {"visits_schema": True, "mentions_linked_to_visits": True}
    with duckdb.connect(str(path), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM visit_mentions WHERE visit_id IS NULL").fetchall() == [(0,)]
        assert con.execute("SELECT count(*) FROM visits").fetchall() == [(7,)]
