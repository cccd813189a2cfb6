"""Language of an article's text (langdetect, seeded so every run gives the same answer)."""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The extractor reads English only; articles confidently detected as another language are skipped.
ACCEPTED_LANGUAGES = frozenset({"en"})
#: Below this many letters langdetect guesses wildly ("Putin visits Pyongyang" comes out as Tagalog).
MIN_LETTERS = 120
#: A language is only asserted (and a text only skipped) at this probability or above.
MIN_PROBABILITY = 0.90
_SAMPLE_CHARS = 2000  # enough to tell; detection time grows with the sample
#: English function words. News English has about one in four words from this list, other Latin-script
#: languages well under one in twenty: above ENGLISH_FAST_RATIO the text is English without asking langdetect
#: (which costs milliseconds per article; this costs microseconds).
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in a is that for on with was as by at from it his her their said has have be are "
    "were will an this which not but had been would its who they he she".split()
)
ENGLISH_FAST_RATIO = 0.2
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Language:
    code: str | None  # ISO 639-1, or None when the text is too short or too mixed to tell
    probability: float


def detect_language(text: str) -> Language:
    """The text's language, or code None when it cannot be told reliably."""
    sample = text[:_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return Language(None, 0.0)
    words = _WORD.findall(sample.lower())
    if len(words) >= 20 and sum(w in _ENGLISH_FUNCTION_WORDS for w in words) >= ENGLISH_FAST_RATIO * len(
        words
    ):
        return Language("en", 1.0)
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0  # langdetect samples randomly: a fixed seed makes re-runs identical
    try:
        best = detect_langs(sample)[0]
    except LangDetectException:
        return Language(None, 0.0)
    code = best.lang.split("-")[0]  # zh-cn / zh-tw -> zh
    return Language(code if best.prob >= MIN_PROBABILITY else None, round(best.prob, 3))


def is_skipped(language: Language) -> bool:
    """True when the text is confidently in a language the extractor does not read."""
    return language.code is not None and language.code not in ACCEPTED_LANGUAGES
