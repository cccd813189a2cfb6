"""Shared fixtures: paths, a temporary database per test, a stand-in extractor for storage tests."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "articles"
SHARED = ROOT.parent / "shared"
SAMPLE_ARTICLE = SAMPLES / "2024-06-17-putin-north-korea-visit.txt"


def requires_shared(path: str) -> Path:
    """The path under ../shared, or a clear skip when the shared folder is absent."""
    full = SHARED / path
    if not full.exists():
        pytest.skip(f"{full} is absent: this test needs the shared development data beside the checkout")
    return full


@pytest.fixture(autouse=True)
def dagster_home(tmp_path, monkeypatch) -> Path:
    """Every test gets its own Dagster instance folder: runs a test launches never land in the project's."""
    home = tmp_path / "dagster_home"
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    return home


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "test.duckdb"


class ExtractorServed:
    """Stands in for ExtractorResource in Dagster tests: serves a given (stub or loaded) extractor, extracted in
    the step's own process."""

    def __init__(self, extractor):
        self.extractor = extractor

    def get(self):
        return self.extractor


class StubExtractor:
    """Emits one planned visit (and optionally a reaction) per article, so storage tests need no model."""

    def __init__(self, visitor_code: str = "FRA", with_reaction: bool = True):
        self.visitor_code = visitor_code
        self.with_reaction = with_reaction

    def extract_batch(self, articles):
        for article in articles:
            aid = article["article_id"]
            mid = hashlib.sha256(f"{aid}|visit".encode()).hexdigest()[:20]
            sentence = article["text"].split(".")[0]
            visit = {
                "mention_id": mid, "article_id": aid, "sentence_index": 0, "sentence": sentence, "char_start": 0,
                "char_end": len(sentence), "visitor_name": None, "visitor_code": self.visitor_code,
                "host_code": "DEU", "location": "Berlin", "start_date": article["published_at"],
                "end_date": article["published_at"], "date_precision": "day", "status": "planned",
                "visit_type": "official", "trigger": "visit", "cameo_code": "042", "plover_type": "CONSULT",
                "plover_mode": "visit", "confidence": 0.9, "confidence_reason": "stub",
                "extractor_version": "stub-1",
            }
            reactions = []
            if self.with_reaction:
                reactions.append({
                    "reaction_id": hashlib.sha256(f"{aid}|reaction".encode()).hexdigest()[:20], "article_id": aid,
                    "sentence_index": 0, "sentence": sentence, "char_start": 0, "char_end": len(sentence),
                    "reactor_name": "the ministry", "reactor_code": "CHN", "stance": "negative", "quote": None,
                    "target_mention_id": mid, "target_code": self.visitor_code, "trigger": "criticised",
                    "cameo_code": "111", "plover_type": "DISAPPROVE", "plover_mode": None, "confidence": 0.8,
                    "confidence_reason": "stub", "extractor_version": "stub-1",
                })
            yield aid, [visit], reactions


@pytest.fixture
def stub_extractor() -> StubExtractor:
    return StubExtractor()


@pytest.fixture(scope="session")
def extractor():
    """The real extractor, loaded once for the whole test session."""
    from diplowatch.nlp import Extractor

    return Extractor()
