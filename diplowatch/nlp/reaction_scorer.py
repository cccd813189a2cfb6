"""Learned reaction scorer: every state or IGO actor of a parsed sentence with a stance or speech word is a
candidate reactor; one logistic model says whether it takes a public position there, another which stance
(negative / positive / neutral). Both are trained by `make train` from dev + train (labels: gold reactions
whose evidence holds the sentence) and stored as weight tables in diplowatch/data/reaction_scorer.json,
read without scikit-learn at run time.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Token

from diplowatch.nlp.actors import DATA_DIR, gazetteer
from diplowatch.nlp.context import Actor, ArticleContext, state_actors, written_name
from diplowatch.nlp.lexicon import lexicon
from diplowatch.nlp.reactions import ReactionCandidate
from diplowatch.nlp.segment import Sentence

MODEL_PATH = DATA_DIR / "reaction_scorer.json"
STANCES = ("negative", "positive", "neutral")
_ACTOR_DEPS = {"nsubj", "nsubjpass", "poss", "pobj", "appos", "conj", "ROOT", "npadvmod", "compound"}


@dataclass
class ReactorCandidate:
    """A possible reactor: a state or IGO actor of the sentence, with the features of both models."""

    sentence: Sentence
    actor: Actor
    token: Token
    targets: list[str]
    features: list[str] = field(default_factory=list)
    react: float = 0.0
    stance: str = "neutral"


@lru_cache(maxsize=1)
def _lexicon_words() -> tuple[dict[str, str], frozenset[str], frozenset[str], dict[str, str], re.Pattern]:
    """Stance verbs with their polarity, speech verbs, judging verbs, stance cue phrases with theirs, and a
    regex of them."""
    lex = lexicon()
    cues = {c.lower(): "neg" for c in [*lex["negative_cues"], *lex["evaluative_words"]["negative"]]}
    cues.update({c.lower(): "pos" for c in [*lex["positive_cues"], *lex["evaluative_words"]["positive"]]})
    pattern = re.compile(
        r"(?<![a-z])(" + "|".join(sorted(map(re.escape, cues), key=len, reverse=True)) + r")(?![a-z])"
    )
    return dict(lex["stance_verbs"]), lex.set("speech_verbs"), lex.set("judging_verbs"), cues, pattern


def _sentence_features(doc: Doc, sent: Sentence) -> list[str]:
    stance_verbs, speech, judging, polarity, cue_rx = _lexicon_words()
    feats = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ in {"VERB", "NOUN"} and lemma in stance_verbs:
            feats += [f"stance_word={lemma}", f"stance_word_pol={stance_verbs[lemma]}"]
        if tok.pos_ == "VERB" and lemma in speech:
            feats.append("speech_verb")
        if tok.pos_ == "VERB" and lemma in judging:
            feats.append("judging_verb")
    low = sent.text.lower()
    for m in cue_rx.finditer(low):
        pol = polarity[m.group(1)]
        negated = (
            re.search(r"\b(?:not|no|n't|never)\s+(?:\w+\s+)?$", low[max(0, m.start() - 25) : m.start()])
            is not None
        )
        feats += [f"cue={m.group(1)}", f"cue_pol={'flip_' if negated else ''}{pol}"]
    if any(t.dep_ == "neg" for t in doc):
        feats.append("neg")
    if '"' in sent.text or "“" in sent.text:
        feats.append("quote")
    if sent.index == 0:
        feats.append("first_sentence")
    return sorted(set(feats))


def _actor_features(actor: Actor, tok: Token, targets: list[str], ctx: ArticleContext) -> list[str]:
    head = tok.head
    feats = [
        f"kind={actor.kind}",
        f"dep={tok.dep_}",
        f"head={head.lemma_.lower()}",
        f"head_pos={head.pos_}",
        f"targets={min(len(targets), 2)}",
    ]
    stance_verbs, speech, _, _, _ = _lexicon_words()
    hl = head.lemma_.lower()
    if tok.dep_ in {"nsubj", "nsubjpass"}:
        feats.append("subject")
        if hl in stance_verbs:
            feats += ["subject_of_stance", f"subject_of_pol={stance_verbs[hl]}"]
        if hl in speech:
            feats.append("subject_of_speech")
    if tok.dep_ == "pobj":
        feats.append(f"pobj_of={head.lower_}_{head.head.lemma_.lower()}")
    if tok.dep_ == "poss":
        feats.append(f"poss_of={hl}")
    if actor.has_title:
        feats.append("titled")
    if actor.code == ctx.home_code:
        feats.append("dateline_state")
    if any(c.lemma_.lower() in stance_verbs for c in head.children if c.dep_ == "conj"):
        feats.append("coordinated_stance")
    return feats


def reactor_candidates(
    doc: Doc, sent: Sentence, ctx: ArticleContext, rule_codes: set[str]
) -> list[ReactorCandidate]:
    """Every state/IGO actor of one parsed sentence that holds a stance or speech word, with its features."""
    shared = _sentence_features(doc, sent)
    if not any(f.startswith(("stance_word", "speech_verb", "judging_verb", "cue=")) for f in shared):
        return []
    codes = [h[3].code for h in gazetteer().find_all(sent.text, ctx.published_at)]
    out = []
    for actor, tok in state_actors(doc, sent, ctx, _ACTOR_DEPS):
        targets = list(dict.fromkeys(c for c in codes if c != actor.code))
        feats = shared + _actor_features(actor, tok, targets, ctx)
        feats.append("rule_reactor" if actor.code in rule_codes else "no_rule")
        out.append(ReactorCandidate(sent, actor, tok, targets, feats))
    return out


class ReactionScorer:
    """Two weight tables: `react` (binary) and `stance` (one table per stance)."""

    def __init__(self, data: dict):
        self.react_weights = data["react"]["weights"]
        self.react_bias = data["react"]["bias"]
        self.stance_weights = data["stance"]["weights"]
        self.stance_bias = data["stance"]["bias"]
        self.threshold = data["threshold"]

    @classmethod
    def load(cls, path=MODEL_PATH) -> ReactionScorer | None:
        return cls(json.loads(path.read_text(encoding="utf-8"))) if path.exists() else None

    def score(self, cand: ReactorCandidate) -> None:
        z = self.react_bias + sum(self.react_weights.get(f, 0.0) for f in cand.features)
        cand.react = 1.0 / (1.0 + math.exp(-z))
        scores = {
            s: self.stance_bias[s] + sum(self.stance_weights[s].get(f, 0.0) for f in cand.features)
            for s in self.stance_bias
        }
        cand.stance = max(scores, key=scores.get)


def article_reactors(ctx: ArticleContext, docs: list[Doc], rule_codes: set[str]) -> list[ReactorCandidate]:
    return [c for doc in docs for c in reactor_candidates(doc, doc._.diplowatch_sentence, ctx, rule_codes)]


def scored_reactions(
    scorer: ReactionScorer, ctx: ArticleContext, docs: list[Doc], rule: list[ReactionCandidate], visits: list
) -> list[ReactionCandidate]:
    """Reactions the rules missed: a (reactor, stance) the rules do not have, from its best candidate if it
    scores high."""
    have = {(r.speaker.code, r.stance) for r in rule}
    best: dict[tuple[str, str], ReactorCandidate] = {}
    for cand in article_reactors(ctx, docs, {r.speaker.code for r in rule}):
        scorer.score(cand)
        key = (cand.actor.code, cand.stance)
        if key in have or cand.react < scorer.threshold:
            continue
        if key not in best or cand.react > best[key].react:
            best[key] = cand
    return [_as_reaction(c, visits) for c in best.values()]


def _as_reaction(cand: ReactorCandidate, visits: list) -> ReactionCandidate:
    verb = cand.token.head if cand.token.head.pos_ in {"VERB", "AUX"} else cand.token
    about = any(v.visitor.code in cand.targets or v.host_code in cand.targets for v in visits) and any(
        w in cand.sentence.text.lower() for w in ("visit", "trip", "talks", "meeting", "summit", "tour")
    )
    return ReactionCandidate(
        sentence=cand.sentence,
        trigger=verb,
        speaker=cand.actor,
        stance=cand.stance,
        quote=cand.sentence.text,
        quote_is_direct=False,
        target_codes=cand.targets,
        content_text=cand.sentence.text,
        mentions_visit=about,
        refers_visit=about,
        reasons=[
            f"scored reactor {cand.react:.2f}, stance {cand.stance}",
            f"speaker: {cand.actor.reason}",
            f"targets: {','.join(cand.targets) or '-'}",
        ],
        verb_lemma=verb.lemma_.lower(),
        speaker_written=written_name(cand.token),
        evidence="scored",
    )
