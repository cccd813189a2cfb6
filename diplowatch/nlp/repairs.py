"""Repairs of a known misreading of the small English model, made on a parsed sentence before the rules read
it.

A bare surname before a present-tense travel verb ("On Wednesday Monti heads to Berlin for talks") is read by
the tagger as a noun compound: "Monti" a modifier of the plural noun "heads", which the parser then makes the
root of the sentence (or hangs it on an opening "On"). With the title before the name ("Prime Minister
Mario Monti heads to Berlin") the same model reads the verb. The repair gives such a word back its verb
reading (tag, part of speech and lemma) and makes the name its subject, so every rule downstream sees the
sentence as a reader does.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from diplowatch.nlp.lexicon import lexicon


@lru_cache(maxsize=1)
def _verb_forms() -> dict[str, str]:
    """Third-person forms of the travel verbs the tagger may read as plural nouns → their lemma."""
    entries = lexicon()["travel_verbs_read_as_nouns"]
    return {form: lemma for lemma, forms in entries.items() if not lemma.startswith("_") for form in forms}


def _name_before(tok: Token) -> Token | None:
    """The proper name right before `tok` that the parser hung on it as a modifier."""
    if tok.i == 0:
        return None
    prev = tok.doc[tok.i - 1]
    if prev.head.i != tok.i or prev.dep_ not in {"compound", "nmod", "amod"} or prev.pos_ != "PROPN":
        return None
    return prev if prev.is_alpha and prev.text[:1].isupper() else None


# What follows a travel verb and not a plural noun: where to ("heads to", "leaves for", "flies home").
_WHERE_TO = frozenset({"to", "for", "home", "back", "abroad"})


def repair_noun_read_verbs(doc: Doc) -> None:
    """Give a word read as a plural noun its verb reading when it is a travel verb's third-person form that
    follows a proper name and says where to ("Monti heads to Berlin", "On Friday Craxi heads to Bonn", which
    the parser may hang on the opening "On"). A noun with a determiner or a possessive keeps its reading, and
    so does one that says nothing of where to ("EU heads of state")."""
    forms = _verb_forms()
    for tok in doc:
        lemma = forms.get(tok.lower_)
        if lemma is None or tok.tag_ != "NNS":
            continue
        name = _name_before(tok)
        if name is None or any(c.dep_ in {"det", "poss"} for c in tok.children):
            continue
        if not any(c.i > tok.i and c.lower_ in _WHERE_TO for c in tok.children):
            continue
        tok.tag_ = "VBZ"
        tok.pos_ = "VERB"
        tok.lemma_ = lemma
        name.dep_ = "nsubj"
