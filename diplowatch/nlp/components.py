"""spaCy pipeline components of diplowatch: visit and reaction extraction as registered factories, results on
Doc extensions.

Add them to any English pipeline with a parser, tagger and lemmatizer (`import diplowatch.nlp.components`
registers them):

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("diplowatch_visits")
    nlp.add_pipe("diplowatch_reactions")
    doc = nlp(text)
    doc._.visits, doc._.reactions

A whole-article Doc is read sentence by sentence (diplowatch's own sentence splitter, which knows wire
datelines and abbreviations); its article context (dateline, date, people) comes from
`doc._.diplowatch_context` when the caller set one, else from the Doc's text with no date. The Extractor
parses only the sentences its pre-filter chose, one Doc each, with `doc._.diplowatch_context` and
`doc._.diplowatch_sentence` set, and calls the same components on them.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from diplowatch.nlp.context import ArticleContext
from diplowatch.nlp.parse_repair import repair_parse
from diplowatch.nlp.reactions import ReactionCandidate, extract_reactions
from diplowatch.nlp.segment import Sentence
from diplowatch.nlp.typos import repair_trigger_lemmas, repair_verb_lemmas
from diplowatch.nlp.visits import VisitCandidate, extract_visits

for _name in ("diplowatch_context", "diplowatch_sentence", "visits", "visit_candidates", "reactions"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def sentence_units(doc: Doc) -> list[tuple[Sentence, Doc]]:
    """(sentence, parsed sentence Doc) pairs of a Doc: itself when it is one sentence of an article, else its
    sentences."""
    if doc._.diplowatch_sentence is not None:
        return [(doc._.diplowatch_sentence, doc)]
    ctx = article_context(doc)
    units = []
    for sent in ctx.sentences:
        span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
        if span is not None and len(span):
            units.append((sent, span.as_doc()))
    return units


def article_context(doc: Doc) -> ArticleContext:
    """The article a Doc belongs to: set by the caller, or built (undated) from the Doc's own text."""
    if doc._.diplowatch_context is None:
        doc._.diplowatch_context = ArticleContext("doc", doc.text, None, None)
    return doc._.diplowatch_context


def _known_lemmas(nlp: Language) -> dict[str, frozenset[str]]:
    """The lemmatizer's own word lists by part of speech: a word it knows is never taken for a typo."""
    if "lemmatizer" not in nlp.component_names:
        return {}
    tables = nlp.get_pipe("lemmatizer").lookups
    if "lemma_index" not in tables.tables:
        return {}
    table = tables.get_table("lemma_index")
    return {pos: frozenset(table.get(pos, [])) for pos in ("noun", "verb", "adj", "adv")}


class VisitComponent:
    """Visit mentions of a Doc: `doc._.visits` (kept) and `doc._.visit_candidates` (negated and hypothetical
    too)."""

    def __init__(self, nlp: Language, name: str, repair_typos: bool):
        self.name = name
        self.known_lemmas = _known_lemmas(nlp) if repair_typos else None

    def __call__(self, doc: Doc) -> Doc:
        ctx = article_context(doc)
        candidates: list[VisitCandidate] = []
        for sent, unit in sentence_units(doc):
            repair_verb_lemmas(unit)
            if self.known_lemmas is not None:
                repair_trigger_lemmas(unit, self.known_lemmas)
            repair_parse(unit)
            candidates.extend(extract_visits(unit, sent, ctx))
        doc._.visit_candidates = candidates
        doc._.visits = [c for c in candidates if not c.negated]
        return doc


class ReactionComponent:
    """Reactions of a Doc: `doc._.reactions`, each judged against the Doc's visits (`doc._.visits`, set before
    it)."""

    def __init__(self, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.reactions = self.reactions(doc, doc._.visits or [])
        return doc

    def reactions(self, doc: Doc, visits: list[VisitCandidate]) -> list[ReactionCandidate]:
        """Reactions of a Doc against the visits of its whole article (a one-sentence Doc sees the others'
        too)."""
        ctx = article_context(doc)
        reactions = []
        for sent, unit in sentence_units(doc):
            if not unit.user_data.get("diplowatch_repaired"):
                repair_verb_lemmas(unit)  # (the visit component's own Doc has had it)
            repair_parse(unit)  # a no-op when the unit is the visit component's own Doc
            reactions.extend(extract_reactions(unit, sent, ctx, visits))
        return reactions


@Language.factory(
    "diplowatch_visits",
    assigns=["doc._.visits", "doc._.visit_candidates"],
    requires=["token.dep", "token.lemma", "token.pos"],
    default_config={"repair_typos": True},
)
def make_visit_component(nlp: Language, name: str, repair_typos: bool) -> VisitComponent:
    return VisitComponent(nlp, name, repair_typos)


@Language.factory(
    "diplowatch_reactions", assigns=["doc._.reactions"], requires=["token.dep", "token.lemma", "token.pos"]
)
def make_reaction_component(nlp: Language, name: str) -> ReactionComponent:  # noqa: ARG001 - spaCy passes nlp
    return ReactionComponent(name)
