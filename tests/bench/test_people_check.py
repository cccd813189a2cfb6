"""bench/people_check.py: the gold's named actors against the people index, counted by outcome."""

from __future__ import annotations

import json

from bench.people_check import check


def test_counts_resolved_unresolved_and_misread_people(tmp_path):
    item = {
        "id": "a1",
        "published_at": "1987-03-05",
        "title": None,
        "text": (
            "TOKYO, March 5 - Indonesian Energy Minister Adi Subroto said prices would hold. "
            "Trade Minister Jan Vermeer said exports would grow."
        ),
        "gold": {
            "visits": [{"visitor": "Indonesian Energy Minister Adi Subroto", "visitor_code": "IDN"}],
            "reactions": [
                {"reactor": "Trade Minister Jan Vermeer", "reactor_code": "NLD"},  # read as the dateline's
                {"reactor": "Japan", "reactor_code": "JPN"},  # a state, not a person: not counted
            ],
        },
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(item) + "\n", encoding="utf-8")
    counts, misses = check([path])
    assert counts == {("visits", "ok"): 1, ("reactions", "other"): 1}
    assert [(m[1], m[2], m[4][0]) for m in misses] == [("reactions", "NLD", "JPN")]
