"""The visits stage: rebuild `visits` from every visit mention and link mentions and reactions to it."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import polars as pl

from diplowatch import store
from diplowatch.analytics.clustering import MENTION_COLUMNS, ClusteredVisits, cluster_visits
from diplowatch.schemas import Validated, validate


@dataclass(frozen=True)
class VisitsResult:
    """What `load_visits` wrote, for summaries and Dagster metadata."""

    visits: int
    mentions_linked: int
    mentions_unlinked: int
    reactions_linked: int
    reactions: int
    validation: Validated
    clustered: ClusteredVisits

    @property
    def rejected(self) -> int:
        return self.validation.rejected.height


def load_visits(con: duckdb.DuckDBPyConnection) -> VisitsResult:
    """Cluster every stored visit mention into `visits` and set `visit_id` on mentions and reactions.

    Reading and writing happen in ONE transaction: the visits always match the mentions they were built from,
    and a failure leaves the database as it was. Visits failing their model go to `rejected_rows` and their
    mentions keep no `visit_id`, so no link points at a missing visit.
    """
    with store.transaction(con):
        mentions = store.read_frame(con, f"SELECT {', '.join(MENTION_COLUMNS)} FROM visit_mentions")
        reactions = store.read_frame(con, "SELECT reaction_id, target_mention_id FROM reactions")
        clustered = cluster_visits(mentions, reactions)
        checked = validate("visits", clustered.visits, partition_column=None)
        kept = checked.valid.select("visit_id")
        mention_visits = clustered.mention_visits.join(kept, on="visit_id", how="semi")
        reaction_visits = clustered.reaction_visits.join(kept, on="visit_id", how="semi")

        con.execute("DELETE FROM visits")
        con.execute("DELETE FROM rejected_rows WHERE table_name = 'visits'")
        _insert(con, "visits", checked.valid)
        _insert(con, "rejected_rows", checked.rejected)
        _set_visit_ids(con, "visit_mentions", "mention_id", mention_visits)
        _set_visit_ids(con, "reactions", "reaction_id", reaction_visits)
    return VisitsResult(
        visits=checked.valid.height,
        mentions_linked=mention_visits.height,
        mentions_unlinked=mentions.height - mention_visits.height,
        reactions_linked=reaction_visits.height,
        reactions=reactions.height,
        validation=checked,
        clustered=clustered,
    )


def _insert(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> None:
    if frame.is_empty():
        return
    con.register("__incoming", frame.to_arrow())
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM __incoming")
    finally:
        con.unregister("__incoming")


def _set_visit_ids(con: duckdb.DuckDBPyConnection, table: str, key: str, links: pl.DataFrame) -> None:
    """Set `visit_id` from `links` (key, visit_id), NULL without a link; only changed rows are touched."""
    con.register("__links", links.select(key, "visit_id").to_arrow())
    try:
        con.execute(f"""
            UPDATE {table} SET visit_id = l.visit_id FROM __links l
            WHERE {table}.{key} = l.{key} AND {table}.visit_id IS DISTINCT FROM l.visit_id""")
        con.execute(f"""
            UPDATE {table} SET visit_id = NULL
            WHERE visit_id IS NOT NULL
              AND {key} NOT IN (SELECT {key} FROM __links WHERE visit_id IS NOT NULL)""")
    finally:
        con.unregister("__links")
