"""Learned visit status (planned / ongoing / completed / cancelled) from typed cues around the trip's trigger
word.

Features are tense, auxiliaries and time words of the trigger's clause, where the sentence's dates fall
against the article date, and the status the ordered rules of visits.py give; the weights
(diplowatch/data/status_classifier.json, one table per status) are trained by `make train` from dev + train
and read without scikit-learn at run time.
"""

from __future__ import annotations

import json
import math

from spacy.tokens import Token

from diplowatch.nlp.actors import DATA_DIR
from diplowatch.nlp.context import ArticleContext
from diplowatch.nlp.dates import find_dates
from diplowatch.nlp.segment import Sentence
from diplowatch.nlp.visit_scorer import clause_head
from diplowatch.nlp.visits import StatusBasis

MODEL_PATH = DATA_DIR / "status_classifier.json"
STATUSES = ("planned", "ongoing", "completed", "cancelled")
# Plain English time and aspect words; their presence in the clause is what the model weighs.
_TIME_WORDS = frozenset(
    {
        "will",
        "would",
        "'ll",
        "shall",
        "to",
        "expected",
        "due",
        "plans",
        "planned",
        "plan",
        "scheduled",
        "set",
        "next",
        "last",
        "ago",
        "yesterday",
        "today",
        "tomorrow",
        "tonight",
        "later",
        "earlier",
        "recently",
        "previously",
        "arrived",
        "returned",
        "ended",
        "concluded",
        "wrapped",
        "began",
        "begins",
        "start",
        "starts",
        "currently",
        "now",
        "cancelled",
        "canceled",
        "postponed",
        "called",
        "off",
        "scrapped",
        "delayed",
        "first",
        "second",
        "third",
        "final",
        "day",
        "week",
        "month",
        "year",
        "upcoming",
        "coming",
        "forthcoming",
        "during",
        "after",
        "before",
        "since",
        "has",
        "have",
        "had",
        "is",
        "are",
        "was",
        "were",
        "been",
        "visiting",
        "arriving",
        "leaving",
        "may",
        "might",
        "could",
        "this",
        "weekend",
        "visited",
        "met",
        "held",
        "went",
        "flew",
        "traveled",
        "travelled",
        "left",
    }
)


def _date_features(sent: Sentence, ctx: ArticleContext) -> list[str]:
    if ctx.anchor is None:
        return ["undated_article"]
    feats = []
    for d in find_dates(sent.text, ctx.anchor):
        if d.precision != "day" or d.start_date is None:
            feats.append(f"date_{d.precision}")
            continue
        delta = (d.start_date - ctx.anchor).days
        feats.append("date_after" if delta > 0 else "date_today" if delta == 0 else "date_before")
    return feats or ["no_date"]


def status_features(
    trigger: Token, sent: Sentence, ctx: ArticleContext, rule_status: str | None
) -> list[str]:
    """Typed cues of the trip's status around its trigger word."""
    verb = clause_head(trigger)
    feats = [
        f"rule={rule_status}",
        f"trig_tag={trigger.tag_}",
        f"trig={trigger.lemma_.lower()}",
        f"verb_tag={verb.tag_}",
        f"verb={verb.lemma_.lower()}",
        f"trig_pos={trigger.pos_}",
    ]
    clause = {verb.i, trigger.i} | {c.i for t in (verb, trigger) for c in t.children}
    feats += [f"clause_word={t.lower_}" for t in trigger.doc if t.i in clause and t.lower_ in _TIME_WORDS]
    feats += [f"word={t.lower_}" for t in trigger.doc if t.lower_ in _TIME_WORDS]
    feats += [f"aux={c.lower_}" for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(c.dep_ == "neg" for c in verb.children):
        feats.append("negated")
    if sent.index == 0:
        feats.append("first_sentence")
    return sorted(set(feats + _date_features(sent, ctx)))


class StatusClassifier:
    """Multinomial logistic weights: the status whose bias plus feature weights is largest."""

    def __init__(self, weights: dict[str, dict[str, float]], bias: dict[str, float], scope: str = "all"):
        self.weights = weights
        self.bias = bias
        self.scope = scope  # which mentions it decides for: all, scorer (the scorer's only) or none

    @classmethod
    def load(cls, path=MODEL_PATH) -> StatusClassifier | None:
        if not path.exists():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["weights"], data["bias"], data.get("scope", "all"))

    def probabilities(self, features: list[str]) -> dict[str, float]:
        scores = {s: self.bias[s] + sum(self.weights[s].get(f, 0.0) for f in features) for s in self.bias}
        top = max(scores.values())
        exp = {s: math.exp(v - top) for s, v in scores.items()}
        total = sum(exp.values())
        return {s: v / total for s, v in exp.items()}

    def predict(self, features: list[str]) -> str:
        probs = self.probabilities(features)
        return max(probs, key=probs.get)


def apply_status(classifier: StatusClassifier, visits: list, ctx: ArticleContext) -> None:
    """Give the mentions in the classifier's scope its status (a cancelled trip the rules saw stays
    cancelled)."""
    for visit in visits:
        if classifier.scope == "none" or (classifier.scope == "scorer" and visit.role != "scored"):
            continue
        if visit.status == "cancelled":
            continue
        predicted = classifier.predict(status_features(visit.trigger, visit.sentence, ctx, visit.status))
        if predicted != visit.status:
            visit.reasons.append(f"status: classifier {predicted} (rules: {visit.status})")
            visit.status = predicted
            visit.status_basis = StatusBasis.CLASSIFIER
