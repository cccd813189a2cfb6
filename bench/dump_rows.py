"""Dumps the extractor's rows (visit and reaction rows per article) for gold files and real news, to compare
two versions or the fast and exhaustive modes of one version row for row.

Usage:
    .venv/bin/python bench/dump_rows.py OUT.json [--exhaustive] [--news N] [--gold PATH ...]
        [--reuters DIR [--reuters-n N]] [--agnews CSV] [--skip ID ...]
    .venv/bin/python bench/dump_rows.py --diff A.json B.json

Defaults: the three gold files of ../shared/eval and the first 300 articles of ../shared/bench/real-news-6k.
`--reuters DIR` adds the first N bodies of a local copy of Reuters-21578 (1987, unlabelled), one line per
paragraph as in the eval sets (bench/real_corpus.reuters21578), as `reuters:reuters21578-NEWID`;
`--agnews CSV` adds the rows of a local copy of the AG News test split (2004, undated, unlabelled; the file
the eval sets cite), their text as the eval sets have it (bench/real_corpus.agnews), as
`agnews:agnews-test-ROW`. `--skip ID` (also spelt `--reuters-skip`, its old name) leaves an article of the
news, Reuters-21578 or AG News articles out by id (e.g. those of a held-out set, so that no one tunes on them;
before extractor 0.51 it left out Reuters-21578 and AG News ids only: a held-out part's news was dumped).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.extract_speed import DEFAULT_CORPUS, read_articles  # noqa: E402
from bench.real_corpus import agnews, reuters21578  # noqa: E402

GOLD = [ROOT.parent / "shared" / "eval" / f"{name}.jsonl" for name in ("dev", "train", "validation")]


def _plain(value):
    return value.isoformat() if isinstance(value, dt.date) else value


def _rows(rows: list[dict]) -> list[dict]:
    return [{k: _plain(v) for k, v in row.items() if k != "extractor_version"} for row in rows]


def dump(extractor, articles: list[dict]) -> dict[str, dict]:
    """article_id -> {"visits": rows, "reactions": rows}."""
    return {
        str(aid): {"visits": _rows(v), "reactions": _rows(r)}
        for aid, v, r in extractor.extract_batch(articles)
    }


def gold_articles(paths: list[Path]) -> list[dict]:
    from diplowatch.evaluate import _parse_date, load_gold

    out = []
    for path in paths:
        for i, item in enumerate(load_gold(path)):
            out.append(
                {
                    "article_id": f"{path.stem}:{item.get('id') or i}",
                    "text": item["text"],
                    "published_at": _parse_date(item.get("published_at")),
                    "title": item.get("title"),
                }
            )
    return out


def reuters_articles(folder: Path, n: int, skip: set[str] = frozenset()) -> list[dict]:
    """The first n Reuters-21578 bodies (file order) whose ids are not in `skip`, in the extractor's shape."""
    out = []
    for item in reuters21578(folder, paragraphs=True):
        if item["id"] in skip:
            continue
        out.append(
            {
                "article_id": f"reuters:{item['id']}",
                "text": item["text"],
                "published_at": item["published_at"],
                "title": item["title"],
            }
        )
        if len(out) >= n:
            break
    return out


def agnews_articles(csv_path: Path, skip: set[str] = frozenset()) -> list[dict]:
    """The AG News test rows whose ids are not in `skip`, in the extractor's shape."""
    return [
        {
            "article_id": f"agnews:{item['id']}",
            "text": item["text"],
            "published_at": None,
            "title": item["title"],
        }
        for item in agnews(csv_path)
        if item["id"] not in skip and item["text"]
    ]


def diff(a: dict, b: dict) -> int:
    """Prints the articles whose rows differ; returns how many."""
    n = 0
    for aid in sorted(set(a) | set(b)):
        if a.get(aid) != b.get(aid):
            n += 1
            print(f"--- {aid}")
            for kind in ("visits", "reactions"):
                ra = {json.dumps(r, sort_keys=True) for r in (a.get(aid) or {}).get(kind, [])}
                rb = {json.dumps(r, sort_keys=True) for r in (b.get(aid) or {}).get(kind, [])}
                for row in sorted(ra - rb):
                    print(f"  only A {kind}: {row}")
                for row in sorted(rb - ra):
                    print(f"  only B {kind}: {row}")
                if ra == rb and (a.get(aid) or {}).get(kind) != (b.get(aid) or {}).get(kind):
                    print(f"  {kind}: same rows, other order")
    print(f"{n} of {len(set(a) | set(b))} articles differ")
    return n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path)
    parser.add_argument("--exhaustive", action="store_true")
    parser.add_argument("--news", type=int, default=300, help="first N real-news articles (0: none)")
    parser.add_argument("--gold", type=Path, action="append")
    parser.add_argument("--reuters", type=Path, help="a folder of Reuters-21578 reut2-*.sgm files")
    parser.add_argument("--reuters-n", type=int, default=3000, help="first N Reuters-21578 bodies")
    parser.add_argument("--agnews", type=Path, help="a local copy of the AG News test split (test.csv)")
    parser.add_argument(
        "--skip",
        "--reuters-skip",
        dest="skip",
        action="append",
        default=[],
        help="an article id to leave out of the news, Reuters-21578 and AG News articles (repeatable)",
    )
    parser.add_argument("--diff", nargs=2, type=Path)
    args = parser.parse_args()
    if args.diff:
        a, b = (json.loads(p.read_text()) for p in args.diff)
        sys.exit(1 if diff(a, b) else 0)
    from diplowatch.nlp import Extractor

    articles = gold_articles(args.gold or GOLD)
    skip = set(args.skip)
    if args.news:
        articles += [a for a in read_articles(DEFAULT_CORPUS, args.news) if a["article_id"] not in skip]
    if args.reuters:
        articles += reuters_articles(args.reuters, args.reuters_n, skip)
    if args.agnews:
        articles += agnews_articles(args.agnews, skip)
    extractor = Extractor(exhaustive=args.exhaustive)
    args.out.write_text(json.dumps(dump(extractor, articles), indent=0, sort_keys=True))
    print(f"{len(articles)} articles -> {args.out}")


if __name__ == "__main__":
    main()
