"""How `make train` picks the visit scorer's and the status classifier's settings from cross-validation."""

from __future__ import annotations

from diplowatch.nlp.train import ADD_MARGIN, C_GRID, OFF, THRESHOLDS, choose_added, choose_status


def _results(f1_of) -> dict:
    results = {("rules", None): {"all": (0.9, 0.5, 0.70)}}
    for c in C_GRID:
        for t in THRESHOLDS:
            results[(c, t)] = {"all": (0.8, 0.6, f1_of(c, t))}
    return results


def test_a_larger_c_must_beat_a_smaller_one_by_more_than_noise():
    # C=0.3 is better by 0.0002 only: the more regularized C=0.1 is chosen, at its own best threshold.
    chosen = choose_added(
        _results(lambda c, t: 0.7312 + (0.0002 if c == 0.3 else 0) + (0.001 if t == 0.3 else 0))
    )
    assert chosen == (0.1, 0.3)


def test_a_clearly_better_larger_c_is_chosen():
    chosen = choose_added(_results(lambda c, t: 0.72 + (0.02 if (c, t) == (1.0, 0.5) else 0)))
    assert chosen == (1.0, 0.5)


def test_no_gain_over_the_rules_switches_the_scorer_off():
    assert choose_added(_results(lambda _c, _t: 0.70 + ADD_MARGIN / 2))[1] == OFF


def test_status_ties_go_to_the_smallest_c():
    # Better on the scorer's mentions at every C, equally well: the most regularized C wins.
    results = {c: {"rule": (0.8, 0.78, 200), "scorer": (0.46, 0.60, 80)} for c in C_GRID}
    assert choose_status(results) == (min(C_GRID), "scorer")
