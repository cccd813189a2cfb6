"""The trigger and cue lexicons of diplowatch/data/lexicon.json, loaded once."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache

from diplowatch.nlp.actors import DATA_DIR


@dataclass(frozen=True)
class Lexicon:
    raw: dict
    _sets: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)

    def set(self, key: str) -> frozenset[str]:
        """The list under `key` as a set, built once (the rules ask for some lists for every token); an entry
        with a comment keeps its list under "words"."""
        found = self._sets.get(key)
        if found is None:
            entry = self.raw[key]
            found = self._sets[key] = frozenset(entry["words"] if isinstance(entry, dict) else entry)
        return found

    def __getitem__(self, key: str):
        return self.raw[key]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    with open(DATA_DIR / "lexicon.json", encoding="utf-8") as fh:
        return Lexicon(json.load(fh))


_IRREGULAR = {
    "be": ["is", "are", "was", "were", "been", "being", "am"],
    "fly": ["flew", "flown", "flies", "flying"],
    "go": ["went", "gone", "goes", "going"],
    "come": ["came", "comes", "coming"],
    "leave": ["left", "leaves", "leaving"],
    "seek": ["sought", "seeks", "seeking"],
    "pay": ["paid", "pays", "paying"],
    "hold": ["held", "holds", "holding"],
    "meet": ["met", "meets", "meeting"],
    "tell": ["told", "tells", "telling"],
    "say": ["said", "says", "saying"],
    "speak": ["spoke", "spoken", "speaks", "speaking"],
    "drive": ["drove", "driven", "drives", "driving"],
    "stop": ["stopped", "stopping", "stops"],
    "write": ["wrote", "written", "writes"],
    "slam": ["slammed", "slamming", "slams"],
    "rap": ["rapped", "raps"],
    "blast": ["blasted", "blasts"],
    "travel": ["travelled", "traveled", "travelling", "traveling", "travels"],
    "refer": ["referred"],
    "rebuff": ["rebuffed", "rebuffs"],
    "veto": ["vetoed", "vetoes"],
    "give": ["gave", "given", "gives", "giving"],
    "take": ["took", "taken", "takes", "taking"],
    "make": ["made", "makes", "making"],
    "lay": ["laid", "lays", "laying"],
    "lead": ["led", "leads", "leading"],
    "send": ["sent", "sends", "sending"],
    "throw": ["threw", "thrown", "throws", "throwing"],
    "keep": ["kept", "keeps", "keeping"],
    "beseech": ["besought"],
}


# A final consonant after a single vowel is doubled before "-ed" and "-ing" ("regretted", "expelled",
# "snubbed", "labelled"); over-generated where it is not ("visitted"), which the pre-filter can afford.
_DOUBLES = re.compile(r"(?:^|[^aeiou])[aeiou][bdgklmnprt]$")


def inflections(lemma: str) -> set[str]:
    """Surface forms of an English verb/noun lemma, generously over-generated for the pre-filter."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "ing", lemma + "d"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing", lemma + "d"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if _DOUBLES.search(lemma):
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    forms |= set(_IRREGULAR.get(lemma, []))
    return forms


@lru_cache(maxsize=1)
def _resident_patterns() -> tuple[re.Pattern, re.Pattern]:
    def words(ws) -> re.Pattern:
        return re.compile(
            r"\b(?:" + "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True)) + r")\b"
        )

    lex = lexicon()
    return words(lex["resident_titles_not"]["words"]), words(lex["resident_titles"])


def resident_title(title: str | None) -> bool:
    """Whether a title names a resident diplomat or correspondent ("ambassador", "consul"), who does not
    visit; cabinet posts that hold such a word ("U.S. Trade Representative") do not."""
    cabinet, resident = _resident_patterns()
    return resident.search(cabinet.sub(" ", (title or "").lower())) is not None
