"""The extractor's speed-ups change no result: the attribute ruler matched by look-up, the lemmatizer's word
lists as sets, the title regexes tried only where a title starts, and the article gate before sentence
splitting (it drops only articles the sentence filter would drop). Fast vs exhaustive on texts written for
these tests, and over ../shared/eval when it is there. No timings here: bench/extract_speed.py measures speed.
"""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from diplowatch.nlp import Extractor
from diplowatch.nlp.attribute_rules import FastAttributeRuler
from diplowatch.nlp.context import ArticleContext, Limits
from diplowatch.nlp.people import _TITLE_OF_THEN_NAME, _TITLED, _title_matches
from diplowatch.nlp.prefilter import article_gate, candidate_sentences
from tests.fixtures.paths import requires_shared

MONDAY = dt.date(2021, 3, 1)
SENTENCES = [
    "Canadian Foreign Minister Anne Roy arrived in Tokyo on Monday for talks with Japanese officials.",
    'Swiss Foreign Minister Ana Keller said the Iranian proposal was "not helpful".',
    "Shares of the carmaker rose 3 percent after it said demand for its trucks held up in the quarter.",
    "I ain't gonna go, y'all, but there are two ways and it is what it is.",
    "Let's see whether he's gotta leave; c'mon, nothin' is done till they've voted.",
    "The ministers did not say if they had met, because the talks were held in secret.",
    "That was what we wanted: this one, not those.  It's over.",
]
ARTICLES = [
    # a visit, a reaction, business news, a domestic story, a stance between states, a typo ("visted")
    "OTTAWA, March 1 - Canadian Foreign Minister Anne Roy arrived in Tokyo on Monday for talks with Japanese "
    "officials.\nThe talks will cover trade, a ministry spokesman said.",
    'Swiss Foreign Minister Ana Keller said the Iranian proposal was "not helpful". Markets were calm.',
    "Shares of the carmaker rose 3 percent after it said demand for its trucks held up in the quarter. "
    "The company's president said the outlook was good.",
    "The city council met on Tuesday to discuss the new bus lanes. The mayor said he was pleased.",
    "China criticised Japan over the dispute, and the talks collapsed. Analysts said trade would suffer.",
    "President Lula visted Argentina last week. He met Argentine officials in Buenos Aires.",
    "Profits fell. Chief executive John Smith said the company would cut 300 jobs in Ohio.",
]


def _parsed_only(nlp, texts):
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        return list(nlp.pipe(texts))


def test_fast_attribute_rules_give_spacy_s_attributes(extractor):
    nlp = spacy.load(extractor.model_name, exclude=["ner"])
    ruler = nlp.get_pipe("attribute_ruler")
    fast = FastAttributeRuler.from_ruler("fast", ruler)
    assert fast is not None
    docs = _parsed_only(nlp, SENTENCES * 2)
    cols = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
    for doc in docs:
        a, b = doc.copy(), doc.copy()
        ruler(a)
        fast(b)
        assert (a.to_array(cols) == b.to_array(cols)).all(), doc.text
    assert "diplowatch_attribute_rules" in extractor.nlp.pipe_names
    assert "attribute_ruler" not in extractor.nlp.pipe_names


def test_patterns_outside_the_handled_subset_keep_spacy_s_ruler():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"LEMMA": "x"})
    assert FastAttributeRuler.from_ruler("fast", ruler) is None


def test_extractor_pipeline_gives_a_plain_pipeline_s_annotations(extractor):
    plain = spacy.load(extractor.model_name, exclude=["ner"])
    cols = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
    for mine, theirs in zip(extractor.nlp.pipe(SENTENCES), plain.pipe(SENTENCES), strict=True):
        assert (mine.to_array(cols) == theirs.to_array(cols)).all(), mine.text
    table = extractor.nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert all(isinstance(words, frozenset) for _, words in table.items())


@pytest.mark.parametrize(
    "text",
    [
        "Deputy Prime Minister Jan Novak met Foreign Secretary David Miliband and President of France, "
        "Jacques Chirac.",
        "xMinister John said. the PRESIDENT Bush spoke; Under Secretary of State John Whitehead left.",
        "ſecretary John Smith and vice-president Dan Quayle (Kelvin: \u212a) arrived.",
        "Pentagon spokesman Geoff Morrell and Secretary-General Ban Ki-moon, \u201cPrime Minister\u201d Abe.",
    ],
)
def test_title_regexes_find_the_same_matches(text):
    for rx in (_TITLED, _TITLE_OF_THEN_NAME):
        expected = [(m.span(), m.groupdict()) for m in rx.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in _title_matches(rx, text)] == expected


@pytest.mark.parametrize("text", ARTICLES)
def test_article_gate_drops_only_articles_without_candidate_sentences(text):
    ctx = ArticleContext("a", text, MONDAY, None)
    found = article_gate(ctx.text, MONDAY, Limits().max_sentence_chars)
    if found is None:
        assert candidate_sentences(ctx) == []
    else:
        assert candidate_sentences(ctx, found) == candidate_sentences(ctx)


def test_article_gate_rejects_business_news_and_passes_diplomacy():
    assert article_gate(ARTICLES[2], MONDAY) is None
    assert article_gate(ARTICLES[3], MONDAY) is None
    assert article_gate(ARTICLES[0], MONDAY) is not None


def test_article_gate_passes_what_the_sentence_filter_passes_on_a_duty_alone():
    # a speech verb with a duty of another state and no stance or travel word: the sentence rule "a foreign
    # state's duty" takes it, so the gate's first test must not reject the article before it
    text = "U.S. Treasury Secretary Timothy Geithner stressed that China must let the yuan rise."
    ctx = ArticleContext("a", text, MONDAY, None)
    assert candidate_sentences(ctx) == [0]
    assert article_gate(text, MONDAY) is not None


def test_fast_and_exhaustive_rows_agree_on_written_articles(extractor):
    exhaustive = Extractor(exhaustive=True)
    exhaustive._nlp = extractor.nlp
    articles = [{"article_id": f"a{i}", "text": t, "published_at": MONDAY} for i, t in enumerate(ARTICLES)]
    fast = list(extractor.extract_batch(articles, notes=True))
    assert fast == list(exhaustive.extract_batch(articles, notes=True))
    assert any(v for _, v, _, _ in fast) and any(r for _, _, r, _ in fast)


def test_a_gated_article_keeps_its_limit_notes(extractor):
    small = Extractor(limits=Limits(max_article_chars=300, max_sentence_chars=100))
    small._nlp = extractor.nlp
    text = "Shares rose " + "and fell " * 40 + ". The company said sales were flat."
    ((_, visits, reactions, notes),) = small.extract_batch([{"article_id": "b", "text": text}], notes=True)
    assert (visits, reactions) == ([], [])
    assert notes == ArticleContext("b", text, None, None, small.limits).notes and len(notes) == 2


# Gold articles whose fast-path rows differ from the exhaustive path's (extractor 0.8): the exhaustive mode
# finds an event in a sentence the sentence filter does not pass (docs/extraction.md, "Fast path against
# --exhaustive"). The gate adds none: it drops only articles without candidate sentences. Gone since (the
# pre-filter's rules of speech at a named place, stance words between two states in the gate, and position
# adjectives as stance words; bench/dump_rows.py --diff shows their rows equal): dev:reuters21578-10311,
# train:rtr0613-28000, train:rtr0613-71486. Added with the ECB as an EU body: train:rtr0613-87011, where only
# the exhaustive mode reads a party leader's opposition to the lenders' cuts (a false reaction it finds).
# Added with four-letter capital datelines ("ROME (Reuters)" now names Italy): train:rtr0613-66894 and
# train:rtr0613-67655, where only the exhaustive mode reads an Italian union head's and a coalition's words
# as the dateline state's (false reactions it finds in sentences the filter does not pass). Added with
# "visiting" as an adjective trigger whose host is the one addressing the visitor: validation:rtr0613-83824,
# where only the exhaustive mode reads a visiting-role mention in a sentence the filter does not pass (found
# by bisecting the commits; the row itself was not read, as validation's outputs are not studied). Added with
# talks held with a dateline official (extractor 0.13): validation:rtr0613-56172, where only the exhaustive
# mode reads a "meetings" mention placed by its partner in a sentence the filter does not pass (only the
# trigger word and how the host was found were printed). Added with the partners of a meeting as travellers:
# train:rtr0613-27036, where Merkel at Sarkozy's news conference in Paris makes her a visitor, and only the
# exhaustive mode reads a neutral German statement (a headline run into the next sentence) as about her trip.
# Gone with the pre-filter's "travel word in a visit story" rule (extractor 0.13): train:reuters21578-4008
# ("Clark today held discussions with Treasury Secretary James Baker", a right visit only the exhaustive mode
# had found), train:rtr0613-49746, train:rtr0613-59905, train:rtr0613-66894, train:rtr0613-87011,
# validation:reuters21578-8107 and validation:rtr0613-56172. Gone with "al-Sisi" read as "Sisi" by the
# pre-filter's state people too: train:isot-prashanthsun-156 ("Sisi is in Paris until Oct 25").
# Added with extractor 0.23: train:rtr0613-17613, where "The European Commission ... has charged that Intel
# has made payments" names one state side only (Intel is given no nationality), so no sentence rule passes
# it; the exhaustive mode takes its target from the sentences around (a right EU reaction only it finds).
# Added with extractor 0.33 (a stance aimed at the state people of the sentence before):
# dev:reuters21578-7033 ("Some banks, mostly Japanese, want a lower capital ratio" read as Japan's) and
# train:isot-aafaqaaf-148 (Senator Ron Johnson read as Britain's Boris Johnson by the leaders table), where
# the exhaustive mode now finds a target for a speaker it already misread, in sentences the filter does not
# pass (false reactions only it finds; the fast path's rows are unchanged).
# Added with extractor 0.39 (Europe named as a party is the EU for a speaker outside Europe):
# train:rtr0613-49114, where only the exhaustive mode reads Canada's Flaherty answering "Some of the G20
# countries, including some of the European countries" (a sentence the filter does not pass, naming no state)
# as aimed at the EU; the gold's Canadian negative reaction is the sentence before, which neither mode finds.
KNOWN_FAST_EXHAUSTIVE_DIFFERENCES = {
    "dev:reuters21578-7033",
    "train:isot-aafaqaaf-148",
    "train:isot-prashanthsun-203",
    "train:isot-prashanthsun-58",
    "train:reuters21578-15206",
    "train:reuters21578-20891",
    "train:rtr0613-27036",
    "train:rtr0613-31871",
    "train:rtr0613-67655",
    "train:rtr0613-17613",
    "train:rtr0613-49114",
    "validation:rtr0613-83824",
}


def _gold_articles() -> list[dict]:
    from diplowatch.evaluate import _parse_date, load_gold

    out = []
    for split in ("dev", "train", "validation"):
        for i, item in enumerate(load_gold(requires_shared(f"eval/{split}.jsonl"))):
            aid = f"{split}:{item.get('id') or i}"
            out.append(
                {
                    "article_id": aid,
                    "text": item["text"],
                    "published_at": _parse_date(item.get("published_at")),
                }
            )
    return out


def test_article_gate_is_sound_on_the_gold_articles():
    for article in _gold_articles():
        ctx = ArticleContext(article["article_id"], article["text"], article["published_at"], None)
        if article_gate(ctx.text, ctx.published_at, Limits().max_sentence_chars) is None:
            assert candidate_sentences(ctx) == [], article["article_id"]


def test_fast_rows_equal_exhaustive_rows_on_gold_but_the_known_exceptions(extractor):
    articles = _gold_articles()
    exhaustive = Extractor(exhaustive=True)
    exhaustive._nlp = extractor.nlp
    fast = {aid: (v, r) for aid, v, r in extractor.extract_batch(articles)}
    full = {aid: (v, r) for aid, v, r in exhaustive.extract_batch(articles)}
    differ = {aid for aid in fast if fast[aid] != full[aid]}
    assert differ <= KNOWN_FAST_EXHAUSTIVE_DIFFERENCES, sorted(differ - KNOWN_FAST_EXHAUSTIVE_DIFFERENCES)


def test_talks_held_are_no_speech_verb_for_the_pre_filter():
    # "talk" places its speaker ("Talking to journalists before a meeting here"), but the plural "talks" is
    # nearly always the talks held: as a speech verb it would send every sentence with "talks" to the parser
    from diplowatch.nlp.prefilter import PRESENCE_VERB, _word_classes

    classes = _word_classes()
    assert classes["talking"] & PRESENCE_VERB
    assert classes["talked"] & PRESENCE_VERB
    assert not classes["talks"] & PRESENCE_VERB
