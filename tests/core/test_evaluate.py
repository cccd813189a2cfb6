"""The scorer: metrics on a tiny hand-made gold file,
both gold formats, and the real extractor on the dev set."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from diplowatch.evaluate import (
    bootstrap_intervals,
    compare_runs,
    error_kinds,
    evaluate,
    format_comparison,
    format_error_kinds,
    format_report,
    load_gold,
    load_predictions,
    paired_bootstrap,
    save_predictions,
)
from tests.fixtures.paths import ROOT, SHARED

PROBE_DIR = ROOT / "tests/fixtures/probes"

DEV = SHARED / "eval/dev.jsonl"


class FixedExtractor:
    """Returns canned events per article id, so the arithmetic of the scorer can be checked exactly."""

    def __init__(self, events):
        self.events = events

    def extract_batch(self, articles):
        for article in articles:
            visits, reactions = self.events.get(article["article_id"], ([], []))
            yield article["article_id"], visits, reactions


def visit(visitor, host, status="planned", start=None, end=None, precision=None, mention_id="m1"):
    return {
        "mention_id": mention_id,
        "visitor_code": visitor,
        "host_code": host,
        "status": status,
        "start_date": start,
        "end_date": end,
        "date_precision": precision,
        "sentence": f"{visitor} visits {host}.",
        "confidence_reason": "test",
    }


def reaction(code, stance, target=None):
    return {
        "reactor_code": code,
        "stance": stance,
        "target_mention_id": target,
        "sentence": f"{code} reacts.",
        "confidence_reason": "test",
    }


GOLD = [
    {
        "id": "a",
        "published_at": "2021-03-01",
        "title": "t",
        "text": "text a",
        "gold": {
            "visits": [
                {
                    "visitor_code": "JPN",
                    "host_code": "BRA",
                    "status": "planned",
                    "start_date": "2021-03-03",
                    "end_date": "2021-03-04",
                    "evidence": "ev1",
                },
                {"visitor_code": "JPN", "host_code": "ARG", "status": "planned", "evidence": "ev2"},
            ],
            "reactions": [
                {"reactor_code": "CHN", "stance": "negative", "about_visit": True, "evidence": "ev3"}
            ],
        },
    },
    {
        "id": "b",
        "published_at": None,
        "title": None,
        "text": "text b",
        "gold": {"visits": [], "reactions": []},
    },
]


@pytest.fixture
def gold_file(tmp_path) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(item) for item in GOLD) + "\n", encoding="utf-8")
    return path


def test_scores_on_a_tiny_gold_file(gold_file):
    events = {
        "a": (
            [
                visit("JPN", "BRA", start=dt.date(2021, 3, 3), end=dt.date(2021, 3, 4), precision="day"),
                visit("JPN", "BRA", status="completed", mention_id="m2"),
            ],
            [reaction("CHN", "negative", target="m1"), reaction("USA", "neutral")],
        ),
        "b": ([visit("FRA", "DEU", status="ongoing")], []),
    }
    report = evaluate(gold_file, extractor=FixedExtractor(events))
    assert report["items"] == 2
    assert (report["visits"]["tp"], report["visits"]["fp"], report["visits"]["fn"]) == (1, 1, 1)
    assert report["visits"]["f1"] == pytest.approx(0.5)
    assert report["status"] == {"matched": 1, "correct": 1, "accuracy": 1.0}
    assert report["dates"]["both_exact"] == 1.0
    assert (report["reactions"]["tp"], report["reactions"]["fp"], report["reactions"]["fn"]) == (1, 1, 0)
    assert report["linking"]["share"] == 1.0 and "about_visit" in report["linking"]["definition"]
    kinds = sorted(e["kind"] for e in report["errors"])
    assert kinds == ["reaction_fp", "visit_fn", "visit_fp"]
    text = format_report(report, errors=True)
    assert "visit_fn" in text and "ev2" in text and "F1" in text


def test_bootstrap_intervals_over_articles():
    # (visit tp, fp, fn, reaction tp, fp, fn, status matched, correct, dated gold, dated exact) per article
    right = (1, 0, 0, 1, 0, 0, 1, 1, 1, 1)
    wrong = (0, 1, 1, 0, 1, 1, 0, 0, 0, 0)
    # articles all alike: every draw is the same, the interval a point
    same = bootstrap_intervals([right] * 20, resamples=200)
    assert same == {
        "visit_f1": [1.0, 1.0],
        "status": [1.0, 1.0],
        "dates": [1.0, 1.0],
        "reaction_f1": [1.0, 1.0],
    }
    mixed = [right] * 15 + [wrong] * 5
    a = bootstrap_intervals(mixed, resamples=500)
    assert a == bootstrap_intervals(mixed, resamples=500)  # a fixed seed: the same figures again
    low, high = a["visit_f1"]
    point = 2 * 15 / (2 * 15 + 5 + 5)
    assert low < point < high and 0.0 < low and high <= 1.0
    # fewer articles of the same mix: a wider interval
    few = bootstrap_intervals([right] * 3 + [wrong], resamples=500)["visit_f1"]
    assert few[1] - few[0] > high - low
    # nothing dated in any draw: no interval rather than a made-up one
    undated = [(1, 0, 0, 0, 0, 0, 1, 1, 0, 0)] * 5
    assert bootstrap_intervals(undated, resamples=100)["dates"] is None


def test_intervals_are_reported_overall_and_by_era(gold_file):
    events = {"a": ([visit("JPN", "BRA")], [reaction("CHN", "negative")])}
    report = evaluate(gold_file, extractor=FixedExtractor(events), resamples=200)
    assert set(report["intervals"]) == {"visit_f1", "status", "dates", "reaction_f1"}
    assert set(report["eras"]) == {"1987"} and "intervals" in report["eras"]["1987"]
    assert "95% intervals" in format_report(report)
    # none asked for, none computed
    assert "intervals" not in evaluate(gold_file, extractor=FixedExtractor(events))


def test_paired_bootstrap_of_a_change():
    right = (1, 0, 0, 1, 0, 0, 1, 1, 1, 1)
    wrong = (0, 1, 1, 0, 1, 1, 1, 0, 1, 0)
    before = [right] * 10 + [wrong] * 10
    # the same rows twice: no change in any draw
    assert paired_bootstrap(before, before, resamples=200) == dict.fromkeys(
        ("visit_f1", "status", "dates", "reaction_f1"), [0.0, 0.0]
    )
    # five articles put right: a gain the draws agree on
    after = [right] * 15 + [wrong] * 5
    low, high = paired_bootstrap(before, after, resamples=500)["visit_f1"]
    assert 0.0 < low < 0.25 < high
    # one article put right of twenty: an interval that holds 0 (the articles cannot tell it from chance)
    one = [right] * 11 + [wrong] * 9
    low, high = paired_bootstrap(before, one, resamples=500)["reaction_f1"]
    assert low <= 0.0 < high
    with pytest.raises(ValueError, match="same articles"):
        paired_bootstrap(before, after[:-1])


def test_two_runs_compared_through_saved_predictions(gold_file, tmp_path):
    first = {"a": ([visit("JPN", "BRA")], []), "b": ([visit("FRA", "DEU")], [])}
    second = {
        "a": ([visit("JPN", "BRA"), visit("JPN", "ARG", mention_id="m2")], [reaction("CHN", "negative")])
    }
    saved = tmp_path / "before.json"
    report = evaluate(gold_file, extractor=FixedExtractor(first), keep_predictions=True)
    save_predictions(saved, {"gold": report["_predictions"]})
    after = evaluate(gold_file, extractor=FixedExtractor(second), keep_predictions=True)["_predictions"]
    comparison = compare_runs([gold_file], load_predictions(saved), {"gold": after}, resamples=200)
    row = comparison["gold"]["all"]
    assert row["items"] == 2
    assert (row["before"]["visit_f1"], row["after"]["visit_f1"]) == (0.5, 1.0)
    assert (row["before"]["reaction_f1"], row["after"]["reaction_f1"]) == (0.0, 1.0)
    assert row["change"]["visit_f1"][1] == 0.5
    assert "0.500->1.000" in format_comparison(comparison)
    # a gold file the earlier run did not score is left out, not compared with nothing
    assert compare_runs([gold_file], {"other": {}}, {"gold": after}) == {}
    # nor is a file whose articles the earlier run did not all read
    with pytest.raises(ValueError, match="no rows for 1 of its articles"):
        compare_runs([gold_file], {"gold": {"a": ([], [])}}, {"gold": after})
    (tmp_path / "junk.json").write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ValueError, match="--save-predictions"):
        load_predictions(tmp_path / "junk.json")


def test_each_error_record_says_how_it_went_wrong(gold_file):
    """The typed detail of each record, from the article's other pairs and keys: a swapped pair, a visitor
    with another host, a reactor with another stance, which end of a date is wrong; and the kinds counted."""
    events = {
        "a": (
            [
                visit("JPN", "BRA", start=dt.date(2021, 3, 3), precision="day"),  # end missing
                visit("JPN", "CHL", mention_id="m2"),  # the gold's JPN->ARG read with another host
                visit("ARG", "JPN", mention_id="m3"),  # swapped
            ],
            [reaction("CHN", "positive"), reaction("USA", "neutral")],
        ),
    }
    report = evaluate(gold_file, extractor=FixedExtractor(events))
    details = {(e["kind"], tuple(e["pair"])): e["detail"] for e in report["errors"]}
    assert details == {
        ("visit_date", ("JPN", "BRA")): "start right, end missing",
        ("visit_fp", ("JPN", "CHL")): "another host for the visitor",
        ("visit_fp", ("ARG", "JPN")): "visitor and host swapped",
        ("visit_fn", ("JPN", "ARG")): "visitor and host swapped",
        ("reaction_fp", ("CHN", "positive")): "positive found, the gold has negative",
        ("reaction_fp", ("USA", "neutral")): "neutral found, the reactor not in the gold",
        ("reaction_fn", ("CHN", "negative")): "negative missed, found as positive",
        ("reaction_unlinked", ("CHN", "negative")): "not found",
    }
    kinds = error_kinds(report["errors"])
    assert sum(n for _, _, n in kinds) == len(report["errors"]) == 8
    table = format_error_kinds(report["errors"], top=3)
    assert "| 1 |" in table and "| 4 |" not in table and "(and 5 kinds more, 5 records)" in table
    assert "(start right, end missing)" in format_report(report, errors=True)


def test_error_kinds_are_counted_most_common_first():
    errors = [
        {"kind": "visit_fn", "detail": "no trip of the visitor found"},
        {"kind": "reaction_fn", "detail": "neutral missed, the reactor not found"},
        {"kind": "reaction_fn", "detail": "neutral missed, the reactor not found"},
        {"kind": "visit_fn", "detail": "no trip of the visitor found"},
        {"kind": "visit_fn", "detail": "no trip of the visitor found"},
        {"kind": "visit_status", "detail": "planned read as ongoing"},
    ]
    assert error_kinds(errors) == [
        ("visit_fn", "no trip of the visitor found", 3),
        ("reaction_fn", "neutral missed, the reactor not found", 2),
        ("visit_status", "planned read as ongoing", 1),
    ]


def test_dates_count_only_at_day_precision(gold_file):
    events = {"a": ([visit("JPN", "BRA", start=dt.date(2021, 3, 1), precision="month")], [])}
    report = evaluate(gold_file, extractor=FixedExtractor(events))
    assert report["dates"]["start_exact"] == 0.0  # gold has a day, the month-precision guess counts as none
    assert any(e["kind"] == "visit_date" for e in report["errors"])


def test_single_json_object_with_source_file(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "expected").mkdir()
    (tmp_path / "articles" / "x.txt").write_text(" date 2021-03-01 A title\nBody text.\n", encoding="utf-8")
    item = {"id": "x", "source": {"file": "articles/x.txt"}, "gold": {"visits": [], "reactions": []}}
    path = tmp_path / "expected" / "x.json"
    path.write_text(json.dumps(item, indent=1), encoding="utf-8")
    (loaded,) = load_gold(path)
    assert loaded["text"] == "Body text.\n"
    assert loaded["published_at"] == "2021-03-01" and loaded["title"] == "A title"


def test_broken_jsonl_line_is_reported(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "text": "x", "gold": {}}\n{not json}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.jsonl:2"):
        load_gold(path)


@pytest.mark.skipif(not DEV.exists(), reason=f"{DEV} is absent: the shared dev set sits beside the checkout")
def test_dev_set_targets():
    report = evaluate(DEV)
    assert report["items"] == 60
    # Thresholds sit a little below the measured figures (see the commit log for the numbers). Extractor 0.7
    # traded dev visit precision (the learned visit scorer, chosen by cross-validation on dev + train) for
    # recall on unseen news: dev 0.943 -> 0.911, train 0.603 -> 0.726, validation 0.687 -> 0.712.
    assert report["visits"]["f1"] >= 0.90
    assert report["status"]["accuracy"] >= 0.94
    assert report["dates"]["both_exact"] >= 0.94
    assert report["reactions"]["f1"] >= 0.79
    assert report["linking"]["linked"] >= 7


PROBES = PROBE_DIR / "probes.jsonl"
HOLDOUT = PROBE_DIR / "holdout.jsonl"
HOLDOUT2 = PROBE_DIR / "holdout2.jsonl"
HOLDOUT3 = PROBE_DIR / "holdout3.jsonl"
HOLDOUT4 = PROBE_DIR / "holdout4.jsonl"


def test_probe_set_floors():
    """Hand-written probe articles (tests/fixtures/probes/README.md): a regression check beyond the dev set.

    Floors sit a little below the figures measured when they were set (extractor
    0.5: visit F1 1.000, status 0.938, dates 0.969, reaction F1 0.909, linking
    14/16). Do not tune the extractor against these items; see the README.
    """
    for item in load_gold(PROBES):
        assert item["source"]["written_for"] == "diplowatch"
        for reaction in item["gold"]["reactions"]:
            assert reaction["quote"] in item["text"], item["id"]
    report = evaluate(PROBES)
    assert report["items"] == 28
    assert report["visits"]["f1"] >= 0.95
    assert report["status"]["accuracy"] >= 0.90
    assert report["dates"]["both_exact"] >= 0.90
    assert report["reactions"]["f1"] >= 0.87
    assert report["linking"]["linked"] >= 13


@pytest.mark.parametrize(
    ("path", "visit_floor"), [(HOLDOUT, 0.85), (HOLDOUT2, 0.75), (HOLDOUT3, 0.75), (HOLDOUT4, 0.70)]
)
def test_holdout_probes_are_scored(path, visit_floor):
    """Held-out rounds (README there): only their validity
    and a loose visit floor are pinned, not tuned figures."""
    items = load_gold(path)
    assert len(items) == 8 and all(i["source"]["written_for"] == "diplowatch" for i in items)
    for item in items:
        for reaction in item["gold"]["reactions"]:
            assert reaction["quote"] in item["text"], item["id"]
    report = evaluate(path)
    assert report["visits"]["f1"] >= visit_floor
