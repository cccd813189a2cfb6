"""Wire-text typos in long trigger and institution words ("visted", "Treassury"): one letter dropped or added.

Only insertions and deletions are forgiven, only for words of six letters or more, and a token is repaired
only when the lemmatizer does not know its word (so "states" never becomes "stated"). Substitutions are left
alone: they turn real words into other real words too often.

Also the lemmatizer's own slips on trigger verbs: the small English model lemmatizes "fined", "fines" and
"fining" to "fin" and "lambasted" to "lambast", so the stance verbs "fine" and "lambaste" never matched. A
verb whose lemma is no trigger verb but whose word is an inflection of exactly one is given that verb's lemma
(`repair_verb_lemmas`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from diplowatch.nlp.lexicon import inflections, lexicon

MIN_LEN = 6
_LONG_WORD = re.compile(rf"[A-Za-z]{{{MIN_LEN},}}")
# Words that name a state institution when a speaker is resolved ("the Treasury statement said").
INSTITUTION_WORDS = (
    "treasury",
    "ministry",
    "government",
    "administration",
    "spokesman",
    "spokeswoman",
    "department",
    "embassy",
    "president",
    "minister",
    "secretary",
    "official",
    "officials",
)


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


@lru_cache(maxsize=1)
def _trigger_forms() -> dict[str, str]:
    """Surface form → lemma for every visit, speech and stance trigger of at least MIN_LEN letters."""
    lex = lexicon()
    lemmas = (
        set(lex["visit_verbs"])
        | set(lex["visit_nouns"])
        | set(lex["stance_verbs"])
        | set(lex["speech_verbs"])
    )
    out: dict[str, str] = {}
    for lemma in sorted(lemmas):
        for form in inflections(lemma):
            if len(form) >= MIN_LEN - 1 and form.isalpha():
                out.setdefault(form, lemma)
    return out


def _forms(kind: str) -> dict[str, str]:
    return _trigger_forms() if kind == "trigger" else {w: w for w in INSTITUTION_WORDS}


@lru_cache(maxsize=4)
def _dropped_letter_index(kind: str) -> dict[str, set[str]]:
    """Each correct word with one letter dropped → the words it comes from ("visted" → {"visited"})."""
    index: dict[str, set[str]] = {}
    for form in _forms(kind):
        for d in _deletions(form):
            index.setdefault(d, set()).add(form)
    return index


@lru_cache(maxsize=200_000)
def correct_word(word: str, kind: str = "trigger") -> str | None:
    """The one trigger (or institution) word `word` is a typo of, or None. Exact words are not typos."""
    low = word.lower()
    forms = _forms(kind)
    if len(low) < MIN_LEN or not low.isalpha() or low in forms:
        return None
    found = set(_dropped_letter_index(kind).get(low, ()))  # a letter dropped: "visted"
    found |= {d for d in _deletions(low) if d in forms}  # a letter added: "treassury"
    return next(iter(found)) if len(found) == 1 else None


def fix_institution_words(text: str) -> str:
    """Text with misspelt institution words corrected, for matching only (same words, fixed spelling)."""
    return _LONG_WORD.sub(lambda m: correct_word(m.group(0), "institution") or m.group(0), text)


def has_trigger_typo(text: str) -> bool:
    """Whether a sentence holds a probable typo of a trigger word (for the pre-filter; no model needed)."""
    return any(correct_word(w) for w in _LONG_WORD.findall(text))


def repair_trigger_lemmas(doc: Doc, lemma_index) -> None:
    """Give misspelt trigger words the lemma of the word
    meant, when the lemmatizer knows neither word nor lemma."""
    for tok in doc:
        if len(tok.text) < MIN_LEN or not tok.is_alpha or tok.text[:1].isupper() and tok.i > 0:
            continue
        pos = tok.pos_.lower() if tok.pos_ in {"VERB", "NOUN", "ADJ", "ADV"} else None
        if pos is None or tok.lemma_.lower() in lemma_index.get(pos, frozenset()):
            continue
        form = correct_word(tok.text)
        if form is not None:
            tok.lemma_ = _trigger_forms()[form]


@lru_cache(maxsize=1)
def _trigger_verb_forms() -> tuple[frozenset[str], dict[str, str]]:
    """The trigger verbs (visit, stance and speech verbs of the lexicon), and each inflected form that only
    one of them has → that verb."""
    lex = lexicon()
    verbs = frozenset(
        v for v in (*lex["visit_verbs"], *lex["stance_verbs"], *lex["speech_verbs"]) if v.isalpha()
    )
    owners: dict[str, set[str]] = {}
    for verb in verbs:
        for form in inflections(verb):
            owners.setdefault(form, set()).add(verb)
    return verbs, {form: next(iter(vs)) for form, vs in owners.items() if len(vs) == 1}


def repair_verb_lemmas(doc: Doc) -> None:
    """Give a verb the lemma of the one trigger verb its word inflects when the lemmatizer made it something
    else ("fined" → "fin": "fine"); a lemma that is itself a trigger verb is left alone (module doc)."""
    verbs, forms = _trigger_verb_forms()
    for tok in doc:
        if tok.pos_ != "VERB":
            continue
        lemma = forms.get(tok.lower_)
        if lemma is not None and tok.lemma_.lower() != lemma and tok.lemma_.lower() not in verbs:
            tok.lemma_ = lemma


# The 1987 wire writes some possessives with a double quote ("Brazil"s output", "Ecuador"s deputy energy
# minister"): read as "'s" (one character for one).
_QUOTE_POSSESSIVE = re.compile(r'(?<=[A-Za-z])"(?=s\b)')
# Some feeds strip every apostrophe to a space ("China s Xi Jinping", "Duterte s spokesman", "we don t
# accept", "it s"): a lone "s" after a word, "t" after "n", "re"/"ve"/"ll" after a word and "m" after "I" are
# the possessive and the contractions, read with their apostrophe back (one character for one).
_STRIPPED_APOSTROPHE = re.compile(
    r"(?<=[A-Za-z]) (?=s |s[,.;:]|re |ve |ll )|(?<=[A-Za-z]n) (?=t )|(?<=\bI) (?=m )"
)


def restore_apostrophes(text: str) -> str:
    """The text with the old wire's double-quote possessives and stripped apostrophes written back as
    apostrophes (same length and offsets)."""
    if '"s' in text:
        text = _QUOTE_POSSESSIVE.sub("'", text)
    return _STRIPPED_APOSTROPHE.sub("'", text)
