"""Cheap pre-filter without the model: which sentences of an article can hold a visit or a reaction, so only
those are parsed.

Three steps, all over word lists of diplowatch/data/lexicon.json (`prefilter` and the trigger lists):
0. `article_gate`, on the raw text before any sentence splitting: the article-wide version of step 1's
   condition, tested on lines (step 1's trigger words on a line, or a trigger typo; a state/IGO named; an
   official word or two states). Step 1 cannot pass an article this rejects, so it only
   saves work: most business and domestic news stops here after one automaton pass (and a gazetteer pass when
   a strong word, a speech verb or a stance word is there);
1. the article gate: one sentence with a state/IGO and a strong visit or stance word, a speech verb at a
   named place ("In Caracas, ... said"), a stance word between two states/IGOs or a visit noun between two
   states/IGOs with an official word; and an official word, a leader named or two different states/IGOs;
2. the sentence filter: the ordered table SENTENCE_RULES, each rule naming a trigger class and the actor
   evidence the extraction rules of that class need to produce anything. A plain "said" with no stance cue,
   no travel word and no place it is said in is never parsed: such a statement counts as a reaction only
   about a visit, and then the travel word is there. The exhaustive mode skips this module;
   `diplowatch eval --exhaustive` measures what the filter costs in recall.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial

import ahocorasick

from diplowatch.nlp.actors import EU_CODES, gazetteer
from diplowatch.nlp.context import ArticleContext
from diplowatch.nlp.factbox import factbox_lead, factbox_sections
from diplowatch.nlp.lexicon import inflections, lexicon
from diplowatch.nlp.people import _leader_surname_regex, without_article
from diplowatch.nlp.segment import Sentence
from diplowatch.nlp.typos import has_trigger_typo

# Word classes, one bit each (plain ints: they are or-ed for every word of every article).
VISIT = 1  # visit verbs and nouns of the rules
STANCE = 2  # stance and judging verbs, stance nouns, phrasal stance verbs
SPEECH = 4  # speech verbs, "according"
OFFICIAL = 8  # official words and state titles
STRONG_VISIT = 16  # prefilter.strong_visit
STRONG_STANCE = 32  # prefilter.strong_stance
HERE = 64  # "here" (the dateline's place)
PRONOUN = 128  # he / she / his / her
CUE = 256  # stance cue phrases and evaluative words
PRESENCE = 512  # prefilter.presence_phrases ("told reporters in")
FOREIGN = 1024  # "foreign"
TALK = 2048  # the rules' talk words ("the two sides", "talks")
PRESENCE_VERB = 4096  # say, tell, speak, declare, talk: the visit rules place their subject where they speak
VISIT_NOUN = 8192  # the rules' visit nouns ("meetings", "a trade mission")
DUTY = 16384  # "should", "must", "has not", "not comply": a duty of another state (reactions._foreign_duty)
DECISION = 32768  # "cleared", "blocked", "approval": a decision on a deal (reactions._deal_decisions)
DEAL = 65536  # "deal", "takeover", "buy": what such a decision is on


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
    return {
        w.lower()
        for w in [
            *lex["negative_cues"],
            *lex["positive_cues"],
            *evaluative["positive"],
            *evaluative["negative"],
        ]
    }


def _word_classes() -> dict[str, int]:
    """Every surface form (lower-cased) with the bit set of the classes it belongs to."""
    lex = lexicon()
    pre = lex["prefilter"]
    speech = _forms(lex["speech_verbs"]) | {"according"}
    visit = _forms([*lex["visit_verbs"], *lex["visit_nouns"]]) | {
        "visiting",
        "is in",
        "are in",
        "was in",
        "were in",
        "is now in",
        "is currently in",
    }
    stance = _forms([*lex["stance_verbs"], *lex["judging_verbs"]])
    for group in lex["stance_actions"]["object_verbs"]:
        stance |= _forms(group["objects"])
    for phrase in [*lex["stance_actions"]["phrasal_verbs"], *lex["stance_actions"]["verb_preps"]]:
        verb, particle = phrase.split()
        stance |= {f"{form} {particle}" for form in inflections(verb)}
    # "reacted angrily to": the manner of a response (reactions._stance_action)
    manner = lex["stance_actions"]["manner_verbs"]
    stance |= {f"{form} {adverb}" for form in _forms(manner["verbs"]) for adverb in manner["adverbs"]}
    # "Germany wants Greece to stick to its program": a demand on the one wanted to act (reactions._directed)
    stance |= _forms(lex["directing_verbs"])
    # idioms of verb, object and preposition ("threw its weight behind"): their object word
    # (not where the verb is already a stance word: "wants an end to" must not make "end" one)
    stance |= _forms(
        phrase.split()[1]
        for phrase in lex["stance_actions"]["verb_object_preps"]
        if phrase.split()[0] not in {"want", *lex["stance_verbs"]}
    )
    # position nouns ("objections from China", "Brazil's refusal to accept", reactions._nominal_reactions)
    stance |= {f"{noun}{s}" for noun in lex["stance_nouns"] if not noun.startswith("_") for s in ("", "s")}
    # "against" as a predicate ("Germany is strictly against", reactions._adjective_reactions)
    stance |= {f"{be} against" for be in ("is", "are", "was", "were")}
    # "in favour of", "at odds with" (reactions._predicate_positions)
    positions = lex["stance_actions"]["predicate_positions"]
    stance |= {f"{v[0]} {noun} {v[1]}" for noun, v in positions.items() if not noun.startswith("_")}
    # "a vocal critic of", "one of the main supporters of" (reactions._holder_attribute)
    holders = lex["stance_actions"]["holder_nouns"]
    stance |= {f"{noun}{s} of" for noun in holders if not noun.startswith("_") for s in ("", "s")}
    # position adjectives with their prepositions ("critical of", "opposed to", "supportive of")
    stance |= {
        f"{adjective} {prep}"
        for adjective, entry in lex["stance_adjectives"].items()
        if not adjective.startswith("_")
        for prep in entry[1]
    }
    classes: dict[str, int] = {}
    for words, bit in (
        (visit - speech, VISIT),
        (stance - speech, STANCE),
        (speech, SPEECH),
        # titles and their plurals ("the heads of the central banks of Mexico and Peru")
        (
            _forms(pre["official_words"]) | {f"{t}{s}" for t in lex["state_titles"] for s in ("", "s")},
            OFFICIAL,
        ),
        (_forms(pre["strong_visit"]), STRONG_VISIT),
        (_forms(pre["strong_stance"]), STRONG_STANCE),
        ({"here"}, HERE),
        ({"he", "she", "his", "her"}, PRONOUN),
        (_cue_words(lex), CUE),
        ({w.lower() for w in pre["presence_phrases"]}, PRESENCE),
        ({"foreign"}, FOREIGN),
        ({w.lower() for w in lex["visit_talk_words"]}, TALK),
        # (not a form that is mostly a noun of the rules: "talks" is the talks held, not one who talks)
        (
            _forms(v for v, role in lex["visit_verbs"].items() if role == "presence")
            - {w.lower() for w in lex["visit_talk_words"]},
            PRESENCE_VERB,
        ),
        ({w for n in lex["visit_nouns"] for w in (n.lower(), n.lower().removesuffix("s") + "s")}, VISIT_NOUN),
        (_duty_words(lex), DUTY),
        (_forms(lex["deal_decisions"]["verbs"]) | set(lex["deal_decisions"]["approval_nouns"]), DECISION),
        (
            {f"{n}{s}" for n in lex["deal_decisions"]["nouns"] for s in ("", "s")}
            | _forms(lex["deal_decisions"]["deal_verbs"]),
            DEAL,
        ),
    ):
        for word in words:
            classes[word] = classes.get(word, 0) | bit
    return classes


def _duty_words(lex) -> set[str]:
    """The words of a foreign state's unmet duty: an obligation, a perfect negated, a broken rule."""
    words = {"should", "must", "ought", "has not", "have not", "had not", "hasn't", "haven't", "hadn't"}
    # "must" in other words (reactions._must_in_other_words)
    words |= {"has to", "have to", "needs to", "need to", "had to", "needed to"}
    # "it is imperative that X do ..." (reactions._necessary_that)
    words |= {f"{be} {adj}" for be in ("is", "was", "'s", "’s") for adj in lex["necessity_adjectives"]}
    # "failed to deliver", "has failed to honour" (reactions._failed_duty)
    words |= {"failed to", "fails to", "fail to"}
    # "Spain will miss its deficit targets" (a goal missed: reactions._foreign_duty)
    words |= _forms(lex["duty_missed"]["verbs"])
    return words | {f"not {form}" for form in _forms(lex["duty_verbs_any_tense"])}


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
    """What the pre-filter knows of one sentence: word classes, states/IGOs named, and two article-level
    facts."""

    bits: int = 0
    codes: frozenset[str] = frozenset()
    place: bool = False
    about_visit: bool = (
        False  # the article tells of a visit somewhere (a strong travel word, an official, a place)
    )
    dateline: bool = (
        False  # the article has a dateline naming a state (a trip noun may take its host from it)
    )
    person: Callable[[], bool] = (
        bool  # whether a state person is named in the sentence (computed on first need)
    )
    prev_codes: frozenset[str] = frozenset()  # states/IGOs of the span before (a line counts as its own)
    leader: Callable[[], bool] = bool  # whether a leader is named bare in the span ("Putin"), on first need
    placed: bool = False  # a state/IGO place named right after "in" ("in Paris", "In Caracas, ...")
    # the states of the state people named in the sentence ("Trump praised Duterte"), on first need
    people_codes: Callable[[], frozenset[str]] = frozenset


def _word_bits(low: str) -> list[tuple[int, int]]:
    """(offset, class bits) of every whole-word pre-filter word in lower-cased text."""
    out = []
    for end, (word, bits) in trigger_automaton().iter(low):
        start = end - len(word) + 1
        if (start == 0 or not low[start - 1].isalpha()) and (
            end + 1 == len(low) or not low[end + 1].isalpha()
        ):
            out.append((start, bits))
    return out


def _strong(bits: int) -> bool:
    return bool(bits & (STRONG_VISIT | STRONG_STANCE) or (bits & (SPEECH | STANCE) and bits & CUE))


def _may_open(bits: int) -> bool:
    """The words without which a span cannot pass `_opens_article`, whatever it names."""
    return bool(
        _strong(bits)
        or bits & (PRESENCE_VERB | STANCE)
        or (bits & VISIT_NOUN and bits & OFFICIAL)
        or (bits & SPEECH and bits & DUTY)
        or (bits & DECISION and bits & DEAL)
    )


def article_gate(text: str, published_at=None, max_sentence_chars: int | None = None) -> tuple | None:
    """Whether `candidate_sentences` can pick anything in an article with this (already clipped) text, decided
    before any sentence splitting: None when it cannot, else the (word hits, gazetteer hits) it needs, so they
    are not computed twice.

    A sentence never crosses a line, so each line's words and states include those of each of its sentences;
    the tests of `candidate_sentences` are run on lines instead, with what needs the people index or the
    dateline taken as true (a state person, a dateline state) and a line's typo repair made whenever the line
    names a place and holds a typo. A line passes whatever any of its sentences passes, so an article rejected
    here has no candidate sentence. A line longer than max_sentence_chars may be cut inside a word
    (bound_sentences): such a line counts as holding a typo.
    """
    words = _word_bits(text.lower())
    starts = [0, *(m.end() for m in re.finditer("\n", text))]
    if not any(_may_open(c.bits) for c in _cues_at(text, starts, words, [])) and not has_trigger_typo(text):
        return None  # no line can pass the gate's first test, whatever it names
    hits = gazetteer().find_all(text, published_at)
    lines = _cues_at(text, starts, words, hits)
    for cue, start, end in zip(lines, starts, [*starts[1:], len(text)], strict=True):
        cue.leader = partial(_names_leader, text, start, end)
        cue.prev_codes |= cue.codes  # the sentence before may be on the same line
    if _lines_can_pass(lines):
        return words, hits
    # The tests only ever ask for bits, so the typo repair can only make a line pass: tried only now.
    repaired = False
    for cue, start, end in zip(lines, starts, [*starts[1:], len(text)], strict=True):
        long_line = max_sentence_chars is not None and end - start > max_sentence_chars
        if cue.place and (long_line or has_trigger_typo(text[start:end])):
            cue.bits |= STRONG_VISIT | STANCE
            repaired = True
    return (words, hits) if repaired and _lines_can_pass(lines) else None


def _lines_can_pass(lines: list[_SentenceCues]) -> bool:
    """candidate_sentences' tests on lines, with a state person and a dateline state taken as there."""
    about_visit = any(c.bits & STRONG_VISIT and c.bits & OFFICIAL and c.place for c in lines)
    for cue in lines:
        cue.about_visit, cue.dateline, cue.person = about_visit, True, _always
    return article_can_hold_events(lines) and any(rule(c) for c in lines for _, rule in SENTENCE_RULES)


def _always() -> bool:
    return True


def _names_leader(text: str, start: int, end: int) -> bool:
    return _leader_surname_regex().search(text, start, end) is not None


_BARE_COMMISSION = re.compile(r"\b[Tt]he Commission\b")


@lru_cache(maxsize=1)
def _kind_nouns() -> dict[re.Pattern, frozenset[str]]:
    """A definite kind noun ("the Fund", "the 27-nation bloc") -> the IGOs it can stand for (lexicon.json,
    igo_kind_nouns)."""
    return {
        re.compile(rf"\bthe (?:\S+ )?{noun}\b", re.I): frozenset(codes)
        for noun, codes in lexicon()["igo_kind_nouns"].items()
        if not noun.startswith("_")
    }


# A place right after "in", "at (the)", "told (the)" or "addressed (the)": "said in Paris", "spoke at the
# White House", "told Japan to resolve the row" (the sentence is parsed for the presence and stance rules)
_IN_BEFORE = re.compile(r"\b(?:in|at|told|addressed) (?:the )?$", re.I)


def _cues_at(text: str, starts: list[int], words: list[tuple[int, int]], hits) -> list[_SentenceCues]:
    """The cues of each span of text (sentences or lines, by their sorted start offsets), from one pass of the
    word automaton and the gazetteer over the text."""
    cues = [_SentenceCues() for _ in starts]
    codes: list[set[str]] = [set() for _ in starts]
    for offset, bits in words:
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0:
            cues[i].bits |= bits
    for start, _end, _surface, place in hits:
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0:
            codes[i].add(place.code)
            cues[i].place = True
            if not cues[i].placed and _IN_BEFORE.search(text, max(0, start - 14), start):
                cues[i].placed = True
    eu = next((place.code for *_, place in hits if place.code in EU_CODES), None)
    if eu is not None:
        # "the Commission" of an article that names the EU is the European Commission (as the rules read it).
        for m in _BARE_COMMISSION.finditer(text):
            i = bisect.bisect_right(starts, m.start()) - 1
            if i >= 0:
                codes[i].add(eu)
    for noun, igos in _kind_nouns().items():
        # "The Fund urged Greece" in an article that names the IMF (as context._igo_by_kind reads it)
        named = next((place.code for *_, place in hits if place.code in igos), None)
        if named is None:
            continue
        for m in noun.finditer(text):
            i = bisect.bisect_right(starts, m.start()) - 1
            if i >= 0:
                codes[i].add(named)
    previous: frozenset[str] = frozenset()
    for cue, found in zip(cues, codes, strict=True):
        cue.codes, cue.prev_codes = frozenset(found), previous
        previous = cue.codes
    return cues


def _cues(ctx: ArticleContext, words: list[tuple[int, int]], hits) -> list[_SentenceCues]:
    """The cues of each sentence, from one pass of the word automaton and the gazetteer over the text."""
    return _cues_at(ctx.text, [s.start for s in ctx.sentences], words, hits)


def article_can_hold_events(cues: list[_SentenceCues]) -> bool:
    """The article gate: one sentence that `_opens_article`."""
    return any(_opens_article(c) for c in cues)


def _opens_article(c: _SentenceCues) -> bool:
    """A sentence with a state or IGO named and either a strong visit or stance word (or a speech or stance
    verb with a stance cue), a speech verb at a named place ("In Caracas, ... said"), a stance word between
    two states ("Japan has asked India to ..."), a visit noun between two states with an official word
    ("held meetings with French officials") or a decision on a deal ("won approval from the European
    Commission to buy"); and an official word, two states or a leader named bare ("Vladimir Putin will pay a
    state visit to Pyongyang")."""
    bits, two_states = c.bits, len(c.codes) >= 2
    trigger = (
        (_strong(bits) and c.codes)
        or (bits & PRESENCE_VERB and c.placed)
        or (bits & STANCE and two_states)
        or (bits & VISIT_NOUN and bits & OFFICIAL and two_states)
        or (bits & SPEECH and bits & DUTY and two_states)
        or (bits & DECISION and bits & DEAL and c.codes)
    )
    return bool(trigger and (bits & OFFICIAL or two_states or c.leader()))


def _state_people(ctx: ArticleContext) -> list[tuple[int, int, str | None]]:
    """(start, end, state) of the article's state people and of their later mentions by one of their names;
    the state is None for a name that people of several states bear (or a person with no state code)."""
    people = [p for p in ctx.people.people if p.is_state]
    spans: list[tuple[int, int, str | None]] = [(p.start, p.end, p.code) for p in people]
    owners: dict[str, set[str | None]] = {}
    for p in people:
        # "al-Sisi" is later written "Sisi", as the people index reads it
        for t in {*p.tokens, *without_article(set(p.tokens))}:
            if len(t) > 1 and t[:1].isupper():
                owners.setdefault(t, set()).add(p.code)
    for word, p in ctx.people.misspelt.items():  # "Schultz" for "Shultz"
        owners.setdefault(word, set()).add(p.code)
    names = sorted(owners, key=len, reverse=True)
    if names:
        rx = re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b")
        for m in rx.finditer(ctx.text):
            codes = owners[m.group()]
            spans.append((m.start(), m.end(), next(iter(codes)) if len(codes) == 1 else None))
    return spans


# The sentence rules, in order: a sentence is parsed when one of them holds. Each names what the extraction
# rules of that kind need at least. They were chosen by their yields (events the exhaustive mode finds on dev
# + train in sentences of each cue class, against the sentences they pass on real business news):
# docs/extraction.md.
SENTENCE_RULES: tuple[tuple[str, Callable[[_SentenceCues], object]], ...] = (
    # a strong travel/meeting word, a place (named, "here" or the dateline's) and a state person (official
    # word, titled person, pronoun, leader's name)
    ("visit", lambda c: c.bits & STRONG_VISIT and (c.codes or c.bits & HERE or c.dateline) and c.person()),
    # in an article that tells of a visit, any travel or meeting word with an official word, a place (named or
    # the dateline's) and a state person ("Clark today held discussions with Treasury Secretary Baker" under a
    # WASHINGTON dateline)
    (
        "travel word in a visit story",
        lambda c: (
            c.about_visit and c.bits & VISIT and c.bits & OFFICIAL and (c.codes or c.dateline) and c.person()
        ),
    ),
    # someone speaking or meeting in a named place ("told reporters in Abu Dhabi", "at talks in Vienna")
    ("presence", lambda c: c.bits & PRESENCE and c.codes and c.person()),
    # a state person saying something in a named place or here ("In Caracas, President X said ...", "had
    # said in Paris", "told a news conference here"): the visit rules place the speaker of "say", "tell",
    # "speak" or "declare" where an "in" phrase or "here" of the verb puts them
    ("speaking in a place", lambda c: c.bits & PRESENCE_VERB and (c.placed or c.bits & HERE) and c.person()),
    # a meeting or mission between two states with an official word ("Brazil's finance minister held meetings
    # with French officials on a European mission"): the visit scorer pairs such a noun with the states
    ("meeting between states", lambda c: c.bits & VISIT_NOUN and c.bits & OFFICIAL and len(c.codes) >= 2),
    # a stance verb or stance noun between two states/IGOs ("China criticised Japan", "objections from China")
    ("stance between states", lambda c: c.bits & STANCE and len(c.codes) >= 2),
    # a stance verb or noun between state people of two states, or one and another state named ("Trump
    # praised Duterte for ..."): the reaction rules resolve both by the people index
    ("stance between state people", lambda c: c.bits & STANCE and len(c.codes | c.people_codes()) >= 2),
    # a state's stance on a party named in the sentence before ("Germany has resisted bailout pledges"): the
    # reaction rules take such a target from the sentence before
    ("stance of a state", lambda c: c.bits & (STANCE | STRONG_STANCE) and c.codes and c.prev_codes),
    # a stance on an unnamed foreign party by a state person ("it does oppose any foreign carrier, he said")
    (
        "stance on the foreign",
        lambda c: c.bits & STANCE and c.bits & FOREIGN and c.bits & (SPEECH | OFFICIAL) and c.person(),
    ),
    # an official taking a stance in cue words or with a strong stance word on a named state ("the minister
    # warned ... unacceptable ... Iran", "a ministry spokesman refused comment on the Japanese proposal"): the
    # stance half of the article gate's test, which holds for such a sentence alone
    (
        "official stance",
        lambda c: (
            (c.bits & STRONG_STANCE or c.bits & STANCE and c.bits & CUE) and c.bits & OFFICIAL and c.codes
        ),
    ),
    # a statement with a stance cue about a named state ("said the proposal was not helpful"), or a state's
    # own judgement on what the sentence before names ("Sarkozy urged a cap on bonuses. But Britain says a cap
    # is unworkable."): the reaction rules take such a target from the sentence before
    (
        "statement with a cue",
        lambda c: (
            c.bits & SPEECH
            and c.bits & CUE
            and (len(c.codes) >= 2 or c.codes and (c.person() or c.prev_codes))
        ),
    ),
    # a state person saying that another state has not done, or should do, its part ("Obama said China had
    # not done enough", "X said Greece should show it has taken steps", "Athens has not made ..., he said")
    (
        "a foreign state's duty",
        lambda c: (
            c.bits & SPEECH
            and c.bits & DUTY
            and (len(c.codes | c.people_codes()) >= 2 or c.codes and c.bits & PRONOUN)
        ),
    ),
    # a state's or IGO's decision on a company's deal ("X cleared the Chinalco deal", "won approval from the
    # European Commission of its acquisition"): the reaction rules need a foreign party or an IGO
    (
        "decision on a deal",
        lambda c: c.bits & DECISION and c.bits & DEAL and c.codes,
    ),
    # in an article that tells of a visit, a state person's plain statement with a travel or talks word
    # ("officials indicated they expect him to ...", "the two sides would agree"): a statement without a
    # stance counts as a reaction only about a visit
    (
        "statement on a visit",
        lambda c: (
            c.about_visit and c.bits & SPEECH and (c.bits & TALK or c.bits & VISIT and c.codes) and c.person()
        ),
    ),
)


def candidate_sentences(ctx: ArticleContext, found: tuple | None = None) -> list[int]:
    """Indices of the sentences the rules can draw an event from (see the module docstring and
    SENTENCE_RULES). `found`: what article_gate returned for this text (else computed here)."""
    words, hits = found or (_word_bits(ctx.text.lower()), gazetteer().find_all(ctx.text, ctx.published_at))
    cues = _cues(ctx, words, hits)
    for sent, cue in zip(ctx.sentences, cues, strict=True):
        cue.leader = partial(_names_leader, ctx.text, sent.start, sent.end)
        if cue.place and not cue.bits & (VISIT | STANCE) and has_trigger_typo(sent.text):
            cue.bits |= STRONG_VISIT | STANCE  # a misspelt long trigger ("visted"): either kind
    if not article_can_hold_events(cues):
        return []
    about_visit = any(c.bits & STRONG_VISIT and c.bits & OFFICIAL and c.place for c in cues)
    people: list[list[tuple[int, int, str | None]]] = []  # on first need: the people index is the costly part

    def mentions(sent: Sentence) -> list[tuple[int, int, str | None]]:
        if not people:
            people.append(_state_people(ctx))
        return [m for m in people[0] if m[0] < sent.end and sent.start < m[1]]

    def person(sent: Sentence, bits: int) -> bool:
        if bits & OFFICIAL:
            return True
        if mentions(sent) or bits & PRONOUN and people[0]:
            return True
        return _names_leader(ctx.text, sent.start, sent.end)  # "Nakasone's visit": a leader named bare

    def people_codes(sent: Sentence) -> frozenset[str]:
        return frozenset(code for _, _, code in mentions(sent) if code)

    out = []
    for sent, cue in zip(ctx.sentences, cues, strict=True):
        cue.about_visit = about_visit
        cue.people_codes = partial(people_codes, sent)
        cue.dateline = ctx.home_code is not None
        cue.person = partial(person, sent, cue.bits)
        if any(rule(cue) for _, rule in SENTENCE_RULES):
            out.append(sent.index)
    factbox = factbox_lead(ctx)
    if factbox is not None and factbox[0].index not in out:
        # a factbox of comments at a meeting: its lead places the speakers its headers name (nlp/factbox.py)
        out = sorted([*out, factbox[0].index])
    sections = factbox_sections(ctx)
    if sections:
        # the words under a speaker's header in a factbox of comments are the speaker's (no speech verb)
        spoken = {s.index for s in ctx.sentences for sec in sections if sec.start < s.end <= sec.end}
        out = sorted(set(out) | spoken)
    return out
