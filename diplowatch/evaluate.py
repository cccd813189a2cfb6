"""Scoring of the extractor against hand-labelled gold files (the eval JSONL set or a single sample JSON)."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections import Counter
from pathlib import Path

LINKING_DEFINITION = (
    "share of gold reactions with about_visit=true for which some predicted reaction in the same item has the same "
    "(reactor_code, stance) and a non-null target_mention_id"
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
                raise ValueError(f"{path}:{lineno}: not a JSON object ({exc.msg}); fix or remove that line") from exc
    for item in items:
        if "text" not in item:
            rel = (item.get("source") or {}).get("file")
            found = None
            for base in (path.parent, path.parent.parent):
                if rel and (base / rel).exists():
                    found = base / rel
                    break
            if found is None:
                raise ValueError(f"{path}: item {item.get('id')!r} has no text and its source file {rel!r} was not found")
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
    """An error record: a predicted key without gold (with the sentence and the extractor's reason) or the reverse."""
    if predicted is not None:
        return {"item": item, "kind": kind, "pair": list(key), "evidence": predicted["sentence"],
                "why": predicted.get("confidence_reason")}
    return {"item": item, "kind": kind, "pair": list(key), "evidence": gold.get("evidence")}


def evaluate(gold_path: str | Path, extractor=None, exhaustive: bool = False) -> dict:
    """Run the real extractor on every gold item and score visits, status, dates, reactions and linking."""
    if extractor is None:
        from diplowatch.nlp import Extractor

        extractor = Extractor(exhaustive=exhaustive)
    items = load_gold(gold_path)
    articles = [
        {"article_id": item.get("id") or f"item-{i}", "text": item["text"], "published_at": _parse_date(item.get("published_at")),
         "title": item.get("title")}
        for i, item in enumerate(items)
    ]
    started = time.perf_counter()
    predictions = {aid: (v, r) for aid, v, r in extractor.extract_batch(articles)}
    elapsed = time.perf_counter() - started

    v_tp = v_fp = v_fn = r_tp = r_fp = r_fn = 0
    status_total = status_ok = 0
    start_ok = end_ok = both_ok = 0
    about_total = about_linked = 0
    errors: list[dict] = []
    for item, article in zip(items, articles, strict=True):
        aid = article["article_id"]
        visits, reactions = predictions.get(aid, ([], []))
        gold = item.get("gold") or {}
        gold_visits = _by_key(gold.get("visits", []), "visitor_code", "host_code")
        pred_visits = _by_key(visits, "visitor_code", "host_code")
        for pair in sorted(set(pred_visits) | set(gold_visits)):
            if pair in pred_visits and pair in gold_visits:
                v_tp += 1
                # Two gold trips of one pair in an article: status and dates are scored against the last one.
                g, ms = gold_visits[pair][-1], pred_visits[pair]
                status = _pair_status(ms)
                status_total += 1
                if status == g.get("status"):
                    status_ok += 1
                else:
                    errors.append({"item": aid, "kind": "visit_status", "pair": list(pair), "gold": g.get("status"),
                                   "predicted": status, "evidence": ms[0]["sentence"]})
                ps, pe = _pair_dates(ms)
                gs, ge = _parse_date(g.get("start_date")), _parse_date(g.get("end_date"))
                start_ok += ps == gs
                end_ok += pe == ge
                both_ok += ps == gs and pe == ge
                if (ps, pe) != (gs, ge):
                    errors.append({"item": aid, "kind": "visit_date", "pair": list(pair),
                                   "gold": [str(gs), str(ge)], "predicted": [str(ps), str(pe)], "evidence": ms[0]["sentence"]})
            elif pair in pred_visits:
                v_fp += 1
                errors.append(_miss(aid, "visit_fp", pair, predicted=pred_visits[pair][0]))
            else:
                v_fn += 1
                errors.append(_miss(aid, "visit_fn", pair, gold=gold_visits[pair][-1]))
        gold_reactions = _by_key(gold.get("reactions", []), "reactor_code", "stance")
        pred_reactions = _by_key(reactions, "reactor_code", "stance")
        for key in sorted(set(gold_reactions) | set(pred_reactions)):
            if key in gold_reactions and key in pred_reactions:
                r_tp += 1
            elif key in pred_reactions:
                r_fp += 1
                errors.append(_miss(aid, "reaction_fp", key, predicted=pred_reactions[key][0]))
            else:
                r_fn += 1
                errors.append(_miss(aid, "reaction_fn", key, gold=gold_reactions[key][0]))
        for key, golds in gold_reactions.items():
            for g in golds:
                if not g.get("about_visit"):
                    continue
                about_total += 1
                if any(r.get("target_mention_id") for r in pred_reactions.get(key, [])):
                    about_linked += 1
                else:
                    errors.append({"item": aid, "kind": "reaction_unlinked", "pair": list(key), "evidence": g.get("evidence")})

    def share(ok: int, total: int) -> float:
        return round(ok / total, 4) if total else 0.0

    return {
        "gold_path": str(gold_path),
        "items": len(items),
        "exhaustive": exhaustive,
        "elapsed_seconds": round(elapsed, 2),
        "visits": _prf(v_tp, v_fp, v_fn),
        "status": {"matched": status_total, "correct": status_ok, "accuracy": share(status_ok, status_total)},
        "dates": {
            "matched": status_total,
            "start_exact": share(start_ok, status_total),
            "end_exact": share(end_ok, status_total),
            "both_exact": share(both_ok, status_total),
            "rule": "on matched visits; a predicted date counts only when date_precision == 'day'; null == null is a match",
        },
        "reactions": _prf(r_tp, r_fp, r_fn),
        "linking": {"gold_about_visit": about_total, "linked": about_linked, "share": share(about_linked, about_total),
                    "definition": LINKING_DEFINITION},
        "errors": errors,
    }


def format_report(report: dict, errors: bool = False) -> str:
    """A readable summary of an evaluate() report, optionally with every mistake and its evidence."""
    v, r, s, d, link = report["visits"], report["reactions"], report["status"], report["dates"], report["linking"]
    lines = [
        f"gold: {report['gold_path']}  items: {report['items']}  mode: {'exhaustive' if report['exhaustive'] else 'pre-filtered'}"
        f"  extraction time: {report['elapsed_seconds']}s",
        f"visits     P {v['precision']:.3f}  R {v['recall']:.3f}  F1 {v['f1']:.3f}  (tp {v['tp']}, fp {v['fp']}, fn {v['fn']})",
        f"status     accuracy {s['accuracy']:.3f} on {s['matched']} matched visits",
        f"dates      start {d['start_exact']:.3f}  end {d['end_exact']:.3f}  both {d['both_exact']:.3f}  ({d['rule']})",
        f"reactions  P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}  (tp {r['tp']}, fp {r['fp']}, fn {r['fn']})",
        f"linking    {link['linked']}/{link['gold_about_visit']} = {link['share']:.3f}  ({link['definition']})",
    ]
    if errors:
        lines.append("")
        lines.append(f"errors ({len(report['errors'])}):")
        for e in report["errors"]:
            detail = ""
            if "gold" in e:
                detail = f" gold={e['gold']} predicted={e['predicted']}"
            lines.append(f"- [{e['kind']}] {e['item']} {tuple(e['pair'])}{detail}")
            lines.append(f"    evidence: {e.get('evidence')}")
            if e.get("why"):
                lines.append(f"    why: {e['why']}")
    return "\n".join(lines)
