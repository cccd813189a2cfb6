"""Learned visit scorer: every (state person, foreign place) pair of a parsed sentence is a candidate visit,
and a small logistic model over typed features (trained by `make train` from dev + train only) keeps the
likely ones the rules missed.

The model is a JSON table of feature weights (diplowatch/data/visit_scorer.json), read without scikit-learn
at run time.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Token

from diplowatch.nlp.actors import DATA_DIR, Place, gazetteer
from diplowatch.nlp.context import Actor, ArticleContext, state_actors
from diplowatch.nlp.dates import find_dates
from diplowatch.nlp.lexicon import lexicon, resident_title
from diplowatch.nlp.segment import Sentence
from diplowatch.nlp.visits import StatusBasis, VisitCandidate, Why, several_days, token_at
from diplowatch.nlp.visits import _attach_dates as attach_dates
from diplowatch.nlp.visits import _in_dateline as in_dateline
from diplowatch.nlp.visits import _private_purpose as private_purpose
from diplowatch.nlp.visits import _status as visit_status

MODEL_PATH = DATA_DIR / "visit_scorer.json"
_ACTOR_DEPS = {"nsubj", "nsubjpass", "poss", "pobj", "appos", "dobj", "conj", "attr", "agent", "ROOT"}
_MODALS = {"will", "would", "may", "might", "could", "should", "'ll", "shall"}


@dataclass
class PairCandidate:
    """A possible visit: a state person of the sentence and a place of another state named in it."""

    sentence: Sentence
    visitor: Actor
    visitor_tok: Token
    host_code: str
    location: str | None
    place_tok: Token | None
    features: list[str] = field(default_factory=list)
    score: float = 0.0


@lru_cache(maxsize=1)
def _travel_lemmas() -> frozenset[str]:
    lex = lexicon()
    return frozenset(
        {*lex["visit_verbs"], *lex["visit_nouns"], *lex["prefilter"]["strong_visit"], "visiting", "attend"}
    )


def _visitors(doc: Doc, sent: Sentence, ctx: ArticleContext) -> list[tuple[Actor, Token]]:
    """State people (and titled offices, IGO heads) of the sentence, one per state: a country as such does not
    travel."""
    return state_actors(
        doc, sent, ctx, _ACTOR_DEPS, skip_media=False, keep=lambda a: a.kind != "state" or a.has_title
    )


def _places(
    doc: Doc, sent: Sentence, ctx: ArticleContext
) -> list[tuple[str, str | None, Token | None, Place | None]]:
    """(host code, city, token, place) of each place of the sentence that can host a visit, "here" too."""
    out = []
    for start, _end, surface, place in gazetteer().find_all(sent.text, ctx.published_at):
        if place.kind in {"demonym"}:
            continue
        code = place.seat if place.kind == "igo" else place.code
        if not code:
            continue
        out.append((code, surface if place.kind == "city" else None, token_at(doc, start), place))
    if ctx.home_code:
        for tok in doc:
            if tok.lower_ == "here":
                out.append((ctx.home_code, ctx.home_city, tok, None))
    return out


def clause_head(tok: Token) -> Token:
    """The verb a token hangs from, at most six steps up (a noun deep in a long phrase keeps its own head)."""
    cur = tok
    for _ in range(6):
        if cur.pos_ in {"VERB", "AUX"} or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def _sentence_features(doc: Doc, sent: Sentence) -> list[str]:
    feats = [f"trig={t.lemma_.lower()}" for t in doc if t.lemma_.lower() in _travel_lemmas()]
    if any(t.dep_ == "neg" for t in doc):
        feats.append("neg")
    feats += [f"modal={t.lower_}" for t in doc if t.lower_ in _MODALS]
    if any(t.lower_ in {"if", "unless", "invite", "invited", "invitation"} for t in doc):
        feats.append("hypothetical_word")
    if sent.index == 0:
        feats.append("first_sentence")
    if '"' in sent.text or "“" in sent.text:
        feats.append("quote")
    return sorted(set(feats))


def _pair_features(
    actor: Actor,
    vtok: Token,
    code: str,
    ptok: Token | None,
    place: Place | None,
    ctx: ArticleContext,
    rule: bool,
) -> list[str]:
    feats = [
        f"vkind={actor.kind}",
        f"vdep={vtok.dep_}",
        f"vhead={vtok.head.lemma_.lower()}",
        f"pkind={place.kind if place else 'here'}",
        "rule" if rule else "no_rule",
    ]
    if actor.has_title:
        feats.append("vtitle")
    if code == ctx.home_code:
        feats.append("host_is_dateline")
    if ptok is not None:
        prep = ptok.head.lower_ if ptok.head.dep_ == "prep" else "none"
        gov = clause_head(ptok).lemma_.lower()
        feats += [f"pprep={prep}", f"pgov={gov}", f"pprep_pgov={prep}_{gov}", f"pdep={ptok.dep_}"]
        feats.append("v_before_p" if vtok.i < ptok.i else "p_before_v")
        gap = abs(vtok.i - ptok.i)
        feats.append(f"dist={'0-3' if gap <= 3 else '4-8' if gap <= 8 else '9-15' if gap <= 15 else '16+'}")
        if clause_head(vtok).i == clause_head(ptok).i:
            feats.append("same_clause")
        if ptok.dep_ == "conj":
            feats.append("place_in_list")
    return feats


def pair_candidates(
    doc: Doc, sent: Sentence, ctx: ArticleContext, rule_pairs: set[tuple[str, str]]
) -> list[PairCandidate]:
    """Every (visitor, host) pair of one parsed sentence with its features; the rules' pairs are marked."""
    if not any(t.lemma_.lower() in _travel_lemmas() for t in doc):
        return []
    # The places once per sentence, and first: a sentence without one has no pair, so its actors are not
    # resolved (the same pairs, in the same order).
    places = _places(doc, sent, ctx)
    if not places:
        return []
    shared = _sentence_features(doc, sent)
    out = []
    for actor, vtok in _visitors(doc, sent, ctx):
        for code, city, ptok, place in places:
            if code == actor.code:
                continue
            feats = shared + _pair_features(
                actor, vtok, code, ptok, place, ctx, (actor.code, code) in rule_pairs
            )
            out.append(PairCandidate(sent, actor, vtok, code, city, ptok, feats))
    return out


class VisitScorer:
    """The trained weights: score = sigmoid(bias + sum of the weights of the candidate's features)."""

    def __init__(self, weights: dict[str, float], bias: float, threshold: float):
        self.weights = weights
        self.bias = bias
        self.threshold = threshold

    @classmethod
    def load(cls, path=MODEL_PATH) -> VisitScorer | None:
        if not path.exists():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["weights"], data["bias"], data["threshold"])

    def score(self, cand: PairCandidate) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in cand.features)
        cand.score = 1.0 / (1.0 + math.exp(-z))
        return cand.score


def article_candidates(
    ctx: ArticleContext, docs: list[Doc], kept: list[VisitCandidate]
) -> list[PairCandidate]:
    """The pair candidates of an article's parsed sentences, marked with whether the rules found that pair."""
    rule_pairs = {(c.visitor.code, c.host_code) for c in kept}
    return [c for doc in docs for c in pair_candidates(doc, doc._.diplowatch_sentence, ctx, rule_pairs)]


def _nearest_trigger(cand: PairCandidate) -> Token:
    doc = cand.visitor_tok.doc
    anchor = cand.place_tok or cand.visitor_tok
    triggers = [t for t in doc if t.lemma_.lower() in _travel_lemmas()]
    return min(triggers, key=lambda t: abs(t.i - anchor.i)) if triggers else clause_head(cand.visitor_tok)


def _as_visit(cand: PairCandidate, ctx: ArticleContext, kept: list[VisitCandidate]) -> VisitCandidate | None:
    """A scored pair as a visit mention: the status of a rule leg of the same traveller and sentence, else of
    its trigger."""
    trigger = _nearest_trigger(cand)
    if private_purpose(trigger) or resident_title(cand.visitor.title):
        return None  # what the guidelines never count as a visit, whatever the score
    leg = next(
        (k for k in kept if k.visitor.code == cand.visitor.code and k.sentence.index == cand.sentence.index),
        None,
    )
    if leg is not None:
        status, why = leg.status, Why(f"leg of the rules' mention ({leg.status})", StatusBasis.SHARED)
    else:
        status, why = visit_status(trigger, ctx, [])
        if status is None:
            return None  # negated or hypothetical
    visit = VisitCandidate(
        sentence=cand.sentence,
        trigger=trigger,
        trigger_text=trigger.text,
        trigger_offset=cand.sentence.start + trigger.idx,
        visitor=cand.visitor,
        host_code=cand.host_code,
        location=cand.location,
        status=status,
        visit_type="unspecified",
        reasons=[
            f"scored pair {cand.score:.2f} (trigger '{trigger.text}')",
            f"visitor: {cand.visitor.reason}",
            "host via scorer",
            f"status: {why}",
        ],
        role="scored",
        host_via="scorer",
        status_basis=why.basis,
        start_date=leg.start_date if leg else None,
        end_date=leg.end_date if leg else None,
        date_precision=leg.date_precision if leg else None,
    )
    other_leg = leg is not None and cand.place_tok is not None and leg.host_code != cand.host_code
    dates = (
        [d for d in find_dates(cand.sentence.text, ctx.anchor) if not in_dateline(d, cand.sentence, ctx)]
        if leg is None or other_leg
        else []
    )
    own_days = several_days(dates)
    if leg is None or (other_leg and own_days):
        # The rules' own date reading for the trigger (days, ranges, weekdays, durations), dateline dates left
        # out; when the sentence names several days ("Hanoi on June 13 and Bangkok on June 15"), the day
        # nearest this leg's place rather than the other leg's.
        visit.start_date = visit.end_date = visit.date_precision = None
        attach_dates(visit, trigger, dates, cand.sentence, ctx, near=cand.place_tok if own_days else None)
    return visit


def scored_visits(
    scorer: VisitScorer,
    ctx: ArticleContext,
    docs: list[Doc],
    kept: list[VisitCandidate],
    rejected: list[VisitCandidate] = (),
) -> list[VisitCandidate]:
    """Visits the rules missed: for each (visitor, host) pair they neither found nor rejected (negated,
    hypothetical), its best candidate if it scores high."""
    rule_pairs = {(c.visitor.code, c.host_code) for c in kept} | {
        (c.visitor.code, c.host_code) for c in rejected
    }
    best: dict[tuple[str, str], PairCandidate] = {}
    for cand in article_candidates(ctx, docs, kept):
        key = (cand.visitor.code, cand.host_code)
        if key in rule_pairs:
            continue
        scorer.score(cand)
        if cand.score >= scorer.threshold and (key not in best or cand.score > best[key].score):
            best[key] = cand
    out = [_as_visit(c, ctx, kept) for c in best.values()]
    return [v for v in out if v is not None]
