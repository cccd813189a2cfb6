"""What `diplowatch run` stores scores as `diplowatch eval` does: the hidden sets are measured on the rows of
a run (articles ingested from a folder, extracted by the events step, stored in DuckDB), the development
figures on the extractor called directly; any difference between the two paths (ingest changing a text or a
date, an article dropped or split, rows lost on the way to the store) would make one figure say nothing of
the other."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict

import duckdb
import pytest
from typer.testing import CliRunner

from diplowatch.evaluate import evaluate, load_gold, score
from pipelines.console import app
from tests.fixtures.paths import requires_shared

runner = CliRunner()


def _stored_predictions(db) -> dict[str, tuple[list[dict], list[dict]]]:
    """The run's visit mentions and reactions by the input's article id (`articles.source_id`)."""
    with duckdb.connect(str(db), read_only=True) as con:
        source = dict(con.execute("SELECT article_id, source_id FROM articles").fetchall())
        out: dict[str, tuple[list[dict], list[dict]]] = defaultdict(lambda: ([], []))
        for pos, table in enumerate(("visit_mentions", "reactions")):
            cur = con.execute(f"SELECT * FROM {table}")  # noqa: S608 - a fixed table name
            names = [d[0] for d in cur.description]
            for values in cur.fetchall():
                row = {
                    k: v.isoformat() if isinstance(v, dt.date) else v
                    for k, v in zip(names, values, strict=True)
                }
                out[source[row["article_id"]]][pos].append(row)
    return dict(out)


@pytest.mark.usefixtures("dagster_home")  # the run is recorded nowhere but in the test's folder
def test_a_run_over_the_dev_articles_scores_as_eval(tmp_path):
    gold_path = requires_shared("eval/dev.jsonl")
    items = load_gold(gold_path)
    raw = tmp_path / "raw"
    raw.mkdir()
    with (raw / "dev.jsonl").open("w", encoding="utf-8") as out:  # the articles as a user has them: no gold
        for item in items:
            out.write(json.dumps({k: v for k, v in item.items() if k != "gold"}) + "\n")
    db = tmp_path / "dev.duckdb"
    result = runner.invoke(app, ["run", "--raw", str(raw), "--db", str(db), "--ephemeral"])
    assert result.exit_code == 0, result.output
    predictions = _stored_predictions(db)
    assert set(predictions) <= {item["id"] for item in items}
    stored = score(items, predictions)
    direct = evaluate(gold_path)
    for measure in ("visits", "status", "dates", "reactions", "linking"):
        assert stored[measure] == direct[measure], measure
    assert stored["visits"]["tp"] > 0 and stored["reactions"]["tp"] > 0
