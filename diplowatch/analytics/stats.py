"""Headline figures of a database (`diplowatch stats`): counts, visits by status and year, top lists."""

from __future__ import annotations

import duckdb
import polars as pl

from diplowatch import store

COUNTED_TABLES = ["articles", "visit_mentions", "visits", "reactions", "ingest_errors", "rejected_rows"]


def compute_stats(con: duckdb.DuckDBPyConnection, top: int = 10) -> dict[str, dict | pl.DataFrame]:
    """Counts per table (plus mentions and reactions linked to a visit) and small summary frames."""
    counts = {t: store.read_frame(con, f"SELECT count(*) AS n FROM {t}")["n"].item() for t in COUNTED_TABLES}
    counts["mentions_without_visit"] = store.read_frame(
        con, "SELECT count(*) AS n FROM visit_mentions WHERE visit_id IS NULL"
    )["n"].item()
    counts["reactions_about_a_visit"] = store.read_frame(
        con, "SELECT count(*) AS n FROM reactions WHERE visit_id IS NOT NULL"
    )["n"].item()
    return {
        "counts": counts,
        "visits_by_status": store.read_frame(
            con,
            """
            SELECT status, count(*) AS visits FROM visits GROUP BY status ORDER BY visits DESC, status""",
        ),
        "visits_by_year": store.read_frame(
            con,
            """
            SELECT year(coalesce(start_date, first_reported)) AS year,
                   count(*) FILTER (WHERE status <> 'cancelled') AS visits,
                   count(*) FILTER (WHERE status = 'cancelled') AS cancelled
            FROM visits GROUP BY ALL ORDER BY year""",
        ),
        "top_pairs": store.read_frame(
            con,
            """
            SELECT pair, visits, cancelled, first_visit, last_visit FROM visit_pairs
            ORDER BY visits DESC, pair LIMIT ?""",
            [top],
        ),
        "top_hosts": store.read_frame(
            con,
            """
            SELECT host_code, sum(visits)::BIGINT AS visits, count(DISTINCT visitor_code) AS visitors
            FROM visit_pairs WHERE visits > 0 GROUP BY host_code ORDER BY visits DESC, host_code LIMIT ?""",
            [top],
        ),
        "reactions_by_stance": store.read_frame(
            con,
            """
            SELECT stance, sum(reactions)::BIGINT AS reactions FROM reaction_summary
            GROUP BY stance ORDER BY reactions DESC, stance""",
        ),
        "top_reactors": store.read_frame(
            con,
            """
            SELECT reactor_code, sum(reactions)::BIGINT AS reactions,
                   coalesce(sum(reactions) FILTER (WHERE stance = 'negative'), 0)::BIGINT AS negative,
                   coalesce(sum(reactions) FILTER (WHERE stance = 'positive'), 0)::BIGINT AS positive
            FROM reaction_summary GROUP BY reactor_code ORDER BY reactions DESC, reactor_code LIMIT ?""",
            [top],
        ),
    }
