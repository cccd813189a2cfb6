"""A short summary of a diplowatch database: what a person checks after a run."""

from __future__ import annotations

import duckdb

from diplowatch.store import table_counts


def summarize(con: duckdb.DuckDBPyConnection, limit: int = 10) -> dict:
    """Table counts plus the newest visits and reactions, as plain Python data."""
    visits = con.execute(
        """SELECT visitor_name, visitor_code, host_code, location, start_date, end_date, date_precision, status, visit_type
           FROM visit_mentions ORDER BY partition_date DESC, article_id, sentence_index LIMIT ?""", [limit]).fetchall()
    reactions = con.execute(
        """SELECT reactor_name, reactor_code, stance, quote, target_mention_id IS NOT NULL AS linked
           FROM reactions ORDER BY partition_date DESC, article_id, sentence_index LIMIT ?""", [limit]).fetchall()
    return {"counts": table_counts(con), "visits": visits, "reactions": reactions}


def format_summary(summary: dict) -> str:
    c = summary["counts"]
    lines = [
        f"articles: {c['articles']}   visits: {c['visit_mentions']}   reactions: {c['reactions']}   "
        f"ingest errors: {c['ingest_errors']}   rejected rows: {c['rejected_rows']}",
    ]
    if summary["visits"]:
        lines.append("visits:")
        for name, visitor, host, loc, start, end, precision, status, vtype in summary["visits"]:
            when = f"{start or '?'}..{end or '?'}" + (f" ({precision})" if precision and precision != "day" else "")
            lines.append(f"  {visitor}->{host}  {name or ''}  {loc or ''}  {when}  {status}  {vtype}")
    if summary["reactions"]:
        lines.append("reactions:")
        for name, code, stance, quote, linked in summary["reactions"]:
            q = (quote or "")[:80]
            lines.append(f"  {code} {stance}{' (about a visit)' if linked else ''}  {name or ''}: {q}")
    return "\n".join(lines)
