"""The analytics views: their numbers on a small known database, their documentation, the examples of
docs/analytics.md."""

from __future__ import annotations

import re
from datetime import date

import duckdb
import pytest

from diplowatch.views import VIEWS
from tests.fixtures.known_db import build_known_db
from tests.fixtures.paths import ROOT


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    path = build_known_db(tmp_path_factory.mktemp("views") / "known.duckdb")
    connection = duckdb.connect(str(path), read_only=True)
    yield connection
    connection.close()


def rows(con, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


def test_visit_frequency_monthly_counts_canonical_visits_not_mentions(con):
    assert rows(
        con,
        "SELECT visitor_code, host_code, month, visits, cancelled, mentions "
        "FROM visit_frequency_monthly ORDER BY ALL",
    ) == [
        ("CHN", "PRK", date(2024, 4, 1), 1, 0, 1),
        ("CHN", "VNM", date(2024, 6, 1), 0, 1, 2),
        ("DEU", "FRA", date(2024, 1, 1), 1, 0, 1),
        ("PRK", "RUS", date(2023, 9, 1), 1, 0, 1),
        ("RUS", "PRK", date(2024, 6, 1), 1, 0, 3),
        ("RUS", "PRK", date(2025, 3, 1), 1, 0, 1),
        ("RUS", "VNM", date(2024, 6, 1), 1, 0, 2),
    ]


def test_visit_pairs(con):
    pairs = {
        r[0]: r[1:]
        for r in rows(
            con, "SELECT pair, visits, cancelled, first_visit, last_visit, mentions FROM visit_pairs"
        )
    }
    assert pairs["RUS->PRK"] == (2, 0, date(2024, 6, 18), date(2025, 3, 5), 4)
    assert pairs["CHN->VNM"] == (0, 1, None, None, 2)
    assert pairs["PRK->RUS"] == (1, 0, date(2023, 9, 1), date(2023, 9, 1), 1)
    assert len(pairs) == 6


def test_host_popularity_ranks_hosts_per_year(con):
    assert rows(
        con,
        "SELECT year, rank, host_code, visits, visitors FROM host_popularity ORDER BY year, rank, host_code",
    ) == [
        (2023, 1, "RUS", 1, 1),
        (2024, 1, "PRK", 2, 2),
        (2024, 2, "FRA", 1, 1),
        (2024, 2, "VNM", 1, 1),  # the cancelled China -> Vietnam visit does not count
        (2025, 1, "PRK", 1, 1),
    ]


def test_visitor_activity_ranks_visitors_per_year(con):
    assert rows(
        con,
        "SELECT year, rank, visitor_code, visits, hosts FROM visitor_activity "
        "ORDER BY year, rank, visitor_code",
    ) == [
        (2023, 1, "PRK", 1, 1),
        (2024, 1, "RUS", 2, 2),
        (2024, 2, "CHN", 1, 1),
        (2024, 2, "DEU", 1, 1),
        (2025, 1, "RUS", 1, 1),
    ]


def test_reaction_summary(con):
    assert rows(
        con, "SELECT reactor_code, stance, reactions, visits, articles FROM reaction_summary ORDER BY ALL"
    ) == [
        ("CHN", "positive", 1, 1, 1),
        ("EU", "neutral", 1, 0, 1),
        ("KOR", "negative", 1, 1, 1),
        ("USA", "negative", 2, 2, 1),
        ("USA", "positive", 1, 1, 1),
    ]


def test_reactions_per_visit_includes_visits_without_reactions(con):
    result = rows(
        con,
        "SELECT visitor_code, host_code, start_date, reactions, negative, positive, neutral, reactors "
        "FROM reactions_per_visit ORDER BY reactions DESC, visitor_code, host_code, start_date",
    )
    assert result[:3] == [
        ("RUS", "PRK", date(2024, 6, 18), 3, 2, 1, 0, 3),
        ("DEU", "FRA", date(2024, 1, 22), 1, 0, 1, 0, 1),
        ("RUS", "VNM", date(2024, 6, 19), 1, 1, 0, 0, 1),
    ]
    assert len(result) == 7 and all(r[3] == 0 for r in result[3:])


def test_visit_timeline_orders_one_visits_mentions_and_reactions_as_reported(con):
    (visit_id,) = con.execute(
        "SELECT visit_id FROM visits WHERE host_code = 'PRK' AND start_date = '2024-06-18'"
    ).fetchone()
    timeline = rows(
        con,
        f"SELECT step, reported_on, kind, event_id, detail, title FROM visit_timeline "
        f"WHERE visit_id = '{visit_id}' ORDER BY step",
    )
    assert [r[:5] for r in timeline] == [
        (1, date(2024, 5, 2), "mention", "rus-prk-announce", "planned"),
        (2, date(2024, 6, 17), "mention", "rus-prk-dated", "planned"),
        (3, date(2024, 6, 17), "reaction", "usa-on-rus-prk", "negative"),
        (4, date(2024, 6, 20), "mention", "rus-prk-done", "completed"),
        (5, date(2024, 6, 20), "reaction", "kor-on-rus-prk", "negative"),
        (6, date(2024, 6, 20), "reaction", "chn-on-rus-prk", "positive"),
    ]
    assert timeline[0][5] == "ILLUSTRATIVE: Putin expected in Pyongyang"


@pytest.mark.parametrize("name", list(VIEWS))
def test_every_view_is_documented_column_by_column_and_its_example_runs(con, name):
    view = VIEWS[name]
    columns = [r[0] for r in con.execute(f"DESCRIBE {name}").fetchall()]
    assert columns == list(view.columns), f"document every column of {name}, in order"
    assert (
        con.execute("SELECT comment FROM duckdb_views() WHERE view_name = ?", [name]).fetchone()[0]
        == view.description
    )
    assert con.execute(view.example).fetchall(), (
        f"the example of {name} returns nothing on the known database"
    )


def _documented_sql() -> list[str]:
    """Every statement of the ```sql blocks of docs/analytics.md."""
    text = (ROOT / "docs" / "analytics.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sql\n(.*?)```", text, re.S)
    return [
        stmt.strip()
        for block in blocks
        for stmt in block.split(";")
        if stmt.strip() and not all(line.strip().startswith("--") for line in stmt.strip().splitlines())
    ]


def test_the_docs_have_a_working_example_query_for_every_view(con):
    statements = _documented_sql()
    results = {sql: con.execute(sql).fetchall() for sql in statements}  # one that does not run fails here
    for name in VIEWS:
        examples = [sql for sql in statements if re.search(rf"\b{name}\b", sql)]
        assert examples, f"docs/analytics.md: no example query for {name}"
        assert all(results[sql] for sql in examples), f"docs/analytics.md: {name}'s example returns nothing"
