"""Checks the people index against the gold's own words: for each gold visitor or reactor named by a
person (the last capitalised word of the gold's `visitor` / `reactor` words, when it is no state, IGO or
office word and stands in the article), whether `ArticleContext.people` resolves that surname to the gold's
code as a state actor.

A diagnostic of actor resolution, apart from the triggers and the stance cues: it counts the records resolved
("ok"), those with no person found ("none") and those read as another state or as no state actor ("other"),
and lists the last two with the index's reason. Development data only (dev, train, read helper-labelled
parts): validation and the unread parts are not to be read this way.

Usage:
    .venv/bin/python bench/people_check.py GOLD.jsonl [GOLD.jsonl ...] [--list]
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_OFFICE_WORDS = frozenset({"minister", "president", "secretary", "ministry", "government", "officials"})
_FIELDS = (("visits", "visitor", "visitor_code"), ("reactions", "reactor", "reactor_code"))


def _surname(words: str, text: str, published: dt.date | None) -> str | None:
    """The last capitalised word of the gold's words for the actor, when it may name a person in the text."""
    from diplowatch.nlp.actors import gazetteer

    tokens = list(re.finditer(r"[A-Z][a-z][\w'\-]+", words))
    if not tokens:
        return None
    last = tokens[-1]
    named = gazetteer().find_all(words, published)  # "the United States", "the International Monetary Fund"
    if any(start <= last.start() < end for start, end, *_ in named):
        return None
    if last.group(0).lower() in _OFFICE_WORDS or last.group(0) not in text:
        return None
    return last.group(0)


def check(paths: list[Path]) -> tuple[Counter, list[tuple]]:
    """(counts by (kind, outcome), the records not resolved to the gold's code with the index's view)."""
    from diplowatch.evaluate import _parse_date, load_gold
    from diplowatch.nlp.context import ArticleContext

    counts: Counter = Counter()
    misses: list[tuple] = []
    for path in paths:
        for item in load_gold(path):
            published = _parse_date(item.get("published_at"))
            ctx = None
            for kind, field, code_field in _FIELDS:
                for gold in item["gold"][kind]:
                    name = _surname(gold.get(field) or "", item["text"], published)
                    if name is None:
                        continue
                    ctx = ctx or ArticleContext(item["id"], item["text"], published, item.get("title"))
                    person = ctx.people.person_by_name([name])
                    if person is not None and person.is_state and person.code == gold[code_field]:
                        counts[(kind, "ok")] += 1
                        continue
                    counts[(kind, "none" if person is None else "other")] += 1
                    view = (
                        None
                        if person is None
                        else (person.code, person.is_state, person.title, person.reason)
                    )
                    misses.append((item["id"], kind, gold[code_field], gold.get(field), view))
    return counts, misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument(
        "--list", action="store_true", help="list the records not resolved to the gold's code"
    )
    args = parser.parse_args()
    counts, misses = check(args.gold)
    for (kind, outcome), n in sorted(counts.items()):
        print(f"{kind:9}  {outcome:5}  {n}")
    if args.list:
        for miss in misses:
            print(miss)


if __name__ == "__main__":
    main()
