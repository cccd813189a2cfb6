"""Per-article context (dateline, anchor date, people) and actor resolution for spans of a parsed sentence."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache

from spacy.tokens import Span, Token

from diplowatch.nlp.actors import Place, eu_code_named, gazetteer, historicize, read_tsv
from diplowatch.nlp.evidence import FROM_TEXT, Found, Source, Step
from diplowatch.nlp.lexicon import lexicon
from diplowatch.nlp.people import (
    PORTFOLIO_TITLES,
    PeopleIndex,
    Person,
    _is_state_title,
    first_name_of_another,
    igo_chief_economist,
    leader_code,
)
from diplowatch.nlp.segment import Dateline, Sentence, bound_sentences, parse_dateline, split_sentences
from diplowatch.nlp.typos import fix_institution_words, restore_apostrophes

PRONOUNS = {"he", "she", "him", "his", "her", "hers", "himself", "herself"}
RELATIVES = {"who", "whom", "whose", "which", "that"}
MEDIA_WORDS = {
    "reuters",
    "afp",
    "ap",
    "radio",
    "agency",
    "newspaper",
    "television",
    "tv",
    "press",
    "daily",
    "news",
    "tass",
    "xinhua",
    "irna",
    "sputnik",
    "correspondent",
    "reporters",
    "times",
    "post",
    "journal",
    "media",
    "magazine",
    "broadcaster",
    "tabloid",
}


@dataclass
class Actor:
    """Who did or said something: a person, an office or a state."""

    name: str | None
    code: str | None
    is_state: bool
    reason: str
    kind: str  # person | office | state | igo
    title: str = ""
    has_title: bool = False
    found: Found = FROM_TEXT  # how the state was found (typed; `reason` is its wording)

    def group_office(self, group: Token) -> Actor:
        """The office of this state that a plural group word names ("the trade ministers of X, Y and Z")."""
        return Actor(
            None,
            self.code,
            True,
            f"{group.lower_} of {self.reason}",
            "office",
            group.text,
            True,
            self.found.through(Step.GROUP),
        )

    def through(self, step: Step, reason: str) -> Actor:
        """This actor as reached through another mention (`reason` the wording of the step)."""
        return dataclasses.replace(self, reason=reason, found=self.found.through(step))


@dataclass(frozen=True)
class Limits:
    """Bounds on the work spent on one article, whatever it holds (a 5 MB single line included).

    max_article_chars: only this many characters from the start of the text are
    read for events (offsets stay valid); max_sentence_chars: a longer sentence
    is cut at its last clause mark or space before the limit before parsing.
    """

    max_article_chars: int = 100_000
    max_sentence_chars: int = 2_000


class ArticleContext:
    """Everything about one article that sentence-level rules need, computed once and without the model."""

    def __init__(
        self,
        article_id: str,
        text: str,
        published_at: dt.date | None,
        title: str | None,
        limits: Limits = Limits(),
    ):
        self.article_id = article_id
        self.notes: list[str] = []  # what was clipped or cut, for the pipeline to record
        if len(text) > limits.max_article_chars:
            self.notes.append(
                f"article of {len(text):,} chars: only the first {limits.max_article_chars:,} were read"
            )
            text = text[: limits.max_article_chars]
        self.text = text
        self.published_at = published_at
        self.title = title
        self.sentences, cut = bound_sentences(split_sentences(text), limits.max_sentence_chars)
        self.notes.extend(cut)
        self.dateline: Dateline | None = parse_dateline(text, published_at)
        self.anchor: dt.date | None = (
            self.dateline.date if self.dateline and self.dateline.date else published_at
        )
        place = self.dateline.place if self.dateline else None
        self.home: Place | None = place
        self.home_code = place.code if place else None
        self.home_city = (
            self.dateline.place_text if (self.dateline and place and place.kind == "city") else None
        )
        #: the states the story is filed from: the dateline's, or each of a two-place dateline's
        self.filed_from_codes: frozenset[str] = (
            frozenset({place.code})
            if place
            else frozenset(p.code for p in (self.dateline.filed_from if self.dateline else ()))
        )
        self._people: PeopleIndex | None = None

    @property
    def people(self) -> PeopleIndex:
        """Built on first use: articles the pre-filter rejects never pay for it."""
        if self._people is None:
            # the people index reads the 1987 wire's "Ecuador\"s minister" and a feed's "Duterte s spokesman"
            # as "Ecuador's", "Duterte's" (same offsets)
            self._people = PeopleIndex(restore_apostrophes(self.text), self.published_at, self.home_code)
        return self._people

    def place(self, surface: str, in_text: bool = True) -> Place | None:
        return gazetteer().lookup(surface, self.published_at, in_text=in_text)

    @cached_property
    def firms(self) -> dict[str, str]:
        """Companies the article introduces with their nationality ("Italian defense group Finmeccanica",
        "U.S. chipmaker Intel", "Germany's Siemens AG"): name -> country code."""
        return firm_nationalities(self.text, self.published_at)

    @cached_property
    def introduced_firms(self) -> dict[str, str]:
        """The companies of `firms` the article itself gives a nationality (in words or by an instrument
        code), not only the list of well-known ones: those "the company" can stand for."""
        return firm_nationalities(self.text, self.published_at, known=False)

    @cached_property
    def event_places(self) -> list[tuple[int, str, str, str | None]]:
        """Gatherings the article places, in text order: (sentence index, kind, country code, city) for "a G20
        summit in Toronto", "the meeting of the Group of Eight ... in the central Italian city of L'Aquila",
        "talks in Geneva", "ministers meet in Belgium". Kind is "talks" for talks, else "summit"."""
        out = []
        for sent in self.sentences:
            places = [
                h
                for h in gazetteer().find_all(sent.text, self.published_at)
                if h[3].kind in {"country", "city"}
                # "the Belgian resort of Knokke": a town the gazetteer does not know, by its country
                or (h[3].kind == "demonym" and PLACE_OF.match(sent.text, h[1]))
            ]
            if not places:
                continue
            for m in _GATHERING.finditer(sent.text):
                kind = "talks" if m.group(1).lower() == "talks" else "summit"
                for start, end, surface, place in places:
                    if (start >= m.end() and _PLACED_AFTER.fullmatch(sent.text, m.end(), start)) or (
                        place.kind == "city" and _NAMED_BEFORE.fullmatch(sent.text, end, m.start())
                    ):
                        city = surface if place.kind == "city" else None
                        if place.kind == "demonym":  # the town's own name
                            town = PLACE_OF.match(sent.text, end)
                            city = _NAME.match(sent.text, town.end() - 1).group(0) if town else None
                        out.append((sent.index, kind, place.code, city))
                        break
        return out

    def event_place(self, kind: str, before: int) -> tuple[str, str | None] | None:
        """(code, city) of the gathering of a kind ("summit" or "talks") that sentences before `before` place,
        when they place every mention of it in one country; None when none do or they disagree."""
        found = [(code, city) for i, k, code, city in self.event_places if i < before and k == kind]
        if not found or len({code for code, _ in found}) > 1:
            return None
        return next(((code, city) for code, city in reversed(found) if city), found[-1])

    @cached_property
    def igo_mentions(self) -> list[tuple[int, int, str]]:
        """(start, end, code) of every IGO the article names, in text order (on first need)."""
        return [
            (start, end, p.code)
            for start, end, _, p in gazetteer().find_all(self.text, self.published_at)
            if p.kind == "igo"
        ]

    @cached_property
    def commission_code(self) -> str | None:
        """The code a bare "the Commission" stands for: the European Union's (EC before 1993) when the article
        names it, else none ("the Commission" of a national body stays unresolved)."""
        return eu_code_named(self.text, self.published_at)


# A gathering (or "meet"), and what may stand between it and the place it is held in: "summit in Toronto",
# "meeting of the Group of Eight major industrialized nations in the central Italian city of L'Aquila", "talks
# with Chinese leaders in Beijing", "meet in Belgium" (no clause or sentence mark between).
_GATHERING = re.compile(r"\b(summits?|meetings?|talks|meets?|met)\b", re.IGNORECASE)
# "the central Italian city of L'Aquila", "the Belgian resort of Knokke": a place named by a kind of town
# after its country's adjective (visits reads it too).
TOWN_WORDS = r"(?:town|city|village|resort|port|island|capital)"
PLACE_OF = re.compile(rf"\s+{TOWN_WORDS}\s+of\s+[A-Z]")
_NAME = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
_PLACED_AFTER = re.compile(
    r"(?:\s+(?:of|on|between|with|among)\s[^,;:.!?\"“”()]{0,70}?)?"
    r"\s+(?:in|at)\s+(?:the\s+)?(?:(?!(?:of|for|to|and|with)\s)[\w-]+\s+){0,3}?"
    rf"(?:{TOWN_WORDS}\s+of\s+)?"
)

# A city named before the gathering: "the Washington summit", "the Venice economic summit", "the Toronto G20
# summit" (a country there tells whose talks they are: "the Iran talks").
_NAMED_BEFORE = re.compile(
    r"\s+(?:(?!(?:the|a|an|and|or|of|to|for|at|in|on|with|said|says|told|that|is|was|will)\s)[\w-]+\s+){0,2}",
    re.IGNORECASE,
)


_SEATED_INSTITUTIONS = frozenset({"ministry", "government", "administration", "cabinet"})

# "<nationality> [up to three lower-case words] <business noun> <Name>": the business noun is a word of the
# lexicon's firm_nouns or any "-maker" ("chipmaker"); the name is one to three capitalised words.
_FIRM_INTRO = re.compile(
    r"\b(?P<nat>(?:[A-Z][\w.]*\s)?[A-Z][\w.]*?)(?:'s|’s)?\s+(?P<desc>(?:[a-z][\w-]*\s+){0,3}?)"
    r"(?P<noun>[a-z][\w-]*)\s+(?P<name>[A-Z][\w&-]+(?:\s[A-Z][\w&-]+){0,2})"
)
_NOT_FIRM_NAMES = frozenset({"The", "A", "An", "In", "On", "Chief", "Chairman", "President", "Executive"})


# "Fiat SpA ( FIA.MI )": a company's name of one to five words (a lower-case joiner between them) before its
# Reuters instrument code, whose suffix names the exchange.
_RIC_AFTER_NAME = re.compile(
    r"\b(?P<name>[A-Z][\w&.'-]*(?:\s+(?:[A-Z][\w&.'-]*|&|and|de|of)){0,4})\s*\(\s*[A-Z0-9]{1,7}\.(?P<sfx>[A-Z]{1,3})\s*\)"
)
# Legal-form words after a company's name ("Fiat SpA", "Gazprom OAO"): the name is also read without them.
_LEGAL_FORMS = frozenset(
    "Inc Inc. Corp Corp. Co Co. Ltd Ltd. Plc PLC plc AG SA S.A. SpA NV N.V. AB ASA OAO OJSC PJSC Group "
    "Holdings Holding SE Oyj A/S".split()
)


@lru_cache(maxsize=1)
def _exchange_countries() -> dict[str, str]:
    """RIC suffix -> country of the exchange (diplowatch/data/exchange_suffixes.tsv)."""
    return {suffix: code for suffix, code, *_ in read_tsv("exchange_suffixes.tsv")}


def listed_firm_nationalities(text: str, on_date: dt.date | None) -> dict[str, str]:
    """Name -> country of each company the text gives with its instrument code ("Fiat SpA ( FIA.MI )"),
    by the code's exchange; the name also without its legal form ("Fiat")."""
    gaz = gazetteer()
    exchanges = _exchange_countries()
    out: dict[str, str] = {}
    for m in _RIC_AFTER_NAME.finditer(text):
        code = exchanges.get(m["sfx"])
        words = m["name"].split()
        while words and words[0] in {"The", "A", "An"}:
            words = words[1:]
        if code is None or not words or gaz.lookup(" ".join(words), on_date) is not None:
            continue
        out.setdefault(" ".join(words), code)
        while len(words) > 1 and words[-1] in _LEGAL_FORMS:
            words = words[:-1]
            out.setdefault(" ".join(words), code)
    return out


@lru_cache(maxsize=1)
def _known_firms() -> tuple[re.Pattern, dict[str, str]]:
    """Well-known companies -> country of their head office (diplowatch/data/firms.tsv), and one pattern that
    finds their names as whole words (case as written; the longest name first)."""
    firms = {name: code for name, code, *_ in read_tsv("firms.tsv")}
    names = sorted(firms, key=len, reverse=True)
    return re.compile(r"(?<![\w&.-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w&-])"), firms


def known_firm_nationalities(text: str, on_date: dt.date | None) -> dict[str, str]:
    """Name -> country code of each well-known company `text` names (firms.tsv), for the article's date."""
    pattern, firms = _known_firms()
    return {m.group(): historicize(firms[m.group()], on_date) for m in pattern.finditer(text)}


def firm_nationalities(text: str, on_date: dt.date | None, known: bool = True) -> dict[str, str]:
    """Name -> country code of each company introduced with its nationality in `text`, then (with `known`) of
    each well-known company it names without one (firms.tsv)."""
    gaz = gazetteer()
    nouns = lexicon().set("firm_nouns")
    out: dict[str, str] = {}
    for m in _FIRM_INTRO.finditer(text):
        noun = m["noun"]
        if noun not in nouns and not noun.endswith("maker"):
            continue
        place = gaz.lookup(m["nat"], on_date, in_text=False)
        if place is None or place.kind not in {"country", "demonym"}:
            continue
        name = m["name"]
        if name.split()[0] in _NOT_FIRM_NAMES or gaz.lookup(name, on_date) is not None:
            continue
        out.setdefault(name, place.code)
    for name, code in listed_firm_nationalities(text, on_date).items():
        out.setdefault(name, code)
    for name, code in known_firm_nationalities(text, on_date).items() if known else ():
        if gaz.lookup(name, on_date) is None:
            out.setdefault(name, code)
    return out


@lru_cache(maxsize=1)
def _title_regex() -> re.Pattern:
    words = sorted(lexicon().set("state_titles"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")(?:s|es)?\b")


def token_offset(sent: Sentence, tok: Token) -> int:
    return sent.start + tok.idx


def _is_title_word(tok: Token) -> bool:
    """A state title by its lemma, plural forms too ("leaders", "ministers", "officials")."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in lexicon().set("state_titles")


# People who speak for the one they serve: "an aide to Chirac", "an adviser to the president".
_AIDE_NOUNS = frozenset({"aide", "adviser", "advisor", "assistant", "counsellor", "counselor"})


def actor_span(tok: Token) -> Span:
    """The noun phrase of tok with its owner-giving right modifiers ("a spokesperson for the U.S.")."""
    doc = tok.doc
    left = tok.left_edge.i
    right = tok.i
    for child in tok.rights:
        if child.dep_ in {"appos", "compound", "flat", "nmod", "npadvmod"} or (
            child.dep_ == "prep"
            and (
                child.lower_ in {"of", "for"}
                or (child.lower_ == "from" and _is_title_word(tok))
                or (child.lower_ == "to" and tok.lemma_.lower() in _AIDE_NOUNS)
            )
        ):  # "ministers from Germany and Spain": a plural title takes its states from "from" too; "an aide to
            # Chirac" is Chirac's side
            right = max(right, child.right_edge.i)
        elif child.dep_ == "punct" and child.i == right + 1:
            continue
        else:
            break
    return doc[left : right + 1]


def written_name(tok: Token) -> str | None:
    """The speaker as the article writes it: "the Kremlin", "a
    spokesperson for the U.S.", "the U.S. embassy in Hanoi"."""
    if tok.lower_ in RELATIVES and tok.head.dep_ == "relcl":
        tok = tok.head.head
    if tok.lower_ == "it" and tok.dep_ in {"nsubj", "nsubjpass"}:
        tok = governing_subject(tok) or tok  # "The U.S. has said it is opposed": the U.S.
    if tok.lower_ in PRONOUNS or tok.pos_ == "PRON":
        return None
    span = _whole_igo_name(actor_span(tok), None)  # (the name's words only: no date needed)
    end = span.end
    # An office located somewhere ("embassy in Hanoi") keeps its place in the written name.
    for child in tok.rights:
        if (
            child.i >= end
            and child.dep_ == "prep"
            and child.lower_ in {"in", "at"}
            and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in child.children)
        ):
            end = child.right_edge.i + 1
            break
    while end > span.start + 1 and tok.doc[end - 1].is_punct and tok.doc[end - 1].text not in {".", ")"}:
        end -= 1
    text = tok.doc[span.start : end].text.strip()
    return text or None


def past_dateline(tok: Token, sent: Sentence, ctx: ArticleContext) -> list[Token]:
    """What the parser hung on a dateline word read as part of the sentence: "NEW DELHI, Nov 25 - Soviet
    leader X arrived", "PARIS (Reuters) - Korean Finance Minister Yoon said" (the dateline the subject, the
    person its conjunct or apposition, also through the dateline's date: "PARIS, March 22 - Britain, Japan and
    West Germany are opposed", the date an apposition of the city, the country a conjunct of the date). Empty
    when tok is not in the dateline."""
    if ctx.dateline is None or sent.start + tok.idx >= ctx.dateline.end:
        return []
    out: list[Token] = []
    inside = [tok]
    while inside:
        for c in inside.pop(0).children:
            if c.dep_ in {"conj", "appos"}:
                (out if sent.start + c.idx >= ctx.dateline.end else inside).append(c)
    return out


_PLURAL_OFFICES = frozenset(
    {"leaders", "ministers", "officials", "governments", "presidents", "premiers", "delegations", "envoys"}
)


def coordinated_nationalities(tok: Token, ctx: ArticleContext) -> list[Actor]:
    """ "the French and German leaders", "French, German and Spanish leaders", "U.S. and EU officials": each
    state (or IGO) of nationality adjectives or names coordinated on a plural office word, the office's own
    owner among them (callers leave out the speaker's or traveller's own state). The parser may hang each
    adjective on the noun, or chain them."""
    if tok.lower_ not in _PLURAL_OFFICES:
        return []
    out: list[Actor] = []
    for mod in (m for m in tok.children if m.dep_ in {"amod", "compound", "nmod"} and m.i < tok.i):
        for conj in (mod, *(c for c in mod.conjuncts if c.i > mod.i)):
            # with its own modifiers before it: "North Korean and U.S. officials" is North Korea's
            words = " ".join(t.text for t in conj.lefts if t.dep_ in {"amod", "compound"}) + " " + conj.text
            place = ctx.place(actor_span(conj).text if conj.pos_ == "PROPN" else words.strip())
            # (or of IGOs by name: "EU and IMF officials")
            if place is not None and place.kind in {"demonym", "country", "igo"}:
                out.append(Actor(None, place.code, True, "coordinated nationality", "office", tok.text, True))
    return out


def _unknown_person(subj: Token, sent: Sentence, ctx: ArticleContext) -> bool:
    """A name subject of two or more capitalised words, outside the dateline, naming no place, organisation or
    person the article knows."""
    if ctx.dateline is not None and sent.start + subj.idx < ctx.dateline.end:
        return False
    words = [t for t in subj.subtree if t.i == subj.i or (t.dep_ == "compound" and t.pos_ == "PROPN")]
    if len(words) < 2 or any(not t.text[:1].isupper() or t.text.isupper() for t in words):
        return False
    name = " ".join(t.text for t in sorted(words, key=lambda t: t.i))
    if gazetteer().find_all(name, ctx.published_at) or leader_code(name, ctx.published_at):
        return False
    return not any(w in lexicon().set("non_state_words") for w in name.lower().split())


def _fronted_owner(tok: Token) -> Token | None:
    """ "Ahead of her trip to Washington, Merkel told ...", "During his visit, Howard said ...": a possessive
    in a phrase put before its clause's subject points forward to that subject, a name."""
    if tok.dep_ != "poss" or tok.lower_ not in {"his", "her"}:
        return None
    verb = next((a for a in tok.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if verb is None:
        return None
    branch = next(a for a in (tok, *tok.ancestors) if a.head.i == verb.i)
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if (
        subj is None
        or subj.pos_ != "PROPN"
        or branch.dep_ not in {"prep", "advmod", "npadvmod"}
        or not branch.right_edge.i < subj.left_edge.i
    ):
        return None
    return subj


_CLOSING_QUOTES = frozenset({'"', "”", "'", "’"})
_QUOTES = frozenset({'"', "“", "”", "``", "''"})


def _quoted_speaker_before(tok: Token, ctx: ArticleContext, sent: Sentence) -> Person | None:
    """'"...," he said.' right after a sentence that names who spoke ("Katainen said he had told Monti that
    ..."): the speaker is the state person of the article's index whose surname comes first in that sentence,
    not the one named most in the article."""
    verb = tok.head
    if tok.dep_ != "nsubj" or tok.lower_ not in {"he", "she"} or verb.lemma_ not in {"say", "add", "tell"}:
        return None
    before = [t for t in tok.doc[: tok.i] if not t.is_space]
    if len(before) < 2 or before[-1].text not in _CLOSING_QUOTES | {","} or sent.index == 0:
        return None
    return ctx.people.first_named_in(ctx.sentences[sent.index - 1].text)


# The speaker a sentence ends on ('..., said Nikko Securities' Okamoto.', '..., Okamoto said.'): the last
# capitalised word of the attribution.
_CLOSING_ATTRIBUTION = re.compile(
    r"(?:\b(?:said|says|added|adds)\s+(?:[A-Z][\w.&'’-]*\s+){0,6}(?P<after>[A-Z][\w'’-]+)"
    r"|(?P<before>[A-Z][\w'’-]+)\s+(?:said|says|added|adds))(?:,\s*\d{1,3})?\W*$"
)


def _unknown_speaker_before(tok: Token, ctx: ArticleContext, sent: Sentence) -> bool:
    """ "He said ..." opening a sentence right after one that ends on whom it quotes ('"...," said Nikko
    Securities' Okamoto.'): the pronoun is that speaker; when the article knows no state person of that name
    (an analyst, a banker), it is no state actor, not the last official named before."""
    if tok.i != 0 or tok.lower_ not in {"he", "she"} or tok.dep_ != "nsubj" or sent.index == 0:
        return False
    if tok.head.lemma_ not in {"say", "add", "tell"}:
        return False
    m = _CLOSING_ATTRIBUTION.search(ctx.sentences[sent.index - 1].text)
    if m is None:
        return False
    name = m.group("after") or m.group("before")
    if name.lower() in PRONOUNS or gazetteer().find_all(name, ctx.published_at):
        return False  # "..., he said." / "..., Japan said.": no person named there
    person = ctx.people.by_surname.get(name.rstrip("'’"))
    return person is None or not person.is_state


def _earlier_in_the_sentence(tok: Token, ctx: ArticleContext, sent: Sentence) -> tuple[bool, Actor | None]:
    """(decided, actor) for a pronoun with no named subject before it: the same pronoun as a subject before
    it, with no quotation before either ("He said he had arrived ..."), is whoever that one is; a person whose
    possession is fronted ("During his visit, Howard said ...") is the one named after it."""
    before = tok.doc[tok.sent.start : tok.i]
    same = None
    if tok.lower_ in {"he", "she"} and not any(t.text in _QUOTES for t in before):
        same = next((t for t in before if t.dep_ in {"nsubj", "nsubjpass"} and t.lower_ == tok.lower_), None)
    if same is not None:
        return True, _referring_actor(same, ctx, sent)[1]
    ahead = _fronted_owner(tok)
    if ahead is not None:
        named = resolve_token_actor(ahead, ctx, sent)
        if named is not None and named.kind == "person" and named.name:
            return True, named.through(Step.PRONOUN, f"pronoun → {named.reason}")
    return False, None


def _pronoun_actor(tok: Token, ctx: ArticleContext, sent: Sentence, offset: int) -> Actor | None:
    """The person a pronoun refers to: the main subject before it in its sentence, else the salient or last
    person named before it."""
    # A pronoun in a subordinate clause usually points back to the main subject of its own sentence.
    person = None
    official = None  # "The Japanese trade minister said he would travel ...": an unnamed official
    for subj in tok.sent:
        if subj.i >= tok.i:
            break
        if subj.dep_ not in {"nsubj", "nsubjpass"} or subj.lower_ in PRONOUNS:
            continue
        if subj.pos_ == "PROPN":
            found = ctx.people.person_at(sent.start + subj.idx, sent.start + subj.idx + len(subj.text))
            if found is not None and found.name:
                person = found
                break
            named = resolve_token_actor(subj, ctx, sent)
            if (
                named is not None
                and named.kind == "person"
                and named.name
                and (named.found.via[:1] == (Step.SURNAME,) or named.found.by_leaders_table)
            ):
                # "Wen will address parliament ... where he will attend": a later mention by one of the
                # names of a person the index knows (or of a leader) is the subject too.
                return named.through(Step.PRONOUN, f"pronoun → {named.reason}")
            if tok.lower_ in {"he", "she"} and _unknown_person(subj, sent, ctx):
                # "Gaetano Micciche, who heads the bank's division, ... and he said": the pronoun is that
                # person, whom the article does not tie to a state, not the last leader it named.
                return None
        elif official is None and subj.tag_ == "NN" and tok.lower_ in {"he", "she"} and _is_title_word(subj):
            official = subj
    if person is None and official is None:
        decided, actor = _earlier_in_the_sentence(tok, ctx, sent)
        if decided:
            return actor
    if person is None and official is not None:
        actor = resolve_token_actor(official, ctx, sent)
        if actor is not None and actor.code and actor.is_state:
            return actor.through(Step.PRONOUN, f"pronoun → {actor.reason}")
    person = (
        person
        or _quoted_speaker_before(tok, ctx, sent)
        or ctx.people.salient_before(offset)
        or ctx.people.last_before(offset, a_person=True)
    )
    if person is None:
        return None
    return Actor(
        person.name,
        person.code,
        person.is_state,
        f"pronoun → {person.reason}",
        "person",
        person.title,
        True,
        person.found.through(Step.PRONOUN),
    )


def _named_owner(
    tok: Token, span, text: str, hits: list, start: int, title: tuple[bool, str, bool], ctx: ArticleContext
) -> Actor | None:
    """The actor of a phrase whose words name a place or an IGO."""
    if _member_epithet(tok, span, hits):
        # "the OPEC nation repeated its threat": the member state named before, not the organisation
        code = _country_named_before(ctx, start)
        return Actor(None, code, True, "member state named before", "state", text, False) if code else None
    owners = [h for h in hits if h[3].kind != "city"] or hits
    return _owner_actor(tok, text, owners[0][3], title, ctx)


_MEMBER_NOUNS = frozenset({"nation", "country", "member", "state", "producer", "exporter", "kingdom"})


def _member_epithet(tok: Token, span, hits: list) -> bool:
    """ "the OPEC nation", "the euro zone member": a definite member noun whose only name is an IGO's."""
    return (
        tok.pos_ == "NOUN"
        and tok.lemma_.lower() in _MEMBER_NOUNS
        and span[0].lower_ == "the"
        and all(h[3].kind == "igo" for h in hits)
    )


def _country_named_before(ctx: ArticleContext, offset: int) -> str | None:
    """The country an epithet stands for: the one the article names most before its sentence, the dateline's
    place counted (the story's subject; on a tie the one named first). "CARACAS - Venezuela softened ... oil
    sales to America ... the anti-U.S. president ..., even as the OPEC nation" is Venezuela."""
    offset = max((s.start for s in ctx.sentences if s.start <= offset), default=0)  # before its sentence
    hits = gazetteer().find_all(ctx.text[:offset], ctx.published_at)
    codes = [h[3].code for h in hits if h[3].kind in {"country", "demonym", "city"}]
    if ctx.home_code:
        codes.insert(0, ctx.home_code)  # the dateline's place is named first
    counts = Counter(codes)  # in first-named order: max keeps the first of a tie
    return max(counts, key=counts.__getitem__) if counts else None


def _owner_places(tok: Token, text: str, ctx: ArticleContext) -> list:
    """The gazetteer hits naming whose actor it is: in its words before any "in/at/near" place, else, for a
    ministry or government, the capital it sits in ("the Foreign Ministry in Beijing"; an embassy does not
    sit in its own capital and is left out). A seat's name that several states' bodies bear is the one of the
    country it is said to be in ("the Department of Justice in the Philippines")."""
    own_part, *located = re.split(r"\s+(?:in|at|near)\s+", text, maxsplit=1)
    gaz = gazetteer()
    hits = gaz.find_all(own_part, ctx.published_at)
    seats = located[:1] + [
        g.text
        for p in tok.children
        if p.dep_ == "prep" and p.lower_ == "in"
        for g in p.children
        if g.dep_ == "pobj"
    ]
    if hits and all(h[3].kind == "metonym" for h in hits):
        elsewhere = [
            h
            for seat in seats
            for h in gaz.find_all(seat, ctx.published_at)
            if h[3].kind == "country" and h[3].code != hits[0][3].code
        ]
        return elsewhere[:1] or hits
    if hits or tok.lemma_.lower() not in _SEATED_INSTITUTIONS:
        return hits
    capitals = gaz.capital_names
    return [h for seat in seats for h in gaz.find_all(seat, ctx.published_at) if h[2] in capitals]


# A definite kind noun's own words before it, with a modifier it may carry and still stand for the IGO named
# before ("the 27-nation bloc", "the oil cartel", "the Western alliance").
_BARE_KIND = r"the\s+(?:(?:\w+-(?:nation|member|country|state)|trading|oil|military|western|lending)\s+)?"
_BARE_KIND_BEFORE = re.compile(rf"\b{_BARE_KIND}$", re.I)


def _igo_by_kind(tok: Token, ctx: ArticleContext, sent: Sentence) -> Actor | None:
    """A definite kind noun standing for the IGO of that kind the article named last ("The Fund urged
    Greece" after "the IMF", "the 27-nation bloc said"): none when something else of that kind was named
    after it ("the EFSF rescue fund ... the fund") or the noun has other modifiers ("the Templeton fund")."""
    codes = lexicon()["igo_kind_nouns"].get(tok.lemma_.lower()) if tok.pos_ in {"NOUN", "PROPN"} else None
    if not codes or tok.tag_ in {"NNS", "NNPS"}:
        return None
    if not re.fullmatch(_BARE_KIND, tok.doc[tok.left_edge.i : tok.i].text_with_ws, re.I):
        return None
    at = sent.start + tok.idx
    before = ctx.text[:at]
    named = [(end, code) for _, end, code in ctx.igo_mentions if end <= at and code in codes]
    if not named:
        return None
    inside = [(start, end) for start, end, _ in ctx.igo_mentions if end <= at]
    others = [
        m.start()
        for m in re.finditer(rf"\b{re.escape(tok.lemma_.lower())}s?\b", before, re.I)
        if not any(start <= m.start() < end for start, end in inside)
        and not _BARE_KIND_BEFORE.search(before, 0, m.start())
    ]
    end, code = max(named)
    if others and max(others) > end:
        return None
    return Actor(None, code, True, f"the {tok.lemma_.lower()} named before ({code})", "igo", tok.text, False)


def _bare_commission(text: str, ctx: ArticleContext) -> Actor | None:
    """A bare "the Commission" in an article about the EU is the European Commission."""
    code = ctx.commission_code
    if code is None:
        return None
    return Actor(None, code, True, "the Commission of the EU named in the article", "igo", text, False)


_COUNTING_WORDS = frozenset(
    {"many", "most", "some", "few", "ordinary", "average", "millions", "thousands", "hundreds", "young"}
    | {"percent", "pct", "majority", "half", "third", "quarter", "number", "minority", "share"}
)


def _counted_nationals(tok: Token, ctx: ArticleContext) -> bool:
    """Whether tok is a country's people counted or qualified ("many Pakistanis", "most Germans", "62 percent
    of Americans", bare "Germans"): the public, not its state ("the Soviets" of wire style may be its
    government)."""
    if tok.lower_ in _COUNTING_WORDS:
        return any(
            _nationals(g, ctx)
            for p in tok.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for g in p.children
            if g.dep_ == "pobj"
        )
    if not _nationals(tok, ctx):
        return False
    modifiers = [c for c in tok.children if c.dep_ in {"amod", "det", "nummod", "quantmod", "poss"}]
    # a bare plural ("Germans were skeptical", "opposition from Greeks") is the public too, unless it is asked
    # to act ("want Cypriots to pay": the state is asked, through its people)
    bare = not modifiers and tok.head.tag_ != "VB"
    return bare or any(c.lower_ in _COUNTING_WORDS or c.dep_ == "nummod" and c.like_num for c in modifiers)


# A stock ticker after a name marks a company: "Gazprom OAO ( GAZP.MM )", 1987 wire style "<MD.N>".
_TICKER = re.compile(r"\s*(?:\(\s*[A-Z0-9]{1,7}\.[A-Z]{1,3}\s*\)|<[A-Z0-9]{1,7}(?:\.[A-Z]{1,3})?>)")


def _listed_company(tok: Token) -> bool:
    """A name followed by its stock ticker, or a group noun "from"/"of" one ("a delegation from Russia's
    Gazprom OAO ( GAZP.MM )"): a company, no state actor."""
    named = [
        tok,
        *(g for p in tok.children if p.dep_ == "prep" and p.lower_ in {"of", "from"} for g in p.children),
    ]
    text = tok.doc.text
    return any(_TICKER.match(text, t.idx + len(t.text)) for n in named for t in (n, *n.conjuncts))


def _non_state(tok: Token, head_words: set[str], ctx: ArticleContext) -> str | None:
    """What makes a phrase's head no state actor: a business or party word ("store chain", "analysts"), or a
    country's public ("many Germans"); None when nothing does."""
    bad = head_words & lexicon().set("non_state_words")
    if bad == {"team"} and _delegation_team(tok):
        bad = set()
    if tok.lemma_.lower() in PORTFOLIO_TITLES:
        bad -= lexicon().set("portfolio_words")  # "the EU's industry commissioner": a portfolio, no business
    if bad:
        return tok.lower_
    if tok.pos_ == "PROPN" and tok.text in ctx.firms:
        return f"a company introduced as one ({tok.text})"  # "Finnish phone maker Nokia asked ..."
    return "the public" if _counted_nationals(tok, ctx) else None


def _title_and_state(tok: Token, text: str, low: str) -> tuple[bool, bool, str]:
    """(has a title, acts for a state, why) of an actor's phrase; a delegation team is a titled state body."""
    if _delegation_team(tok):
        return True, True, "state title"
    state, why = _is_state_title(text)
    return bool(_title_regex().search(low)) or _is_title_word(tok), state, why


def _delegation_team(tok: Token) -> bool:
    """ "a French government team has arrived", "the Nigerian team, headed by Finance Minister X", a team that
    goes somewhere for talks ("a Japanese team going to Washington next week for emergency talks", "the
    Canadian team will return to Cairo for further negotiations"): a delegation, not a sports team."""
    words = lexicon()["delegation_team_words"]
    if any(c.lower_ in words["modifiers"] for c in tok.children if c.dep_ in {"compound", "amod"}) or any(
        c.dep_ == "acl" and c.lemma_ in {"head", "lead"} for c in tok.children
    ):
        return True
    if tok.lemma_.lower() != "team":
        return False
    moves = [c for c in tok.children if c.dep_ in {"acl", "relcl"}]
    if tok.dep_ == "nsubj":
        moves.append(tok.head)
    return any(
        p.dep_ == "prep" and p.lower_ == "for" and any(g.lower_ in words["purposes"] for g in p.children)
        for m in moves
        for p in m.children
    )


def _nationals(tok: Token, ctx: ArticleContext) -> bool:
    """A plural demonym used as a noun ("Germans", "Pakistanis")."""
    if tok.tag_ not in {"NNS", "NNPS"} or not tok.text[:1].isupper():
        return False
    hits = gazetteer().find_all(tok.text, ctx.published_at)
    return bool(hits) and hits[0][3].kind == "demonym"


def _acting(tok: Token) -> bool:
    """Whether a noun is the doer of its clause: a subject, a passive's "by" phrase, or a conjunct of one."""
    while tok.dep_ == "conj":
        tok = tok.head
    return tok.dep_ in {"nsubj", "nsubjpass"} or (tok.dep_ == "pobj" and tok.head.dep_ == "agent")


def _position_source(tok: Token) -> bool:
    """Whether a noun names where a position comes from ("pressure from Brussels", "criticism by Paris")."""
    while tok.dep_ == "conj":
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in {"from", "by"} and tok.head.head.pos_ == "NOUN"


# Cities that speak for their state besides today's capitals: seats of government and the capitals of the
# periods the news covers ("Bonn" for West Germany, "Lagos" for Nigeria until 1991, "Rangoon" for Burma).
_SEATS_OF_GOVERNMENT = frozenset(
    {
        "The Hague",
        "Bonn",
        "Lagos",
        "Rangoon",
        "Yangon",
        "Alma-Ata",
        "Almaty",
        "Dar es Salaam",
        "Abidjan",
        "Colombo",
    }
)


def _seat_of_government(name: str) -> bool:
    """Whether a city's name may stand for its state's government: a capital (any of its names, as the city's
    own name or with its historical state: "Moscow" for the Soviet Union) or a seat of government."""
    words = name.lower().replace("-", " ").split()
    # the place's own words within the phrase ("both London", "Washington-led")
    return any(
        " ".join(words[i:j]) in _seat_names() for i in range(len(words)) for j in range(i + 1, len(words) + 1)
    )


@lru_cache(maxsize=1)
def _seat_names() -> frozenset[str]:
    gaz = gazetteer()
    return frozenset(n.lower() for n in (*gaz.capital_aliases, *_SEATS_OF_GOVERNMENT, *gaz.historical_places))


def _owner_actor(
    tok: Token, text: str, place: Place, title: tuple[bool, str, bool], ctx: ArticleContext
) -> Actor | None:
    """The actor of a phrase that names its state or IGO (`title`: whether it acts for a state, why not, and
    whether it has a title)."""
    state, why, has_title = title
    source = text == "Brussels" and _position_source(tok)
    if text == "Brussels" and ctx.commission_code and (source or _acting(tok)):
        # "Brussels and Washington objected to ...", "pressure from Brussels": the EU's seat acting stands for
        # the Union, when the article names it, as "Washington" stands for the U.S. government.
        return Actor(None, ctx.commission_code, True, "Brussels for the EU", "igo", text, False)
    if source:
        return None  # no Belgian position: whose it is, the article does not say
    kind = "igo" if place.kind == "igo" else ("office" if has_title else "state")
    if kind == "state" and place.kind == "city" and len(text.split()) > 2:
        return None
    if kind == "state" and place.kind == "city" and not _seat_of_government(text):
        return None  # "Rio has asked banks to advise it" (Rio Tinto), "Sydney said": no capital, no state
    return Actor(None, place.code, state, "named state" if state else why, kind, text, has_title)


# The people who head a state bank ("the Peruvian central bank president", "its central bank governor").
_BANK_HEADS = frozenset({"governor", "president", "chief", "head", "chairman", "director"})


def _past_the_dateline(tok: Token, span, sent: Sentence, ctx: ArticleContext):
    """An actor's phrase without the dateline the parser hung on it ("WASHINGTON, April 17 - Washington is
    likely to ...": "Washington")."""
    if ctx.dateline is None or not sent.start + span.start_char < ctx.dateline.end <= sent.start + tok.idx:
        return span
    first = next(t.i for t in span if sent.start + t.idx >= ctx.dateline.end and not t.is_punct)
    return tok.doc[first : span.end]


def _another_post(title: str, phrase: str) -> bool:
    """Whether a phrase calling someone "former" names a post other than the title known for them ("a former
    chief executive of Exxon" for a secretary of state; not "a former president" for a president)."""
    return bool(title) and title.lower() not in phrase.lower()


def _current_over_former(person: Person | None, ctx: ArticleContext) -> Person | None:
    """A known official's later mention with a background apposition ("Tillerson, a former chief executive of
    Exxon Mobil, traveled to ...", after "U.S. Secretary of State Rex Tillerson") is still that official: the
    "former" post is another one, held before. Not when the apposition names the official's own post again
    ("Clinton, a former president")."""
    if person is None or person.is_state or person.reason != "former official" or not person.name:
        return person
    known = ctx.people.person_by_name(person.name.split()[-1:])
    if (
        known is None
        or known is person
        or not known.is_state
        or not known.code
        or known.start >= person.start
        or not _another_post(known.title, ctx.text[person.start : person.end])
    ):
        return person
    return known


def _referring_actor(tok: Token, ctx: ArticleContext, sent: Sentence) -> tuple[bool, Actor | None]:
    """(decided, actor) for a word that refers back: "it" as a subject is the state of the clause it is said
    or done under ("Washington will announce sanctions after it accused Tokyo of ...", "The U.S. has said it
    is opposed to ..."); a pronoun is the person it stands for; a common noun beside the name of a state or
    IGO it stands for is that one ("the bloc's biggest economy, Germany"); a definite kind noun is the IGO
    named before ("The Fund urged Greece"). Not decided for any other word."""
    if tok.lower_ == "it" and tok.dep_ in {"nsubj", "nsubjpass"}:
        subject = governing_subject(tok)
        actor = resolve_token_actor(subject, ctx, sent) if subject is not None else None
        if subject is None:
            actor = _previous_sentence_subject(tok, ctx, sent)
        return True, actor if actor is not None and actor.code and actor.kind in {"state", "igo"} else None
    if tok.lower_ in PRONOUNS or (tok.pos_ == "PRON" and tok.lower_ in {"he", "she"}):
        if _unknown_speaker_before(tok, ctx, sent):
            return True, None
        return True, _pronoun_actor(tok, ctx, sent, token_offset(sent, tok))
    if tok.lower_ == "they" and tok.dep_ == "nsubj":
        antecedent = plural_antecedent(tok)
        if antecedent is not None:
            actor = resolve_token_actor(antecedent, ctx, sent)
            if actor is not None and actor.code and actor.is_state and actor.has_title:
                return True, actor.through(Step.PRONOUN, f"pronoun → {actor.reason}")
    named = apposed_name(tok)
    if named is not None:
        actor = resolve_token_actor(named, ctx, sent)
        if actor is not None and actor.code and actor.kind in {"state", "igo"}:
            return True, actor
    by_kind = _igo_by_kind(tok, ctx, sent)
    return by_kind is not None, by_kind


def apposed_name(tok: Token) -> Token | None:
    """The name a singular common noun stands in apposition to, right after its comma ("the bloc's biggest
    economy, Germany, raised objections", "its northern neighbour, China, has protested"): the actor is the
    one named (a state or IGO, as resolve_token_actor reads it)."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NN":
        return None
    return next(
        (
            c
            for c in tok.children
            if c.dep_ == "appos" and c.pos_ == "PROPN" and c.left_edge.i - tok.i in {1, 2}
        ),
        None,
    )


def plural_antecedent(pronoun: Token) -> Token | None:
    """The plural noun "they" stands for when it opens a clause hung on another ("banks will give Nigerian
    negotiators a cool response when they arrive here tomorrow", "the ministers said they would meet"): a
    plural subject or object of the governing clause, before the pronoun."""
    clause = pronoun.head
    if clause.dep_ not in {"advcl", "ccomp", "conj"}:
        return None
    return next(
        (
            c
            for c in clause.head.children
            if c.dep_ in {"nsubj", "dobj", "dative"} and c.tag_ in {"NNS", "NNPS"} and c.i < pronoun.i
        ),
        None,
    )


def _whole_igo_name(span: Span, on_date: dt.date | None) -> Span:
    """The span, stretched over the rest of an IGO's name the parser broke off at "and" or a hyphen ("The
    Organisation for Economic Co-operation and Development": "and Development" hung on "Organisation" as a
    conjunct)."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ not in {"and", "&", "-"}:
        return span
    for start, end, _, place in gazetteer().find_all(doc.text, on_date):
        if place.kind == "igo" and span.start_char <= start < span.end_char < end:
            return doc.char_span(span.start_char, end, alignment_mode="expand") or span
    return span


def resolve_token_actor(tok: Token, ctx: ArticleContext, sent: Sentence) -> Actor | None:
    """The actor a subject/object token refers to, using the article's people index for names and pronouns."""
    if tok.lower_ in RELATIVES and tok.dep_.startswith("nsubj"):
        head = tok.head
        if head.dep_ == "relcl":
            tok = head.head
    offset = token_offset(sent, tok)
    decided, actor = _referring_actor(tok, ctx, sent)
    if decided:
        return actor
    span = _whole_igo_name(_past_the_dateline(tok, actor_span(tok), sent, ctx), ctx.published_at)
    start = sent.start + span.start_char
    end = sent.start + span.end_char
    text = span.text
    low = text.lower()
    has_title, state, why = _title_and_state(tok, text, low)
    person = _current_over_former(
        ctx.people.person_at(sent.start + tok.idx, sent.start + tok.idx + len(tok.text))
        or ctx.people.person_at(start, end),
        ctx,
    )
    # the head by its lemma too: "U.S. business groups" are a group
    head_words = {tok.lower_, tok.lemma_.lower()} | {c.lower_ for c in tok.children if c.dep_ == "compound"}
    # Words inside a state or IGO name ("Palestine Liberation Organization") are not business words.
    head_words -= {
        w.lower()
        for _, _, surface, _ in gazetteer().find_all(text, ctx.published_at)
        for w in surface.split()
    }
    heads = {tok.lemma_.lower()} | {c.lower_ for c in tok.children if c.dep_ == "compound"}
    if heads & _BANK_HEADS and any(bank in low for bank in lexicon()["state_bank_words"]):
        # "the Peruvian central bank president", "Japanese central bank Governor Masaaki Shirakawa": the
        # head of a state bank, no banker (a bank itself is no state speaker)
        head_words -= {"bank", "banks"}
    if igo_chief_economist(text):
        head_words.discard("economist")  # "OECD chief economist X": the IGO's official, no analyst
    non_state = _non_state(tok, head_words, ctx) or ("a listed company" if _listed_company(tok) else None)
    if non_state:
        return Actor(None, None, False, f"non-state ({non_state})", "other", text, has_title)
    if person is not None:
        reporter = _reporting_state(tok, ctx, sent) if not person.code or person.found.from_dateline else None
        if reporter is not None:
            # "Belgium said Prime Minister Yves Leterme would meet Haarde": the official of the state that
            # reports his plans, when the text gives him no country of his own.
            return Actor(
                person.name,
                reporter.code,
                person.is_state,
                "official of the reporting state",
                "person",
                person.title,
                True,
            )
        # The person's own title phrase decides whether they act for a state, not a misparsed long span.
        return Actor(
            person.name,
            person.code,
            person.is_state,
            person.reason,
            "person",
            person.title,
            True,
            person.found,
        )
    names = [t.text for t in span if t.pos_ == "PROPN" or t.text[:1].isupper()]
    person = ctx.people.person_by_name(names)
    if person is not None and person.name:
        # "Hale, a former chief executive of an oil company": a former post that is not the one known for
        # the name leaves its holder in office
        other_post = why == "former official" and _another_post(person.title, low)
        return Actor(
            person.name,
            person.code,
            person.is_state and (state or other_post),
            f"surname → {person.reason}",
            "person",
            person.title,
            True,
            person.found.through(Step.SURNAME),
        )
    hits = _owner_places(tok, text, ctx)
    if hits:
        return _named_owner(tok, span, text, hits, start, (state, why, has_title), ctx)
    if tok.text == "Commission" and not {t.lower_ for t in span if t.pos_ == "PROPN"} - {"commission"}:
        return _bare_commission(text, ctx)
    for name in _leader_candidates(span, ctx.published_at):
        code = leader_code(name, ctx.published_at)
        if code:
            return Actor(name, code, state, "leaders table", "person", "", True, Found(Source.LEADERS_TABLE))
    # "the prime minister", "the spokesman": the last such person named earlier in the article.
    # A capitalised title with no name ("the Crown Prince", "the Prime Minister") is such a mention too.
    titled_proper = (
        tok.pos_ == "PROPN"
        and span[0].lower_ == "the"
        and all(_title_regex().search(t.lower_) for t in span[1:] if t.pos_ == "PROPN")
    )
    if (tok.pos_ == "NOUN" or titled_proper) and has_title:
        return _unnamed_title_actor(tok, text, state, offset, ctx, sent)
    return None


_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their"})


def _unnamed_title_actor(
    tok: Token, text: str, state: bool, offset: int, ctx: ArticleContext, sent: Sentence
) -> Actor | None:
    """A title with no name: the office of the one a possessive pronoun stands for ("his spokesman said",
    "her foreign minister"), else the last person named earlier by that title ("the prime minister", "the
    spokesman"), else an institution of the dateline's country ("the ministry")."""
    owner = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS), None)
    if owner is not None:
        held_by = resolve_token_actor(owner, ctx, sent)
        if held_by is None and owner.lower_ in {"its", "their"}:
            held_by = _state_subject_before(owner, ctx, sent)
            if held_by is None:
                return None  # "its central bank governor": some body's, not the dateline state's
        if held_by is not None and held_by.code and held_by.is_state:
            return Actor(
                None,
                held_by.code,
                state,
                f"office of {held_by.reason}",
                "office",
                text,
                True,
                held_by.found.through(Step.OFFICE),
            )
    # "other leaders", "officials": a plural title is not the one person last named by that title.
    person = ctx.people.last_before(offset, title_word=tok.lemma_.lower()) if tok.tag_ != "NNS" else None
    if person is not None:
        return Actor(
            person.name,
            person.code,
            person.is_state and state,
            f"definite title → {person.reason}",
            "person",
            person.title,
            True,
            person.found.through(Step.DEFINITE_TITLE),
        )
    low = text.lower()
    if re.search(r"treasury|ministry|central bank|government|administration", fix_institution_words(low)):
        # "the ministry" of a story is the dateline state's; "African governments" are several, not its own
        if ctx.home_code and tok.tag_ != "NNS":
            return Actor(
                None,
                ctx.home_code,
                state,
                "institution of the dateline country",
                "office",
                text,
                True,
                Found(Source.DATELINE_INSTITUTION),
            )
    return None


def _reporting_state(tok: Token, ctx: ArticleContext, sent: Sentence) -> Actor | None:
    """The state named as the subject of the verb that reports tok's clause ("Belgium said Prime Minister X
    would meet ..."), else None."""
    if tok.dep_ not in {"nsubj", "nsubjpass"} or tok.head.dep_ != "ccomp":
        return None
    report = tok.head.head
    if report.lemma_ not in {"say", "announce", "confirm", "report"}:
        return None
    holder = report
    while holder.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in holder.children):
        holder = holder.head  # "Belgium offered a lifeline ... and said": the first verb's subject
    for subj in (c for c in holder.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"):
        actor = resolve_token_actor(subj, ctx, sent)
        if actor is not None and actor.code and actor.kind == "state" and actor.is_state:
            return actor
    return None


# The opening of a sentence whose subject is a name alone that spoke ("OPEC said ...", "The IMF says ...",
# "China on Monday said ..."): what an "It" opening the next sentence stands for.
_NAMED_OPENING = re.compile(
    r"(?:The )?(?P<name>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,4}) "
    r"(?:\w+ ){0,3}?(?:said|says)\b"
)
# ... or whose statement closes with it ("..., the IMF said.", '..." the State Department said in a
# statement.')
_NAMED_CLOSING = re.compile(
    r"[,\"”]\s+(?:the\s+)?(?P<name>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,4})\s+(?:said|says|added)"
    r"(?:\s+(?:on|in|late|early)(?:\s+[\w-]+){1,3})?\s*[.]?[\"”]?\s*$"
)
_SPEAKING_KINDS = frozenset({"country", "igo", "metonym"})
_IT_VERBS = frozenset(
    {"say", "add", "urge", "warn", "blame", "call", "accuse", "criticize", "criticise", "reject"}
)


# The words that may open a sentence's subject and run on inside a name ("The GATT Council", "Japan's Ministry
# of Posts and Telecommunications"); the first other lower-case word ends the subject.
_NAME_LINKS = frozenset({"of", "for", "and", "the", "on", "de", "du"})


def _opening_name(text: str) -> str:
    """The words a sentence opens with up to the first lower-case word other than a name's link ("The GATT
    Council" of "The GATT Council yesterday adopted ...", "Iran" of "Iran is claiming ...")."""
    words: list[str] = []
    for word in text.split():
        bare = word.strip(',;:"“”()')
        if words and not bare[:1].isupper() and bare.lower() not in _NAME_LINKS:
            break
        words.append(word)
        if word.endswith((",", ";", ":")):
            break
    return " ".join(words)


def _it_verb(lemma: str) -> bool:
    """A verb of saying or of a stance ("It said", "It urged", "It has also asked France to ...")."""
    lex = lexicon()
    return lemma in _IT_VERBS or lemma in lex.set("speech_verbs") or lemma in lex["stance_verbs"]


def _leader_candidates(span, on_date: dt.date | None) -> list[str]:
    """The capitalised words of a span that may be a leader's name, each alone, but not a first name of
    someone else's full name right before the rest of it (`people.first_name_of_another`)."""
    words = [t for t in span if t.pos_ == "PROPN" or t.text[:1].isupper()]
    return [
        word.text
        for word, after in zip(words, [*words[1:], None], strict=False)
        if not (
            after is not None
            and after.i == word.i + 1
            and first_name_of_another(word.text, after.text, on_date)
        )
    ]


def _previous_sentence_subject(tok: Token, ctx: ArticleContext, sent: Sentence) -> Actor | None:
    """The state or IGO an "It" opening a statement ("But it said", "It has also asked") stands for: the name
    alone that is the subject of the sentence before, said to have spoken ("OPEC said it would not raise
    output. It also blamed ...", "China said on Monday ... It urged ..."), or the one state or IGO among the
    words that sentence opens with; not an "it" of "it is", nor after a sentence opened by anything else."""
    first = next((t.i for t in tok.doc if not t.is_punct and t.lower_ not in {"but", "and"}), -1)
    if tok.i != first or sent.index == 0 or not _it_verb(tok.head.lemma_.lower()):
        return None
    before = ctx.sentences[sent.index - 1]
    start = (
        ctx.dateline.end if ctx.dateline and before.start < ctx.dateline.end <= before.end else before.start
    )
    m = _NAMED_OPENING.match(ctx.text, start) or _NAMED_CLOSING.search(ctx.text[start : before.end])
    name = m.group("name") if m is not None else ""
    hits = gazetteer().find_all(name, ctx.published_at) if name else []
    if len(hits) != 1 or hits[0][1] - hits[0][0] != len(name) or hits[0][3].kind not in _SPEAKING_KINDS:
        # "The GATT Council yesterday adopted a dispute panel's report. It also called on Washington ...",
        # "Iran is claiming full repayment ... It has also asked France to curb ...": one state or IGO among
        # the words the sentence before opens with
        name = _opening_name(ctx.text[start : before.end])
        hits = [h for h in gazetteer().find_all(name, ctx.published_at) if h[3].kind in _SPEAKING_KINDS]
        if len({h[3].code for h in hits}) != 1:
            return None
    place = hits[-1][3]
    kind = "igo" if place.kind == "igo" else "state"
    return Actor(
        None, place.code, True, f"'it': {name}, the subject of the sentence before", kind, name
    ).through(Step.PRONOUN, f"'it': {name}, the subject of the sentence before")


def governing_subject(pron: Token) -> Token | None:
    """The name "it" stands for: the nearest subject of a verb above it, when that is a proper name ("The U.S.
    has said it is opposed"); None when the nearest such subject is anything else."""
    for verb in pron.head.ancestors:
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < pron.i), None)
        if subject is not None:
            # the number must agree: "it" is not two states ("Japan and Australia ... because it objected")
            single = not subject.conjuncts and subject.tag_ != "NNPS"
            return subject if subject.pos_ == "PROPN" and single else None
    return None


def _state_subject_before(pron: Token, ctx: ArticleContext, sent: Sentence) -> Actor | None:
    """The state an "its" / "their" stands for: the nearest state or IGO named as a subject before it in its
    sentence ("Norway protects itself ..., but its central bank governor has warned")."""
    for t in reversed(pron.doc[pron.sent.start : pron.i]):
        if t.dep_ in {"nsubj", "nsubjpass"} and t.pos_ == "PROPN":
            actor = resolve_token_actor(t, ctx, sent)
            if actor is not None and actor.code and actor.kind in {"state", "igo"}:
                return actor
    return None


def is_media(tok: Token) -> bool:
    """A news outlet as subject ("Reuters reported", "Tehran
    Radio quoted"): the head and its compounds only, not a credit set off by a dash before the subject
    ("AP - China on Tuesday criticised ...": the agency's credit, parsed as China's compound)."""
    doc = tok.doc
    words = {tok.lower_} | {
        c.lower_
        for c in tok.children
        if c.dep_ in {"compound", "amod"}
        and not any(t.text in {"-", "--", "—"} for t in doc[c.i + 1 : tok.i])
    }
    media = words & MEDIA_WORDS
    # "the International Atomic Energy Agency", "the Economic Planning Agency": a body by its name
    # ("Xinhua news agency", "Saudi Press Agency" are outlets by their "news" and "press")
    if media == {"agency"} and tok.lower_ == "agency" and _named_agency(tok):
        return False
    return bool(media)


def _named_agency(tok: Token) -> bool:
    """An "agency" with a name of its own before it: a proper noun as its compound or modifier ("Energy" of
    "the International Atomic Energy Agency", "U.N." of "the U.N. nuclear watchdog agency")."""
    return any(
        c.dep_ in {"compound", "nmod"} and c.tag_ in {"NNP", "NNPS"} and c.lower_ not in MEDIA_WORDS
        for c in tok.children
    )


ACTOR_DEPS = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "poss",
        "pobj",
        "appos",
        "dobj",
        "conj",
        "attr",
        "agent",
        "ROOT",
        "npadvmod",
        "compound",
    }
)


def state_actors(
    doc, sent: Sentence, ctx: ArticleContext, deps=ACTOR_DEPS, skip_media: bool = True, keep=None
) -> list[tuple[Actor, Token]]:
    """The state and IGO actors named or referred to (he / she) in a parsed
    sentence, the first token of each state that `keep` accepts; news outlets
    as speakers ("Tehran Radio said") are skipped unless skip_media is False."""
    out: dict[str, tuple[Actor, Token]] = {}
    for tok in doc:
        if (
            tok.dep_ not in deps
            or tok.pos_ not in {"PROPN", "NOUN", "PRON"}
            or (skip_media and is_media(tok))
        ):
            continue
        if tok.pos_ == "PRON" and tok.lower_ not in {"he", "she"}:
            continue
        actor = resolve_token_actor(tok, ctx, sent)
        if actor is not None and actor.code and actor.is_state and (keep is None or keep(actor)):
            out.setdefault(actor.code, (actor, tok))
    return list(out.values())
