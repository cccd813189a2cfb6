"""Cheap pre-filter without the model: which sentences of an article can hold a visit or a reaction, so only those are parsed.

Two steps, both over word lists of diplowatch/data/lexicon.json (`prefilter` and the trigger lists):
1. the article gate: a strong visit or stance word, an official word and two different states/IGOs anywhere in the text
   (most business and domestic news stops here and costs one automaton pass);
2. the sentence filter: a trigger class and the actor evidence the rules of that class need to produce anything:
   - visit words with a place (or "here") and a state person (an official word, a titled person, a leader's name);
   - stance words (verbs, stance nouns, phrasal verbs, judging verbs) with a state speaker cue and a state/IGO named;
   - speech verbs with a stance cue ("said the proposal was not helpful") and a state or IGO named;
   - plain speech verbs only in an article that tells of a visit: a statement without a stance counts as a reaction only
     when it is about a visit of the same article.
The exhaustive mode skips this module; `diplowatch eval --exhaustive` measures what the filter costs in recall.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from diplowatch.nlp.actors import gazetteer
from diplowatch.nlp.context import ArticleContext
from diplowatch.nlp.lexicon import inflections, lexicon
from diplowatch.nlp.typos import has_trigger_typo

VISIT, STANCE, SPEECH, OFFICIAL, STRONG_VISIT, STRONG_STANCE, HERE, PRONOUN, CUE = 1, 2, 4, 8, 16, 32, 64, 128, 256


def _forms(lemmas) -> set[str]:
    """Surface forms of lemmas; a phrasal verb ("rule out") is inflected on its verb."""
    words: set[str] = set()
    for lemma in lemmas:
        head, _, rest = lemma.lower().partition(" ")
        words |= {f"{form} {rest}".strip() for form in inflections(head)}
    return words


def _cue_words(lex) -> set[str]:
    """Stance cue phrases read in what a speaker said ("not helpful", "a historic visit")."""
    evaluative = lex["evaluative_words"]
    return {w.lower() for w in [*lex["negative_cues"], *lex["positive_cues"], *evaluative["positive"], *evaluative["negative"]]}


def _word_classes() -> dict[str, int]:
    """Every surface form (lower-cased) with the bit set of the classes it belongs to."""
    lex = lexicon()
    pre = lex["prefilter"]
    speech = _forms(lex["speech_verbs"]) | {"according"}
    visit = _forms([*lex["visit_verbs"], *lex["visit_nouns"]]) | {"visiting", "is in", "are in", "was in", "were in",
                                                                   "is now in", "is currently in"}
    stance = _forms([*lex["stance_verbs"], *lex["judging_verbs"]])
    for group in lex["stance_actions"]["object_verbs"]:
        stance |= _forms(group["objects"])
    for phrase in lex["stance_actions"]["phrasal_verbs"]:
        verb, particle = phrase.split()
        stance |= {f"{form} {particle}" for form in inflections(verb)}
    classes: dict[str, int] = {}
    for words, bit in ((visit - speech, VISIT), (stance - speech, STANCE), (speech, SPEECH),
                       (_forms(pre["official_words"]) | set(lex["state_titles"]), OFFICIAL),
                       (_forms(pre["strong_visit"]), STRONG_VISIT), (_forms(pre["strong_stance"]), STRONG_STANCE),
                       ({"here"}, HERE), ({"he", "she", "his", "her"}, PRONOUN), (_cue_words(lex), CUE)):
        for word in words:
            classes[word] = classes.get(word, 0) | bit
    return classes


@lru_cache(maxsize=1)
def trigger_automaton() -> ahocorasick.Automaton:
    """Every surface form of every pre-filter word, lower-cased, with its class bits."""
    automaton = ahocorasick.Automaton()
    for word, bits in _word_classes().items():
        automaton.add_word(word, (word, bits))
    automaton.make_automaton()
    return automaton


@dataclass
class _SentenceCues:
    bits: int = 0
    codes: frozenset[str] = frozenset()
    place: bool = False


def _word_bits(low: str) -> list[tuple[int, int]]:
    """(offset, class bits) of every whole-word pre-filter word in lower-cased text."""
    out = []
    for end, (word, bits) in trigger_automaton().iter(low):
        start = end - len(word) + 1
        if (start == 0 or not low[start - 1].isalpha()) and (end + 1 == len(low) or not low[end + 1].isalpha()):
            out.append((start, bits))
    return out


def _cues(ctx: ArticleContext, words: list[tuple[int, int]], hits) -> list[_SentenceCues]:
    """The cues of each sentence, from one pass of the word automaton and the gazetteer over the whole text."""
    starts = [s.start for s in ctx.sentences]
    cues = [_SentenceCues() for _ in ctx.sentences]
    codes: list[set[str]] = [set() for _ in ctx.sentences]
    for offset, bits in words:
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0:
            cues[i].bits |= bits
    for start, _end, _surface, place in hits:
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0:
            codes[i].add(place.code)
            cues[i].place = True
    for cue, found in zip(cues, codes, strict=True):
        cue.codes = frozenset(found)
    return cues


def article_can_hold_events(cues: list[_SentenceCues]) -> bool:
    """The article gate: one sentence with a strong visit or stance word (or a speech or stance verb with a stance cue),
    an official word or two states, and a state or IGO named."""
    return any((c.bits & (STRONG_VISIT | STRONG_STANCE) or c.bits & (SPEECH | STANCE) and c.bits & CUE)
               and (c.bits & OFFICIAL or len(c.codes) >= 2) and c.codes for c in cues)


def _state_people(ctx: ArticleContext) -> list[tuple[int, int]]:
    """Spans of the article's state people and of their later mentions by one of their names."""
    people = [p for p in ctx.people.people if p.is_state]
    spans = [(p.start, p.end) for p in people]
    names = sorted({t for p in people for t in p.tokens if len(t) > 2 and t[:1].isupper()}, key=len, reverse=True)
    if names:
        spans += [m.span() for m in re.finditer(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b", ctx.text)]
    return spans


def candidate_sentences(ctx: ArticleContext) -> list[int]:
    """Indices of the sentences the rules can draw an event from (see the module docstring)."""
    words = _word_bits(ctx.text.lower())
    hits = gazetteer().find_all(ctx.text, ctx.published_at)
    cues = _cues(ctx, words, hits)
    if not article_can_hold_events(cues):
        return []
    about_visit = any(c.bits & STRONG_VISIT and c.bits & OFFICIAL and c.place for c in cues)
    people = _state_people(ctx)
    out = []
    for sent, cue in zip(ctx.sentences, cues, strict=True):
        person = cue.bits & OFFICIAL or (people and cue.bits & PRONOUN) or any(s < sent.end and sent.start < e for s, e in people)
        typo = not cue.bits & (VISIT | STANCE) and cue.place and person and has_trigger_typo(sent.text)
        visit = (cue.bits & VISIT or typo) and person and (cue.place or cue.bits & HERE)
        stance = (cue.bits & STANCE or typo) and (person or cue.codes) and cue.codes
        speech = cue.bits & SPEECH and person and (cue.bits & CUE and cue.codes or about_visit and (cue.codes or cue.bits & VISIT))
        if visit or stance or speech:
            out.append(sent.index)
    return out
