"""Learned reaction classifier over a high-recall candidate generator.

Every (parsed sentence, state or IGO actor) pair is a candidate reactor: the subject or attributed source of a
reporting, stance or demand verb, the owner of a nominal position ("objections from China", "French
demands", "opposed by Germany"), each state of a coordinated group, offices and ministries resolved to their
country. A candidate's features are typed and general: the path from the actor to its governing predicate
(dependency relation, verb or noun lemma and its polarity in the lexicons, negation, modality, passive
agent), the stance cue words of what was said, whether a foreign actor is named, quotation marks, the
actor's kind, the stance the rules found for it there, and whether it takes part in a visit of the article.

Three one-vs-rest logistic models (negative / positive / neutral) score each candidate; an article's
(reactor, stance) is predicted when its best candidate reaches the stance's threshold. `make train` fits
them from dev + train (labels: gold reactions whose evidence holds the sentence), chooses C, thresholds and
the mode (the model's keys replace the rules', or are added to them, or the model stays off) by 5-fold
cross-validation by article, and writes diplowatch/data/reaction_scorer.json, read without scikit-learn at
run time.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Token

from diplowatch.nlp.actors import DATA_DIR, gazetteer
from diplowatch.nlp.context import (
    ACTOR_DEPS,
    Actor,
    ArticleContext,
    is_media,
    resolve_token_actor,
    written_name,
)
from diplowatch.nlp.lexicon import lexicon
from diplowatch.nlp.reactions import VISIT_WORDS, ReactionCandidate, _about_visit, _stance_from_cues
from diplowatch.nlp.segment import Sentence

MODEL_PATH = DATA_DIR / "reaction_scorer.json"
STANCES = ("negative", "positive", "neutral")
_CAND_DEPS = ACTOR_DEPS | {"amod", "nmod", "dative"}
_CLIMB = {"compound", "amod", "poss", "appos", "conj", "flat", "nmod", "cc", "npadvmod", "det"}
_MODALS = {"will", "would", "could", "may", "might", "shall", "'ll", "should", "can"}


@dataclass
class ReactorCandidate:
    """A possible reactor: a state or IGO actor of a sentence, with its features and, once scored, the
    probability of each stance."""

    sentence: Sentence
    actor: Actor
    token: Token
    targets: list[str]
    features: list[str] = field(default_factory=list)
    probs: dict[str, float] = field(default_factory=dict)


@lru_cache(maxsize=1)
def _words() -> dict:
    lex = lexicon()
    nouns = dict(lex["stance_nouns"])
    for group in lex["stance_actions"]["object_verbs"][:1]:
        nouns.update(group["objects"])
    return {
        "stance": dict(lex["stance_verbs"]),
        "speech": lex.set("speech_verbs"),
        "judging": lex.set("judging_verbs"),
        "nouns": nouns,
    }


def _polarity(tok: Token) -> str | None:
    words = _words()
    lemma = tok.lemma_.lower()
    if tok.pos_ in {"NOUN", "PROPN"}:
        return words["nouns"].get(lemma) or words["nouns"].get(tok.lower_)
    if lemma in words["stance"]:
        return words["stance"][lemma]
    return "speech" if lemma in words["speech"] else None


def _governor(tok: Token) -> tuple[Token | None, str, list[str]]:
    """The predicate the actor token is an argument of, the relation it holds to it, and the nominal
    positions met on the way ("opposition from X": the noun "opposition")."""
    feats: list[str] = []
    node, rel = tok, tok.dep_
    for _ in range(8):
        if node.dep_ in _CLIMB and node.head.i != node.i:
            node = node.head
            continue
        if node.dep_ in {"pobj", "agent"} and node.head.i != node.i:
            prep = node.head if node.dep_ == "pobj" else node
            owner = prep.head
            feats.append(f"prep={prep.lower_}")
            if owner.pos_ in {"NOUN", "PROPN"}:
                pol = _polarity(owner)
                feats += [f"noun={owner.lemma_.lower()}"] + ([f"noun_pol={pol}_{prep.lower_}"] if pol else [])
            if prep.lower_ == "by" and owner.tag_ == "VBN":
                rel = "agent"
                return owner, rel, feats
            node = owner
            continue
        break
    if node.pos_ in {"VERB", "AUX"}:
        return node, rel, feats
    if node.dep_ in {"nsubj", "nsubjpass", "dobj", "attr", "dative"} and node.head.pos_ in {"VERB", "AUX"}:
        return node.head, node.dep_, feats
    return None, rel, feats


def _verb_features(verb: Token, rel: str, ctx: ArticleContext, code: str) -> list[str]:
    """The governing predicate: its lemma and polarity, negation,
    modality, and the cue words and foreign actors of what it says."""
    lemma = verb.lemma_.lower()
    pol = _polarity(verb)
    feats = [f"gov={lemma}", f"rel={rel}", f"rel_pol={rel}_{pol or 'none'}"]
    if lemma in _words()["judging"]:
        feats.append("judging")
    if any(c.dep_ == "neg" for c in verb.children):
        feats.append("gov_neg")
    if any(c.dep_ in {"aux", "auxpass"} and c.lower_ in _MODALS for c in verb.children):
        feats.append("gov_modal")
    if verb.dep_ in {"ccomp", "xcomp", "advcl", "relcl", "acl"}:
        feats.append(f"gov_is_{verb.dep_}")
    comp = [
        t
        for c in verb.children
        if c.dep_ in {"ccomp", "xcomp", "dobj", "prep", "advcl", "oprd", "acomp"}
        for t in c.subtree
    ]
    text = " ".join(t.text for t in sorted(comp, key=lambda t: t.i))
    if text:
        cue, _ = _stance_from_cues(text, code, ctx.published_at)
        feats.append(f"content_cue={cue}")
        feats.append(f"content_cue_rel={cue}_{pol or 'none'}")
        others = {h[3].code for h in gazetteer().find_all(text, ctx.published_at)} - {code}
        feats.append("content_foreign" if others else "content_no_foreign")
        if any(c.dep_ == "ccomp" for c in verb.children):
            feats.append("has_ccomp")
    return feats


def _token_features(tok: Token, actor: Actor, ctx: ArticleContext) -> list[str]:
    feats = [f"dep={tok.dep_}", f"kind={actor.kind}"]
    if actor.has_title:
        feats.append("titled")
    verb, rel, path = _governor(tok)
    feats += path
    if verb is None:
        feats.append("no_verb")
    else:
        feats += _verb_features(verb, rel, ctx, actor.code)
    return feats


def _sentence_features(doc: Doc, sent: Sentence, visits: list) -> list[str]:
    low = sent.text.lower()
    feats = []
    cue, _ = _stance_from_cues(sent.text)
    feats.append(f"sent_cue={cue}")
    if '"' in sent.text or "“" in sent.text:
        feats.append("quote")
    if any(re.search(rf"\b{w}", low) for w in VISIT_WORDS):
        feats.append("visit_word")
    if visits:
        feats.append("article_visit")
    if sent.index == 0:
        feats.append("first_sentence")
    for tok in doc:
        pol = _polarity(tok)
        if pol and pol != "speech" and tok.pos_ in {"VERB", "NOUN"}:
            feats.append(f"sent_pol={pol}")
    return sorted(set(feats))


def _actor_tokens(doc: Doc, sent: Sentence, ctx: ArticleContext) -> dict[str, list[tuple[Actor, Token]]]:
    """Every token of the sentence that names or refers to a state or IGO actor, by the actor's code."""
    out: dict[str, list[tuple[Actor, Token]]] = {}
    for tok in doc:
        if tok.dep_ not in _CAND_DEPS or tok.pos_ not in {"PROPN", "NOUN", "PRON", "ADJ"} or is_media(tok):
            continue
        if tok.pos_ == "PRON" and tok.lower_ not in {"he", "she"}:
            continue
        if tok.dep_ == "compound" and tok.head.dep_ == "compound":
            continue
        actor = resolve_token_actor(tok, ctx, sent)
        if actor is not None and actor.code and actor.is_state:
            out.setdefault(actor.code, []).append((actor, tok))
    return out


def sentence_candidates(
    doc: Doc, sent: Sentence, ctx: ArticleContext, visits: list, rule: list[ReactionCandidate]
) -> list[ReactorCandidate]:
    """One candidate per state or IGO actor of a parsed sentence (and per reactor the rules found there)."""
    found = _actor_tokens(doc, sent, ctx)
    rule_here = [r for r in rule if r.sentence.index == sent.index]
    for r in rule_here:
        if r.speaker.code not in found:
            found[r.speaker.code] = [(r.speaker, r.trigger)]
    if not found:
        return []
    shared = _sentence_features(doc, sent, visits)
    codes = [h[3].code for h in gazetteer().find_all(sent.text, ctx.published_at)]
    party = {v.visitor.code for v in visits} | {v.host_code for v in visits}
    out = []
    for code, toks in found.items():
        targets = list(dict.fromkeys(c for c in [*codes, *found] if c != code))
        feats = set(shared)
        for actor, tok in toks:
            feats.update(_token_features(tok, actor, ctx))
        feats.add("foreign_named" if targets else "no_foreign_named")
        feats.add("dateline_state" if code == ctx.home_code else "not_dateline_state")
        if code in party:
            feats.add("visit_party")
        stances = {r.stance for r in rule_here if r.speaker.code == code}
        feats.update(f"rule={s}" for s in stances)
        feats.add("rule_any" if stances else "rule_none")
        actor, tok = toks[0]
        out.append(ReactorCandidate(sent, actor, tok, targets, sorted(feats)))
    return out


def article_reactors(
    ctx: ArticleContext, docs: list[Doc], visits: list, rule: list[ReactionCandidate]
) -> list[ReactorCandidate]:
    return [c for doc in docs for c in sentence_candidates(doc, doc._.diplowatch_sentence, ctx, visits, rule)]


class ReactionScorer:
    """One weight table per stance (one-vs-rest), thresholds per stance, and a mode: `replace` (the model's
    keys are the reactions, the rules' only a feature) or `add` (the rules' keys plus the model's)."""

    def __init__(self, data: dict):
        self.models = data["models"]
        self.thresholds = data["thresholds"]
        self.mode = data["mode"]

    @classmethod
    def load(cls, path=MODEL_PATH) -> ReactionScorer | None:
        if not path.exists():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data) if data.get("mode") in {"replace", "add"} else None

    def score(self, cand: ReactorCandidate) -> None:
        for stance, model in self.models.items():
            z = model["bias"] + sum(model["weights"].get(f, 0.0) for f in cand.features)
            cand.probs[stance] = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def predicted_keys(
    scores: dict[tuple[str, str], float], thresholds: dict[str, float]
) -> set[tuple[str, str]]:
    return {key for key, p in scores.items() if p >= thresholds[key[1]]}


def best_scores(cands: list[ReactorCandidate]) -> dict[tuple[str, str], tuple[float, ReactorCandidate]]:
    best: dict[tuple[str, str], tuple[float, ReactorCandidate]] = {}
    for cand in cands:
        for stance, p in cand.probs.items():
            key = (cand.actor.code, stance)
            if key not in best or p > best[key][0]:
                best[key] = (p, cand)
    return best


def scored_reactions(
    scorer: ReactionScorer, ctx: ArticleContext, docs: list[Doc], rule: list[ReactionCandidate], visits: list
) -> list[ReactionCandidate]:
    """The article's reactions: the model's (reactor, stance) keys, each from the rules' candidate of that key
    when there is one; in `add` mode the rules' reactions are all kept."""
    cands = article_reactors(ctx, docs, visits, rule)
    for cand in cands:
        scorer.score(cand)
    best = best_scores(cands)
    keys = predicted_keys({k: p for k, (p, _) in best.items()}, scorer.thresholds)
    kept = rule if scorer.mode == "add" else [r for r in rule if (r.speaker.code, r.stance) in keys]
    have = {(r.speaker.code, r.stance) for r in kept}
    return kept + [_as_reaction(best[k][1], k[1], visits) for k in sorted(keys - have)]


def _as_reaction(cand: ReactorCandidate, stance: str, visits: list) -> ReactionCandidate:
    verb = cand.token.head if cand.token.head.pos_ in {"VERB", "AUX"} else cand.token
    text = cand.sentence.text
    about = _about_visit(cand.actor, text, cand.targets, visits)
    refers = about or _about_visit(cand.actor, text, cand.targets, visits, loose=True)
    return ReactionCandidate(
        sentence=cand.sentence,
        trigger=verb,
        speaker=cand.actor,
        stance=stance,
        quote=text,
        quote_is_direct=False,
        target_codes=cand.targets,
        content_text=text,
        mentions_visit=about,
        refers_visit=refers,
        reasons=[
            f"scored reactor {cand.probs.get(stance, 0.0):.2f} for {stance}",
            f"speaker: {cand.actor.reason}",
            f"targets: {','.join(cand.targets) or '-'}",
        ],
        verb_lemma=verb.lemma_.lower(),
        speaker_written=written_name(cand.token),
        evidence="scored",
    )
