"""Typed evidence: how an actor's state was found and what a visit's status was read from, as fields the
rules and the confidence score read (not the wording of the reason strings). Sentences written for these
tests."""

from __future__ import annotations

import datetime as dt

import pytest

from diplowatch.nlp.context import resolve_token_actor
from diplowatch.nlp.evidence import Found, Source, Step
from diplowatch.nlp.people import PeopleIndex
from diplowatch.nlp.visits import StatusBasis

DAY = dt.date(1987, 4, 15)  # a Wednesday


def _candidates(extractor, text: str, published: dt.date = DAY):
    article = {"article_id": "t", "text": text, "published_at": published, "title": None}
    [(ctx, docs)] = list(extractor.parsed_articles([article]))
    kept, _ = extractor.rule_visits(docs)
    return ctx, docs, kept


def test_a_persons_state_is_typed_by_where_it_came_from():
    text = (
        "WASHINGTON, April 15 - Vice President Daniel Hollis met Chilean Foreign Minister Rosa Vidal. "
        "Nakasone said the talks went well. The Treasury said it agreed. Later Hollis said so too."
    )
    index = PeopleIndex(text, DAY, home_code="USA")
    bush = next(p for p in index.people if p.name == "Daniel Hollis")
    vidal = next(p for p in index.people if p.name == "Rosa Vidal")
    nakasone = next(p for p in index.people if p.name == "Nakasone")
    treasury = next(p for p in index.people if p.title == "treasury")
    assert (bush.code, bush.found) == ("USA", Found(Source.DATELINE))
    assert bush.found.dateline_person and bush.found.from_dateline
    assert (vidal.code, vidal.found) == ("CHL", Found(Source.TEXT))
    assert (nakasone.code, nakasone.found) == ("JPN", Found(Source.LEADERS_TABLE))
    assert treasury.found == Found(Source.DATELINE_INSTITUTION)
    assert treasury.found.from_dateline and not treasury.found.dateline_person


def test_a_title_in_apposition_with_no_state_named_takes_the_dateline_as_such():
    """ "Ruth Calder, Secretary of Education": the dateline gives the state, and the evidence says so (the
    person's state is no more certain than a titled person's the text names no state for)."""
    text = "WASHINGTON, April 15 - Ruth Calder, Secretary of Education, met Rosa Vidal."
    index = PeopleIndex(text, DAY, home_code="USA")
    calder = next(p for p in index.people if p.name == "Ruth Calder")
    assert (calder.code, calder.is_state, calder.found) == ("USA", True, Found(Source.DATELINE))
    index = PeopleIndex(text.replace("Secretary of Education", "U.S. Secretary of Education"), DAY, "USA")
    calder = next(p for p in index.people if p.name == "Ruth Calder")
    assert (calder.code, calder.found) == ("USA", Found(Source.TEXT))


def test_a_mention_reached_through_another_keeps_its_source_and_the_step(extractor):
    text = "WASHINGTON, April 15 - Vice President Daniel Hollis said on Tuesday that he would visit Japan."
    ctx, docs, kept = _candidates(extractor, text)
    doc = docs[0]
    sent = doc._.diplowatch_sentence
    he = next(t for t in doc if t.lower_ == "he")
    actor = resolve_token_actor(he, ctx, sent)
    assert actor.code == "USA"
    assert actor.found == Found(Source.DATELINE, (Step.PRONOUN,))
    # through a pronoun, the state is still the dateline's, but no longer a person named by the dateline
    assert actor.found.from_dateline and not actor.found.dateline_person
    assert [(k.visitor.code, k.host_code) for k in kept] == [("USA", "JPN")]


def test_a_visitor_whose_state_only_the_dateline_gives_scores_lower(extractor):
    """The confidence of a visit whose visitor the dateline alone places (Found(DATELINE)) is lower than that
    of one the text names."""
    told = "WASHINGTON, April 15 - U.S. Vice President Daniel Hollis will visit Japan on Friday."
    untold = "WASHINGTON, April 15 - Vice President Daniel Hollis will visit Japan on Friday."
    [v_told], _ = extractor.extract("a", told, DAY)
    [v_untold], _ = extractor.extract("b", untold, DAY)
    assert (v_told["visitor_code"], v_untold["visitor_code"]) == ("USA", "USA")
    assert v_told["confidence"] > v_untold["confidence"]


@pytest.mark.parametrize(
    ("text", "basis"),
    [
        ("Japanese Prime Minister Yasuhiro Nakasone visited Washington last week.", StatusBasis.PAST_TENSE),
        (
            "Japanese Prime Minister Yasuhiro Nakasone had agreed at a summit in Washington to cut tariffs.",
            StatusBasis.PAST_PERFECT,
        ),
        (
            "Japanese Prime Minister Yasuhiro Nakasone said after visiting Washington that trade was fine.",
            StatusBasis.AFTER,
        ),
        (
            "Japanese Prime Minister Yasuhiro Nakasone will fly home after meeting Reagan in Washington.",
            StatusBasis.AFTER_UNDER_A_FUTURE,
        ),
        (
            "Japanese Prime Minister Yasuhiro Nakasone postponed his visit to Washington.",
            StatusBasis.POSTPONED,
        ),
        (
            "Japanese Prime Minister Yasuhiro Nakasone said during his visit to Washington it went well.",
            StatusBasis.DURING_THE_VISIT,
        ),
        (
            "Japanese Prime Minister Yasuhiro Nakasone spoke in Washington on Monday.",
            StatusBasis.DATED_BEFORE,
        ),
        ("Japanese Prime Minister Yasuhiro Nakasone will visit Washington next week.", StatusBasis.OTHER),
    ],
)
def test_a_visits_status_basis_is_typed(extractor, text, basis):
    _, _, kept = _candidates(extractor, text)
    assert [(k.visitor.code, k.host_code) for k in kept] == [("JPN", "USA")]
    assert kept[0].status_basis is basis
