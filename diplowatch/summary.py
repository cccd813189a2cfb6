"""A short summary of a diplowatch database: what a person checks after a run."""

from __future__ import annotations

import duckdb

from diplowatch.store import table_counts


def summarize(con: duckdb.DuckDBPyConnection, limit: int = 10) -> dict:
    """Table counts, the most recently reported canonical visits and the newest reactions, as plain data."""
    counts = table_counts(con)
    visits = con.execute(
        """SELECT visitor_name, visitor_code, host_code, location, start_date, end_date, date_precision,
                  status, visit_type, mention_count
           FROM visits ORDER BY last_reported DESC NULLS LAST, visit_id LIMIT ?""",
        [limit],
    ).fetchall()
    reactions = con.execute(
        """SELECT reactor_name, reactor_code, stance, quote, target_mention_id IS NOT NULL AS linked
           FROM reactions ORDER BY partition_date DESC, article_id, sentence_index LIMIT ?""",
        [limit],
    ).fetchall()
    return {"counts": counts, "visits": visits, "reactions": reactions}


def format_summary(summary: dict) -> str:
    c = summary["counts"]
    lines = [
        f"articles: {c['articles']}   visits: {c['visits']} (from {c['visit_mentions']} mentions)   "
        f"reactions: {c['reactions']}   ingest errors: {c['ingest_errors']}   "
        f"rejected rows: {c['rejected_rows']}",
    ]
    if summary["visits"]:
        lines.append("visits (most recently reported first):")
        for name, visitor, host, loc, start, end, precision, status, vtype, mentions in summary["visits"]:
            when = f"{start or '?'}..{end or '?'}" + (
                f" ({precision})" if precision and precision != "day" else ""
            )
            lines.append(
                f"  {visitor}->{host}  {name or '-'}  {loc or '-'}  {when}  {status}  {vtype}"
                f"  [{mentions} mention{'s' if mentions != 1 else ''}]"
            )
    if summary["reactions"]:
        lines.append("reactions:")
        for name, code, stance, quote, linked in summary["reactions"]:
            q = (quote or "").replace("\n", " ")
            q = q if len(q) <= 70 else q[:67] + "..."
            lines.append(f"  {code} {stance}{' (about a visit)' if linked else ''}  {name or '-'}: {q}")
    return "\n".join(lines)
