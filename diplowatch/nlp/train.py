"""`make train`: trains the visit scorer from dev + train (never validation), choosing its settings by grouped
cross-validation, and writes the weights (diplowatch/data/visit_scorer.json) and a training report
(docs/training-report.md).

Usage: python -m diplowatch.nlp.train --gold ../shared/eval/dev.jsonl --gold ../shared/eval/train.jsonl
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from diplowatch.evaluate import _parse_date, era_of, load_gold
from diplowatch.nlp.reaction_scorer import MODEL_PATH as REACTION_PATH
from diplowatch.nlp.reaction_scorer import STANCES, article_reactors
from diplowatch.nlp.status_classifier import MODEL_PATH as STATUS_PATH
from diplowatch.nlp.status_classifier import status_features
from diplowatch.nlp.visit_scorer import MODEL_PATH, article_candidates
from diplowatch.nlp.visit_scorer import _as_visit as as_visit

SEED = 20260
FOLDS = 5
C_GRID = (0.1, 0.3, 1.0, 3.0)
THRESHOLDS = tuple(round(0.15 + 0.05 * i, 2) for i in range(16))  # 0.15 .. 0.90
REPORT_PATH = Path(__file__).resolve().parents[2] / "docs" / "training-report.md"


@dataclass
class ArticleData:
    article_id: str
    gold_pairs: set[tuple[str, str]]
    rule_pairs: set[tuple[str, str]]
    pairs: list[tuple[str, str]]  # one per candidate, aligned with features
    features: list[list[str]]
    # Status samples: (features, gold status, the rules' status, from the rules or the scorer) per mention of
    # a gold pair.
    status: list[tuple[list[str], str, str, str]]
    # Reactions: gold and rule (reactor, stance) pairs; candidates as (code, features, the stances of the gold
    # reactions of that reactor whose evidence holds the candidate's sentence).
    gold_reactions: set[tuple[str, str]] = field(default_factory=set)
    rule_reactions: set[tuple[str, str]] = field(default_factory=set)
    reactors: list[tuple[str, list[str], set[str]]] = field(default_factory=list)


def collect(gold_paths: list[str]) -> list[ArticleData]:
    """Candidates of every gold article as the fast path sees them, with the rules' and the gold pairs."""
    from diplowatch.nlp import Extractor

    extractor = Extractor()
    extractor.visit_scorer = None  # the scorer learns from what the rules alone produce
    extractor.status_classifier = None
    extractor.reaction_scorer = None
    items = [item for path in gold_paths for item in load_gold(path)]
    articles = [
        {
            "article_id": it["id"],
            "text": it["text"],
            "published_at": _parse_date(it.get("published_at")),
            "title": it.get("title"),
        }
        for it in items
    ]
    out = []
    for item, (ctx, docs) in zip(items, extractor.parsed_articles(articles), strict=True):
        kept, _ = extractor.rule_visits(docs)
        cands = article_candidates(ctx, docs, kept)
        gold_status = {
            (g["visitor_code"], g["host_code"]): g["status"] for g in item["gold"].get("visits", [])
        }
        article = ArticleData(
            item["id"],
            set(gold_status),
            {(c.visitor.code, c.host_code) for c in kept},
            [(c.visitor.code, c.host_code) for c in cands],
            [c.features for c in cands],
            _status_samples(ctx, kept, cands, gold_status),
        )
        _add_reactions(article, extractor, ctx, docs, kept, item)
        out.append(article)
    return out


def _add_reactions(article: ArticleData, extractor, ctx, docs, kept, item: dict) -> None:
    """The rules' reactions and every reactor candidate, labelled by the gold reactions whose evidence holds
    its sentence."""
    gold = item["gold"].get("reactions", [])
    article.gold_reactions = {(g["reactor_code"], g["stance"]) for g in gold}
    rule = [r for doc in docs for r in extractor._reactions.reactions(doc, kept)]
    article.rule_reactions = {(r.speaker.code, r.stance) for r in rule}
    spans = []
    for g in gold:
        start = item["text"].find(g.get("evidence") or "\0")
        spans.append((start, start + len(g.get("evidence") or ""), g) if start >= 0 else (-1, -1, g))
    for cand in article_reactors(ctx, docs, kept, rule):
        s = cand.sentence
        stances = {
            g["stance"]
            for a, b, g in spans
            if g["reactor_code"] == cand.actor.code and a < s.end and s.start < b
        }
        article.reactors.append((cand.actor.code, cand.features, stances))


def _status_samples(ctx, kept, cands, gold_status: dict) -> list[tuple[list[str], str, str, str]]:
    """One sample per mention of a gold pair: the rules' own mentions, and the scorer's (as it would add
    them)."""
    samples = []
    for c in kept:
        gold = gold_status.get((c.visitor.code, c.host_code))
        if gold:
            samples.append((status_features(c.trigger, c.sentence, ctx, c.status), gold, c.status, "rule"))
    for cand in cands:
        gold = gold_status.get((cand.visitor.code, cand.host_code))
        if gold and "rule" not in cand.features:
            visit = as_visit(cand, ctx, kept)
            if visit is not None:
                samples.append(
                    (
                        status_features(visit.trigger, visit.sentence, ctx, visit.status),
                        gold,
                        visit.status,
                        "scorer",
                    )
                )
    return samples


def _fit(data: list[ArticleData], c_value: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [dict.fromkeys(f, 1) for a in data for f in a.features]
    labels = [int(p in a.gold_pairs) for a in data for p in a.pairs]
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(rows)
    if len(set(labels)) < 2:
        return None
    model = LogisticRegression(C=c_value, max_iter=5000, random_state=SEED).fit(x, labels)
    return vectorizer, model


def _article_scores(fitted, article: ArticleData) -> dict[tuple[str, str], float]:
    if fitted is None or not article.features:
        return {}
    vectorizer, model = fitted
    probs = model.predict_proba(vectorizer.transform([dict.fromkeys(f, 1) for f in article.features]))[:, 1]
    best: dict[tuple[str, str], float] = defaultdict(float)
    for pair, p in zip(article.pairs, probs, strict=True):
        best[pair] = max(best[pair], float(p))
    return best


def _counts(predicted: set, gold: set) -> tuple[int, int, int]:
    return len(predicted & gold), len(predicted - gold), len(gold - predicted)


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def out_of_fold(data: list[ArticleData], fit, predict, c_value: float) -> dict[str, dict]:
    """Each article's predictions from a model fitted on the four folds it is not in."""
    # Articles in file order, dealt round-robin: the folds are the same on every run.
    folds = [data[i::FOLDS] for i in range(FOLDS)]
    oof: dict[str, dict] = {}
    for k, held in enumerate(folds):
        fitted = fit([a for j, fold in enumerate(folds) if j != k for a in fold], c_value)
        for article in held:
            oof[article.article_id] = predict(fitted, article)
    return oof


def cross_validate(data: list[ArticleData], fit, predict, rule_of, gold_of) -> dict:
    """Out-of-fold scores per C (fit on four folds, predict the fifth), then P/R/F1 of the rules plus pairs
    scoring at least each threshold, overall and by era; ("rules", None) is the rules alone."""
    results = {}
    for c_value in C_GRID:
        oof = out_of_fold(data, fit, predict, c_value)
        for thr in THRESHOLDS:
            results[(c_value, thr)] = _tally(data, oof, thr, rule_of, gold_of)
    results[("rules", None)] = _tally(data, {}, 2.0, rule_of, gold_of)
    return results


def _tally(
    data: list[ArticleData], oof: dict, thr: float, rule_of, gold_of
) -> dict[str, tuple[float, float, float]]:
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for article in data:
        added = {p for p, s in oof.get(article.article_id, {}).items() if s >= thr}
        counts = _counts(rule_of(article) | added, gold_of(article))
        for key in ("all", era_of(article.article_id)):
            totals[key] = [a + b for a, b in zip(totals[key], counts, strict=True)]
    return {key: _f1(*t) for key, t in totals.items()}


def write_model(data: list[ArticleData], c_value: float, threshold: float) -> int:
    vectorizer, model = _fit(data, c_value)
    weights = {
        name: round(float(w), 4)
        for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(w) >= 1e-4
    }
    payload = {
        "about": "visit scorer weights; trained by `make train` from dev + train (diplowatch/nlp/train.py)",
        "C": c_value,
        "threshold": threshold,
        "bias": round(float(model.intercept_[0]), 4),
        "weights": dict(sorted(weights.items())),
    }
    MODEL_PATH.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    return len(weights)


def _fit_status(samples, c_value: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([dict.fromkeys(f, 1) for f, *_ in samples])
    model = LogisticRegression(C=c_value, max_iter=5000, random_state=SEED).fit(
        x, [g for _, g, *_ in samples]
    )
    return vectorizer, model


def cross_validate_status(data: list[ArticleData]) -> dict:
    """Out-of-fold status accuracy of the rules and of the classifier, on the rules' and on the scorer's
    mentions."""
    folds = [data[i::FOLDS] for i in range(FOLDS)]
    results: dict = {}
    for c_value in C_GRID:
        hits: dict[str, list[int]] = defaultdict(
            lambda: [0, 0, 0]
        )  # source -> [rules right, model right, total]
        for k, held in enumerate(folds):
            train = [s for j, fold in enumerate(folds) if j != k for a in fold for s in a.status]
            vectorizer, model = _fit_status(train, c_value)
            test = [s for a in held for s in a.status]
            if not test:
                continue
            predicted = model.predict(vectorizer.transform([dict.fromkeys(f, 1) for f, *_ in test]))
            for (_, gold, rule, source), pred in zip(test, predicted, strict=True):
                for key in (source, "all"):
                    hits[key][0] += rule == gold
                    hits[key][1] += pred == gold
                    hits[key][2] += 1
        results[c_value] = {k: (v[0] / v[2], v[1] / v[2], v[2]) for k, v in hits.items()}
    return results


def write_status_model(data: list[ArticleData], c_value: float, scope: str) -> None:
    vectorizer, model = _fit_status([s for a in data for s in a.status], c_value)
    names = vectorizer.get_feature_names_out()
    weights = {
        status: {n: round(float(w), 4) for n, w in zip(names, row, strict=True) if abs(w) >= 1e-4}
        for status, row in zip(model.classes_, model.coef_, strict=True)
    }
    payload = {
        "about": "visit status classifier; trained by `make train` from dev + train (nlp/train.py)",
        "C": c_value,
        "scope": scope,
        "bias": {s: round(float(b), 4) for s, b in zip(model.classes_, model.intercept_, strict=True)},
        "weights": weights,
    }
    STATUS_PATH.write_text(json.dumps(payload, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def _scope_accuracy(res: dict, scope: str) -> float:
    """Accuracy on all gold-pair mentions when the classifier decides for `scope` (none / scorer / all) and
    rules elsewhere."""
    rule_r, model_r, n_r = res.get("rule", (0.0, 0.0, 0))
    rule_s, model_s, n_s = res.get("scorer", (0.0, 0.0, 0))
    right = {
        "none": rule_r * n_r + rule_s * n_s,
        "scorer": rule_r * n_r + model_s * n_s,
        "all": model_r * n_r + model_s * n_s,
    }
    return right[scope] / max(1, n_r + n_s)


def _fit_binary(rows: list[list[str]], labels: list[int], c_value: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    if len(set(labels)) < 2:
        return None
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([dict.fromkeys(f, 1) for f in rows])
    return vectorizer, LogisticRegression(C=c_value, max_iter=5000, random_state=SEED).fit(x, labels)


def _fit_reactions(data: list[ArticleData], c_value: float) -> dict:
    """One binary model per stance over every reactor candidate (one-vs-rest)."""
    cands = [r for a in data for r in a.reactors]
    rows = [f for _, f, _ in cands]
    return {st: _fit_binary(rows, [int(st in labels) for *_, labels in cands], c_value) for st in STANCES}


def _predict_reactions(models: dict, article: ArticleData) -> dict[tuple[str, str], float]:
    """The best probability of each (reactor, stance) of the article."""
    best: dict[tuple[str, str], float] = defaultdict(float)
    if not article.reactors:
        return best
    rows = [dict.fromkeys(f, 1) for _, f, _ in article.reactors]
    for stance, fitted in models.items():
        if fitted is None:
            continue
        vectorizer, model = fitted
        probs = model.predict_proba(vectorizer.transform(rows))[:, 1]
        for (code, *_), p in zip(article.reactors, probs, strict=True):
            best[(code, stance)] = max(best[(code, stance)], float(p))
    return best


REACTION_MODES = ("add", "replace")


def _reaction_keys(article: ArticleData, scores: dict, mode: str, thresholds: dict[str, float]) -> set:
    added = {k for k, p in scores.items() if p >= thresholds[k[1]]}
    return added | article.rule_reactions if mode == "add" else added


def cross_validate_reactions(data: list[ArticleData]) -> dict:
    """Out-of-fold reaction P/R/F1 per (C, mode, threshold for negative/positive, threshold for neutral), and
    ("rules", ...) for the rules alone."""
    results: dict = {("rules", None, None, None): _reaction_tally(data, lambda a: a.rule_reactions)}
    for c_value in C_GRID:
        oof = out_of_fold(data, _fit_reactions, _predict_reactions, c_value)
        for mode in REACTION_MODES:
            for t_pol in THRESHOLDS:
                for t_neu in THRESHOLDS:
                    thr = {"negative": t_pol, "positive": t_pol, "neutral": t_neu}
                    results[(c_value, mode, t_pol, t_neu)] = _reaction_tally(
                        data, lambda a, m=mode, t=thr, o=oof: _reaction_keys(a, o.get(a.article_id, {}), m, t)
                    )
    return results


def _reaction_tally(data: list[ArticleData], predicted_of) -> dict[str, tuple[float, float, float]]:
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for article in data:
        counts = _counts(predicted_of(article), article.gold_reactions)
        for key in ("all", era_of(article.article_id)):
            totals[key] = [a + b for a, b in zip(totals[key], counts, strict=True)]
    return {key: _f1(*t) for key, t in totals.items()}


def choose_reactions(results: dict) -> tuple:
    """The best cross-validated setting; "off" unless it beats the rules alone by more than ADD_MARGIN."""
    rules = results[("rules", None, None, None)]["all"][2]
    best = max((k for k in results if k[0] != "rules"), key=lambda k: (results[k]["all"][2], k[2] or 0))
    if results[best]["all"][2] <= rules + ADD_MARGIN:
        return (best[0], "off", best[2], best[3])
    return best


def write_reaction_model(data: list[ArticleData], choice: tuple) -> None:
    c_value, mode, t_pol, t_neu = choice
    models = _fit_reactions(data, c_value)
    payload = {
        "about": "reaction classifier weights (one-vs-rest per stance); trained by `make train` from "
        "dev + train (nlp/train.py); mode 'off' means it did not beat the rules in cross-validation and is "
        "not loaded",
        "C": c_value,
        "mode": mode,
        "thresholds": {"negative": t_pol, "positive": t_pol, "neutral": t_neu},
        "models": {st: _binary_weights(fitted) for st, fitted in models.items() if fitted is not None},
    }
    REACTION_PATH.write_text(json.dumps(payload, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def _binary_weights(fitted) -> dict:
    vectorizer, model = fitted
    names = vectorizer.get_feature_names_out()
    return {
        "bias": round(float(model.intercept_[0]), 4),
        "weights": {
            n: round(float(w), 4) for n, w in zip(names, model.coef_[0], strict=True) if abs(w) >= 1e-4
        },
    }


ADD_MARGIN = 0.01  # a scorer adds nothing unless it beats the rules alone by this much in cross-validated F1
OFF = 1.01  # a threshold no probability reaches: the scorer stays silent


C_MARGIN = 0.005  # F1 differences below this are noise on 330 articles: the more regularized model wins


def choose_added(results: dict) -> tuple[float, float]:
    """The (C, threshold) with the best cross-validated F1, the smallest C (strongest regularization) among
    those within C_MARGIN of it; switched off (threshold OFF) unless it beats the rules alone by more than
    ADD_MARGIN."""
    settings = [(c, t) for c in C_GRID for t in THRESHOLDS]
    top = max(results[k]["all"][2] for k in settings)
    c = min(k[0] for k in settings if results[k]["all"][2] >= top - C_MARGIN)
    best = max(((c, t) for t in THRESHOLDS), key=lambda k: (results[k]["all"][2], k[1]))
    if results[best]["all"][2] <= results[("rules", None)]["all"][2] + ADD_MARGIN:
        return best[0], OFF
    return best


SCOPE_MARGIN = 0.02  # a wider scope must beat a narrower one by this much (about the noise of ~250 mentions)


def choose_status(status_results: dict) -> tuple[float, str]:
    """Per scope the smallest C within C_MARGIN of its best accuracy (as for the visit scorer), then the
    narrowest scope unless a wider one is better by > SCOPE_MARGIN."""
    best = {}
    for scope in ("none", "scorer", "all"):
        accuracy = {c: _scope_accuracy(status_results[c], scope) for c in C_GRID}
        top = max(accuracy.values())
        c = min(c for c in C_GRID if accuracy[c] >= top - C_MARGIN)
        best[scope] = (accuracy[c], c)
    chosen = "none"
    for scope in ("scorer", "all"):
        if best[scope][0] > best[chosen][0] + SCOPE_MARGIN:
            chosen = scope
    return best[chosen][1], chosen


def write_report(
    results: dict,
    chosen: tuple[float, float],
    n_features: int,
    data: list[ArticleData],
    paths,
    status_results: dict,
    status_choice: tuple[float, str],
) -> None:
    row = _table_row
    n_cands = sum(len(a.pairs) for a in data)
    n_pos = sum(int(p in a.gold_pairs) for a in data for p in a.pairs)
    best_per_c = {c: max((results[(c, t)]["all"][2], t) for t in THRESHOLDS) for c in C_GRID}
    lines = [
        "# Training report: the learned parts of the extractor",
        "",
        "## Visit scorer",
        "",
        f"Written by `make train` (diplowatch/nlp/train.py) from {', '.join(Path(p).name for p in paths)}: "
        f"{len(data)} articles, {n_cands} candidate pairs ({n_pos} of them gold visits). Validation is not "
        f"read.",
        f"{FOLDS}-fold cross-validation by article (dealt round-robin in file order), logistic regression "
        f"(scikit-learn, random_state {SEED}). Visit precision / recall / F1 at the article-pair level, as "
        f"`diplowatch eval` "
        "counts them, for the rules alone and for the rules plus the pairs the scorer adds (out-of-fold "
        "scores).",
        "",
        "| setting | all (P / R / F1) | 1987 | modern |",
        "|---|---|---|---|",
        row("rules alone", results[("rules", None)]),
    ]
    lines += [
        row(f"rules + scorer, C={c}, threshold={t}", results[(c, t)]) for c, (_, t) in best_per_c.items()
    ]
    lines += [
        "",
        f"Chosen: C={chosen[0]}, threshold={chosen[1]} (best cross-validated F1 over dev + train, the "
        f"smallest C within {C_MARGIN} of it); "
        f"{n_features} non-zero feature weights in diplowatch/data/visit_scorer.json.",
        "",
    ]
    lines += [
        "## Status classifier",
        "",
        "Out-of-fold status accuracy on the mentions of gold visit pairs, by where the mention comes from "
        "(the rules' own mentions, or the pairs the scorer would add), rules' status against the "
        "classifier's.",
        "",
        "| C | rules' mentions: rules / classifier | scorer's mentions: rules / classifier | all, "
        "classifier deciding "
        "for none / scorer / all |",
        "|---|---|---|---|",
    ]
    for c_value, res in status_results.items():
        rule, scorer = res.get("rule", (0, 0, 0)), res.get("scorer", (0, 0, 0))
        scopes = " / ".join(f"{_scope_accuracy(res, s):.3f}" for s in ("none", "scorer", "all"))
        lines.append(
            f"| {c_value} | {rule[0]:.3f} / {rule[1]:.3f} (n={rule[2]}) | {scorer[0]:.3f} / {scorer[1]:.3f} "
            f"(n={scorer[2]}) | {scopes} |"
        )
    lines += [
        "",
        f"Chosen: C={status_choice[0]}, the classifier decides for: {status_choice[1]} "
        f"(per scope the smallest C within {C_MARGIN} of its best accuracy, then the narrowest scope "
        f"unless a wider one is better by more than {SCOPE_MARGIN}; "
        "diplowatch/data/status_classifier.json).",
        "",
    ]
    REPORT_PATH.write_text("\n".join(lines), encoding="utf-8")


def _table_row(name: str, scores: dict) -> str:
    cells = [
        f"{scores[k][0]:.3f} / {scores[k][1]:.3f} / {scores[k][2]:.3f}" if k in scores else "-"
        for k in ("all", "1987", "modern")
    ]
    return f"| {name} | " + " | ".join(cells) + " |"


def _append_reaction_report(results: dict, chosen: tuple) -> None:
    rules_key = ("rules", None, None, None)
    lines = [
        "",
        "## Reaction classifier",
        "",
        "Candidates: every state or IGO actor of a parsed sentence (subjects and sources of reporting, "
        "stance and demand verbs, holders of nominal positions, offices resolved to their country, each "
        "state of a group), with typed features (path to the governing predicate and its polarity, negation, "
        "modality, cue words of what was said, foreign actor named, quotation, actor kind, the rules' stance "
        "there, visit party). One logistic model per stance (one-vs-rest). Reaction precision / recall / F1 "
        "at the (reactor, stance) level per article, out of fold: the rules alone, the model's keys added to "
        "the rules' (`add`), and the model's keys alone with the rules' stance as a feature (`replace`); "
        "best thresholds per C and mode.",
        "",
        "| setting | all (P / R / F1) | 1987 | modern |",
        "|---|---|---|---|",
        _table_row("rules alone", results[rules_key]),
    ]
    for c_value in C_GRID:
        for mode in REACTION_MODES:
            keys = [k for k in results if k[0] == c_value and k[1] == mode]
            best = max(keys, key=lambda k: results[k]["all"][2])
            lines.append(
                _table_row(f"{mode}, C={c_value}, thresholds {best[2]} / {best[3]} (neutral)", results[best])
            )
    lines += [
        "",
        f"Chosen: C={chosen[0]}, mode={chosen[1]}, thresholds {chosen[2]} / {chosen[3]} "
        f"(diplowatch/data/reaction_scorer.json; mode 'off': no setting beat the rules alone by more than "
        f"{ADD_MARGIN}, the classifier is not loaded).",
        "",
        "A caution on this comparison: the rules were written on dev + train, so their row is in-sample "
        "while the classifier's rows are out of fold; the comparison favours the rules. Validation (`make "
        "eval`) is the fair test of a mode: docs/extraction.md (extractor 0.21) gives the validation scores "
        "of the best `add` and `replace` settings.",
        "",
    ]
    with REPORT_PATH.open("a", encoding="utf-8") as fh:
        fh.write("\n".join(lines))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--gold", action="append", required=True, help="gold file to train on (repeat); not validation"
    )
    args = parser.parse_args()
    if any("validation" in Path(p).name for p in args.gold):
        parser.error("the validation split is for measuring only: train on dev and train")
    data = collect(args.gold)
    results = cross_validate(data, _fit, _article_scores, lambda a: a.rule_pairs, lambda a: a.gold_pairs)
    chosen = choose_added(results)
    n_features = write_model(data, *chosen)
    status_results = cross_validate_status(data)
    status_choice = choose_status(status_results)
    write_status_model(data, *status_choice)
    reaction_results = cross_validate_reactions(data)
    reaction_choice = choose_reactions(reaction_results)
    write_reaction_model(data, reaction_choice)
    write_report(results, chosen, n_features, data, args.gold, status_results, status_choice)
    _append_reaction_report(reaction_results, reaction_choice)
    rr = reaction_results[("rules", None, None, None)]["all"]
    rb = reaction_results.get(
        reaction_choice[:1]
        + ("add" if reaction_choice[1] == "off" else reaction_choice[1],)
        + reaction_choice[2:],
        reaction_results[("rules", None, None, None)],
    )["all"]
    print(
        f"reactions, rules alone: P {rr[0]:.3f} R {rr[1]:.3f} F1 {rr[2]:.3f}; best classifier setting "
        f"{reaction_choice}: P {rb[0]:.3f} R {rb[1]:.3f} F1 {rb[2]:.3f} (dev + train, cross-validated)"
    )
    rules, best = results[("rules", None)]["all"], results.get(chosen, results[("rules", None)])["all"]
    print(
        f"rules alone: visit P {rules[0]:.3f} R {rules[1]:.3f} F1 {rules[2]:.3f} (dev + train, "
        f"cross-validated)"
    )
    print(
        f"rules + scorer (C={chosen[0]}, threshold={chosen[1]}): visit P {best[0]:.3f} R {best[1]:.3f} F1 "
        f"{best[2]:.3f}"
    )
    print(f"wrote {MODEL_PATH} ({n_features} weights) and {REPORT_PATH}")


if __name__ == "__main__":
    main()
