"""A COMMIT that fails reports its own error, not the "no transaction is active" of the ROLLBACK after it."""

from __future__ import annotations

from datetime import UTC, datetime

import duckdb
import pytest

from diplowatch import store
from diplowatch.schemas import frame_from_rows

NOW = datetime(2026, 1, 2, tzinfo=UTC)


def _state(name: str) -> dict:
    return {
        "feed_name": name,
        "feed_url": f"https://{name}.example/rss",
        "etag": None,
        "last_modified": None,
        "last_status": "ok",
        "last_error": None,
        "consecutive_failures": 0,
        "entries_written": 0,
        "last_attempt_at": NOW,
        "last_success_at": NOW,
    }


class CommitRace:
    """A connection whose COMMIT loses a race: just before it, another transaction of the same database
    commits the same `feed_state` key, so DuckDB's COMMIT itself fails (a real commit failure, like a full
    disk, which ends the transaction) and the ROLLBACK after it finds no transaction."""

    def __init__(self, con: duckdb.DuckDBPyConnection, rival_row: dict):
        self._con = con
        self._rival = con.cursor()
        self._rival.register("rival_rows", frame_from_rows("feed_state", [rival_row]).to_arrow())
        self._rival.execute("BEGIN TRANSACTION")
        self._rival.execute("INSERT INTO feed_state BY NAME SELECT * FROM rival_rows")

    def execute(self, sql: str, *args):
        if sql == "COMMIT":
            self._rival.execute("COMMIT")
        return self._con.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._con, name)


def test_a_failed_commit_reports_the_commits_error(db_path):
    with store.connect(db_path) as con:
        racing = CommitRace(con, _state("wire"))
        write = store.Write(
            "feed_state", frame_from_rows("feed_state", [_state("wire")]), "feed_name = 'wire'"
        )
        with pytest.raises(duckdb.Error) as failure:
            store.apply_writes(racing, [write])
        message = "\n".join([str(failure.value), *getattr(failure.value, "__notes__", [])])
        assert "Failed to commit" in message and "duplicate key" in message
        assert "no transaction is active" not in message
        # The connection is usable afterwards, and only the rival's row is there.
        assert con.execute("SELECT count(*) FROM feed_state").fetchone() == (1,)
        store.apply_writes(
            con,
            [
                store.Write(
                    "feed_state", frame_from_rows("feed_state", [_state("other")]), "feed_name = 'other'"
                )
            ],
        )
        assert con.execute("SELECT feed_name FROM feed_state ORDER BY 1").fetchall() == [
            ("other",),
            ("wire",),
        ]


def test_an_error_inside_the_transaction_still_rolls_back(db_path):
    with store.connect(db_path) as con:
        store.apply_writes(con, [store.Write("feed_state", frame_from_rows("feed_state", [_state("wire")]))])
        with pytest.raises(ZeroDivisionError), store.transaction(con):
            con.execute("DELETE FROM feed_state")
            raise ZeroDivisionError
        assert con.execute("SELECT feed_name FROM feed_state").fetchall() == [("wire",)]
