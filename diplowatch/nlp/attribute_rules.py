"""The pipeline's attribute ruler with its matching done by table look-ups instead of spaCy's Matcher.

In the English pipelines the attribute ruler maps the tagger's fine tags to POS and morphology (and fixes a
few lemmas and POS by word and dependency): ~180 one- or two-token patterns over TAG, LOWER, DEP and IS_SPACE,
which spaCy's general Matcher tries at every token (about a quarter of the parse time on news sentences). Here
the outcome of the one-token patterns is remembered per (TAG, LOWER, DEP, IS_SPACE) of a token, the few longer
ones are tried everywhere, and the matches are applied exactly as `AttributeRuler.set_annotations` does: in
pattern order, then by position, with spaCy's own `set_token_attrs`, so the tokens get the same attributes.
`tests/core/test_nlp_speed.py` compares both on real sentences.

Patterns outside that subset (other attributes, operators, extension attributes) make
`FastAttributeRuler.from_ruler` return None, and the Extractor keeps spaCy's ruler.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

_KEYS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_ARRAY_ATTRS = [TAG, LOWER, DEP, IS_SPACE]

# One token test: the column of the token array it reads and a predicate on that value.
TokenTest = tuple[int, Callable[[int], bool]]


def _value_test(key: str, spec, strings) -> Callable[[int], bool] | None:
    """A predicate on the hashed value of one attribute, or None for what this ruler does not handle."""
    if key == "IS_SPACE":
        return (lambda v, want=bool(spec): bool(v) == want) if isinstance(spec, bool) else None
    if isinstance(spec, str):
        return lambda v, want=strings.add(spec): v == want
    if not isinstance(spec, dict) or len(spec) != 1:
        return None
    ((op, arg),) = spec.items()
    if op == "IN":
        return lambda v, s=frozenset(strings.add(x) for x in arg): v in s
    if op == "NOT_IN":
        return lambda v, s=frozenset(strings.add(x) for x in arg): v not in s
    if op == "REGEX":
        return lambda v, rx=re.compile(arg): rx.search(strings[v]) is not None
    return None


def _token_tests(token_spec: dict, strings) -> list[TokenTest] | None:
    tests = []
    for key, spec in token_spec.items():
        test = _value_test(key, spec, strings) if key in _KEYS else None
        if test is None:
            return None
        tests.append((_KEYS[key], test))
    return tests


def _lower_keys(token_spec: dict, strings) -> list[int] | None:
    """The LOWER values a first token must have (equality
    or IN), or None when its LOWER test is another kind."""
    spec = token_spec.get("LOWER")
    if isinstance(spec, str):
        return [strings.add(spec)]
    if isinstance(spec, dict) and list(spec) == ["IN"]:
        return [strings.add(x) for x in spec["IN"]]
    return None


class FastAttributeRuler:
    """Same patterns, attributes and order as a spaCy AttributeRuler; matching by look-up.

    Each pattern's first-token tests are split into its LOWER test and the others. Which patterns pass the
    others depends only on the token's (TAG, DEP, IS_SPACE), remembered per such triple; which pass the LOWER
    test comes from an index of the patterns' words (a regular expression on LOWER is tried and remembered
    per word). The rest of a longer pattern is checked on the following tokens.
    """

    def __init__(self, name: str, ruler, entries: list[tuple[int, list[list[TokenTest]], dict]]):
        self.name = name
        self.ruler = ruler  # the original: its normalised attrs and indices are applied as spaCy applies them
        self.entries = [(attr_id, tests) for attr_id, tests, _ in entries]  # in pattern order
        self.by_lower: dict[int, list[int]] = {}  # word -> entries whose first LOWER test names it
        self.lower_other: list[int] = []  # entries with another kind of first LOWER test (REGEX, NOT_IN)
        self.no_lower: list[int] = []  # entries whose first token has no LOWER test
        self.memo_rest: dict[tuple[int, int, int], tuple[frozenset[int], tuple[int, ...]]] = {}
        self.memo_lower: dict[int, tuple[int, ...]] = {}
        strings = ruler.vocab.strings
        for pos, (_, _, first_spec) in enumerate(entries):
            if "LOWER" not in first_spec:
                self.no_lower.append(pos)
                continue
            keys = _lower_keys(first_spec, strings)
            if keys is None:
                self.lower_other.append(pos)
            for key in keys or ():
                self.by_lower.setdefault(key, []).append(pos)

    @classmethod
    def from_ruler(cls, name: str, ruler) -> FastAttributeRuler | None:
        strings = ruler.vocab.strings
        entries: list[tuple[int, list[list[TokenTest]], dict]] = []
        for attr_id in range(len(ruler.attrs)):
            for pattern in ruler.matcher.get(str(attr_id))[1]:
                tests = [_token_tests(spec, strings) for spec in pattern]
                if not pattern or any(t is None for t in tests):
                    return None
                entries.append((attr_id, tests, pattern[0]))
        return cls(name, ruler, entries)

    def _rest(self, key: tuple[int, int, int]) -> tuple[frozenset[int], tuple[int, ...]]:
        """(entries passing their first token's non-LOWER tests, those of them without a LOWER test)."""
        found = self.memo_rest.get(key)
        if found is None:
            row = (key[0], 0, key[1], key[2])
            passing = frozenset(
                pos
                for pos, (_, tests) in enumerate(self.entries)
                if all(test(row[c]) for c, test in tests[0] if c != 1)
            )
            found = (passing, tuple(p for p in self.no_lower if p in passing))
            self.memo_rest[key] = found
        return found

    def _lower(self, lower: int) -> tuple[int, ...]:
        found = self.memo_lower.get(lower)
        if found is None:
            other = [p for p in self.lower_other if all(t(lower) for c, t in self.entries[p][1][0] if c == 1)]
            found = (*self.by_lower.get(lower, ()), *other)
            if len(self.memo_lower) < 500_000:
                self.memo_lower[lower] = found
        return found

    def matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(pattern id, start, end) of every match, sorted as AttributeRuler.match sorts them."""
        rows = doc.to_array(_ARRAY_ATTRS).tolist()
        found = set()
        for i, row in enumerate(rows):
            passing, plain = self._rest((row[0], row[2], row[3]))
            for pos in (*plain, *(p for p in self._lower(row[1]) if p in passing)):
                attr_id, tests = self.entries[pos]
                end = i + len(tests)
                if (
                    end == i + 1
                    or end <= len(rows)
                    and all(test(rows[i + k][c]) for k in range(1, len(tests)) for c, test in tests[k])
                ):
                    found.add((attr_id, i, end))
        return sorted(found)

    def __call__(self, doc: Doc) -> Doc:
        attrs, indices = self.ruler.attrs, self.ruler.indices
        for attr_id, start, end in self.matches(doc):
            index = indices[attr_id]
            set_token_attrs(doc[start + index if index >= 0 else end + index], attrs[attr_id])
        return doc

    # spaCy's Language.pipe calls every component's pipe(docs, batch_size=...) by keyword, so the name stays.
    def pipe(self, docs, batch_size: int = 128):  # noqa: ARG002
        for doc in docs:
            yield self(doc)


@Language.factory("diplowatch_attribute_rules", default_config={"ruler": "attribute_ruler"})
def make_fast_attribute_ruler(nlp: Language, name: str, ruler: str) -> FastAttributeRuler:
    """Add it next to the pipeline's attribute ruler and disable that one (the Extractor does so)."""
    fast = FastAttributeRuler.from_ruler(name, nlp.get_pipe(ruler))
    if fast is None:
        raise ValueError(f"the patterns of {ruler!r} are outside what diplowatch_attribute_rules handles")
    return fast
