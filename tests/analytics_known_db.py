"""A small database with known visits and reactions, written for the analytics tests (views, CLI, report).

Seven canonical visits come out of it: Russia → North Korea in June 2024 reported three times (announced
undated, dated, completed) with three reactions; the same pair again in March 2025; North Korea → Russia in
September 2023 (month precision); Russia → Vietnam in June 2024 with one reaction; China → Vietnam in June
2024, announced then cancelled; China → North Korea in April 2024; Germany → France in January 2024 with one
reaction. Plus one reaction about no visit. All of it is illustrative, not real news.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from pathlib import Path

from diplowatch import store
from diplowatch.schemas import frame_from_rows
from diplowatch.stages.visits import load_visits


def _id(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


#: article key -> (published, title)
ARTICLES = {
    "a1": (date(2024, 5, 2), "Putin expected in Pyongyang"),
    "a2": (date(2024, 6, 17), "Putin to visit North Korea and Vietnam"),
    "a3": (date(2024, 6, 20), "Putin ends North Korea visit"),
    "a4": (date(2024, 6, 21), "Putin leaves Hanoi"),
    "a5": (date(2024, 5, 20), "Chinese premier to visit Hanoi"),
    "a6": (date(2024, 6, 1), "Chinese premier calls off Hanoi trip"),
    "a7": (date(2025, 2, 1), "Putin to return to Pyongyang"),
    "a8": (date(2024, 1, 23), "Scholz in Paris"),
    "a9": (date(2024, 4, 13), "Chinese delegation in Pyongyang"),
}


def _mention(key: str, article: str, index: int, visitor: str, host: str, status: str, *, start=None, end=None,
             precision=None, name=None, location=None, visit_type="unspecified") -> dict:
    published, _ = ARTICLES[article]
    sentence = f"ILLUSTRATIVE: {visitor} visit to {host} ({key})."
    return {
        "mention_id": key, "article_id": _id(article), "sentence_index": index, "sentence": sentence,
        "char_start": 0, "char_end": len(sentence), "visitor_name": name, "visitor_code": visitor,
        "host_code": host, "location": location, "start_date": start, "end_date": end,
        "date_precision": precision or ("day" if start else None), "status": status, "visit_type": visit_type,
        "trigger": "visit", "cameo_code": "042", "plover_type": "CONSULT", "plover_mode": "visit",
        "confidence": 0.9, "confidence_reason": "illustrative", "extractor_version": "test",
        "partition_date": published, "visit_id": None,
    }


def _reaction(key: str, article: str, index: int, reactor: str, stance: str, target: str | None) -> dict:
    published, _ = ARTICLES[article]
    sentence = f"ILLUSTRATIVE: {reactor} reacted ({key})."
    return {
        "reaction_id": key, "article_id": _id(article), "sentence_index": index, "sentence": sentence,
        "char_start": 0, "char_end": len(sentence), "reactor_name": f"{reactor} spokesperson", "reactor_code": reactor,
        "stance": stance, "quote": f"words of {key}", "target_mention_id": target, "target_code": None,
        "trigger": "said", "cameo_code": "010", "plover_type": None, "plover_mode": None, "confidence": 0.8,
        "confidence_reason": "illustrative", "extractor_version": "test", "partition_date": published,
        "visit_id": None,
    }


MENTIONS = [
    _mention("rus-prk-announce", "a1", 0, "RUS", "PRK", "planned", name="Vladimir Putin"),
    _mention("rus-prk-dated", "a2", 0, "RUS", "PRK", "planned", start=date(2024, 6, 18), end=date(2024, 6, 19),
             name="Putin", location="Pyongyang", visit_type="state"),
    _mention("prk-rus-2023", "a2", 2, "PRK", "RUS", "completed", start=date(2023, 9, 1), precision="month",
             name="Kim Jong Un"),
    _mention("rus-vnm-dated", "a2", 4, "RUS", "VNM", "planned", start=date(2024, 6, 19), end=date(2024, 6, 20),
             name="Putin", location="Hanoi"),
    _mention("rus-prk-done", "a3", 0, "RUS", "PRK", "completed", start=date(2024, 6, 18), end=date(2024, 6, 19),
             name="Putin", location="Pyongyang"),
    _mention("rus-vnm-done", "a4", 0, "RUS", "VNM", "completed", start=date(2024, 6, 19), end=date(2024, 6, 20),
             location="Hanoi"),
    _mention("chn-vnm-planned", "a5", 0, "CHN", "VNM", "planned", start=date(2024, 6, 10), end=date(2024, 6, 11)),
    _mention("chn-vnm-cancelled", "a6", 0, "CHN", "VNM", "cancelled", start=date(2024, 6, 10)),
    _mention("rus-prk-2025", "a7", 0, "RUS", "PRK", "planned", start=date(2025, 3, 5), name="Putin"),
    _mention("deu-fra", "a8", 0, "DEU", "FRA", "completed", start=date(2024, 1, 22), name="Olaf Scholz",
             location="Paris", visit_type="official"),
    _mention("chn-prk", "a9", 0, "CHN", "PRK", "completed", start=date(2024, 4, 12), end=date(2024, 4, 14)),
]

REACTIONS = [
    _reaction("usa-on-rus-prk", "a2", 1, "USA", "negative", "rus-prk-dated"),
    _reaction("usa-on-rus-vnm", "a2", 5, "USA", "negative", "rus-vnm-dated"),
    _reaction("kor-on-rus-prk", "a3", 1, "KOR", "negative", "rus-prk-done"),
    _reaction("chn-on-rus-prk", "a3", 2, "CHN", "positive", "rus-prk-done"),
    _reaction("usa-on-deu-fra", "a8", 1, "USA", "positive", "deu-fra"),
    _reaction("eu-general", "a8", 2, "EU", "neutral", None),
]


def build_known_db(path: str | Path) -> Path:
    """Write the known articles, mentions and reactions to a fresh database at `path` and build `visits`."""
    now = datetime(2025, 3, 1, tzinfo=UTC)
    articles = [
        {"article_id": _id(key), "source_id": key, "source_path": f"illustrative/{key}.txt", "url": None,
         "source": "illustrative", "published_at": published, "title": f"ILLUSTRATIVE: {title}",
         "text": f"ILLUSTRATIVE: {title}.", "language": "en", "partition_date": published,
         "date_from_ingest": False, "ingested_at": now}
        for key, (published, title) in ARTICLES.items()
    ]
    with store.connect(path) as con:
        store.apply_writes(con, [
            store.Write("articles", frame_from_rows("articles", articles)),
            store.Write("visit_mentions", frame_from_rows("visit_mentions", MENTIONS)),
            store.Write("reactions", frame_from_rows("reactions", REACTIONS)),
        ])
        load_visits(con)
    return Path(path)
