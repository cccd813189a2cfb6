"""A memo in front of spaCy's rule lemmatizer: the same word with the same POS and morphology gets the same
lemma.

The rule lemmatizer runs Python per token and costs about half as much as the parser on news text. Its
output depends only on the token's text, POS and morphological features (set before it by the attribute
ruler, which still runs), so replaying it from a memo gives the same lemmas.

Its word lists (`lemma_index`, one per POS) come as lists, and every candidate form is looked up with `in`:
a linear scan of up to ~100,000 words, about 2 ms per new word form. They are turned into frozensets once
(same membership, so the same lemmas).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_MAX_ENTRIES = 500_000


class LemmaCache:
    """Runs the pipeline's own lemmatizer once per (word, POS, morphology) and replays its lemma afterwards.

    Tokens are lemmatized one by one through the lemmatizer's own `lemmatize`, only those the memo lacks.
    """

    def __init__(self, nlp: Language, name: str, lemmatizer: str):
        self.name = name
        self.nlp = nlp
        self.lemmatizer = lemmatizer
        self.memo: dict[tuple[int, int, int], int] = {}
        index_as_sets(nlp.get_pipe(lemmatizer))

    def __call__(self, doc: Doc) -> Doc:
        memo = self.memo
        lemmatizer = self.nlp.get_pipe(self.lemmatizer)
        for tok in doc:
            if tok.lemma != 0:
                # Set by the attribute ruler ("is" -> "be"); the lemmatizer does not overwrite it either.
                continue
            key = (tok.orth, tok.pos, tok.morph.key)
            lemma = memo.get(key)
            if lemma is None:
                tok.lemma_ = lemmatizer.lemmatize(tok)[0]
                if len(memo) < _MAX_ENTRIES:
                    memo[key] = tok.lemma
            else:
                tok.lemma = lemma
        return doc


def index_as_sets(lemmatizer) -> None:
    """The lemmatizer's `lemma_index` word lists as
    frozensets: the same `form in index`, without a list scan."""
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or "lemma_index" not in lookups.tables:
        return
    table = lookups.get_table("lemma_index")
    for key in list(table.keys()):
        if isinstance(table[key], list):
            table[key] = frozenset(table[key])


@Language.factory("diplowatch_lemma_cache", default_config={"lemmatizer": "lemmatizer"})
def make_lemma_cache(nlp: Language, name: str, lemmatizer: str) -> LemmaCache:
    """Add it after the attribute ruler with the lemmatizer itself disabled (Extractor does so)."""
    return LemmaCache(nlp, name, lemmatizer)
