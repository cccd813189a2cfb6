"""Where the extraction time goes, by stage, without a profiler's overhead: CPU seconds (time.process_time, so
other work on a shared machine counts less) of each step of Extractor.extract_batch over real news, and of
each spaCy component on the sentences the pre-filter chose. "(people index)" is part of the steps that first
need it; "the rest" is mostly the spaCy parse inside extract_batch. The per-component figures come from a
second run over the same sentences, so memos (the lemma cache) are warm there.

Usage: .venv/bin/python bench/extract_stages.py [--n 1000] [--corpus PATH] [--exhaustive]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.extract_speed import DEFAULT_CORPUS, read_articles  # noqa: E402
from diplowatch.nlp import extractor as extractor_module  # noqa: E402
from diplowatch.nlp import people as people_module  # noqa: E402

SECONDS: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)


def timed(name: str, fn):
    def wrapper(*args, **kwargs):
        started = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            SECONDS[name] += time.process_time() - started
            CALLS[name] += 1

    return wrapper


def instrument(ex) -> None:
    """Timers around the Extractor's steps (module names the extractor calls) and the people index."""
    m = extractor_module
    for name in (
        "ArticleContext",
        "candidate_sentences",
        "scored_visits",
        "apply_status",
        "scored_reactions",
    ):
        if hasattr(m, name):
            setattr(m, name, timed(name, getattr(m, name)))
    if hasattr(m, "article_gate"):
        m.article_gate = timed("article_gate", m.article_gate)
    ex.rule_visits = timed("rule_visits", ex.rule_visits)
    reactions = ex._reactions
    reactions.reactions = timed("rule_reactions", reactions.reactions)
    people_module.PeopleIndex._scan = timed("(people index)", people_module.PeopleIndex._scan)


def component_times(nlp, texts: list[str]) -> dict[str, float]:
    """CPU seconds of each enabled spaCy component over the texts (batched as the Extractor does)."""
    out = {}
    started = time.process_time()
    docs = [nlp.make_doc(t) for t in texts]
    out["tokenizer"] = time.process_time() - started
    for name, proc in nlp.pipeline:
        started = time.process_time()
        docs = list(proc.pipe(docs, batch_size=256)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        out[name] = time.process_time() - started
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--exhaustive", action="store_true")
    args = parser.parse_args()
    articles = read_articles(args.corpus, args.n + 5)
    ex = extractor_module.Extractor(exhaustive=args.exhaustive)
    list(ex.extract_batch(articles[:5]))
    articles = articles[5:]
    texts: list[str] = []
    original_pipe = ex.nlp.pipe

    def pipe(items, **kwargs):
        items = list(items)
        texts.extend(items)
        return original_pipe(items, **kwargs)

    ex.nlp.pipe = pipe
    instrument(ex)
    wall, cpu = time.perf_counter(), time.process_time()
    list(ex.extract_batch(articles))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(
        f"{len(articles)} articles: {cpu:.2f} CPU s ({len(articles) / cpu:,.0f} articles per CPU second), "
        f"{wall:.2f} s wall; {len(texts)} sentences parsed ({len(texts) / len(articles):.2f} per article)"
    )
    for name, seconds in sorted(SECONDS.items(), key=lambda kv: -kv[1]):
        print(
            f"  {name:24s} {seconds:7.2f} s  {100 * seconds / cpu:5.1f}%  "
            f"{1000 * seconds / len(articles):6.2f} ms/article"
            f"  ({CALLS[name]} calls)"
        )
    rest = cpu - sum(v for k, v in SECONDS.items() if not k.startswith("("))
    print(
        f"  {'the rest: spaCy parse':24s} {rest:7.2f} s  {100 * rest / cpu:5.1f}%  "
        f"{1000 * rest / len(articles):6.2f} ms/article  ({1000 * rest / max(1, len(texts)):.2f} ms/sentence)"
    )
    print("spaCy components on those sentences (run again one component at a time):")
    for name, seconds in component_times(ex.nlp, texts).items():
        print(f"  {name:24s} {seconds:7.2f} s  {1000 * seconds / max(1, len(texts)):6.2f} ms/sentence")


if __name__ == "__main__":
    main()
