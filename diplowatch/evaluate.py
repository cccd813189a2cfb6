"""Scoring of the extractor against hand-labelled gold files (the eval JSONL set or a single sample JSON)."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections import Counter
from collections.abc import Collection
from pathlib import Path

LINKING_DEFINITION = (
    "share of gold reactions with about_visit=true for which some predicted reaction in the same item has "
    "the same (reactor_code, stance) and a non-null target_mention_id"
)


def _parse_date(value) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _read_sample_article(path: Path) -> tuple[str, dt.date | None, str | None]:
    """The sample input format: first line `date YYYY-MM-DD <title>`, the body after it."""
    raw = path.read_text(encoding="utf-8")
    first, _, body = raw.partition("\n")
    parts = first.split(None, 2)
    if len(parts) >= 2 and parts[0] == "date":
        return body, _parse_date(parts[1]), parts[2].strip() if len(parts) > 2 else None
    return raw, None, None


def load_gold(gold_path: str | Path) -> list[dict]:
    """Gold items from a JSONL file (one item per line) or a single JSON object / list of objects.

    An item without `text` (the samples' expected files) is completed from its `source.file`, looked up
    next to the gold file and next to its parent folder.
    """
    path = Path(gold_path)
    content = path.read_text(encoding="utf-8").strip()
    if not content:
        return []
    items: list[dict]
    try:
        data = json.loads(content)
        items = data if isinstance(data, list) else [data]
    except json.JSONDecodeError:
        items = []
        for lineno, line in enumerate(content.splitlines(), 1):
            if not line.strip():
                continue
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(
                    f"{path}:{lineno}: not a JSON object ({exc.msg}); fix or remove that line"
                ) from exc
    for item in items:
        if "text" not in item:
            rel = (item.get("source") or {}).get("file")
            found = None
            for base in (path.parent, path.parent.parent):
                if rel and (base / rel).exists():
                    found = base / rel
                    break
            if found is None:
                raise ValueError(
                    f"{path}: item {item.get('id')!r} has no text and its source file {rel!r} was not found"
                )
            text, published, title = _read_sample_article(found)
            item["text"] = text
            item.setdefault("published_at", published.isoformat() if published else None)
            item.setdefault("title", title)
    return items


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _pair_status(mentions: list[dict]) -> str:
    counts = Counter(m["status"] for m in mentions)
    best = max(counts.values())
    return next(m["status"] for m in mentions if counts[m["status"]] == best)


def _pair_dates(mentions: list[dict]) -> tuple[dt.date | None, dt.date | None]:
    """A predicted date counts only at day precision; the first mention that has one speaks for the pair."""
    for m in mentions:
        if m.get("date_precision") == "day" and (m.get("start_date") or m.get("end_date")):
            return _parse_date(m.get("start_date")), _parse_date(m.get("end_date"))
    return None, None


def _by_key(rows: list[dict], *fields: str) -> dict[tuple, list[dict]]:
    """Rows grouped by the tuple of `fields`: the per-article sets the scores are computed on."""
    grouped: dict[tuple, list[dict]] = {}
    for row in rows:
        grouped.setdefault(tuple(row[f] for f in fields), []).append(row)
    return grouped


def _miss(item: str, kind: str, key: tuple, predicted: dict | None = None, gold: dict | None = None) -> dict:
    """An error record: a predicted key without gold (with
    the sentence and the extractor's reason) or the reverse."""
    if predicted is not None:
        return {
            "item": item,
            "kind": kind,
            "pair": list(key),
            "evidence": predicted["sentence"],
            "why": predicted.get("confidence_reason"),
        }
    return {"item": item, "kind": kind, "pair": list(key), "evidence": gold.get("evidence")}


def _pair_detail(pair: tuple, others: Collection[tuple], found: bool) -> str:
    """Where a visit pair that only one side has went wrong, against the other side's pairs of the article:
    the pair reversed, the visitor with another host, the host with another visitor, or none of these."""
    visitor, host = pair
    if (host, visitor) in others:
        return "visitor and host swapped"
    if any(v == visitor for v, _ in others):
        return "another host for the visitor" if found else "the visitor's trip read with another host"
    if any(h == host for _, h in others):
        return "another visitor for the host" if found else "the host's visitor read as another state"
    return "no such trip in the gold" if found else "no trip of the visitor found"


def _date_detail(predicted: tuple, gold: tuple) -> str:
    """Which end of a matched visit's dates is wrong, and how: "start missing, end right", "start wrong, end
    missing", ...; "given" where the gold has none."""

    def end_detail(p, g) -> str:
        if p == g:
            return "right"
        if g is None:
            return "given (gold has none)"
        return "missing" if p is None else "wrong"

    return f"start {end_detail(predicted[0], gold[0])}, end {end_detail(predicted[1], gold[1])}"


def _reaction_detail(key: tuple, others: Collection[tuple], found: bool) -> str:
    """A reaction key only one side has: the reactor with another stance on the other side, or not at all."""
    code, stance = key
    other = sorted(s for c, s in others if c == code and s != stance)
    if other:
        how = f"found, the gold has {other[0]}" if found else f"missed, found as {other[0]}"
    else:
        how = "found, the reactor not in the gold" if found else "missed, the reactor not found"
    return f"{stance} {how}"


MODERN_ID_PREFIXES = ("rtr0613-", "isot-")


def era_of(item_id: str) -> str:
    """The era of a gold item by its id: Reuters 2006-2017
    (`rtr0613-*`, `isot-*`) is modern, the rest 1987 / AG News."""
    return "modern" if str(item_id).startswith(MODERN_ID_PREFIXES) else "1987"


class _Tally:
    """Running counts of one scored set of items (a split or one era of it)."""

    def __init__(self) -> None:
        self.v = [0, 0, 0]  # visits tp, fp, fn
        self.r = [0, 0, 0]  # reactions tp, fp, fn
        self.status = [0, 0]  # matched, correct
        self.dates = [0, 0, 0]  # start, end, both exact
        self.dated = [0, 0]  # matched visits whose gold has a date, both exact among them
        self.about = [0, 0]  # gold about_visit, linked
        self.errors: list[dict] = []

    def counts(self) -> tuple[int, ...]:
        """The tallies that measures are computed from (`COUNT_FIELDS`), for resampling articles."""
        return (*self.v, *self.r, *self.status, *self.dated)

    def report(self) -> dict:
        def share(ok: int, total: int) -> float:
            return round(ok / total, 4) if total else 0.0

        matched = self.status[0]
        return {
            "visits": _prf(*self.v),
            "status": {
                "matched": matched,
                "correct": self.status[1],
                "accuracy": share(self.status[1], matched),
            },
            "dates": {
                "matched": matched,
                "start_exact": share(self.dates[0], matched),
                "end_exact": share(self.dates[1], matched),
                "both_exact": share(self.dates[2], matched),
                "dated_gold": self.dated[0],
                "dated_both_exact": share(self.dated[1], self.dated[0]),
                "rule": "on matched visits; a predicted date counts only when date_precision == 'day'; "
                "null == null is a match; dated_both_exact: the same on matched visits whose gold has a date",
            },
            "reactions": _prf(*self.r),
            "linking": {
                "gold_about_visit": self.about[0],
                "linked": self.about[1],
                "share": share(self.about[1], self.about[0]),
                "definition": LINKING_DEFINITION,
            },
        }


def _score_visits(t: _Tally, aid: str, gold: dict, visits: list[dict]) -> None:
    gold_visits = _by_key(gold.get("visits", []), "visitor_code", "host_code")
    pred_visits = _by_key(visits, "visitor_code", "host_code")
    for pair in sorted(set(pred_visits) | set(gold_visits)):
        if pair in pred_visits and pair in gold_visits:
            t.v[0] += 1
            # Two gold trips of one pair in an article: status and dates are scored against the last one.
            g, ms = gold_visits[pair][-1], pred_visits[pair]
            status = _pair_status(ms)
            t.status[0] += 1
            if status == g.get("status"):
                t.status[1] += 1
            else:
                t.errors.append(
                    {
                        "item": aid,
                        "kind": "visit_status",
                        "pair": list(pair),
                        "gold": g.get("status"),
                        "predicted": status,
                        "detail": f"{g.get('status')} read as {status}",
                        "evidence": ms[0]["sentence"],
                    }
                )
            ps, pe = _pair_dates(ms)
            gs, ge = _parse_date(g.get("start_date")), _parse_date(g.get("end_date"))
            both = ps == gs and pe == ge
            t.dates[0] += ps == gs
            t.dates[1] += pe == ge
            t.dates[2] += both
            if gs or ge:
                t.dated[0] += 1
                t.dated[1] += both
            if not both:
                t.errors.append(
                    {
                        "item": aid,
                        "kind": "visit_date",
                        "pair": list(pair),
                        "gold": [str(gs), str(ge)],
                        "predicted": [str(ps), str(pe)],
                        "detail": _date_detail((ps, pe), (gs, ge)),
                        "evidence": ms[0]["sentence"],
                    }
                )
        elif pair in pred_visits:
            t.v[1] += 1
            record = _miss(aid, "visit_fp", pair, predicted=pred_visits[pair][0])
            t.errors.append({**record, "detail": _pair_detail(pair, gold_visits.keys(), found=True)})
        else:
            t.v[2] += 1
            record = _miss(aid, "visit_fn", pair, gold=gold_visits[pair][-1])
            t.errors.append({**record, "detail": _pair_detail(pair, pred_visits.keys(), found=False)})


def _score_reactions(t: _Tally, aid: str, gold: dict, reactions: list[dict]) -> None:
    gold_reactions = _by_key(gold.get("reactions", []), "reactor_code", "stance")
    pred_reactions = _by_key(reactions, "reactor_code", "stance")
    for key in sorted(set(gold_reactions) | set(pred_reactions)):
        if key in gold_reactions and key in pred_reactions:
            t.r[0] += 1
        elif key in pred_reactions:
            t.r[1] += 1
            record = _miss(aid, "reaction_fp", key, predicted=pred_reactions[key][0])
            t.errors.append({**record, "detail": _reaction_detail(key, gold_reactions.keys(), found=True)})
        else:
            t.r[2] += 1
            record = _miss(aid, "reaction_fn", key, gold=gold_reactions[key][0])
            t.errors.append({**record, "detail": _reaction_detail(key, pred_reactions.keys(), found=False)})
    for key, golds in gold_reactions.items():
        for g in golds:
            if not g.get("about_visit"):
                continue
            t.about[0] += 1
            if any(r.get("target_mention_id") for r in pred_reactions.get(key, [])):
                t.about[1] += 1
            else:
                t.errors.append(
                    {
                        "item": aid,
                        "kind": "reaction_unlinked",
                        "pair": list(key),
                        "evidence": g.get("evidence"),
                        "detail": "found, not linked to a visit" if key in pred_reactions else "not found",
                    }
                )


def score(
    items: list[dict], predictions: dict[str, tuple[list[dict], list[dict]]], resamples: int = 0
) -> dict:
    """Scores of predictions (article id -> (visit rows,
    reaction rows)) against gold items, overall and by era; with `resamples`, each with its bootstrap
    intervals (`bootstrap_intervals`) under "intervals"."""
    overall = _Tally()
    eras: dict[str, _Tally] = {}
    for i, item in enumerate(items):
        aid = item.get("id") or f"item-{i}"
        visits, reactions = predictions.get(aid, ([], []))
        gold = item.get("gold") or {}
        era = eras.setdefault(era_of(aid), _Tally())
        for tally in (overall, era):
            _score_visits(tally, aid, gold, visits)
            _score_reactions(tally, aid, gold, reactions)
    report = overall.report()
    report["errors"] = overall.errors
    report["eras"] = {
        name: {"items": sum(era_of(it.get("id") or "") == name for it in items), **eras[name].report()}
        for name in sorted(eras)
    }
    if resamples:
        counts = item_counts(items, predictions)
        report["intervals"] = bootstrap_intervals([c for cs in counts.values() for c in cs], resamples)
        for name in report["eras"]:
            report["eras"][name]["intervals"] = bootstrap_intervals(counts[name], resamples)
    return report


def item_counts(
    items: list[dict], predictions: dict[str, tuple[list[dict], list[dict]]]
) -> dict[str, list[tuple[int, ...]]]:
    """Each item's own tallies (`COUNT_FIELDS`) by era, in item order: what resampling draws from."""
    counts: dict[str, list[tuple[int, ...]]] = {}
    for i, item in enumerate(items):
        aid = item.get("id") or f"item-{i}"
        visits, reactions = predictions.get(aid, ([], []))
        own = _Tally()
        _score_visits(own, aid, item.get("gold") or {}, visits)
        _score_reactions(own, aid, item.get("gold") or {}, reactions)
        counts.setdefault(era_of(aid), []).append(own.counts())
    return counts


#: What one article adds to the numerators and denominators of the measures, in `_Tally.counts` order.
COUNT_FIELDS = (
    "visit_tp", "visit_fp", "visit_fn", "reaction_tp", "reaction_fp", "reaction_fn",
    "status_matched", "status_correct", "dated_gold", "dated_both_exact",
)  # fmt: skip
INTERVAL_MEASURES = ("visit_f1", "status", "dates", "reaction_f1")


def bootstrap_intervals(
    counts: list[tuple[int, ...]], resamples: int = 1000, level: float = 0.95, seed: int = 0
) -> dict[str, list[float] | None]:
    """Percentile bootstrap intervals of visit F1, status accuracy, dates (both exact on dated gold) and
    reaction F1: the articles are drawn with replacement `resamples` times (an article is the unit: its events
    are not independent of one another) and each measure recomputed from the drawn articles' counts. A fixed
    seed makes them reproducible; None where no draw has anything to measure (no dated gold, say)."""
    if not counts:
        return dict.fromkeys(INTERVAL_MEASURES)
    return _percentiles(_drawn_measures([counts], resamples, seed)[0], level)


def paired_bootstrap(
    before: list[tuple[int, ...]],
    after: list[tuple[int, ...]],
    resamples: int = 1000,
    level: float = 0.95,
    seed: int = 0,
) -> dict[str, list[float] | None]:
    """Percentile intervals of after − before for each measure, two runs scored on the same articles (the
    same draws for both: a paired bootstrap, so what the two runs share cancels out). An interval that holds 0
    is a change the articles cannot tell from chance."""
    if len(before) != len(after):
        raise ValueError(f"paired runs must score the same articles ({len(before)} against {len(after)})")
    if not before:
        return dict.fromkeys(INTERVAL_MEASURES)
    drawn_before, drawn_after = _drawn_measures([before, after], resamples, seed)
    return _percentiles({m: drawn_after[m] - drawn_before[m] for m in INTERVAL_MEASURES}, level)


def _point(counts: list[tuple[int, ...]]) -> dict[str, float | None]:
    """The measures of a set of articles from their summed counts (None where there is nothing to measure)."""
    c = [sum(col) for col in zip(*counts, strict=True)] if counts else [0] * len(COUNT_FIELDS)

    def ratio(num: int, den: int) -> float | None:
        return round(num / den, 4) if den else None

    return {
        "visit_f1": ratio(2 * c[0], 2 * c[0] + c[1] + c[2]),
        "status": ratio(c[7], c[6]),
        "dates": ratio(c[9], c[8]),
        "reaction_f1": ratio(2 * c[3], 2 * c[3] + c[4] + c[5]),
    }


def compare_runs(
    gold_paths: list[str | Path], before: dict[str, dict], after: dict[str, dict], resamples: int = 1000
) -> dict[str, dict[str, dict]]:
    """Two runs' predictions (gold file stem -> article id -> (visit rows, reaction rows)) on the same gold
    files: for each file both runs have, overall and by era, each run's figures and the paired bootstrap
    interval of the change (`paired_bootstrap`)."""
    out: dict[str, dict[str, dict]] = {}
    for path in gold_paths:
        stem = Path(path).stem
        if stem not in before or stem not in after:
            continue
        items = load_gold(path)
        ids = {item.get("id") or f"item-{i}" for i, item in enumerate(items)}
        for run, rows in (("before", before[stem]), ("after", after[stem])):
            missing = ids - set(rows)
            if missing:
                # a run that did not read an article is no run of no events on it
                raise ValueError(
                    f"{stem}: the {run} run has no rows for {len(missing)} of its articles "
                    f"({', '.join(sorted(missing)[:3])}): not the same gold file"
                )
        counts_before, counts_after = item_counts(items, before[stem]), item_counts(items, after[stem])
        groups = {"all": list(counts_before)} | {era: [era] for era in sorted(counts_before)}
        out[stem] = {}
        for name, eras in groups.items():
            a = [c for era in eras for c in counts_before[era]]
            b = [c for era in eras for c in counts_after[era]]
            out[stem][name] = {
                "items": len(a),
                "before": _point(a),
                "after": _point(b),
                "change": paired_bootstrap(a, b, resamples),
            }
    return out


def format_comparison(comparison: dict[str, dict[str, dict]]) -> str:
    """Each measure as before -> after with the 95% interval of the change, per gold file and era."""
    header = ["set", "era", "items", *INTERVAL_MEASURES]
    rows = [header]

    def cell(row: dict, measure: str) -> str:
        a, b, change = row["before"][measure], row["after"][measure], row["change"][measure]
        if a is None or b is None:
            return "-"
        return f"{a:.3f}->{b:.3f} [{change[0]:+.3f},{change[1]:+.3f}]" if change else f"{a:.3f}->{b:.3f}"

    for stem, by_era in comparison.items():
        for era, row in by_era.items():
            rows.append([stem, era, str(row["items"]), *(cell(row, m) for m in INTERVAL_MEASURES)])
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def save_predictions(path: str | Path, predictions: dict[str, dict]) -> None:
    """Write a run's predictions (gold file stem -> article id -> (visit rows, reaction rows)) as JSON, for a
    later run to `--compare` against."""
    payload = {
        stem: {aid: {"visits": v, "reactions": r} for aid, (v, r) in by_id.items()}
        for stem, by_id in predictions.items()
    }
    Path(path).write_text(json.dumps(payload, default=str, ensure_ascii=False), encoding="utf-8")


def load_predictions(path: str | Path) -> dict[str, dict]:
    """Predictions written by `save_predictions`."""
    try:
        payload = json.loads(Path(path).read_text(encoding="utf-8"))
        return {
            stem: {aid: (rows["visits"], rows["reactions"]) for aid, rows in by_id.items()}
            for stem, by_id in payload.items()
        }
    except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"{path}: not a predictions file written by --save-predictions ({exc})") from exc


def _drawn_measures(runs: list[list[tuple[int, ...]]], resamples: int, seed: int) -> list[dict]:
    """Each measure over `resamples` draws of the articles with replacement, the same draws for every run."""
    import numpy as np

    per_run = [np.asarray(counts, dtype=np.int64) for counts in runs]
    n = len(per_run[0])
    rng = np.random.default_rng(seed)
    sums = [np.empty((resamples, len(COUNT_FIELDS)), dtype=np.int64) for _ in runs]
    for start in range(0, resamples, 100):  # 100 draws at a time keeps memory to 100 x articles x fields
        stop = min(start + 100, resamples)
        drawn = rng.integers(0, n, size=(stop - start, n))
        for total, per_item in zip(sums, per_run, strict=True):
            total[start:stop] = per_item[drawn].sum(1)
    out = []
    with np.errstate(divide="ignore", invalid="ignore"):
        for c in sums:
            out.append(
                {
                    "visit_f1": 2 * c[:, 0] / (2 * c[:, 0] + c[:, 1] + c[:, 2]),
                    "status": c[:, 7] / c[:, 6],
                    "dates": c[:, 9] / c[:, 8],
                    "reaction_f1": 2 * c[:, 3] / (2 * c[:, 3] + c[:, 4] + c[:, 5]),
                }
            )
    return out


def _percentiles(values: dict, level: float) -> dict[str, list[float] | None]:
    """The central `level` interval of each measure's finite draws (None when no draw has a value)."""
    import numpy as np

    out: dict[str, list[float] | None] = {}
    tail = (1 - level) / 2 * 100
    for name, drawn in values.items():
        drawn = drawn[np.isfinite(drawn)]
        out[name] = (
            [round(float(np.percentile(drawn, tail)), 3), round(float(np.percentile(drawn, 100 - tail)), 3)]
            if len(drawn)
            else None
        )
    return out


def evaluate(
    gold_path: str | Path,
    extractor=None,
    exhaustive: bool = False,
    keep_predictions: bool = False,
    resamples: int = 0,
) -> dict:
    """Run the real extractor on every gold item and score visits, status, dates, reactions and linking (with
    bootstrap intervals over `resamples` draws of the articles when given)."""
    if extractor is None:
        from diplowatch.nlp import Extractor

        extractor = Extractor(exhaustive=exhaustive)
    items = load_gold(gold_path)
    articles = [
        {
            "article_id": item.get("id") or f"item-{i}",
            "text": item["text"],
            "published_at": _parse_date(item.get("published_at")),
            "title": item.get("title"),
        }
        for i, item in enumerate(items)
    ]
    started = time.perf_counter()
    predictions = {aid: (v, r) for aid, v, r in extractor.extract_batch(articles)}
    elapsed = time.perf_counter() - started
    report = {
        "gold_path": str(gold_path),
        "items": len(items),
        "exhaustive": exhaustive,
        "elapsed_seconds": round(elapsed, 2),
        **score(items, predictions, resamples),
    }
    if keep_predictions:
        report["_predictions"] = predictions
    return report


def format_report(report: dict, errors: bool = False) -> str:
    """A readable summary of an evaluate() report, optionally with every mistake and its evidence."""
    v, r, s, d, link = (
        report["visits"],
        report["reactions"],
        report["status"],
        report["dates"],
        report["linking"],
    )
    lines = [
        f"gold: {report['gold_path']}  items: {report['items']}  mode: "
        f"{'exhaustive' if report['exhaustive'] else 'pre-filtered'}"
        f"  extraction time: {report['elapsed_seconds'] if report['elapsed_seconds'] is not None else '-'}s",
        f"visits     P {v['precision']:.3f}  R {v['recall']:.3f}  F1 {v['f1']:.3f}  (tp {v['tp']}, fp "
        f"{v['fp']}, fn {v['fn']})",
        f"status     accuracy {s['accuracy']:.3f} on {s['matched']} matched visits",
        f"dates      start {d['start_exact']:.3f}  end {d['end_exact']:.3f}  both {d['both_exact']:.3f}"
        f"  on dated gold {d['dated_both_exact']:.3f} of {d['dated_gold']}  ({d['rule']})",
        f"reactions  P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}  (tp {r['tp']}, fp "
        f"{r['fp']}, fn {r['fn']})",
        f"linking    {link['linked']}/{link['gold_about_visit']} = {link['share']:.3f}  "
        f"({link['definition']})",
    ]
    for era, sub in report.get("eras", {}).items():
        ev, er = sub["visits"], sub["reactions"]
        lines.append(
            f"  {era:<7} ({sub['items']} items)  visits F1 {ev['f1']:.3f} (P {ev['precision']:.3f} R "
            f"{ev['recall']:.3f})"
            f"  status {sub['status']['accuracy']:.3f}  dated {sub['dates']['dated_both_exact']:.3f}"
            f"  reactions F1 {er['f1']:.3f} (P {er['precision']:.3f} R {er['recall']:.3f})"
        )
    if "intervals" in report:
        lines.append(f"95% intervals (bootstrap over articles): {_interval_cells(report['intervals'])}")
        for era, sub in report.get("eras", {}).items():
            lines.append(f"  {era:<7} {_interval_cells(sub['intervals'])}")
    if errors:
        lines.append("")
        lines.append(f"errors ({len(report['errors'])}):")
        for e in report["errors"]:
            detail = ""
            if "gold" in e:
                detail = f" gold={e['gold']} predicted={e['predicted']}"
            if e.get("detail"):
                detail += f" ({e['detail']})"
            lines.append(f"- [{e['kind']}] {e['item']} {tuple(e['pair'])}{detail}")
            lines.append(f"    evidence: {e.get('evidence')}")
            if e.get("why"):
                lines.append(f"    why: {e['why']}")
    return "\n".join(lines)


KIND_NAMES = {
    "reaction_fn": "reaction missed",
    "reaction_fp": "reaction wrongly found",
    "reaction_unlinked": "reaction not linked to its visit",
    "visit_fn": "visit missed",
    "visit_fp": "visit wrongly found",
    "visit_status": "visit status",
    "visit_date": "visit dates",
}


def error_kinds(errors: list[dict]) -> list[tuple[str, str, int]]:
    """(record kind, detail, count) of error records, most common first (ties by kind and detail): the typed
    breakdown of what is left, from the records alone (no keyword sorting of the evidence)."""
    counts = Counter((e["kind"], e.get("detail") or "") for e in errors)
    return sorted(((k, d, n) for (k, d), n in counts.items()), key=lambda x: (-x[2], x[0], x[1]))


def format_error_kinds(errors: list[dict], top: int | None = None) -> str:
    """A numbered table of the most common error kinds (all of them when top is None)."""
    kinds = error_kinds(errors)
    shown = kinds if top is None else kinds[:top]
    lines = [f"error kinds ({len(errors)} records, {len(kinds)} kinds):", "| # | kind | detail | records |"]
    lines.append("|---|---|---|---|")
    for i, (kind, detail, n) in enumerate(shown, 1):
        lines.append(f"| {i} | {KIND_NAMES.get(kind, kind)} | {detail} | {n} |")
    if len(shown) < len(kinds):
        rest = sum(n for _, _, n in kinds[len(shown) :])
        lines.append(f"(and {len(kinds) - len(shown)} kinds more, {rest} records)")
    return "\n".join(lines)


def evaluate_splits(
    gold_paths: list[str | Path],
    extractor=None,
    exhaustive: bool = False,
    resamples: int = 0,
    predictions_out: dict | None = None,
) -> dict[str, dict]:
    """Reports of several gold files by file stem (dev, train, validation), plus the first ones combined.

    With three or more files, "<a>+<b>" scores the union of all but the last
    file, the figures the last one (the held-out split) is compared with. `predictions_out`, when given,
    receives each file's predictions by stem.
    """
    if extractor is None:
        from diplowatch.nlp import Extractor

        extractor = Extractor(exhaustive=exhaustive)
    reports: dict[str, dict] = {}
    seen: list[tuple[list[dict], dict]] = []
    for path in gold_paths:
        report = evaluate(
            path, extractor=extractor, exhaustive=exhaustive, keep_predictions=True, resamples=resamples
        )
        reports[Path(path).stem] = report
        seen.append((load_gold(path), report.pop("_predictions")))
        if predictions_out is not None:
            predictions_out[Path(path).stem] = seen[-1][1]
    if len(seen) >= 3:
        items = [item for its, _ in seen[:-1] for item in its]
        predictions = {aid: p for _, preds in seen[:-1] for aid, p in preds.items()}
        name = "+".join(Path(p).stem for p in gold_paths[:-1])
        reports[name] = {
            "gold_path": name,
            "items": len(items),
            "exhaustive": exhaustive,
            "elapsed_seconds": None,
            **score(items, predictions, resamples),
        }
    return reports


_TABLE_COLUMNS = (
    "set",
    "era",
    "items",
    "visit P",
    "visit R",
    "visit F1",
    "status",
    "dates",
    "react P",
    "react R",
    "react F1",
    "linked",
)


def _table_row(name: str, era: str, report: dict) -> list[str]:
    v, r, d, link = report["visits"], report["reactions"], report["dates"], report["linking"]
    return [
        name,
        era,
        str(report["items"]),
        f"{v['precision']:.3f}",
        f"{v['recall']:.3f}",
        f"{v['f1']:.3f}",
        f"{report['status']['accuracy']:.3f}",
        f"{d['dated_both_exact']:.3f} /{d['dated_gold']}",
        f"{r['precision']:.3f}",
        f"{r['recall']:.3f}",
        f"{r['f1']:.3f}",
        f"{link['linked']}/{link['gold_about_visit']}",
    ]


def _interval(bounds: list[float] | None) -> str:
    return f"{bounds[0]:.3f}-{bounds[1]:.3f}" if bounds else "-"


def _interval_cells(intervals: dict) -> str:
    return "  ".join(f"{name} {_interval(intervals[name])}" for name in INTERVAL_MEASURES)


def format_intervals(reports: dict[str, dict]) -> str:
    """The bootstrap intervals of each split and era (reports scored with resamples), as a table."""
    header = ["set", "era", "items", *INTERVAL_MEASURES]
    rows = [header]
    for name, report in reports.items():
        for era, sub in [("all", report), *report["eras"].items()]:
            rows.append(
                [name, era, str(sub["items"]), *(_interval(sub["intervals"][m]) for m in INTERVAL_MEASURES)]
            )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def format_table(reports: dict[str, dict]) -> str:
    """Splits side by side, each overall and by era; dates =
    both ends exact on matched visits whose gold has a date."""
    rows = [list(_TABLE_COLUMNS)]
    for name, report in reports.items():
        rows.append(_table_row(name, "all", report))
        rows.extend(_table_row(name, era, sub) for era, sub in report["eras"].items())
    widths = [max(len(row[i]) for row in rows) for i in range(len(_TABLE_COLUMNS))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
