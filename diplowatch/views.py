"""SQL views over the event tables, the entry points for analytics users."""

from __future__ import annotations

import duckdb

#: name -> (description, SELECT). Created (or replaced) whenever the schema is ensured.
VIEWS: dict[str, tuple[str, str]] = {
    "visit_frequency_monthly": (
        "Visit mentions per visitor, host and month (by start date, else the article's partition date).",
        """
        SELECT visitor_code, host_code,
               date_trunc('month', coalesce(start_date, partition_date))::DATE AS month,
               count(DISTINCT article_id) AS articles,
               count(*) AS mentions
        FROM visit_mentions
        GROUP BY ALL
        """,
    ),
}


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    for name, (_description, sql) in VIEWS.items():
        con.execute(f"CREATE OR REPLACE VIEW {name} AS {sql}")
