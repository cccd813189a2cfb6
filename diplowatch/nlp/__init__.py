"""NLP layer of diplowatch: visits and reactions extracted
from news text with spaCy, gazetteers and lexicons."""

from diplowatch.nlp.actors import historicize, resolve_actor
from diplowatch.nlp.extractor import EXTRACTOR_VERSION, Extractor

__all__ = ["EXTRACTOR_VERSION", "Extractor", "historicize", "resolve_actor"]
