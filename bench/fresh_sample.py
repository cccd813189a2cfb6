"""A fresh, helper-labelled sample of the speed corpus, kept without its texts.

Labels written by helpers (LLM annotators reading each article of `../shared/bench/real-news-6k.jsonl.gz`
in full against `../shared/eval/GUIDELINES.md`; not adjudicated, not a gold set) are stored in
`bench/fresh/` as codes, statuses, dates and character spans only: `evidence` and `quote` become
`[start, end)` offsets into the article's text, so no text of the corpus is copied into the project.
`unpack` joins them with the corpus again and writes the eval sets' format for `diplowatch eval --gold`
(`make eval-fresh` does both parts).

Parts whose articles come from Reuters-21578 (1987; the wire the eval sets' 1987 items come from, not in
`../shared`) are joined with a local copy of its `reut2-0NN.sgm` files instead (`--reuters DIR`), their texts
made as the eval sets make them (bench/real_corpus.reuters21578, one line per paragraph); parts of AG News
items (2004) with a local copy of the AG News test split (`--agnews test.csv`, the file the eval sets cite by
row: bench/real_corpus.agnews).

Usage:
    .venv/bin/python bench/fresh_sample.py pack LABELLED.jsonl OUT.labels.jsonl
    .venv/bin/python bench/fresh_sample.py unpack LABELS.jsonl OUT.jsonl
        [--corpus PATH | --reuters DIR | --agnews CSV]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.extract_speed import DEFAULT_CORPUS, jsonl_rows  # noqa: E402
from bench.real_corpus import agnews, reuters21578  # noqa: E402

_SPANNED = ("evidence", "quote")


def _span(text: str, piece: str | None, item: str) -> list[int] | None:
    if piece is None:
        return None
    start = text.find(piece)
    if start < 0:
        raise ValueError(f"{item}: a labelled span is not in the article's text: {piece[:60]!r}")
    return [start, start + len(piece)]


def pack_record(record: dict) -> dict:
    """One labelled article without its text: each evidence and quote as its span in the text."""
    text = record["text"]
    gold = {"uncertain": list(record["gold"].get("uncertain", []))}
    for kind in ("visits", "reactions"):
        rows = []
        for row in record["gold"].get(kind, []):
            packed = {k: v for k, v in row.items() if k not in _SPANNED}
            for field in _SPANNED:
                if field in row:
                    packed[f"{field}_span"] = _span(text, row[field], record["id"])
            rows.append(packed)
        gold[kind] = rows
    return {"id": record["id"], "published_at": record.get("published_at"), "gold": gold}


def unpack_record(labels: dict, article: dict) -> dict:
    """The eval sets' format again: the article's fields with its labels, spans read back into text."""
    text = article["text"]
    gold = {"uncertain": list(labels["gold"].get("uncertain", []))}
    for kind in ("visits", "reactions"):
        rows = []
        for row in labels["gold"].get(kind, []):
            out = {k: v for k, v in row.items() if not k.endswith("_span")}
            for field in _SPANNED:
                if f"{field}_span" in row:  # a null evidence or quote stays null
                    span = row[f"{field}_span"]
                    out[field] = text[span[0] : span[1]] if span is not None else None
            rows.append(out)
        gold[kind] = rows
    return {
        "id": article["id"],
        "source": article.get("source"),
        "published_at": article.get("published_at"),
        "title": article.get("title"),
        "text": text,
        "gold": gold,
    }


def unpack(
    labels_path: Path, corpus: Path, reuters: Path | None = None, agnews_csv: Path | None = None
) -> list[dict]:
    labels = list(jsonl_rows(labels_path))
    wanted = {row["id"] for row in labels}
    if agnews_csv is not None:
        source, where = agnews(agnews_csv), agnews_csv
    elif reuters is not None:
        source, where = reuters21578(reuters, paragraphs=True), reuters
    else:
        source, where = jsonl_rows(corpus), corpus
    articles = {a["id"]: a for a in source if a["id"] in wanted}
    missing = sorted(wanted - set(articles))
    if missing:
        raise SystemExit(f"{len(missing)} labelled articles are not in {where}: {', '.join(missing[:5])}")
    return [unpack_record(row, articles[row["id"]]) for row in labels]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    pack_cmd = sub.add_parser("pack", help="labelled articles (with texts) -> labels with spans")
    pack_cmd.add_argument("labelled", type=Path)
    pack_cmd.add_argument("out", type=Path)
    unpack_cmd = sub.add_parser("unpack", help="labels with spans + the corpus -> the eval sets' format")
    unpack_cmd.add_argument("labels", type=Path)
    unpack_cmd.add_argument("out", type=Path)
    unpack_cmd.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    unpack_cmd.add_argument("--reuters", type=Path, default=None, help="a folder of Reuters-21578 .sgm files")
    unpack_cmd.add_argument("--agnews", type=Path, default=None, help="the AG News test split (test.csv)")
    args = parser.parse_args(argv)
    if args.command == "pack":
        rows = [pack_record(r) for r in jsonl_rows(args.labelled)]
    else:
        rows = unpack(args.labels, args.corpus, args.reuters, args.agnews)
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} articles -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
