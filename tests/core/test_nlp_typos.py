"""Typo tolerance for long trigger and institution words:
one letter dropped or added, never a real word changed."""

from __future__ import annotations

import datetime as dt

import pytest

from diplowatch.nlp.typos import correct_word, fix_institution_words, has_trigger_typo


@pytest.mark.parametrize(
    ("typo", "meant"),
    [("visted", "visited"), ("critcized", "criticized"), ("annouced", "announced"), ("visiited", "visited")],
)
def test_a_dropped_or_added_letter_in_a_trigger_is_forgiven(typo, meant):
    assert correct_word(typo) == meant


@pytest.mark.parametrize(
    "word", ["states", "visitor", "tourist", "protected", "warned", "visit", "leader", "statement"]
)
def test_real_words_and_short_words_are_not_typos(word):
    assert correct_word(word) is None


def test_institution_words_are_fixed_for_matching_only():
    assert fix_institution_words("the Goverment statement") == "the government statement"
    assert fix_institution_words("the Treasury statement") == "the Treasury statement"
    assert not has_trigger_typo("The minister's statement on trade was long.")
    assert has_trigger_typo("The minister visted Kenya.")


def test_misspelt_visit_verb_still_gives_a_visit(extractor):
    visits, _ = extractor.extract(
        "t", "Chilean Foreign Minister Rosa Vidal also visted Peru and Bolivia.", dt.date(2021, 3, 1)
    )
    assert {(v["visitor_code"], v["host_code"]) for v in visits} == {("CHL", "PER"), ("CHL", "BOL")}


def test_misspelt_institution_still_speaks_for_the_dateline_country(extractor):
    text = (
        'SANTIAGO, March 1 - "This loan shows our support for Peru\'s recovery plan," the Treassury '
        "statement said."
    )
    _, reactions = extractor.extract("t", text, dt.date(2021, 3, 1))
    assert ("CHL", "positive") in {(r["reactor_code"], r["stance"]) for r in reactions}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the model lemmatizes "fined", "fines", "fining" to "fin" and "lambasted" to "lambast"
        ("The U.S. government fined UBS on Friday.", {("USA", "negative")}),
        ("South Korea fines Microsoft for blocking competition.", {("KOR", "negative")}),
        ("China has lambasted Japan over the textbooks.", {("CHN", "negative")}),
        # guard: a verb whose lemma is right is left alone ("sued" is "sue")
        ("A U.S. regulator sued UBS on Friday.", {("USA", "negative")}),
    ],
)
def test_a_trigger_verb_the_lemmatizer_misreads_keeps_its_lemma(extractor, text, expected):
    from diplowatch.nlp import Extractor

    every_sentence = Extractor(exhaustive=True)
    every_sentence._nlp = extractor.nlp  # the session's loaded model
    _, reactions = every_sentence.extract("t", text, dt.date(2012, 6, 1))
    assert {(r["reactor_code"], r["stance"]) for r in reactions} == expected


def test_verb_lemmas_are_repaired_only_for_trigger_verbs(extractor):
    from diplowatch.nlp.typos import repair_verb_lemmas

    doc = extractor.nlp("The EU fined Microsoft and the birds flapped their fins.")
    repair_verb_lemmas(doc)
    assert {t.text: t.lemma_ for t in doc}["fined"] == "fine"
    assert {t.text: t.lemma_ for t in doc}["fins"] != "fine"


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        (
            "China s Xi Jinping met Russia s Vladimir Putin.",
            "China's Xi Jinping met Russia's Vladimir Putin.",
        ),
        ("We don t accept it, and it s over, I m sure.", "We don't accept it, and it's over, I'm sure."),
        ("They re sure we ll see what we ve done.", "They're sure we'll see what we've done."),
        # a lone letter that is no stripped apostrophe stays
        ("Plan B is set: the s-class.", "Plan B is set: the s-class."),
    ],
)
def test_apostrophes_a_feed_stripped_are_written_back(text, repaired):
    from diplowatch.nlp.typos import restore_apostrophes

    assert restore_apostrophes(text) == repaired and len(repaired) == len(text)
