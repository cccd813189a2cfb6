"""Cheap Aho-Corasick pre-filter: which sentences can hold a visit or a reaction, so only those meet the model."""

from __future__ import annotations

import re
from functools import lru_cache

import ahocorasick

from diplowatch.nlp.context import ArticleContext
from diplowatch.nlp.lexicon import inflections, lexicon
from diplowatch.nlp.typos import has_trigger_typo


@lru_cache(maxsize=1)
def trigger_automaton() -> ahocorasick.Automaton:
    """Every surface form of every visit and reaction trigger, lower-cased."""
    lex = lexicon()
    lemmas = set(lex["visit_verbs"]) | set(lex["visit_nouns"]) | set(lex["stance_verbs"]) | set(lex["speech_verbs"]) | set(lex["judging_verbs"])
    words = set()
    for lemma in lemmas:
        words |= inflections(lemma)
    acts = lex["stance_actions"]
    for group in acts["object_verbs"]:
        for noun in group["objects"]:
            words |= inflections(noun)
    for phrase in acts["phrasal_verbs"]:
        verb, particle = phrase.split()
        words |= {f"{form} {particle}" for form in inflections(verb)}
    words |= {"visiting", "talk", "according", "due", "is in", "are in", "was in", "were in", "is now in", "is currently in"}
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


def _has_word(text: str) -> bool:
    low = text.lower()
    for end, word in trigger_automaton().iter(low):
        start = end - len(word) + 1
        if (start == 0 or not low[start - 1].isalpha()) and (end + 1 == len(low) or not low[end + 1].isalpha()):
            return True
    return False


def candidate_sentences(ctx: ArticleContext) -> list[int]:
    """Indices of sentences with a trigger word and an actor (a named state, place, titled person or pronoun)."""
    from diplowatch.nlp.actors import gazetteer

    gaz = gazetteer()
    # Later mentions of a named person by any one of their names ("Lula told reporters") are actors too.
    names = sorted((t for t in ctx.people.by_token if len(t) > 2 and t[:1].isupper()), key=len, reverse=True)
    name_regex = re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b") if names else None
    out = []
    for sent in ctx.sentences:
        if not _has_word(sent.text) and not has_trigger_typo(sent.text):
            continue
        has_actor = bool(gaz.find_all(sent.text, ctx.published_at)) or any(
            p.start < sent.end and sent.start < p.end for p in ctx.people.people
        )
        if not has_actor and name_regex is not None:
            has_actor = name_regex.search(sent.text) is not None
        if not has_actor:
            low = f" {sent.text.lower()} "
            has_actor = any(f" {w} " in low for w in ("he", "she", "his", "her", "spokesman", "spokeswoman", "spokesperson",
                                                       "minister", "president", "ministry", "official", "officials", "treasury",
                                                       "prime", "secretary", "government", "delegation", "here"))
        if has_actor:
            out.append(sent.index)
    return out
