"""The extractor's spaCy components, pre-filter table, work limits and learned parts, on texts written for
these tests."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import spacy

from diplowatch.nlp import Extractor
from diplowatch.nlp.context import ArticleContext, Limits
from diplowatch.nlp.prefilter import SENTENCE_RULES, article_gate, candidate_sentences
from diplowatch.nlp.segment import bound_sentences, split_sentences

MONDAY = dt.date(2021, 3, 1)
VISIT = "Canadian Foreign Minister Anne Roy arrived in Tokyo on Monday for talks with Japanese officials."
REACTION = 'Swiss Foreign Minister Ana Keller said the Iranian proposal was "not helpful".'
BUSINESS = "Shares of the carmaker rose 3 percent after it said demand for its trucks held up in the quarter."


@pytest.fixture(scope="module")
def pipeline(extractor):
    """A plain English pipeline (the session's model) with diplowatch's two factories, as a user adds them."""
    import diplowatch.nlp.components  # noqa: F401 - registers the factories

    nlp = spacy.load(extractor.model_name, exclude=["ner"])
    nlp.add_pipe("diplowatch_visits")
    nlp.add_pipe("diplowatch_reactions")
    return nlp


def test_factories_annotate_a_whole_article_doc(pipeline):
    doc = pipeline(f"{VISIT}\n{BUSINESS}\n{REACTION}")
    assert {(v.visitor.code, v.host_code, v.status) for v in doc._.visits} == {("CAN", "JPN", "ongoing")}
    assert {(r.speaker.code, r.stance) for r in doc._.reactions} == {("CHE", "negative")}
    assert all(v in doc._.visit_candidates for v in doc._.visits)


def test_the_reaction_factory_alone_repairs_the_lemmas_it_reads(extractor):
    # without the visit component before it, the reaction component still reads "fined" as "fine"
    import diplowatch.nlp.components  # noqa: F401 - registers the factories

    nlp = spacy.load(extractor.model_name, exclude=["ner"])
    nlp.add_pipe("diplowatch_reactions")
    doc = nlp("The U.S. government fined UBS on Friday for helping clients evade taxes.")
    assert {(r.speaker.code, r.stance) for r in doc._.reactions} == {("USA", "negative")}


def test_the_extractor_uses_the_same_components(extractor):
    assert {"diplowatch_visits", "diplowatch_reactions"} <= set(extractor.nlp.component_names)
    visits, reactions = extractor.extract("t", f"{VISIT}\n{REACTION}", MONDAY)
    assert {(v["visitor_code"], v["host_code"]) for v in visits} == {("CAN", "JPN")}
    assert {(r["reactor_code"], r["stance"]) for r in reactions} == {("CHE", "negative")}


def test_lemma_memo_gives_the_lemmatizer_s_own_lemmas(extractor):
    plain = spacy.load(extractor.model_name, exclude=["ner"])
    texts = [VISIT, REACTION, BUSINESS, "He has been visiting them, and they were n't pleased about it."] * 2
    memo = [[t.lemma_ for t in d] for d in extractor.nlp.pipe(texts)]
    assert memo == [[t.lemma_ for t in d] for d in plain.pipe(texts)]
    assert not extractor.nlp.has_pipe("lemmatizer") or "lemmatizer" not in extractor.nlp.pipe_names


def test_prefilter_rules_are_named_and_skip_business_news():
    names = [name for name, _ in SENTENCE_RULES]
    assert len(names) == len(set(names)) and "visit" in names
    ctx = ArticleContext("a", f"{BUSINESS}\n{VISIT}\n{BUSINESS}\n{REACTION}", MONDAY, None)
    assert candidate_sentences(ctx) == [1, 3]
    assert candidate_sentences(ArticleContext("b", f"{BUSINESS}\n{BUSINESS}", MONDAY, None)) == []


def _candidates(text: str) -> list[int]:
    """The pre-filter's candidate sentences, checked against its article gate (which must not drop them)."""
    ctx = ArticleContext("p", text, MONDAY, None)
    found = article_gate(ctx.text, MONDAY, Limits().max_sentence_chars)
    picked = candidate_sentences(ctx)
    assert (found is not None) or picked == []
    return picked


@pytest.mark.parametrize(
    "text",
    [
        # a fronted place: the visit rules read "In <place>" as where the speaker spoke
        "In Lisbon, Foreign Minister Rui Pinto said the accord could be signed next month.",
        # a speech verb's own "in" phrase
        "The statement came late.\nPrime Minister Rui Pinto had said in Madrid that the accord could wait.",
    ],
)
def test_prefilter_passes_a_state_person_speaking_in_a_named_place(text):
    assert _candidates(text) == [text.count("\n")]


def test_prefilter_passes_a_state_person_speaking_here():
    text = (
        "MADRID, May 4 - Spain criticised Portugal over the fishing quotas.\n"
        "Finance Minister Carlos Vidal told a news conference here that the budget would pass."
    )
    assert 1 in _candidates(text)


def test_prefilter_passes_a_strong_stance_word_of_an_official_on_a_state():
    # "refused" is a strong stance word but no stance cue: the sentence holds the gate's test alone
    assert _candidates("A Defence Ministry spokesman refused comment on the Japanese proposal.") == [0]


def test_prefilter_passes_a_state_named_a_critic_of_another():
    # "critics of" is a stance word for the pre-filter as it is for the reaction rules (_holder_attribute)
    text = "Germany has been one of the most fervent critics of Switzerland's banking secrecy laws."
    assert _candidates(text) == [0]


def test_prefilter_passes_a_meeting_between_two_states_with_an_official():
    text = (
        "Kenyan Trade Minister Paul Otieno held meetings with Ugandan officials on a regional trade mission."
    )
    assert _candidates(text) == [0]


def test_prefilter_knows_a_state_person_by_the_name_without_its_article():
    text = "Egyptian President Abdel Fattah al-Sisi left for Europe.\nSisi is in Paris until Friday."
    assert 1 in _candidates(text)


def test_prefilter_passes_any_travel_word_of_an_official_in_a_visit_story():
    text = (
        "OTTAWA, May 4 - Kenyan Trade Minister Paul Otieno arrived in Ottawa for a visit.\n"
        "Otieno today held discussions with Treasury Secretary John Mills and two senators."
    )
    assert _candidates(text) == [0, 1]


@pytest.mark.parametrize(
    "text",
    [
        "Japan has asked India to lower the price of its iron ore, trade sources reported.",
        # a position adjective with its preposition is a stance word
        "Thai exporters were critical of the Malaysian plan for rubber.",
    ],
)
def test_prefilter_passes_a_stance_word_between_two_states_without_a_strong_word(text):
    assert _candidates(text) == [0]


def test_over_long_sentences_are_cut_at_safe_boundaries_with_offsets_kept():
    text = "Opening words; " + "alpha beta, gamma delta " * 400 + "end."
    (sentence,) = split_sentences(text)
    pieces, notes = bound_sentences([sentence], 500)
    assert len(pieces) > 1 and len(notes) == 1 and "cut into" in notes[0]
    assert all(len(p.text) <= 500 and text[p.start : p.end] == p.text for p in pieces)
    assert [p.index for p in pieces] == list(range(len(pieces)))
    unbroken = "x" * 1_300  # no space at all: cut at the limit itself
    pieces, _ = bound_sentences(split_sentences(unbroken), 500)
    assert [len(p.text) for p in pieces] == [500, 500, 300]


def test_limits_bound_the_article_and_are_reported(extractor):
    limited = Extractor(
        extractor.model_name, limits=Limits(max_article_chars=20_000, max_sentence_chars=1_000)
    )
    limited._nlp = extractor.nlp
    filler = " ".join(["the committee discussed budgets"] * 2_000)  # ~64k chars, no full stop
    text = f"{VISIT}\n{filler}\n{REACTION}"
    ((aid, visits, reactions, notes),) = limited.extract_batch(
        [{"article_id": "long", "text": text, "published_at": MONDAY, "title": None}], notes=True
    )
    assert aid == "long"
    assert any("only the first 20,000" in n for n in notes) and any("cut into" in n for n in notes)
    assert {(v["visitor_code"], v["host_code"]) for v in visits} == {("CAN", "JPN")}
    assert reactions == []  # the reaction sits past the characters read
    for row in visits:
        assert text[row["char_start"] : row["char_end"]] == row["sentence"]
    ((_, _, _),) = limited.extract_batch(
        [{"article_id": "s", "text": VISIT, "published_at": MONDAY, "title": None}]
    )


def test_a_single_huge_line_is_read_within_the_limits(extractor):
    limited = Extractor(extractor.model_name, limits=Limits(max_article_chars=30_000, max_sentence_chars=800))
    limited._nlp = extractor.nlp
    text = "word " * 1_000_000  # 5 MB, one line, no full stop
    ((_, visits, reactions, notes),) = limited.extract_batch(
        [{"article_id": "huge", "text": text, "published_at": MONDAY, "title": None}], notes=True
    )
    assert (visits, reactions) == ([], [])
    assert any("5,000,000 chars" in n for n in notes)


def test_learned_parts_match_the_features_the_code_produces(extractor):
    from diplowatch.nlp.status_classifier import MODEL_PATH as STATUS_PATH
    from diplowatch.nlp.visit_scorer import MODEL_PATH as VISIT_PATH
    from diplowatch.nlp.visit_scorer import article_candidates

    visit_model = json.loads(VISIT_PATH.read_text())
    status_model = json.loads(STATUS_PATH.read_text())
    assert 0 < visit_model["threshold"] <= 1.01 and status_model["scope"] in {"none", "scorer", "all"}
    articles = [
        {
            "article_id": "t",
            "text": "Japanese Prime Minister Taro Sato met Chinese officials in Beijing on "
            "Monday during a visit to China and Vietnam.",
            "published_at": MONDAY,
            "title": None,
        }
    ]
    ((ctx, docs),) = list(extractor.parsed_articles(articles))
    kept, _ = extractor.rule_visits(docs)
    cands = article_candidates(ctx, docs, kept)
    assert {("JPN", "CHN"), ("JPN", "VNM")} <= {(c.visitor.code, c.host_code) for c in cands}
    known = set(visit_model["weights"])
    # A renamed feature would leave the committed weights stale: every candidate must share features with
    # them.
    assert all(set(c.features) & known for c in cands)


def test_training_refuses_the_validation_split(monkeypatch):
    from diplowatch.nlp import train

    monkeypatch.setattr("sys.argv", ["train", "--gold", "dev.jsonl", "--gold", "validation.jsonl"])
    with pytest.raises(SystemExit):
        train.main()


def test_a_wire_heading_run_into_its_paragraph_is_a_sentence_of_its_own():
    text = (
        "Talks went on all week. TRADE ROW DEEPENS Italy criticized the tariffs.\n"
        "OPEC President Ali Said spoke next. G7 LOOMS With talks near, nothing moved."
    )
    got = [s.text for s in split_sentences(text)]
    assert got == [
        "Talks went on all week.",
        "TRADE ROW DEEPENS",
        "Italy criticized the tariffs.",
        # one upper-case word is as often an acronym beginning the sentence
        "OPEC President Ali Said spoke next.",
        "G7 LOOMS",
        "With talks near, nothing moved.",
    ]
    assert all(text[s.start : s.end] == s.text for s in split_sentences(text))


def test_a_bulleted_list_run_on_in_one_line_is_an_item_per_sentence():
    text = (
        "TOP DEVELOPMENTS * The ministers met in Oslo, an official said on Monday. * Canada hopes the talks "
        "go well. POLICY * Chile said it had no plans.\nA 5*3 grid and *emphasis* stay whole."
    )
    got = [s.text for s in split_sentences(text)]
    assert got == [
        "TOP DEVELOPMENTS",
        "The ministers met in Oslo, an official said on Monday.",
        "Canada hopes the talks go well.",
        "POLICY",
        "Chile said it had no plans.",
        "A 5*3 grid and *emphasis* stay whole.",
    ]
    assert all(text[s.start : s.end] == s.text for s in split_sentences(text))


def test_a_heading_of_two_clauses_run_into_its_paragraph_is_a_sentence_of_its_own():
    text = "Growth slowed. EURO ZONE SHAKY, U.S. IMPROVES Blanchard praised the new firewalls."
    assert [s.text for s in split_sentences(text)] == [
        "Growth slowed.",
        "EURO ZONE SHAKY, U.S. IMPROVES",
        "Blanchard praised the new firewalls.",
    ]
    # guard: an agency's acronym after a country's is a title, not a heading
    agency = "Growth slowed. U.S. EPA Administrator Lisa Jackson said so."
    assert [s.text for s in split_sentences(agency)] == [
        "Growth slowed.",
        "U.S. EPA Administrator Lisa Jackson said so.",
    ]


def test_a_content_clause_hung_on_a_speech_occasion_is_what_was_said(extractor):
    from diplowatch.nlp.parse_repair import repair_content_clauses

    nlp = extractor.nlp
    # The parser hangs the "that" clause on "debate" as a relative clause (its "that" an object of "preserve",
    # which has one already): no gap, so it is what was charged.
    doc = nlp("The envoy charged during the Council debate that Canada was trying to preserve domestic jobs.")
    repair_content_clauses(doc)
    charged = next(t for t in doc if t.lower_ == "charged")
    trying = next(t for t in doc if t.lower_ == "trying")
    assert trying.head == charged and trying.dep_ == "ccomp"
    assert [t.dep_ for t in doc if t.lower_ == "that"] == ["mark"]
    # a true relative clause keeps its gap and stays where it is
    relative = nlp("The minister spoke at a meeting that lasted two hours.")
    before = [(t.head.i, t.dep_) for t in relative]
    repair_content_clauses(relative)
    assert [(t.head.i, t.dep_) for t in relative] == before
    # a clause on what is reported, not on an occasion, is the report's
    asked = nlp("Asked about reports that Nigeria was pressured, the minister said terms were flexible.")
    before = [(t.head.i, t.dep_) for t in asked]
    repair_content_clauses(asked)
    assert [(t.head.i, t.dep_) for t in asked] == before


def _repaired(nlp, text: str, repair) -> dict:
    """The tokens of `text`, by their text, after one repair of its parse."""
    doc = nlp(text)
    repair(doc)
    return {t.text: t for t in doc}


def _left_alone(nlp, text: str, repair) -> bool:
    """Whether a repair leaves the parse of `text` as the parser made it."""
    doc = nlp(text)
    before = [(t.head.i, t.dep_) for t in doc]
    repair(doc)
    return [(t.head.i, t.dep_) for t in doc] == before


def test_a_weekday_before_the_clause_subject_is_the_time_of_saying(extractor):
    from diplowatch.nlp.parse_repair import repair_weekday_subjects

    nlp = extractor.nlp
    # The parser reads "Sunday Greece" as one name, the object of "on": the clause loses its subject.
    by_text = _repaired(
        nlp,
        "German Finance Minister Wolfgang Schaeuble said on Sunday Greece should cut its deficit.",
        repair_weekday_subjects,
    )
    assert (by_text["Sunday"].dep_, by_text["Sunday"].head.text) == ("pobj", "on")
    assert (by_text["Greece"].dep_, by_text["Greece"].head.text) == ("nsubj", "cut")
    # a weekday read as a compound of a subject the clause has is only parted from it
    by_text = _repaired(
        nlp,
        "The minister said on Monday Rome did not believe a downgrade was likely.",
        repair_weekday_subjects,
    )
    assert (by_text["Monday"].dep_, by_text["Monday"].head.text) == ("pobj", "on")
    assert (by_text["Rome"].dep_, by_text["Rome"].head.text) == ("nsubj", "believe")
    # guard: a weekday already the object of "on" is left alone
    assert _left_alone(nlp, "Trichet said on Monday that European leaders must act.", repair_weekday_subjects)


def test_a_trip_verb_takes_its_place_not_a_clause(extractor):
    from diplowatch.nlp.parse_repair import repair_trip_participles

    nlp = extractor.nlp
    # The parser reads "Paris hoping to win new loans" as a clause with "Paris" for its subject.
    by_text = _repaired(
        nlp, "The minister recently visited Paris hoping to win new loans.", repair_trip_participles
    )
    assert (by_text["Paris"].dep_, by_text["Paris"].head.text) == ("dobj", "visited")
    assert (by_text["hoping"].dep_, by_text["hoping"].head.text) == ("advcl", "visited")
    # guard: a verb of seeing does take such a clause ("saw Japan taking steps")
    assert _left_alone(
        nlp, "The minister saw Japan taking steps to open its market.", repair_trip_participles
    )


def test_here_after_a_speech_verb_is_where_it_was_said(extractor):
    from diplowatch.nlp.parse_repair import repair_here

    nlp = extractor.nlp
    doc = nlp(
        "West German Finance Minister Gerhard Stoltenberg told journalists here he was aware of pressure."
    )
    repair_here(doc)
    here = next(t for t in doc if t.lower_ == "here")
    assert here.head.lower_ == "told"
    # "here" inside a clause opened by "that" is the clause's
    inside = nlp("Stoltenberg told journalists that here the rates would fall.")
    before = [(t.head.i, t.dep_) for t in inside]
    repair_here(inside)
    assert [(t.head.i, t.dep_) for t in inside] == before
