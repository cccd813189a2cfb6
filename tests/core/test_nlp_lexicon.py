"""Surface forms the pre-filter matches: the lexicon's lemmas inflected, regular and irregular."""

from __future__ import annotations

import pytest

from diplowatch.nlp.lexicon import inflections


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        # a final consonant after one vowel doubles ("regretted", "expelled", "snubbed", British "labelled")
        ("regret", {"regretted", "regretting", "regrets"}),
        ("expel", {"expelled", "expelling"}),
        ("snub", {"snubbed"}),
        ("label", {"labelled", "labeled"}),
        # irregular pasts of the idioms' verbs ("took aim at", "gave its backing to", "laid the blame on")
        ("take", {"took", "taken"}),
        ("give", {"gave", "given"}),
        ("lay", {"laid"}),
    ],
)
def test_inflections_hold_the_forms_the_prefilter_must_see(lemma, forms):
    assert forms <= inflections(lemma)


def test_a_stance_verb_with_a_doubled_consonant_passes_the_prefilter(extractor):
    """The pre-filter matches surface forms: "regretted" must be one of "regret"'s for this to be read."""
    _, reactions = extractor.extract("t", "Germany regretted the Greek decision to hold a referendum.", None)
    assert {(r["reactor_code"], r["stance"]) for r in reactions} == {("DEU", "negative")}


def test_a_stop_in_a_capital_passes_the_prefilter(extractor):
    """ "will stop in Beijing": the visit rules read a stop as a trip; the pre-filter must let it through."""
    text = "French Foreign Minister Marc Roux will stop in Beijing on Friday."
    visits, _ = extractor.extract("t", text, None)
    assert {(v["visitor_code"], v["host_code"], v["status"]) for v in visits} == {("FRA", "CHN", "planned")}
