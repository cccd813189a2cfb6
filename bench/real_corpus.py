"""Real-news benchmark corpora: what `make bench` measures by default.

- `real6k`: ../shared/bench/real-news-6k.jsonl.gz, 6,000 Reuters articles of 2006-2017 (~3,000 characters
  each).
- `evaltexts`: the texts of ../shared/eval (dev + train + validation: Reuters 1987, AG News 2004, Reuters
  2006-2017); read for speed only, their labels are not looked at.
- `decades`: a 10,000-article mix of short and long articles over four decades: Reuters-21578 bodies (1987)
  and AG News test rows (undated, short) from local copies of their public repositories (see `--reuters` and
  `--agnews`; they are not part of the project and are never committed), plus real6k and evaltexts.

Every corpus is written as JSON Lines files, one article per line, as a user's archive would be.
"""

from __future__ import annotations

import csv
import gzip
import html
import json
import random
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

SEED = 2026


def real6k(shared: Path) -> list[dict]:
    path = shared / "bench" / "real-news-6k.jsonl.gz"
    if not path.exists():
        raise SystemExit(
            f"{path} is absent: the real-news benchmark needs ../shared beside the checkout "
            "(or pass --corpus templates for the synthetic corpus)"
        )
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [_article(json.loads(line)) for line in handle if line.strip()]


def evaltexts(shared: Path) -> list[dict]:
    """The eval sets' article texts (no labels), for speed only."""
    out = []
    for split in ("dev", "train", "validation"):
        path = shared / "eval" / f"{split}.jsonl"
        if path.exists():
            out += [
                _article(json.loads(line)) for line in path.read_text(encoding="utf-8").splitlines() if line
            ]
    return out


def _article(item: dict) -> dict:
    return {
        "id": str(item["id"]),
        "title": item.get("title"),
        "published_at": item.get("published_at"),
        "source": item.get("source") if isinstance(item.get("source"), str) else "Reuters",
        "text": item["text"],
    }


_SGML_DOC = re.compile(r"<REUTERS[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)


def reuters21578(folder: Path, paragraphs: bool = False) -> Iterator[dict]:
    """Bodies of Reuters-21578 (`reut2-0NN.sgm` files), dated by their <DATE> (1987); dateline + body.

    paragraphs=True gives the text as the eval sets have it (`reflow`): one line per paragraph, not the
    wire's 70-column lines, whose breaks would cut sentences (a sentence never crosses a line)."""
    for path in sorted(folder.glob("reut2-*.sgm")):
        raw = path.read_bytes().decode("latin-1")
        for newid, doc in _SGML_DOC.findall(raw):
            body = _tag(doc, "BODY")
            if not body or len(body) < 200:
                continue
            when = _tag(doc, "DATE")
            try:
                day = datetime.strptime(when.split()[0], "%d-%b-%Y").date().isoformat()
            except (ValueError, IndexError):
                day = None
            dateline = _tag(doc, "DATELINE")
            text = html.unescape(f"{dateline} {body}" if dateline else body).replace("\x03", "")
            text = re.sub(r"\s*Reuter\s*$", "", text.strip())
            if paragraphs:
                text = reflow(text)
            yield {
                "id": f"reuters21578-{newid}",
                "title": html.unescape(_tag(doc, "TITLE") or "") or None,
                "published_at": day,
                "source": "Reuters",
                "text": text,
            }


def reflow(text: str) -> str:
    """A Reuters-21578 body with one paragraph per line: a paragraph starts at the wire's `&\\t` mark, an
    indented line or after a blank line; the lines inside it are joined by a space, runs of spaces become one
    and the closing "REUTER" goes."""
    text = re.sub(r"\s*\bREUTER\s*$", "", text, flags=re.I)
    paragraphs: list[list[str]] = [[]]
    for line in text.split("\n"):
        if line.startswith("&\\t") or line.startswith((" ", "\t")) or not line.strip():
            paragraphs.append([])
        line = line.removeprefix("&\\t").strip()
        if line:
            paragraphs[-1].append(line)
    return "\n".join(re.sub(" {2,}", " ", " ".join(p)) for p in paragraphs if p)


def _tag(doc: str, name: str) -> str:
    match = re.search(rf"<{name}>(.*?)</{name}>", doc, re.S)
    return match.group(1).strip() if match else ""


def agnews_text(raw: str) -> str:
    """An AG News field as the eval sets have it (checked against all their AG News items): the dump's
    entity remnants read (" quot;" is a quotation mark, "#39;" an apostrophe), its backslash line breaks and
    runs of spaces made one space."""
    text = raw.replace(" quot;", '"').replace("quot;", '"').replace(" #39;", "'").replace("#39;", "'")
    return html.unescape(re.sub(r"\s+", " ", text.replace("\\", " ")).strip())


def agnews(csv_path: Path) -> Iterator[dict]:
    """AG News test rows (class, title, description): short and undated."""
    with csv_path.open(encoding="utf-8") as handle:
        for row_number, row in enumerate(csv.reader(handle), 1):
            if len(row) >= 3:
                text = agnews_text(row[2])
                yield {
                    "id": f"agnews-test-{row_number}",
                    "title": agnews_text(row[1]),
                    "published_at": None,
                    "source": "AG News",
                    "text": text,
                }


def decades(
    shared: Path, reuters: Path | None, agnews_csv: Path | None, size: int = 10_000
) -> tuple[list[dict], str]:
    """A `size`-article mix over four decades: Reuters-21578 (1987, short-to-medium), AG News (undated,
    short), real6k (2006-2017, long) and the eval texts, in fixed proportions, shuffled with a fixed seed."""
    rng = random.Random(SEED)
    long_modern = real6k(shared)
    parts = {
        "Reuters 2006-2017": rng.sample(long_modern, min(len(long_modern), size * 3 // 10)),
        "eval texts": evaltexts(shared),
    }
    if reuters is not None:
        old = list(reuters21578(reuters))
        parts["Reuters-21578 (1987)"] = rng.sample(old, min(len(old), size * 4 // 10))
    if agnews_csv is not None:
        short = list(agnews(agnews_csv))
        room = size - sum(len(p) for p in parts.values())
        parts["AG News (undated)"] = rng.sample(short, min(len(short), max(0, room)))
    articles = [a for part in parts.values() for a in part][:size]
    rng.shuffle(articles)
    what = ", ".join(f"{len(p)} {name}" for name, p in parts.items())
    years = sorted({a["published_at"][:4] for a in articles if a["published_at"]})
    return articles, f"{len(articles)} real articles ({what}); years {years[0]}..{years[-1]} + undated"


def write_jsonl(articles: list[dict], folder: Path, per_file: int = 1000) -> list[Path]:
    """The corpus as JSON Lines files of `per_file` articles each."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(0, len(articles), per_file):
        path = folder / f"corpus-{k // per_file:05d}.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for article in articles[k : k + per_file]:
                handle.write(json.dumps(article, ensure_ascii=False) + "\n")
        paths.append(path)
    return paths
