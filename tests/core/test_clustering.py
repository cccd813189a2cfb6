"""Clustering visit mentions into canonical visits, on mentions written for these tests."""

from __future__ import annotations

import hashlib
from datetime import date

import polars as pl

from diplowatch import store
from diplowatch.analytics import cluster_visits
from diplowatch.analytics.clustering import person_tokens, same_person
from diplowatch.schemas import frame_from_rows, validate
from diplowatch.stages.visits import load_visits


def _aid(name: str) -> str:
    return hashlib.sha256(name.encode()).hexdigest()


def mention(
    mid: str,
    article: str,
    reported: date,
    *,
    visitor: str = "RUS",
    host: str = "PRK",
    start: date | None = None,
    end: date | None = None,
    precision: str | None = None,
    status: str = "planned",
    name: str | None = None,
    location: str | None = None,
    visit_type: str = "unspecified",
    sentence_index: int = 0,
) -> dict:
    return {
        "mention_id": mid,
        "article_id": _aid(article),
        "sentence_index": sentence_index,
        "sentence": f"{mid}.",
        "char_start": 0,
        "char_end": 10,
        "visitor_name": name,
        "visitor_code": visitor,
        "host_code": host,
        "location": location,
        "start_date": start,
        "end_date": end,
        "date_precision": precision if precision or start is None else "day",
        "status": status,
        "visit_type": visit_type,
        "trigger": "visit",
        "cameo_code": "042",
        "plover_type": "CONSULT",
        "plover_mode": "visit",
        "confidence": 0.9,
        "confidence_reason": "test",
        "extractor_version": "test",
        "partition_date": reported,
        "visit_id": None,
    }


def reaction(
    rid: str, article: str, reported: date, target: str | None, stance: str = "negative", reactor: str = "USA"
) -> dict:
    return {
        "reaction_id": rid,
        "article_id": _aid(article),
        "sentence_index": 1,
        "sentence": f"{rid}.",
        "char_start": 0,
        "char_end": 10,
        "reactor_name": "a spokesperson",
        "reactor_code": reactor,
        "stance": stance,
        "quote": None,
        "target_mention_id": target,
        "target_code": None,
        "trigger": "said",
        "cameo_code": "111",
        "plover_type": None,
        "plover_mode": None,
        "confidence": 0.8,
        "confidence_reason": "test",
        "extractor_version": "test",
        "partition_date": reported,
        "visit_id": None,
    }


def mentions(*rows: dict) -> pl.DataFrame:
    return frame_from_rows("visit_mentions", list(rows))


def visit_of(result, mention_id: str) -> str:
    return result.mention_visits.filter(pl.col("mention_id") == mention_id)["visit_id"].item()


def test_announcement_then_dates_then_cancellation_is_one_cancelled_visit():
    result = cluster_visits(
        mentions(
            mention("announce", "a1", date(2024, 5, 2), status="planned", name="Vladimir Putin"),
            mention(
                "dated",
                "a2",
                date(2024, 5, 20),
                start=date(2024, 6, 18),
                end=date(2024, 6, 19),
                status="planned",
                name="Putin",
                location="Pyongyang",
                visit_type="state",
            ),
            mention(
                "dated-again",
                "a2",
                date(2024, 5, 20),
                start=date(2024, 6, 18),
                status="planned",
                location="Pyongyang",
                sentence_index=3,
            ),
            mention(
                "cancel",
                "a3",
                date(2024, 6, 10),
                start=date(2024, 6, 18),
                status="cancelled",
                name="President Putin",
            ),
        )
    )
    assert result.visits.height == 1
    visit = result.visits.row(0, named=True)
    assert visit["status"] == "cancelled"
    assert (visit["start_date"], visit["end_date"], visit["date_precision"]) == (
        date(2024, 6, 18),
        date(2024, 6, 19),
        "day",
    )
    assert (visit["first_reported"], visit["last_reported"]) == (date(2024, 5, 2), date(2024, 6, 10))
    assert (visit["mention_count"], visit["article_count"]) == (4, 3)
    assert visit["visitor_name"] == "Vladimir Putin" and visit["location"] == "Pyongyang"
    assert visit["visit_type"] == "state"
    assert set(result.mention_visits["visit_id"]) == {visit["visit_id"]}
    assert validate("visits", result.visits, partition_column=None).rejected.height == 0


def test_two_visits_of_the_same_pair_a_year_apart_stay_two():
    result = cluster_visits(
        mentions(
            mention("2023-planned", "a1", date(2023, 6, 1), start=date(2023, 6, 18), end=date(2023, 6, 19)),
            mention(
                "2023-done",
                "a2",
                date(2023, 6, 20),
                start=date(2023, 6, 18),
                end=date(2023, 6, 19),
                status="completed",
            ),
            mention("2024-planned", "a3", date(2024, 6, 1), start=date(2024, 6, 18), end=date(2024, 6, 19)),
        )
    )
    assert result.visits.height == 2
    assert (
        visit_of(result, "2023-planned") == visit_of(result, "2023-done") != visit_of(result, "2024-planned")
    )
    by_start = {r["start_date"]: r for r in result.visits.iter_rows(named=True)}
    assert by_start[date(2023, 6, 18)]["status"] == "completed"
    assert by_start[date(2024, 6, 18)]["status"] == "planned"


def test_undated_announcement_joins_the_visit_that_follows_not_the_one_before():
    result = cluster_visits(
        mentions(
            mention(
                "march-2023",
                "a1",
                date(2023, 3, 2),
                start=date(2023, 3, 1),
                end=date(2023, 3, 3),
                status="completed",
            ),
            mention("announce", "a2", date(2024, 2, 10), status="planned"),
            mention("june-2024", "a3", date(2024, 6, 1), start=date(2024, 6, 18), end=date(2024, 6, 19)),
        )
    )
    assert result.visits.height == 2
    assert visit_of(result, "announce") == visit_of(result, "june-2024") != visit_of(result, "march-2023")
    june = result.visits.filter(pl.col("start_date") == date(2024, 6, 18)).row(0, named=True)
    assert june["first_reported"] == date(2024, 2, 10) and june["mention_count"] == 2


def test_undated_report_of_a_completed_visit_joins_the_visit_just_over():
    result = cluster_visits(
        mentions(
            mention("dated", "a1", date(2024, 6, 17), start=date(2024, 6, 18), end=date(2024, 6, 19)),
            mention("after", "a2", date(2024, 6, 22), status="completed"),
        )
    )
    assert result.visits.height == 1
    assert result.visits["status"].item() == "completed"


def test_undated_mentions_without_any_dated_visit_form_an_undated_visit():
    result = cluster_visits(
        mentions(
            mention("u1", "a1", date(2024, 1, 5)),
            mention("u2", "a2", date(2024, 1, 9)),
            mention("u3", "a3", date(2025, 1, 9)),  # a year later: another visit
        )
    )
    assert result.visits.height == 2
    assert visit_of(result, "u1") == visit_of(result, "u2") != visit_of(result, "u3")
    assert result.visits["start_date"].null_count() == 2


def test_different_persons_of_one_country_visiting_the_same_week_are_two_visits():
    result = cluster_visits(
        mentions(
            mention(
                "blinken",
                "a1",
                date(2024, 4, 20),
                visitor="USA",
                host="CHN",
                start=date(2024, 4, 24),
                end=date(2024, 4, 26),
                name="Antony Blinken",
            ),
            mention(
                "blinken-2",
                "a2",
                date(2024, 4, 25),
                visitor="USA",
                host="CHN",
                start=date(2024, 4, 24),
                name="Secretary of State Blinken",
                status="ongoing",
            ),
            mention(
                "austin",
                "a3",
                date(2024, 4, 22),
                visitor="USA",
                host="CHN",
                start=date(2024, 4, 25),
                name="Lloyd Austin",
            ),
            mention("unnamed", "a4", date(2024, 4, 23), visitor="USA", host="CHN", start=date(2024, 4, 25)),
        )
    )
    assert result.visits.height == 2
    assert visit_of(result, "blinken") == visit_of(result, "blinken-2") != visit_of(result, "austin")
    # The unnamed mention fits both; it joins the one reported more often.
    assert visit_of(result, "unnamed") == visit_of(result, "blinken")


def test_coarse_dates_join_the_precise_visit_and_do_not_widen_it():
    result = cluster_visits(
        mentions(
            mention("day", "a1", date(2024, 6, 1), start=date(2024, 6, 18), end=date(2024, 6, 19)),
            mention("month", "a2", date(2024, 5, 1), start=date(2024, 6, 1), precision="month"),
            mention("year", "a3", date(2024, 1, 1), start=date(2024, 1, 1), precision="year"),
            mention("other-pair", "a4", date(2024, 6, 1), visitor="CHN", start=date(2024, 6, 18)),
        )
    )
    assert result.visits.height == 2
    russia = result.visits.filter(pl.col("visitor_code") == "RUS").row(0, named=True)
    assert russia["mention_count"] == 3 and russia["date_precision"] == "day"
    assert (russia["start_date"], russia["end_date"]) == (date(2024, 6, 18), date(2024, 6, 19))
    assert russia["first_reported"] == date(2024, 1, 1)


def test_month_precision_visits_of_different_months_stay_apart():
    result = cluster_visits(
        mentions(
            mention(
                "sep", "a1", date(2023, 10, 1), start=date(2023, 9, 1), precision="month", status="completed"
            ),
            mention(
                "sep-2",
                "a2",
                date(2023, 10, 2),
                start=date(2023, 9, 1),
                precision="month",
                status="completed",
            ),
            mention(
                "nov", "a3", date(2023, 12, 1), start=date(2023, 11, 1), precision="month", status="completed"
            ),
        )
    )
    assert result.visits.height == 2
    assert visit_of(result, "sep") == visit_of(result, "sep-2")
    sep = result.visits.filter(pl.col("start_date") == date(2023, 9, 1)).row(0, named=True)
    assert sep["date_precision"] == "month" and sep["end_date"] is None


def test_a_later_background_mention_does_not_undo_completed():
    result = cluster_visits(
        mentions(
            mention("done", "a1", date(2024, 6, 20), start=date(2024, 6, 18), status="completed"),
            mention("background", "a2", date(2024, 6, 25), start=date(2024, 6, 18), status="planned"),
        )
    )
    assert result.visits["status"].item() == "completed"


def test_latest_dates_win_when_a_visit_is_moved_a_few_days():
    result = cluster_visits(
        mentions(
            mention("first-dates", "a1", date(2024, 5, 1), start=date(2024, 6, 15), end=date(2024, 6, 16)),
            mention("new-dates", "a2", date(2024, 6, 1), start=date(2024, 6, 18), end=date(2024, 6, 19)),
        )
    )
    assert result.visits.height == 1
    assert result.visits.select("start_date", "end_date").row(0) == (date(2024, 6, 18), date(2024, 6, 19))


def test_result_does_not_depend_on_input_order_and_ids_are_stable_when_later_news_arrives():
    rows = [
        mention("announce", "a1", date(2024, 5, 2)),
        mention("dated", "a2", date(2024, 5, 20), start=date(2024, 6, 18), end=date(2024, 6, 19)),
        mention("other", "a3", date(2024, 5, 21), visitor="CHN", host="VNM", start=date(2024, 7, 1)),
        mention("next-year", "a4", date(2025, 5, 21), start=date(2025, 7, 1)),
    ]
    forward = cluster_visits(mentions(*rows))
    backward = cluster_visits(mentions(*reversed(rows)))
    assert forward.visits.equals(backward.visits)
    assert forward.mention_visits.equals(backward.mention_visits)
    later = cluster_visits(
        mentions(*rows, mention("done", "a9", date(2024, 6, 20), start=date(2024, 6, 18), status="completed"))
    )
    assert set(later.visits["visit_id"]) == set(forward.visits["visit_id"])
    assert visit_of(later, "done") == visit_of(forward, "announce")


def test_reactions_link_to_the_visit_of_their_target_mention():
    visits = mentions(mention("m1", "a1", date(2024, 6, 1), start=date(2024, 6, 18)))
    reactions = frame_from_rows(
        "reactions",
        [
            reaction("r1", "a1", date(2024, 6, 1), target="m1"),
            reaction("r2", "a1", date(2024, 6, 1), target=None),
        ],
    )
    result = cluster_visits(visits, reactions)
    links = dict(result.reaction_visits.iter_rows())
    assert links == {"r1": visit_of(result, "m1"), "r2": None}


def test_empty_input_gives_empty_frames_of_the_right_shape():
    result = cluster_visits(mentions())
    assert result.visits.height == 0 and result.visits.columns[0] == "visit_id"
    assert result.mention_visits.columns == ["mention_id", "visit_id"]


def test_person_names_match_without_titles_and_accents():
    assert same_person(person_tokens("President Vladimir Putin"), person_tokens("Putin"))
    assert same_person(person_tokens("Emmanuel Macron"), person_tokens(None))
    assert same_person(person_tokens("Recep Tayyip Erdoğan"), person_tokens("Erdogan"))
    assert not same_person(person_tokens("Antony Blinken"), person_tokens("Lloyd Austin"))


def test_load_visits_writes_visits_and_links_mentions_and_reactions_in_the_database(db_path):
    rows = [
        mention("announce", "a1", date(2024, 5, 2)),
        mention("dated", "a2", date(2024, 5, 20), start=date(2024, 6, 18), end=date(2024, 6, 19)),
        mention("cancel", "a3", date(2024, 6, 10), status="cancelled", start=date(2024, 6, 18)),
        mention("next-year", "a4", date(2025, 5, 21), start=date(2025, 7, 1)),
    ]
    with store.connect(db_path) as con:
        store.apply_writes(
            con,
            [
                store.Write("visit_mentions", mentions(*rows)),
                store.Write(
                    "reactions",
                    frame_from_rows(
                        "reactions",
                        [
                            reaction("r1", "a3", date(2024, 6, 10), "cancel"),
                            reaction("r2", "a3", date(2024, 6, 10), None),
                        ],
                    ),
                ),
            ],
        )
        first = load_visits(con)
        snapshot = con.execute("SELECT * FROM visits ORDER BY visit_id").fetchall()
        linked = con.execute("SELECT mention_id, visit_id FROM visit_mentions ORDER BY 1").fetchall()
        again = load_visits(con)
        assert con.execute("SELECT * FROM visits ORDER BY visit_id").fetchall() == snapshot
        assert con.execute("SELECT mention_id, visit_id FROM visit_mentions ORDER BY 1").fetchall() == linked
        reactions = dict(con.execute("SELECT reaction_id, visit_id FROM reactions").fetchall())
        statuses = dict(con.execute("SELECT start_date, status FROM visits").fetchall())
        # A mention deleted by a re-extraction loses nothing else: its visit disappears with it.
        con.execute("DELETE FROM visit_mentions WHERE mention_id = 'next-year'")
        load_visits(con)
        assert con.execute("SELECT count(*) FROM visits").fetchone()[0] == 1
    assert (first.visits, first.mentions_linked, first.reactions_linked) == (2, 4, 1)
    assert again.visits == 2
    assert statuses == {date(2024, 6, 18): "cancelled", date(2025, 7, 1): "planned"}
    assert reactions["r1"] == dict(linked)["cancel"] and reactions["r2"] is None
    assert (
        dict(linked)["announce"]
        == dict(linked)["dated"]
        == dict(linked)["cancel"]
        != dict(linked)["next-year"]
    )


def test_load_visits_is_one_transaction_a_failure_leaves_everything_as_it_was(db_path, monkeypatch):
    import pytest

    from diplowatch.stages import visits as analytics_load

    with store.connect(db_path) as con:
        store.apply_writes(
            con,
            [
                store.Write(
                    "visit_mentions", mentions(mention("m1", "a1", date(2024, 6, 1), start=date(2024, 6, 18)))
                ),
                store.Write(
                    "reactions", frame_from_rows("reactions", [reaction("r1", "a1", date(2024, 6, 1), "m1")])
                ),
            ],
        )
        load_visits(con)
        before = {
            t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
            for t in ("visits", "visit_mentions", "reactions")
        }
        # News arrives; the run then fails while linking reactions, after visits and mentions were written.
        store.apply_writes(
            con,
            [
                store.Write(
                    "visit_mentions",
                    mentions(mention("m2", "a2", date(2025, 6, 1), start=date(2025, 6, 18))),
                    "mention_id = 'm2'",
                )
            ],
        )
        before["visit_mentions"] = con.execute("SELECT * FROM visit_mentions ORDER BY ALL").fetchall()
        real = analytics_load._set_visit_ids

        def failing(con_, table, key, links):
            if table == "reactions":
                raise RuntimeError("disk full")
            real(con_, table, key, links)

        monkeypatch.setattr(analytics_load, "_set_visit_ids", failing)
        with pytest.raises(RuntimeError, match="disk full"):
            load_visits(con)
        after = {
            t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
            for t in ("visits", "visit_mentions", "reactions")
        }
    assert after == before
    assert len(after["visits"]) == 1
