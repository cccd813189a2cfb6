"""The reaction classifier at run time, in the modes `make train` may choose for it ("add", "replace").

A model that `make train` switches on must run: the extractor once read a `threshold` attribute that only the
visit scorer has, so any chosen mode failed on the first article with a reaction candidate.
"""

from __future__ import annotations

import datetime as dt

import pytest

from diplowatch.nlp.reaction_scorer import STANCES, ReactionScorer

TEXT = (
    "PARIS, March 3 - French Foreign Minister Jean Dupont condemned the Iranian missile test on Monday, "
    "calling it a grave provocation."
)
DAY = dt.date(1987, 3, 3)


def _scorer(mode: str, bias: dict[str, float]) -> ReactionScorer:
    return ReactionScorer(
        {
            "mode": mode,
            "thresholds": dict.fromkeys(STANCES, 0.5),
            "models": {stance: {"bias": bias.get(stance, -30.0), "weights": {}} for stance in STANCES},
        }
    )


@pytest.fixture
def with_scorer(extractor):
    saved = extractor.reaction_scorer

    def use(scorer):
        extractor.reaction_scorer = scorer
        return extractor.extract("scorer-test", TEXT, DAY)[1]

    yield use
    extractor.reaction_scorer = saved


def _keys(rows) -> list[tuple[str, str]]:
    return sorted((r["reactor_code"], r["stance"]) for r in rows)


def test_add_mode_keeps_the_rules_reactions_once(with_scorer):
    rules = with_scorer(None)
    assert ("FRA", "negative") in _keys(rules)
    # A model that adds nothing leaves the rules' reactions as they are, each once.
    assert _keys(with_scorer(_scorer("add", {}))) == _keys(rules)


def test_replace_mode_keeps_only_the_models_keys(with_scorer):
    # Every candidate scores 1.0 for "positive" and 0 for the rest: the rules' negative is dropped, and the
    # model's positive key is kept from its best candidate.
    keys = _keys(with_scorer(_scorer("replace", {"positive": 30.0})))
    assert ("FRA", "negative") not in keys
    assert ("FRA", "positive") in keys
