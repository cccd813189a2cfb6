"""SQL views over the event tables and canonical visits: the entry points for analytics users."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

#: A visit counts as having taken place (or being on the agenda) unless its latest status is `cancelled`;
#: views count cancelled visits in their own column instead of silently mixing them in.
_VISIT_DAY = "coalesce(start_date, first_reported)"


@dataclass(frozen=True)
class View:
    """A view: its SQL, what it answers, what each column means, and an example query for the README."""

    name: str
    description: str
    sql: str
    columns: dict[str, str]
    example: str


def _ranked_by_year(side: str, other: str, other_alias: str) -> str:
    """Countries of one side of a visit ranked by visits per year (cancelled visits excluded)."""
    return f"""
        SELECT year, {side}, visits, {other_alias},
               rank() OVER (PARTITION BY year ORDER BY visits DESC) AS rank
        FROM (
            SELECT year({_VISIT_DAY}) AS year, {side}, count(*) AS visits,
                   count(DISTINCT {other}) AS {other_alias}
            FROM visits WHERE status <> 'cancelled'
            GROUP BY ALL
        )
        """


_VIEW_LIST = [
    View(
        "visit_frequency_monthly",
        "Canonical visits per visitor, host and month (the month of the visit's start date, or of its first "
        "report when the dates are unknown).",
        f"""
        SELECT visitor_code, host_code,
               date_trunc('month', {_VISIT_DAY})::DATE AS month,
               count(*) FILTER (WHERE status <> 'cancelled') AS visits,
               count(*) FILTER (WHERE status = 'cancelled') AS cancelled,
               sum(mention_count)::BIGINT AS mentions
        FROM visits
        GROUP BY ALL
        """,
        {
            "visitor_code": "visiting country or organisation",
            "host_code": "host country",
            "month": "first day of the month",
            "visits": "visits that month, cancelled ones excluded",
            "cancelled": "visits that month whose latest status is cancelled",
            "mentions": "visit mentions (sentences) about those visits",
        },
        "SELECT month, visitor_code, host_code, visits FROM visit_frequency_monthly\n"
        "WHERE visitor_code = 'RUS' ORDER BY month;",
    ),
    View(
        "visit_pairs",
        "Every visitor → host pair with its number of visits and the first and last visit.",
        f"""
        SELECT visitor_code || '->' || host_code AS pair, visitor_code, host_code,
               count(*) FILTER (WHERE status <> 'cancelled') AS visits,
               count(*) FILTER (WHERE status = 'cancelled') AS cancelled,
               min({_VISIT_DAY}) FILTER (WHERE status <> 'cancelled') AS first_visit,
               max({_VISIT_DAY}) FILTER (WHERE status <> 'cancelled') AS last_visit,
               sum(mention_count)::BIGINT AS mentions
        FROM visits
        GROUP BY visitor_code, host_code
        """,
        {
            "pair": "`VISITOR->HOST`",
            "visitor_code": "visiting country or organisation",
            "host_code": "host country",
            "visits": "visits of the pair, cancelled ones excluded",
            "cancelled": "cancelled visits of the pair",
            "first_visit": "start (or first report) of the earliest visit not cancelled",
            "last_visit": "start (or first report) of the latest visit not cancelled",
            "mentions": "visit mentions about the pair's visits",
        },
        "SELECT pair, visits, first_visit, last_visit FROM visit_pairs ORDER BY visits DESC, pair LIMIT 10;",
    ),
    View(
        "host_popularity",
        "Hosts ranked by the visits they received each year (cancelled visits excluded).",
        _ranked_by_year("host_code", "visitor_code", "visitors"),
        {
            "year": "year of the visit's start (or first report)",
            "host_code": "host country",
            "visits": "visits received that year",
            "visitors": "distinct visiting countries or organisations that year",
            "rank": "rank of the host that year by visits (1 = most visited; ties share a rank)",
        },
        "SELECT year, rank, host_code, visits, visitors FROM host_popularity\n"
        "WHERE rank <= 3 ORDER BY year, rank;",
    ),
    View(
        "visitor_activity",
        "Visitors ranked by the visits they made each year (cancelled visits excluded).",
        _ranked_by_year("visitor_code", "host_code", "hosts"),
        {
            "year": "year of the visit's start (or first report)",
            "visitor_code": "visiting country or organisation",
            "visits": "visits made that year",
            "hosts": "distinct host countries visited that year",
            "rank": "rank of the visitor that year by visits (1 = most active; ties share a rank)",
        },
        "SELECT year, visitor_code, visits, hosts FROM visitor_activity\nORDER BY year, rank, visitor_code;",
    ),
    View(
        "reaction_summary",
        "Reactions per reactor and stance, with how many visits and articles they concern.",
        """
        SELECT reactor_code, stance, count(*) AS reactions,
               count(DISTINCT visit_id) AS visits,
               count(DISTINCT article_id) AS articles
        FROM reactions
        GROUP BY ALL
        """,
        {
            "reactor_code": "country or organisation that reacted",
            "stance": "negative, positive or neutral",
            "reactions": "number of reactions",
            "visits": "distinct canonical visits those reactions are about",
            "articles": "distinct articles the reactions were read from",
        },
        "SELECT reactor_code, stance, reactions FROM reaction_summary\n"
        "ORDER BY reactions DESC, reactor_code;",
    ),
    View(
        "reactions_per_visit",
        "Every canonical visit with the number of reactions to it, by stance (visits without reactions "
        "included).",
        """
        SELECT v.visit_id, v.visitor_code, v.host_code, v.visitor_name, v.start_date, v.status,
               count(r.reaction_id) AS reactions,
               count(r.reaction_id) FILTER (WHERE r.stance = 'negative') AS negative,
               count(r.reaction_id) FILTER (WHERE r.stance = 'positive') AS positive,
               count(r.reaction_id) FILTER (WHERE r.stance = 'neutral') AS neutral,
               count(DISTINCT r.reactor_code) AS reactors
        FROM visits v LEFT JOIN reactions r ON r.visit_id = v.visit_id
        GROUP BY v.visit_id, v.visitor_code, v.host_code, v.visitor_name, v.start_date, v.status
        """,
        {
            "visit_id": "the canonical visit",
            "visitor_code": "visiting country or organisation",
            "host_code": "host country",
            "visitor_name": "visiting person, when known",
            "start_date": "best start date of the visit",
            "status": "latest reported status",
            "reactions": "reactions about the visit",
            "negative": "negative reactions",
            "positive": "positive reactions",
            "neutral": "neutral reactions",
            "reactors": "distinct countries or organisations that reacted",
        },
        "SELECT visitor_code, host_code, start_date, reactions, negative, positive\n"
        "FROM reactions_per_visit ORDER BY reactions DESC LIMIT 10;",
    ),
    View(
        "visit_timeline",
        "One row per mention of a visit and per reaction to it, numbered in the order they were reported: "
        "filter on `visit_id` and order by `step`.",
        """
        SELECT visit_id,
               row_number() OVER (PARTITION BY visit_id
                                  ORDER BY reported_on, article_id, sentence_index, kind, event_id) AS step,
               reported_on, kind, event_id, actor_code, actor_name, detail, start_date, end_date,
               article_id, title, url, sentence_index, sentence, quote
        FROM (
            SELECT m.visit_id, m.partition_date AS reported_on, 'mention' AS kind, m.mention_id AS event_id,
                   m.visitor_code AS actor_code, m.visitor_name AS actor_name, m.status AS detail,
                   m.start_date, m.end_date, m.article_id, m.sentence_index, m.sentence, NULL AS quote
            FROM visit_mentions m WHERE m.visit_id IS NOT NULL
            UNION ALL
            SELECT r.visit_id, r.partition_date, 'reaction', r.reaction_id, r.reactor_code, r.reactor_name,
                   r.stance, NULL, NULL, r.article_id, r.sentence_index, r.sentence, r.quote
            FROM reactions r WHERE r.visit_id IS NOT NULL
        ) e
        LEFT JOIN (SELECT article_id, title, url FROM articles) a USING (article_id)
        """,
        {
            "visit_id": "the canonical visit",
            "step": "1, 2, ... in reporting order within the visit",
            "reported_on": "partition date of the article (its publication day)",
            "kind": "`mention` (a report of the visit) or `reaction`",
            "event_id": "mention_id or reaction_id",
            "actor_code": "the visitor (mention) or the reactor (reaction)",
            "actor_name": "the visiting person or who reacted, when named",
            "detail": "the status reported by a mention, or the stance of a reaction",
            "start_date": "start date reported by a mention",
            "end_date": "end date reported by a mention",
            "article_id": "article the row was read from",
            "title": "headline of the article",
            "url": "URL of the article",
            "sentence_index": "sentence within the article",
            "sentence": "the sentence",
            "quote": "the reaction's quoted words",
        },
        "SELECT step, reported_on, kind, actor_code, detail, sentence FROM visit_timeline\n"
        "WHERE visit_id = (SELECT visit_id FROM visits ORDER BY mention_count DESC, visit_id LIMIT 1)\n"
        "ORDER BY step;",
    ),
]

#: name -> View, in creation order. Created (or replaced) whenever the schema is ensured.

VIEWS: dict[str, View] = {view.name: view for view in _VIEW_LIST}


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    """Create or replace every view, documented in DuckDB comments (`duckdb_views()`, `duckdb_columns()`).

    The comments let people who open the file in the DuckDB CLI read what a view and its columns mean.
    """
    for view in VIEWS.values():
        con.execute(f"CREATE OR REPLACE VIEW {view.name} AS {view.sql}")
        con.execute(f"COMMENT ON VIEW {view.name} IS {_literal(view.description)}")
        for column, meaning in view.columns.items():
            con.execute(f"COMMENT ON COLUMN {view.name}.{column} IS {_literal(meaning)}")


def _literal(text: str) -> str:
    """A SQL string literal (COMMENT ON takes no parameters); the texts are ours, quotes are still escaped."""
    return "'" + text.replace("'", "''") + "'"
