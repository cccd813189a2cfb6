"""Visit extraction over one parsed sentence: triggers,
direction from the dependency parse, legs, status, dates, type."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache

from spacy.attrs import IDX
from spacy.tokens import Doc, Span, Token

from diplowatch.nlp.actors import Place, gazetteer, regions
from diplowatch.nlp.context import (
    PLACE_OF,
    Actor,
    ArticleContext,
    coordinated_nationalities,
    is_media,
    past_dateline,
    plural_antecedent,
    resolve_token_actor,
    token_offset,
)
from diplowatch.nlp.dates import WEEKDAYS, DateMention, duration_days, find_dates
from diplowatch.nlp.evidence import Source, Step
from diplowatch.nlp.lexicon import inflections, lexicon, resident_title
from diplowatch.nlp.segment import MONTH_ABBR, MONTHS, Sentence, quote_spans

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
# Trip nouns that name an event rather than the journey ("talks", "a summit").
_MEETING_NOUNS = frozenset({"meeting", "summit", "talks", "talk"})
# A span of time a meeting fills ("two days of talks", "a week of meetings"): its preposition places the
# meeting.
_SPANS_OF_TIME = frozenset({"day", "hour", "week", "month", "round", "session"})
# Gatherings that place a speaker somewhere ("at a 1995 U.N. conference in China").
_EVENT_PLACES = frozenset({"conference", "forum", "session", "assembly", "visit", "trip", "tour"})
PLACE_PREPS_ALL = {"to", "in", "of", "at", "for", "into", "from", "over"}


class StatusBasis(Enum):
    """What a status was read from, where later steps need to know it (typed, not the reason's wording)."""

    OTHER = "other"
    UNTOLD = "untold"  # no word of the sentence told it: the default, "ongoing"
    PAST_TENSE = "past tense"
    PAST_PERFECT = "past perfect"  # "had said in Paris": before the report
    AFTER = "after"  # "after visiting X", "after the visit": over before the main clause
    AFTER_UNDER_A_FUTURE = "after, under a future"  # "will fly to Zurich after meeting X": still to come
    DURING_THE_VISIT = "during the visit"  # "said during the visit": under way
    DATED_BEFORE = "dated before the article"
    EARLIER_MONTH = "dated in an earlier month"  # "a visit to European capitals in February" (told in March)
    SET_OFF = "set off"  # "flew to Abidjan on Tuesday": under way, at the last place set off for
    POSTPONED = "postponed"
    SHARED = "shared"  # taken from another mention of the same trip (extractor)
    CLASSIFIER = "classifier"  # the learned status classifier's


@dataclass(frozen=True)
class Why:
    """A status decision's reason: its wording (for `confidence_reason`) and its typed basis."""

    text: str
    basis: StatusBasis = StatusBasis.OTHER

    def __str__(self) -> str:
        return self.text


@dataclass
class VisitCandidate:
    sentence: Sentence
    trigger: Token
    trigger_text: str
    trigger_offset: int
    visitor: Actor
    host_code: str
    location: str | None
    status: str
    visit_type: str
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    date_precision: str | None = None
    negated: bool = False
    reasons: list[str] = field(default_factory=list)
    direction: str = "visit"  # visit | host
    role: str = (
        "visit"  # the trigger's role: visit | noun | visiting | host | apposed_presence | meet | presence
    )
    host_via: str = (
        ""  # what gave the host: to | in | of | dobj | here | partner | dateline | taken | from | ...
    )
    # The trip is named only as what someone reacted to ("protested
    # over a visit to X"): its tense and date are the reaction's.
    named_by_reaction: bool = False
    status_basis: StatusBasis = StatusBasis.OTHER  # what the status was read from (the trigger's)


def _places_in(tok: Token, ctx: ArticleContext, skip_clauses: bool = True) -> list[tuple[Place, str, Token]]:
    """Places named in tok's subtree (not inside relative/adverbial clauses), as (place, surface, token)."""
    out: list[tuple[Place, str, Token]] = []
    stack = [tok]
    seen = set()
    while stack:
        t = stack.pop()
        if t.i in seen:
            continue
        seen.add(t.i)
        if t.i != tok.i and skip_clauses and t.dep_ in {"relcl", "advcl", "ccomp", "acl"}:
            continue
        stack.extend(t.children)
    if not seen:
        return out
    doc = tok.doc
    # The names of the whole sentence, so that a name is read with its neighbours ("the Doha round talks": a
    # round of talks, not Qatar), then kept where they fall in the subtree.
    for start, _end, surface, place in _sentence_places(doc, ctx):
        # Map back to a token to respect the clause filter.
        token = next((t for t in doc if t.idx == start), None) or next(
            (t for t in doc if t.idx <= start < t.idx + len(t.text) + 1), None
        )
        if token is None or token.i not in seen:
            continue
        out.append((place, surface, token))
    return out


def _sentence_places(doc: Doc, ctx: ArticleContext) -> list:
    """The gazetteer's names in a sentence's parse (computed once per sentence)."""
    key = ("diplowatch_places", ctx.published_at)
    hits = doc.user_data.get(key)
    if hits is None:
        text = doc.text
        # "a U.S.-funded school", "World Bank-funded projects", "a Paris-based charity": a name in a
        # hyphenated modifier tells whose or where-based a thing is, it names no place one goes to
        hits = doc.user_data[key] = [
            h
            for h in gazetteer().find_all(text, ctx.published_at)
            if not (text[h[1] : h[1] + 1] == "-" and text[h[1] + 1 : h[1] + 2].islower())
        ]
    return hits


def _clause_cues(tok: Token) -> tuple[set[str], set[str], list[Token]]:
    """Lemmas of aux/neg/mark children of tok and of the verbs governing it, up to the clause root."""
    lemmas: set[str] = set()
    deps: set[str] = set()
    chain: list[Token] = []
    cur = tok
    for _ in range(6):
        chain.append(cur)
        for child in cur.children:
            if child.dep_ in {"aux", "auxpass", "neg", "mark", "advmod", "amod", "det", "npadvmod", "prt"}:
                lemmas.add(child.lower_)
                lemmas.add(child.lemma_.lower())
                deps.add(child.dep_)
        if cur.dep_ == "conj" and _shares_auxiliaries(cur):
            cur = cur.head  # "will attend the summit and then fly to Hanoi": one 'will' for both verbs
            continue
        if (
            cur.dep_ in {"ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis", "acl", "appos"}
            or cur.head.i == cur.i
        ):
            break
        cur = cur.head
    return lemmas, deps, chain


def _shares_auxiliaries(verb: Token) -> bool:
    """A bare verb coordinated with a verb before it and with no subject or auxiliary of its own takes that
    verb's auxiliaries ("is to fly to Japan and later visit South Korea", "will attend X and fly to Y")."""
    return (
        verb.tag_ == "VB"
        and verb.head.i < verb.i
        and verb.head.pos_ in {"VERB", "AUX"}
        and not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in verb.children)
    )


_TIME_LINKS = frozenset({"since", "after", "before", "while", "when", "until", "upon", "on"})


def _refusable_chain(chain: list[Token]) -> list[Token]:
    """The part of a trigger's governing chain that can refuse or block the trip: up to a time link, not past
    it ("declined comment since arriving in Vienna" does not refuse the arrival; "declined to visit" does)."""
    out: list[Token] = []
    for t in chain:
        out.append(t)
        temporal_prep = t.dep_ == "pcomp" and t.head.lower_ in _TIME_LINKS  # "since arriving"
        temporal_clause = t.dep_ == "advcl" and any(
            c.dep_ in {"mark", "advmod"} and c.lower_ in _TIME_LINKS for c in t.children
        )
        if temporal_prep or temporal_clause:
            break
    return out


def _negated_status(
    trigger: Token, lemmas: set[str], deps: set[str], chain: list[Token], lex
) -> tuple[str | None, Why] | None:
    """Negated, hypothetical, blocked or only invited: (None, reason); negated against a plan: cancelled."""
    chain_lemmas = {t.lemma_.lower() for t in chain}
    if trigger.pos_ == "NOUN":
        for child in trigger.children:
            if child.lower_ in {"no"}:
                return None, Why("negated (no)")
    if any(c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children) for c in chain[0].children):
        deps = deps | {"neg"}  # "will no longer visit": the negation hangs off 'longer'
    if "neg" in deps and any(
        c.dep_ == "advcl"
        and c.lemma_.lower() in {"plan", "schedule", "expect", "announce", "agree"}
        and any(g.dep_ == "mark" and g.lower_ == "as" for g in c.children)
        for c in trigger.children
    ):
        return "cancelled", Why("negated against the plan ('will not travel ... as planned')")
    if ("neg" in deps or lemmas & {"never"}) and not _not_until(trigger) and not _beside_the_negation(chain):
        return None, Why("negated")
    if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in {"miss", "skip", "boycott", "shun"}:
        # "is skipping the leaders' summit in Vladivostok", "missed international meetings in Madrid": a trip
        # that does not happen (GUIDELINES: cancelled)
        return "cancelled", Why("skipped")
    left = _withdrawn_from(trigger)
    if left in {"pull", "drop", "opt"}:
        # "pulled out of the APEC summit in Vladivostok", "had pulled out of the informal GATT talks": called
        # off, as one skipped (GUIDELINES: cancelled)
        return "cancelled", Why("pulled out of")
    if left:
        return None, Why("withdrawn from")  # "withdrew from the talks", "walked out of": left once there
    if lemmas & lex.set("hypothetical_marks") and trigger.pos_ == "VERB":
        return None, Why("hypothetical")
    # "would visit X if ...", "was ready to visit X if ...":
    # a conditional clause hanging off the trigger's clause.
    if (lemmas & lex.set("modal_hypothetical") or chain_lemmas & {"ready", "willing", "prepared"}) and any(
        c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in {"if", "unless"} for g in c.children)
        for t in chain
        for c in t.children
    ):
        return None, Why("hypothetical")
    if ({t.lemma_.lower() for t in _refusable_chain(chain)} - {trigger.lemma_.lower()}) & lex.set(
        "block_governors"
    ):
        return None, Why("blocked by governor")
    for t in chain[1:]:
        if t.lemma_.lower() in {"invite", "invitation"} and t.i < trigger.i:
            return None, Why("invitation only")
    return None


# Prepositions of a trip noun that set the time of another act: that act's negation does not deny the trip
# ("did not give details during his visit to Japan": the visit took place; "was not represented at the
# meetings" does deny being there).
_SCENE_PREPS = frozenset({"during", "after", "before", "since", "following", "throughout", "upon"})
# ... and those a stance verb's scene is set with ("made the offer at the start of a visit", "on a visit")
_STANCE_SCENE_PREPS = _SCENE_PREPS | {"at", "on"}


def _beside_the_negation(chain: list[Token]) -> bool:
    """A trip noun hung by a time preposition on the negated verb ("did not say during the visit")."""
    trigger = chain[0]
    if trigger.pos_ != "NOUN":
        return False
    for tok in chain[1:]:
        if any(c.dep_ == "neg" for c in tok.children):
            return False
        if tok.dep_ == "prep" and tok.lower_ in _SCENE_PREPS:
            return True
        if tok.dep_ == "prep" and tok.lower_ == "at" and _says_or_discusses(tok.head):
            return True  # "will not discuss euro bonds at a meeting in Paris": what is not said, not where
    return False


def _says_or_discusses(verb: Token) -> bool:
    """A verb of saying (the speech verbs) or of discussing (lexicon `discussion_verbs`)."""
    lemma = verb.lemma_.lower()
    return lemma in lexicon().set("speech_verbs") or lemma in lexicon().set("discussion_verbs")


def _not_until(trigger: Token) -> bool:
    """ "was not expected to arrive in Vienna until Tuesday", "will not leave until Friday": a negation with
    "until" puts the trip at that time, it does not deny it."""
    return any(c.dep_ in {"prep", "mark"} and c.lower_ in {"until", "till"} for c in trigger.children)


def _starts_later(trigger: Token, ctx: ArticleContext) -> tuple[str, Why] | None:
    """ "the four-day visit of X, which starts on Friday": planned when the trip noun's own relative clause
    starts it on a day after the article's."""
    holders = [
        trigger,
        *(g for p in trigger.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children),
    ]
    start = next(
        (
            c
            for h in holders
            for c in h.children
            if c.dep_ == "relcl"
            and c.lemma_.lower() in {"start", "begin", "open"}
            and c.tag_ in {"VBZ", "VBP", "VB"}
            and any(w.dep_ == "nsubj" and w.lower_ in {"which", "that"} for w in c.children)
        ),
        None,
    )
    if start is None:
        return None
    days = [d for d in find_dates(trigger.doc.text, ctx.anchor, future=True) if _date_in_clause(d, start)]
    if any(d.precision == "day" and d.start_date and d.start_date > ctx.anchor for d in days):
        return "planned", Why("its clause starts it on a day to come")
    return None


# The verbs whose "to" verb is still to come: "is expected to announce", "is set to sign", "plans to open".
_FUTURE_GOVERNORS = frozenset({"expect", "set", "due", "schedule", "likely", "go", "plan", "intend", "aim"})


def _future_verb(verb: Token) -> bool:
    """A verb in the future: "will announce", "would sign", "is expected to announce", "plans to open"."""
    if any(c.dep_ == "aux" and c.lower_ in {"will", "shall", "'ll", "would"} for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and _infinitive(verb) and verb.head.lemma_.lower() in _FUTURE_GOVERNORS


def _clause_order_status(
    trigger: Token, ctx: ArticleContext, dates: list[DateMention]
) -> tuple[str, Why] | None:
    """A participle leg takes its governor's status; "after/before visiting" orders the trip; a return still
    to come leaves the traveller there."""
    if trigger.pos_ == "NOUN" and _returns_later(trigger, ctx):
        # "who returns from a visit to Brazil on Sunday"
        return "ongoing", Why("returns from the visit later")
    # A participle leg ("wrapped up a tour on Monday, stopping in Qatar", "returned ..., visiting Mali") has
    # no tense of its own: it takes the status of the clause it hangs off.
    governor = trigger.head
    if (
        trigger.tag_ == "VBG"
        and trigger.dep_ in {"advcl", "acl"}
        and not any(c.dep_ in {"aux", "auxpass"} for c in trigger.children)
        and governor.i != trigger.i
        and governor.pos_ in {"VERB", "AUX"}
    ):
        gov_status, gov_why = _status(governor, ctx, dates)
        if gov_status is not None:
            return gov_status, Why(f"participle leg of '{governor.text}' ({gov_why})", gov_why.basis)
    # "during the four-day visit of X, which starts on Friday": a trip its own clause starts on a day still
    # to come is still to come (the parser may hang "which starts" on the trip's "of" phrase).
    found = _starts_later(trigger, ctx) if trigger.pos_ == "NOUN" and ctx.anchor else None
    if found is not None:
        return found
    # "... will be explained this week when X visits Washington": English puts a time clause under a future
    # in the present tense; the trip is still to come. So is a trip noun of such a clause ("his demand when
    # he arrives for talks would be ...").
    clause = trigger if trigger.pos_ in {"VERB", "AUX"} else _clause_head(trigger)
    if (
        clause.tag_ in {"VBZ", "VBP"}
        and clause.dep_ in {"advcl", "relcl"}  # "this week when X visits": a relative clause of "week"
        and any(c.dep_ == "advmod" and c.lower_ in {"when", "once", "while"} for c in clause.children)
        and _future_verb(_governing_verb(clause))
    ):
        return "planned", Why("time clause under a future")
    # "before April 19, when Abe visits Washington": a "when" clause of a day still to come is that day's.
    if clause.dep_ == "relcl" and ctx.anchor and any(c.lower_ == "when" for c in clause.children):
        named = find_dates(clause.doc.text, ctx.anchor, future=True)
        day = next((d for d in named if d.precision == "day" and d.start <= clause.head.idx < d.end), None)
        if day is not None and day.start_date is not None and day.start_date > ctx.anchor:
            return "planned", Why("a day still to come, 'when'")
    # "just days before X meets Y in Washington", "until X arrives": a present tense after "before" or "until"
    # tells what is still to come.
    if (
        trigger.tag_ in {"VBZ", "VBP"}
        and trigger.dep_ == "advcl"
        and not any(c.dep_ in {"aux", "auxpass"} for c in trigger.children)
        and any(c.dep_ in {"mark", "advmod"} and c.lower_ in _BEFORE_MARKS for c in trigger.children)
    ):
        return "planned", Why("present tense after 'before'")
    # "after visiting X" / "before visiting Y": the preposition orders the trip against the main clause.
    if trigger.tag_ == "VBG" and trigger.dep_ == "pcomp" and trigger.head.lower_ in {"after", "before"}:
        if _set_off_before_past(trigger):
            # "told reporters before leaving for Vienna"
            return "ongoing", Why("set off after the clause it follows")
        if trigger.head.lower_ == "before":
            return "planned", Why("before visiting")
        if trigger.lemma_.lower() in {"arrive", "land"}:
            return "ongoing", Why("after arriving")  # there since: like "arrived"
        if trigger.head.head.pos_ in {"VERB", "AUX"} and _future_verb(trigger.head.head):
            # "will fly to Zurich after meeting Stoltenberg": what comes before a future act is still to come,
            # or under way where it is reported from (_leg_status)
            return "planned", Why("after visiting, under a future", StatusBasis.AFTER_UNDER_A_FUTURE)
        return "completed", Why("after visiting", StatusBasis.AFTER)
    return None


_BEFORE_MARKS = frozenset({"before", "until", "till"})


def _set_off_before_past(trigger: Token) -> bool:
    """ "said ... before leaving for Vienna", "before flying to Tokyo": a departure placed after a reported
    past clause has happened by the time of the report (not "will meet X before leaving for Y")."""
    if not (
        trigger.tag_ == "VBG"
        and trigger.lemma_.lower() in _SET_OFF_VERBS
        and trigger.dep_ == "pcomp"
        and trigger.head.lower_ == "before"
    ):
        return False
    governor = trigger.head.head
    if governor.tag_ == "VBG" and governor.dep_ == "pcomp" and _quoted_as(governor.head) is not None:
        governor = governor.head.head  # "quoted him as saying before leaving Tripoli": told as "quoted" is
    return governor.pos_ in {"VERB", "AUX"} and _past_tense(governor)


_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_PAST_PERIODS = frozenset({"week", "month", "year", "weekend"})


def _withdrawn_from(trigger: Token) -> str | None:
    """The verb by which one pulls, drops, walks or opts out of a trip noun or withdraws from it ("pulled out
    of the APEC summit in Vladivostok", "withdrew from the talks in Geneva"), or None."""
    prep = trigger.head
    if trigger.dep_ != "pobj" or prep.lower_ not in {"of", "from"}:
        return None
    verb = prep.head
    if prep.lower_ == "from":
        return "withdraw" if verb.lemma_.lower() == "withdraw" else None
    if verb.lower_ == "out" and verb.dep_ == "prep":
        verb = verb.head  # the parser may hang "of" on "out" read as a preposition
    elif not any(c.lower_ == "out" and c.dep_ in {"prt", "advmod"} for c in verb.children):
        return None
    lemma = verb.lemma_.lower()
    return lemma if lemma in {"pull", "drop", "walk", "opt"} else None


def _past_period_holders(sent: Span) -> list[Token]:
    """The words a time before the report's days is said of, one per such time in the sentence: the verb of
    "two weeks ago", the head of "last month" / "last year" ("had to leave talks ... last month": "leave")."""
    holders = []
    for t in sent:
        if t.lower_ == "ago":
            holders.append(t.head)
        elif t.lower_ == "last" and t.head.lemma_.lower() in _PAST_PERIODS:
            holders.append(t.head.head)
    return holders


def _told_as_long_past(trigger: Token) -> bool:
    """Whether the trigger's sentence places it in a past before the report's days: "last month", "last
    year", "two weeks ago"."""
    return bool(_past_period_holders(trigger.sent))


def _cue_status(trigger: Token, lemmas: set[str], chain: list[Token], lex) -> tuple[str, Why] | None:
    """Cancel verbs, "expected"/"due", a completed or day-of-the-trip noun, future auxiliaries, "en route"."""
    if _en_route(trigger):
        return "planned", Why("en route there")
    # Cancelled only when the trip itself is what was cancelled
    # ("cancelled a trip", "the visit was postponed").
    for below, t in zip(chain, chain[1:3], strict=False):
        if below.dep_ == "nsubj" and below.pos_ == "PROPN":
            break  # "Obama, in Seoul, said North Korea should abandon" misparsed: he drops something else
        if below.dep_ in {"dobj", "nsubjpass", "xcomp", "nsubj"} and (
            t.lemma_.lower() in lex.set("cancel_cues") - {"call"}
            or (t.lemma_.lower() == "call" and "off" in lemmas)
        ):
            return "cancelled", Why("cancel verb")
        if below.dep_ in {"dobj", "nsubjpass", "xcomp", "nsubj"} and (
            t.lemma_.lower() in lex.set("postpone_cues") or (t.lemma_.lower() == "push" and "back" in lemmas)
        ):
            # Delayed, pushed back or put off to a stated time: the trip is still to come. Postponed with no
            # new time, it did not happen as planned: called off for now.
            if t.lemma_.lower() in {"postpone", "defer"} and not _new_time(t):
                return "cancelled", Why("postponed with no new time", StatusBasis.POSTPONED)
            return "planned", Why("postponed: the trip is still to come", StatusBasis.POSTPONED)
    if trigger.lemma_.lower() in {"expect", "due"}:
        return "planned", Why("expected")
    if trigger.lemma_.lower() == "send" and trigger.tag_ == "VBG" and lemmas & {"be", "is", "are"}:
        return "planned", Why("an envoy being sent")  # "is sending its minister to X": not there yet
    if trigger.pos_ == "NOUN" and any(
        c.dep_ == "relcl"
        and c.lemma_ in {"complete", "conclude", "end", "finish"}
        and c.tag_ in {"VBD", "VBN"}
        for c in trigger.children
    ):
        return (
            "completed",
            Why("trip completed"),
        )  # "the visit, which ended on Sunday" ("which ends on Friday": not)
    if (
        trigger.pos_ == "NOUN"
        and any(
            a.lemma_ in {"day", "leg", "stage"}
            and any(c.lower_ in {"first", "second", "third", "fourth", "final", "last"} for c in a.children)
            or a.pos_ == "NOUN"
            and a.lemma_ in {"start", "beginning", "outset"}  # "at the start of a visit"
            for a in trigger.ancestors
        )
        and not lemmas & _FUTURE_AUX  # "will meet X on the first day of a visit next week": still to come
        and not _told_as_long_past(trigger)  # "on the first day of his visit last month": over
    ):
        return "ongoing", Why("on a day or leg of the trip")
    if lemmas & _FUTURE_AUX:
        return "planned", Why("future tense")
    if "would" in lemmas and trigger.tag_ != "VBN":
        return "planned", Why("future in reported speech")  # conditionals were filtered out above
    return None


_TIME_NOUNS = frozenset(
    {"week", "month", "year", "weekend", "date", "spring", "summer", "autumn", "fall", "winter"}
)
# Times that own an event or a trip ("next week's visit", "yesterday's talks", "last week's EU summit").
_TIME_OWNERS = _TIME_NOUNS | {"today", "yesterday", "tomorrow", "tonight"}


def _new_time(verb: Token) -> bool:
    """A put-off trip's new time: "postponed until Friday", "deferred to next month" (not "postponed his visit
    to Japan", a place the parser hangs on the verb)."""
    return any(
        t.lower_ in MONTHS or t.lower_ in WEEKDAYS or t.lemma_.lower() in _TIME_NOUNS or t.like_num
        for t in _prep_objects(verb, {"until", "till", "to"})
    )


def _next_year(day: dt.date) -> dt.date:
    return (
        day.replace(year=day.year + 1)
        if (day.month, day.day) != (2, 29)
        else day.replace(year=day.year + 1, day=28)
    )


def _dated_status(
    trigger: Token, ctx: ArticleContext, dates: list[DateMention], ahead: bool = False
) -> tuple[str, Why] | None:
    """The nearest resolved date against the article date. `ahead`: the clause points forwards (a plan or
    future word, a headline infinitive), so a month named without a year is the next one of that name."""
    # A resolved date is the best evidence of where the visit sits relative to the article date.
    if not (dates and ctx.anchor):
        return None
    d = dates[0]
    end = d.end_date or d.start_date
    if (
        d.precision == "month"
        and d.kind == "month"
        and (d.start_date.year, d.start_date.month) < (ctx.anchor.year, ctx.anchor.month)
        and not (ahead and d.start_date.year == ctx.anchor.year)
        # (not "a deadlock which has endured since March": when something began, not when the trip was)
        and "since" not in trigger.doc.text[max(0, d.start - 6) : d.end].lower().split()
    ):
        return "completed", Why("dated in an earlier month", StatusBasis.EARLIER_MONTH)
    if (
        ahead
        and d.kind in {"md", "dm", "md_range", "dm_range"}
        and (d.start_date.year, d.start_date.month) < (ctx.anchor.year, ctx.anchor.month - 1)
        and not re.search(r"\d{4}", trigger.doc.text[d.start : d.end])
    ):
        # "is scheduled to visit Washington on March 19", written in June: next March, as a forward clause
        # reads a day named without its year (find_dates' own rule for a future tense).
        d = dataclasses.replace(
            d,
            start_date=_next_year(d.start_date),
            end_date=d.end_date and _next_year(d.end_date),
        )
        end = d.end_date or d.start_date
    past_verb = _points_back(trigger)
    # A bare weekday is the nearest one until the clause says otherwise: "arrived on Tuesday", "met at a
    # summit on Friday" (the last one); "ahead of Monday's visit" (the next one).
    week = dt.timedelta(days=7)
    if d.kind == "weekday" and past_verb and d.start_date > ctx.anchor:
        d = dataclasses.replace(d, start_date=d.start_date - week, end_date=d.end_date and d.end_date - week)
        end = d.end_date or d.start_date
    elif d.kind == "weekday" and d.start_date < ctx.anchor and (_trip_ahead(trigger) or _scheduled(trigger)):
        d = dataclasses.replace(d, start_date=d.start_date + week, end_date=d.end_date and d.end_date + week)
        end = d.end_date or d.start_date
    if d.precision == "day" and d.start_date > ctx.anchor and not _the_day_it_ends(trigger.doc, d):
        return "planned", Why("dated after the article")
    if (
        d.precision == "month"
        and d.kind == "month"
        and (d.start_date.year, d.start_date.month) > (ctx.anchor.year, ctx.anchor.month)
        and not past_verb
    ):
        # "Obama goes to Havana in mid-March", written in February
        return "planned", Why("dated in a later month")
    if (
        d.precision == "day"
        and end < ctx.anchor - dt.timedelta(days=1)
        and trigger.lemma_ not in {"arrive", "land", "departure"}  # the day a trip began: under way since
        # (a trip begun a few days before with no length told is under way; begun long before, it is over)
        and not (_begun_with_no_length(trigger) and ctx.anchor - d.start_date <= dt.timedelta(days=4))
    ):
        return "completed", Why("dated before the article", StatusBasis.DATED_BEFORE)
    return None


def _begun_with_no_length(trigger: Token) -> bool:
    """A trip begun on a day ("began his tour in Japan on Monday"), its length not told: the day is its first,
    and it is under way since, a few days on (a "two-day visit" begun then has an end of its own)."""
    return (
        trigger.pos_ == "NOUN"
        and trigger.dep_ == "dobj"
        and trigger.head.lemma_.lower() in _BEGINS
        # ("a two-day visit": the parser splits "two-day", its "day" a modifier of the trip; not "Monday's")
        and not any(
            c.lemma_.lower() in {"day", "week", "month"} or re.search(r"\w-(?:day|week|month)$", c.lower_)
            for c in trigger.children
        )
    )


def _planned_status(trigger: Token, chain: list[Token], lex) -> tuple[str, Why] | None:
    """A plan verb over the trip, an expected outcome of it, or a trip noun marked upcoming or past."""
    # A plan verb makes the trip planned only when the trip
    # is what is planned ("set to visit", "plans a trip").
    for below, t in zip(chain, chain[1:], strict=False):
        if t.lemma_.lower() in lex.set("planned_cues") - {"to", "would", "next", "last"} and below.dep_ in {
            "xcomp",
            "dobj",
            "ccomp",
            "nsubjpass",
        }:
            return "planned", Why("future or plan")
        if (
            t.lemma_ == "be"
            and t.tag_ in {"VBZ", "VBP"}
            and below.dep_ == "xcomp"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in below.children)
        ):
            return "planned", Why("'is to' (arranged)")  # "is to hold two days of meetings in Washington"
    if _planned_by_noun(chain[-1]):
        return "planned", Why("a plan, offer or invitation to travel")
    if (
        trigger.pos_ == "NOUN"
        and chain[-1].lemma_ in {"expect", "emerge", "hope"}
        or (
            trigger.pos_ == "NOUN"
            and any(c.dep_ == "aux" and c.lower_ in {"could", "may", "might"} for c in chain[-1].children)
        )
    ):
        return (
            "planned",
            Why("expected outcome of the trip"),
        )  # "is expected as a result of X's visit", "could emerge from talks"
    when = _own_time(trigger)
    if when is not None:
        return when
    if trigger.pos_ == "NOUN" and {c.lower_ for c in trigger.children} & {
        "upcoming",
        "forthcoming",
        "planned",
        "proposed",
        "next",
        "coming",
    }:
        return "planned", Why("upcoming visit")
    if trigger.pos_ == "NOUN" and {c.lower_ for c in trigger.children} & {
        "recent",
        "last",
        "previous",
        "earlier",
    }:
        return "completed", Why("past visit")
    return None


def _own_time(trigger: Token) -> tuple[str, Why] | None:
    """A trip noun's own time: "the trip to Tokyo next week", "next month's visit" (to come); "last
    week's visit" (over)."""
    if trigger.pos_ != "NOUN":
        return None
    doc = trigger.doc
    after = doc[trigger.right_edge.i + 1 : trigger.right_edge.i + 3]
    # "on the trip to Tokyo next week by X": the time right after the trip's phrase, wherever it is hung
    times = [c for c in trigger.children if c.dep_ in {"npadvmod", "poss", "nmod", "compound"}]
    times += after[1:]
    for c in times:
        if c.lemma_.lower() in _TIME_NOUNS:
            words = {g.lower_ for g in c.children}
            if words & {"next", "coming"}:
                return "planned", Why(f"its own time ('next {c.text}')")
            if words & {"last", "previous"}:
                return "completed", Why(f"its own time ('last {c.text}')")
    return None


def _governing_verb(trigger: Token) -> Token:
    """The nearest verb above a trip noun (the root when there is none)."""
    gov = trigger.head
    while gov.pos_ not in {"VERB", "AUX"} and gov.head.i != gov.i:
        gov = gov.head
    return gov


def _noun_governor_status(trigger: Token, gov: Token, lex) -> tuple[str, Why] | None:
    """A trip noun under "return", a conclude verb, or a plan verb."""
    if gov.lemma_.lower() == "return" or any(c.lemma_.lower() == "return" for c in trigger.ancestors):
        return "completed", Why("returned from the visit")
    if (
        gov.lemma_.lower() in {"end", "conclude", "wind", "complete"}
        and gov.tag_ in {"VBD", "VBN"}
        and gov.lemma_ != "end"
    ):
        return "completed", Why("concluded")
    # "is expected to meet X during the visit": what happens during the trip is itself only expected.
    plan_words = lex.set("planned_cues") - {"to", "would", "next", "last", "agree", "accept"}
    up = gov
    for _ in range(4):
        if (
            up.lemma_.lower() in plan_words
            and up.pos_ in {"VERB", "ADJ"}
            and not (up.lemma_.lower() == "set" and any(c.dep_ == "dobj" for c in up.children))
        ):  # "had set targets during talks" sets no trip
            return "planned", Why("governed by a plan verb")
        if up.dep_ not in {"xcomp", "conj"} or up.head.i == up.i:
            break
        up = up.head
    return None


def _under_due(trigger: Token) -> bool:
    """A trip noun in the phrase of "due" before any verb ("X, due here tomorrow from Oman for his visit")."""
    for a in trigger.ancestors:
        if a.lower_ == "due":
            return True
        if a.pos_ in {"VERB", "AUX"}:
            return False
    return False


# Status reasons that later steps read (extractor._share_attributes): a trip noun placed within the trip ("on
# his first visit to China") and a status no word of the sentence told (the last resort's default).


def _noun_position_status(
    trigger: Token, gov: Token, sentence_words: set[str], future_words: set[str]
) -> tuple[str, Why] | None:
    """A trip noun placed by its preposition or its governor's tense ("during the visit", "after the
    visit")."""
    prep = trigger.head if trigger.head.dep_ == "prep" else None
    if (
        prep is not None
        and prep.lower_ == "of"
        and prep.head.lemma_.lower() in _SPANS_OF_TIME
        and prep.head.head.dep_ == "prep"
    ):
        prep = prep.head.head  # "after two days of talks here", "during a week of meetings": the span's
    order = _trip_order(trigger, gov, sentence_words)
    if order is not None:
        return order
    if prep is not None and prep.lower_ in {"for", "on"} and _under_due(trigger):
        # "X, due here tomorrow from Oman for his first official visit"
        return "planned", Why("due for the visit")
    if any(
        c.dep_ == "npadvmod"
        and {w.lower_ for w in c.subtree} & {"later", "next", "coming", "tomorrow"}
        and not {w.lower_ for w in c.subtree} & {"that", "last", "earlier"}
        for c in trigger.children
    ):
        # the trip noun's own time is still to come: "at the G20 meeting in Paris later this month"
        return "planned", Why("its own time is still to come")
    if _moves_on_later(trigger, gov):
        return "planned", Why("moves on to the place on a day to come")
    if (
        prep is not None
        and prep.lower_ in {"during", "on", "at"}
        or any(c.lower_ in {"first", "second", "end", "final"} for c in trigger.subtree)
    ):
        # "said at a meeting of EU finance ministers in Cyprus at the weekend": a past verb's weekend is over
        past = {"last", "ago", "earlier"} | ({"weekend"} if gov.tag_ == "VBD" else set())
        own = _own_clause_words(gov, trigger)
        if gov.tag_ == "VBD" and trigger.lemma_.lower() in _MEETING_NOUNS and "here" not in own:
            # "reaffirmed it at a meeting yesterday in Frankfurt": a day's meeting held yesterday is over (a
            # visit begun yesterday is not: "said during his visit yesterday"; nor talks "here" yesterday)
            past.add("yesterday")
        if own & past and not (sentence_words & {"today"}):
            return "completed", Why("during a past visit")
        if any(c.dep_ == "aux" and c.lower_ == "had" for c in gov.children):
            # "had agreed at a summit in Rome"
            return "completed", Why("past perfect", StatusBasis.PAST_PERFECT)
        if _clause_cues(gov)[0] & {"will", "shall", "'ll"}:
            # "will be looking for results and deals during the visit"
            return "planned", Why("future governor")
        if gov.tag_ in {"VBD", "VBN", "VBZ", "VBP", "VBG"} or gov.lemma_ in {"say", "tell", "declare"}:
            return "ongoing", Why("during the visit", StatusBasis.DURING_THE_VISIT)
    if prep is not None and prep.lower_ in {"after", "following"}:
        # "said following talks with ...": "following" as a preposition is "after"
        return "completed", Why("after the visit", StatusBasis.AFTER)
    tag = gov.tag_
    lemmas2, _, _ = _clause_cues(gov)
    if lemmas2 & {"will", "shall", "'ll"}:
        return "planned", Why("future governor")
    if sentence_words & future_words and tag in {"VBZ", "VBP", "VB"}:
        return "planned", Why("present with future time")
    return None


def _moves_on_later(trigger: Token, gov: Token) -> bool:
    """A tour continued in the timetable present to a place, on a weekday or this weekend ("carries on her
    tour to Saudi Arabia and Egypt this weekend", "continues his trip to Hanoi on Sunday"): that leg is to
    come."""
    return (
        gov.lemma_.lower() in {"continue", "carry", "resume"}
        and gov.tag_ in {"VBZ", "VBP"}
        and any(c.dep_ == "prep" and c.lower_ == "to" for c in (*trigger.children, *gov.children))
        and bool(_own_clause_words(gov, trigger) & (_SET_OFF_TIMES - {"today"}))
    )


# Verbs of setting off: in the simple past the traveller is on the way or there ("flew to Abidjan on
# Tuesday", "left for Hanoi", "travelled to New York this week", "was dispatched to Brussels").
_SET_OFF_VERBS = frozenset({"fly", "leave", "depart", "head", "travel", "send", "dispatch"})
# Times a timetable's present puts a departure at: today's, this weekend's, a weekday's.
_SET_OFF_TIMES = frozenset(
    {"today", "weekend", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)


def _tense_status(
    trigger: Token,
    tag: str,
    lemmas: set[str],
    deps: set[str],
    sentence_words: set[str],
    future_words: set[str],
) -> tuple[str, Why]:
    """The last resort: the tense of the trigger or of the verb over it."""
    lemma = trigger.lemma_.lower()
    if lemma in {"arrive", "land", "come"} and tag in {"VBD", "VBN", "VBZ", "VBP"}:
        return "ongoing", Why("arrived")
    if (
        lemma in _SET_OFF_VERBS
        and tag in {"VBD", "VBN"}
        and not lemmas & {"have", "has", "had"}
        and not _placed_in_a_past_period(trigger)  # "Last year X flew to Algeria": over
    ):
        # "flew to Abidjan on Tuesday", "left for Hanoi": under way
        return "ongoing", Why("set off for the trip", StatusBasis.SET_OFF)
    if tag in {"VBZ", "VBP"} and sentence_words & future_words:
        return "planned", Why("present with future time")
    if (
        lemma in _SET_OFF_VERBS
        and tag in {"VBZ", "VBP"}
        and _own_clause_words(trigger, trigger) & _SET_OFF_TIMES
    ):
        # "leaves for Washington today", "who flies to Bonn this weekend": the present of a timetable; the
        # traveller has not arrived yet
        return "planned", Why("sets off by the timetable")
    if tag == "VBG" and ("aux" in deps or trigger.dep_ in {"advcl", "acl", "amod"}):
        return _progressive_status(trigger, future_words)
    if tag in {"VBZ", "VBP"}:
        return "ongoing", Why("present tense")
    if tag in {"VBD", "VBN"}:
        if lemma in {"leave", "depart"} and lemmas & {"already"} and lemmas & {"have", "has", "had"}:
            # "has/had already left for Sweden": on the way there or there (the place left is over, by leg)
            return "ongoing", Why("set off for the trip")
        if "had" in lemmas and "has" not in lemmas and not _reported(trigger):
            # "He had said earlier in Washington", "had travelled to"
            return "completed", Why("past perfect", StatusBasis.PAST_PERFECT)
        if lemmas & {"have", "has"} and lemma not in {
            "visit",
            "tour",
            "pay",
            "return",
            "take",
            "bring",
            "lead",
        }:
            if lemmas & {"already", "recently"}:
                # "a tour that has already taken him to X", "has recently flown to Brazil"
                return "completed", Why("present perfect with 'already' or 'recently'")
            return "ongoing", Why("present perfect")
        verb = trigger if trigger.pos_ in {"VERB", "AUX"} else _clause_head(trigger)
        if any(
            a.dep_ in {"aux", "auxpass"} and a.tag_ in {"VBZ", "VBP"} and a.lemma_ == "be"
            for a in verb.children
        ):
            return "ongoing", Why("present passive/progressive")
        if any(a.dep_ == "aux" and a.tag_ == "MD" for a in verb.children):
            return "planned", Why("modal")  # "could be resolved during a visit next week by X"
        return "completed", Why("past tense", StatusBasis.PAST_TENSE)
    if tag == "MD" or (tag == "VB" and lemmas & {"should", "would", "could", "may", "might", "must"}):
        return "planned", Why("modal")  # "should be in Lima on a visit at a nearby date"
    return _untold_status(trigger)


def _progressive_status(trigger: Token, future_words: set[str]) -> tuple[str, Why]:
    """A progressive is under way, unless its clause has a time still to come ("is going to Washington next
    week", "a team going to Washington next week": an arrangement)."""
    if _own_clause_words(trigger, trigger) & future_words:
        return "planned", Why("progressive with future time")
    return "ongoing", Why("progressive")


def _untold_status(trigger: Token) -> tuple[str, Why]:
    """No word and no tense says when the trip is: under way (the default), unless it is placed in a past
    period ("had to leave monetary talks in Washington last month": over by its time)."""
    if _placed_in_a_past_period(trigger):
        return "completed", Why("in a past period")
    return "ongoing", Why("default", StatusBasis.UNTOLD)


def _placed_in_a_past_period(trigger: Token) -> bool:
    """A time before the report's days ("last month", "last year", "two weeks ago") on the trigger or on the
    verb of its clause (not on a verb above that one: "'I phoned her last week,' he told reporters on
    arriving")."""
    above = {trigger.i}
    for a in trigger.ancestors if trigger.pos_ not in {"VERB", "AUX"} else ():
        above.add(a.i)
        if a.pos_ in {"VERB", "AUX"}:
            break
    return any(h.i in above for h in _past_period_holders(trigger.sent))


# A state's envoy to an IGO: "Ambassador to the United Nations", "envoy to NATO", "U.N. Ambassador".
_IGO_ENVOY = re.compile(
    r"\b(?:[Aa]mbassador|[Ee]nvoy|[Rr]epresentative)s?\s+to\s+(?:the\s+)?(?P<igo>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)"
    r"|\b(?P<igo2>U\.N\.|UN|NATO|EU)\s+(?:[Aa]mbassador|[Ee]nvoy)\b"
)


def _envoy_seats(found: re.Match) -> set[str | None]:
    """The seats of the IGOs an envoy's title names ("Ambassador to the United Nations": {USA}); empty for an
    envoy to a state ("Ambassador to Ethiopia")."""
    gaz = gazetteer()
    igo = found.group("igo") or found.group("igo2")
    return {gaz.igo_seats.get(p.code) for *_, p in gaz.find_all(igo) if p.kind == "igo"}


def _igo_envoy_away(
    visitor: Actor, dest: list[tuple[Token, str]], sent: Sentence, ctx: ArticleContext
) -> bool:
    """A state's ambassador or envoy to an IGO ("U.S. Ambassador to the United Nations Nikki Haley traveled to
    Ethiopia") bound for a place other than the IGO's seat: a state official on a trip, not a resident
    diplomat. The envoy's title is the sentence's, else the article's when every ambassador or envoy it names
    is one to an IGO ("..., she told reporters in Kinshasa at the end of a week-long trip")."""
    gaz = gazetteer()
    if visitor.kind != "person" or not visitor.is_state or visitor.code in gaz.igo_seats:
        return False  # "U.N. Ambassador X" read as the UN's own: no state's envoy found
    found = _IGO_ENVOY.search(sent.text)
    if found is None:
        titles = re.findall(r"\b[Aa]mbassadors?\b|\b[Ee]nvoys?\b", ctx.text)
        envoys = list(_IGO_ENVOY.finditer(ctx.text))
        if not envoys or len(envoys) != len(titles) or not all(_envoy_seats(m) for m in envoys):
            return False
        found = envoys[0]
    seats = _envoy_seats(found)
    places = {
        p.code
        for tok, _ in dest
        for *_, p in gaz.find_all(tok.doc[tok.left_edge.i : tok.right_edge.i + 1].text)
        if p.kind in {"country", "city"}
    }
    places = places or ({ctx.home_code} if ctx.home_code else set())  # no place named: the dateline's
    return bool(seats) and None not in seats and bool(places) and not places & seats


def _reported(trigger: Token) -> bool:
    """A trigger inside what someone is said to have said: there a past perfect is the speaker's present
    perfect put back a tense ("said he had made progress in talks with Shultz": the talks go on)."""
    verb = trigger if trigger.pos_ in {"VERB", "AUX"} else _clause_head(trigger)
    speech = lexicon().set("speech_verbs")
    cur = verb
    while cur.head.i != cur.i:
        if cur.dep_ == "relcl":
            return False  # "said X, who had just attended the meeting in Vienna, would stay": the narrator's
        cur = cur.head
        if cur.lemma_.lower() in speech:
            return True
    return False


def _en_route(tok: Token) -> bool:
    """ "en route to Beijing", "enroute to a meeting in Seoul": travelling there."""
    return (tok.lower_ == "route" and tok.head.lower_ == "en") or tok.lower_ == "enroute"


def _status(trigger: Token, ctx: ArticleContext, dates: list[DateMention]) -> tuple[str | None, Why]:
    """(status, reason); None status means the mention is negated or hypothetical."""
    lex = lexicon()
    lemmas, deps, chain = _clause_cues(trigger)
    found = _negated_status(trigger, lemmas, deps, chain, lex)
    if found is None and _ended_trip(trigger) and trigger.head.tag_ in {"VB", "VBZ", "VBP", "VBG"}:
        found = (
            "ongoing",
            Why("ends the trip later"),
        )  # "ends / will end his visit on Friday": there until then
    if (
        found is None
        and _ended_trip(trigger)
        and trigger.head.tag_ == "VBN"
        and any(
            c.dep_ == "aux" and c.lower_ in {"having", "has", "have", "had"} for c in trigger.head.children
        )
    ):
        # "will fly to Tokyo on Sunday, after having completed a trip to France": over, whatever comes next
        found = "completed", Why("a perfect of ending the trip")
    if found is None:
        found = _clause_order_status(trigger, ctx, dates)
    if found is None:
        found = _cue_status(trigger, lemmas, chain, lex)
    if found is None:
        found = _dated_status(trigger, ctx, dates, ahead=_points_ahead(trigger, lemmas, chain))
    if found is None:
        found = _planned_status(trigger, chain, lex)
    if found is not None:
        return found
    future_words = lex.set("future_time_words")
    sentence_words = {t.lower_ for t in trigger.sent}
    head = chain[-1]
    tag = trigger.tag_ if trigger.pos_ in {"VERB", "AUX"} else head.tag_
    copula = _copula_over(trigger)
    if copula is not None:
        # "X was / will be the first leader to visit Y": the copula's tense is the trip's
        cop_lemmas, cop_deps, _ = _clause_cues(copula)
        if cop_lemmas & {"will", "shall", "'ll"}:
            return "planned", Why("future copula")
        return _tense_status(copula, copula.tag_, cop_lemmas, cop_deps, sentence_words, future_words)
    if _headline_infinitive(trigger, lemmas):
        return "planned", Why("infinitive (headline future)")
    if trigger.pos_ == "NOUN":
        gov = _governing_verb(trigger)
        if (
            gov.tag_ == "VB"
            and gov.dep_ == "acl"
            and gov.head.pos_ == "NOUN"
            and gov.head.lemma_.lower() in lex["visit_nouns"]
        ):
            # "before Trump's visit to Asia this month to attend a summit in Manila": the trip's own status
            return _status(gov.head, ctx, dates)
        found = _noun_governor_status(trigger, gov, lex)
        if found is None:
            found = _noun_position_status(trigger, gov, sentence_words, future_words)
        if found is not None:
            return found
        tag = gov.tag_
    return _tense_status(trigger, tag, lemmas, deps, sentence_words, future_words)


def _of_a_return(tok: Token) -> bool:
    """A return or a trip noun under it ("returns from Brazil", "on his return from his U.S. trip")."""
    under = tok.head.lower_ == "from" and tok.head.head.lemma_.lower() == "return"
    return tok.lemma_.lower() == "return" or under


def _returns_later(trigger: Token, ctx: ArticleContext) -> bool:
    """A trip noun under a return still to come ("who returns from a visit to Brazil on Sunday", "will return
    from the tour"): the traveller is there until then. The day belongs to the return verb, so it is read from
    the verb's own clause."""
    ret = trigger.head.head
    if not (trigger.head.lower_ == "from" and ret.lemma_.lower() == "return" and ret.i != trigger.i):
        return False  # "on his return from his U.S. trip on Sunday": the return noun, too
    days = [d for d in find_dates(trigger.doc.text, ctx.anchor) if _date_in_clause(d, ret)]
    return _status(ret, ctx, _nearest_dates(ret, days))[0] == "planned"


_SUBCLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp", "advcl", "parataxis"})
_SAID_DEPS = frozenset({"ccomp", "parataxis"})  # what is said: "X told reporters in Y: '... last Thursday'"


def _own_clause_tokens(gov: Token, trigger: Token, cut: frozenset[str] = _SUBCLAUSE_DEPS) -> list[Token]:
    """The clause of `gov` that holds the trigger, without the clauses hung off it (by the relations `cut`)
    that do not hold the trigger ("May, on a visit to Jordan, repeated her view, expressed earlier by her
    spokesman": 'earlier' dates the spokesman's words, not the visit)."""
    holds = {trigger.i} | {a.i for a in trigger.ancestors}
    tokens = []
    stack = [gov]
    while stack:
        t = stack.pop()
        tokens.append(t)
        stack.extend(c for c in t.children if c.dep_ not in cut or c.i in holds)
    return tokens


def _own_clause_words(gov: Token, trigger: Token) -> set[str]:
    """Lower-cased words of `_own_clause_tokens`."""
    return {t.lower_ for t in _own_clause_tokens(gov, trigger)}


def _trip_order(trigger: Token, gov: Token, sentence_words: set[str]) -> tuple[str, Why] | None:
    """ "ahead of his visit", "before the trip" (still to come); "began an official visit" (under way)."""
    cues = lexicon()["trip_order_cues"]
    prep = trigger.head
    if prep.dep_ in {"prep", "pcomp"}:
        # the words up to the preposition as written ("in the run-up to": "run-up" is three tokens)
        phrase = prep.doc.text[prep.doc[max(0, prep.i - 4)].idx : prep.idx + len(prep)].lower()
        if any(phrase == c or phrase.endswith(" " + c) for c in cues["before"]):
            return "planned", Why(f"before the trip ('{prep.text}')")
    if (
        trigger.dep_ == "dobj"
        and gov.lemma_.lower() in cues["begin_verbs"]
        and not sentence_words & {"last", "ago", "earlier", "yesterday"}
    ):
        future = lexicon().set("future_time_words")
        if gov.tag_ in {"VBZ", "VBP"} and _own_clause_words(gov, trigger) & future:
            # "starts a state visit to Britain later on Wednesday", "begins a tour tomorrow": a present with a
            # time still to come is a timetable, not a start already made
            return "planned", Why(f"begins the trip later ('{gov.text}')")
        return "ongoing", Why(f"began the trip ('{gov.text}')")
    return None


def _scheduled(trigger: Token) -> bool:
    """A trip verb in the simple present, the tense of a timetable: "arrives in Tokyo on Monday", "leaves for
    Japan on Monday" (the coming Monday)."""
    return (
        trigger.pos_ == "VERB"
        and trigger.tag_ in {"VBZ", "VBP"}
        and not any(c.dep_ in {"aux", "auxpass"} for c in trigger.children)
    )


@lru_cache(maxsize=1)
def _forward_plan_words() -> frozenset[str]:
    """Plan words that point a trip forwards ("likely", "plan", "expect"); not those that only invite, hope,
    agree or order ("to", "next", "last")."""
    return lexicon().set("planned_cues") - {
        "to",
        "would",
        "next",
        "last",
        "agree",
        "accept",
        "invite",
        "hope",
        "want",
    }


def _points_ahead(trigger: Token, lemmas: set[str], chain: list[Token]) -> bool:
    """A clause that points forwards: a future auxiliary, a plan word over the trip ("likely to visit", "plans
    to visit"), or a headline infinitive ("Li to visit Japan")."""
    if lemmas & {"will", "shall", "'ll"}:
        return True
    plan_words = _forward_plan_words()
    if any(t.lemma_.lower() in plan_words for t in chain[1:]):
        return True
    return _headline_infinitive(trigger, lemmas)


def _headline_infinitive(trigger: Token, lemmas: set[str]) -> bool:
    """ "Li Wen to visit Japan next week": an infinitive with no finite verb over it, as headlines write the
    future (ROOT or xcomp, or hanging from the name of its subject)."""
    if not (trigger.pos_ == "VERB" and "to" in lemmas and trigger.tag_ == "VB"):
        return False
    first = trigger
    while first.dep_ == "conj" and _shares_auxiliaries(first):
        first = first.head  # "Li to visit Japan and meet Abe"
    return (
        first.dep_ in {"ROOT", "xcomp"}
        or (first.dep_ in {"acl", "relcl"} and first.head.pos_ == "PROPN")
        # "Hu to visit Washington next week, ministry says" (the headline told with its source), "wants Hu to
        # visit Washington": a trip verb's infinitive with a subject of its own is a trip to come
        or (
            first.dep_ == "ccomp"
            and first.lemma_.lower() in lexicon()["visit_verbs"]
            and any(c.dep_ == "nsubj" for c in first.children)
        )
    )


def _trip_ahead(trigger: Token) -> bool:
    """A trip noun placed before its clause ("ahead of Monday's visit", "before the trip")."""
    if trigger.pos_ != "NOUN":
        return False
    return (_trip_order(trigger, _governing_verb(trigger), set()) or ("",))[0] == "planned"


def _points_back(trigger: Token) -> bool:
    """Whether the clause of a trigger reports the past: a past tense ("met at a summit on Friday") or a
    trip verb after "since"/"after" ("since arriving in Vienna on Friday")."""
    if _trip_ahead(trigger):
        return False  # "came ahead of Monday's visit": the trip is still to come
    verb = trigger if trigger.pos_ in {"VERB", "AUX"} else _clause_head(trigger)
    return _past_tense(verb) or (verb.tag_ == "VBG" and verb.head.lower_ in {"since", "after"})


def _past_tense(verb: Token) -> bool:
    """Whether a verb reports the past: "is expected" / "has been invited" / "will be received" do not."""
    if verb.tag_ not in {"VBD", "VBN"}:
        return False
    if verb.lemma_.lower() in lexicon().set("planned_cues"):
        return False  # "X was expected to arrive Friday" still points forwards
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    # A present "be" makes a present passive; a present "have" is still the past ("has arrived").
    if any(
        c.lower_ in {"will", "would", "to", "shall", "'ll"}
        or c.tag_ == "MD"
        or (c.tag_ in {"VBZ", "VBP"} and c.lemma_ == "be")
        for c in auxes
    ):
        return False
    return True


def _visit_type(trigger: Token) -> str:
    types = lexicon()["visit_types"]
    noun = trigger
    if trigger.pos_ == "VERB":
        noun = next(
            (c for c in trigger.children if c.dep_ == "dobj" and c.lemma_ in {"visit", "trip"}), None
        ) or next(
            (
                g
                for c in trigger.children
                if c.dep_ == "prep" and c.lower_ in {"on", "for"}
                for g in c.children
                if g.dep_ == "pobj" and g.lemma_ in {"visit", "trip", "tour"}
            ),
            trigger,
        )
    for child in noun.children:
        if child.lower_ in types:
            return types[child.lower_]
        if child.dep_ == "amod":
            for grand in child.children:
                if grand.lower_ in types:
                    return types[grand.lower_]
    window = trigger.doc[max(0, noun.i - 4) : noun.i]
    for t in window:
        if t.lower_ in types:
            return types[t.lower_]
    return "unspecified"


def _stance_object(verb: Token, lex) -> bool:
    """A verb of the stance-act lexicon with one of its stance nouns for object ("lodged a protest", "voiced
    concern"; not "had talks": "have" states a stance only with "objections", "reservations" ...)."""
    lemma = verb.lemma_.lower()
    objects = [{c.lower_, c.lemma_.lower()} for c in verb.children if c.dep_ == "dobj"]
    return any(
        lemma in group["verbs"] and any(words & group["objects"].keys() for words in objects)
        for group in lex["stance_actions"]["object_verbs"]
    )


def _reaction_governor(noun: Token) -> Token | None:
    """The stance verb a trip noun is the object or topic of ("lodged a protest over a visit", "condemned the
    trip"); not one the trip only sets the scene of ("made the offer at the start of a two-day visit",
    "welcomed it during his visit")."""
    lex = lexicon()
    stance = set(lex["stance_verbs"])
    cur = noun
    for _ in range(4):
        head = cur.head
        if head.i == cur.i:
            return None
        if head.dep_ == "prep" and head.lower_ in _STANCE_SCENE_PREPS:
            return None
        if head.pos_ in {"VERB", "AUX"}:
            lemma = head.lemma_.lower()
            stated = (lemma in stance and lemma not in {"welcome", "receive"}) or _stance_object(head, lex)
            return head if stated else None
        cur = head
    return None


def _visiting_person(tok: Token, ctx: ArticleContext, sent: Sentence) -> Token | None:
    """The named person a verb-tagged "visiting" takes as
    its object: the parser's reading of the adjective."""
    if tok.lower_ != "visiting" or tok.pos_ not in {"VERB", "AUX"}:
        return None
    for child in tok.children:
        if child.dep_ == "dobj" and child.pos_ == "PROPN":
            person = ctx.people.person_at(sent.start + child.idx, sent.start + child.idx + len(child.text))
            if person is not None and person.name:
                return child
    if not any(c.dep_ == "dobj" for c in tok.children):
        # "..., visiting U.S. Under-Secretary of State Allen Wallis told X": the parser ends the clause at
        # "visiting" and starts the named person's phrase right after it.
        for h in tok.doc[tok.i + 1 : tok.i + 12]:
            if h.left_edge.i == tok.i + 1 and h.pos_ == "PROPN" and h.dep_ in SUBJECTS:
                actor = resolve_token_actor(h, ctx, sent)
                if actor is not None and actor.is_state and actor.has_title:
                    return h
    if tok.n_lefts + tok.n_rights == 0:
        # "Deng told visiting U.S. Secretary of State George Shultz China's troubles were over": a bare
        # "visiting" (a verb with no object is no visit) before a titled name the parser broke up.
        for h in tok.doc[tok.i + 1 : tok.i + 10]:
            if not (h.pos_ in {"PROPN", "ADJ", "NOUN"} or h.lower_ in {"of", "the"}):
                break
            person = ctx.people.person_at(sent.start + h.idx, sent.start + h.idx + len(h.text))
            if h.pos_ == "PROPN" and person is not None and person.name:
                actor = resolve_token_actor(h, ctx, sent)
                if actor is not None and actor.is_state and actor.has_title:
                    return h
    return None


def _private_purpose(trigger: Token) -> bool:
    """ "flew to X for a private holiday", "a private visit", "went abroad for medical treatment"."""
    if _visit_type(trigger) == "private":
        return True
    purposes = lexicon().set("non_visit_purposes")
    for owner in (trigger, trigger.head):
        for prep in owner.children:
            if prep.dep_ == "prep" and prep.lower_ == "for":
                for obj in prep.children:
                    if obj.dep_ == "pobj" and (
                        obj.lemma_.lower() in purposes
                        or any(c.lower_ in {"private", "personal", "medical"} for c in obj.children)
                    ):
                        return True
    return False


_WAY_HOME = re.compile(r"on (?:his|her|their|its|the) way (?:home|back)\b", re.I)


def _homeward(trigger: Token, dest: list[tuple[Token, str]]) -> bool:
    """The traveller is "on his way home" (or back) where the trigger or its place stands: passing through."""
    owners = {trigger, *(d.head.head for d, _ in dest if d.head.dep_ == "prep")}
    # the parser may hang the phrase elsewhere; right after the place it is the place's ("Ozal, in London on
    # his way home, ...")
    if any(_WAY_HOME.match(d.doc[d.i + 1 : d.i + 6].text) for d, _ in dest):
        return True
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "on"
        and any(
            way.lemma_.lower() == "way" and any(w.lower_ in {"home", "back"} for w in way.children)
            for way in prep.children
        )
        for owner in owners
        for prep in owner.children
    )


_STOP_NOUNS = frozenset({"visit", "stopover", "stay"})


def _way_home_origins(trigger: Token) -> list[Token]:
    """The places "on his way home (or back) from X" names in a stop noun's sentence (the stop is on that way
    home): X and its conjuncts."""
    return [
        place
        for t in trigger.sent
        if t.lower_ == "from" and t.head.lower_ in {"home", "back"} and t.head.head.lemma_.lower() == "way"
        for obj in t.children
        if obj.dep_ == "pobj"
        for place in (obj, *obj.conjuncts)
    ]


def _misparsed_subject(verb: Token) -> list[Token]:
    """A name the parser hung on a present-tense verb as a modifier of a noun ("Rha leaves today for Ottawa",
    "Mikulic visits West Germany next week": the name a compound or adjective of "leaves"/"visits", which the
    tagger still reads as a verb): the verb's subject."""
    if verb.tag_ != "VBZ":
        return []
    return [
        c
        for c in verb.children
        if c.dep_ in {"compound", "amod", "nmod"} and c.i < verb.i and c.text[:1].isupper() and c.is_alpha
    ][-1:]


def _dateline_word(tok: Token) -> bool:
    """A month or the capitalised place of a dateline ("GUANAJUATO, Mexico, April 10 -")."""
    word = tok.lower_.rstrip(".")
    return word in MONTHS or word in MONTH_ABBR or (tok.text.isupper() and len(tok.text) > 2 and tok.i < 6)


def _for_subject(verb: Token) -> Token | None:
    """The subject "for" gives an infinitive ("arranged for the premier to fly to Tokyo", "providing for
    family members to fly home"): the object of the "for" right before its "to"."""
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None or verb.dep_ not in {"advcl", "xcomp", "acl"}:
        return None
    for prep in verb.head.children:
        if prep.dep_ == "prep" and prep.lower_ == "for" and prep.right_edge.i + 1 == to.i:
            return next((g for g in prep.children if g.dep_ == "pobj"), None)
    return None


def _visitor_token(trigger: Token) -> list[Token]:
    """The traveller: the doer of a passive "attend" ("the meeting was attended by X": X attends, the meeting
    does not travel), else the subject of the trigger verb or of the verb governing it."""
    return _attending_agents(trigger) or _subject_traveller(trigger)


def _subject_traveller(trigger: Token) -> list[Token]:
    """The subject of the trigger verb, or of the verb governing it (xcomp/conj chains)."""
    cur = trigger
    for _ in range(5):
        subjects = [c for c in cur.children if c.dep_ in SUBJECTS] or _misparsed_subject(cur)
        for_subject = None if subjects else _for_subject(cur)
        if for_subject is not None:
            return [for_subject]  # "providing for family members to fly home": they fly, not the provider
        if subjects:
            # Two subjects means a misparsed apposition; the one next to the verb is the actor.
            subj = max(subjects, key=lambda c: c.i if c.i < cur.i else -c.i)
            return [subj] + [c for c in subj.children if c.dep_ == "appos"]
        if (
            cur.dep_ in {"xcomp", "conj", "advcl", "pcomp"}
            or (cur.dep_ == "dep" and cur.pos_ == "VERB")
            or (cur.dep_ == "ccomp" and cur.head.lemma_ in {"expect", "plan"})
        ):
            cur = cur.head
            continue
        quoted = _quoted_as(cur)
        if quoted is not None:
            return [quoted]  # "the paper quoted X as saying in Washington": X speaks there, not the paper
        if cur.dep_ == "prep" and cur.head.i != cur.i:
            cur = (
                cur.head
            )  # "arrived in X after visiting Y": through the preposition to the verb it hangs from
            continue
        if cur.dep_ == "acomp" and cur.lemma_.lower() in {"due", "set", "likely", "scheduled", "ready"}:
            cur = cur.head  # "... and is due to travel on to X": the subject of the copula
            continue
        if cur.dep_ == "amod" and cur.lower_ == "due" and cur.head.pos_ in {"PROPN", "NOUN"}:
            return [cur.head]  # "Shultz, due in Tokyo tomorrow for talks, said": the one it describes
        if _planned_by_noun(cur) and cur.head.lemma_.lower() != "invitation":
            # "announced plans to visit X", "his offer to send a mission": whoever holds the plan travels.
            owner = [c for c in cur.head.children if c.dep_ == "poss"]
            if owner:
                return owner
            cur = cur.head.head
            continue
        if cur.dep_ == "acl" and cur.tag_ == "VBG" and cur.lemma_.lower() == "travel":
            # "officials travelling with Finance Minister X": the one they travel with leads the trip
            return [*_prep_objects(cur, {"with"}), cur.head]
        if cur.dep_ == "acl" and cur.tag_ == "VBG" and cur.i < cur.sent.root.i and _dateline_word(cur.head):
            # "GUANAJUATO, April 10 - Speaking here after a meeting, X said": the parser hangs the opening
            # participle on the dateline; its subject is the main clause's
            root = cur.sent.root
            subjects = [c for c in root.children if c.dep_ in SUBJECTS and c.i > cur.i]
            # "PARIS - Spanish Prime Minister X, speaking in Paris, said": the parser makes the dateline the
            # subject and the speaker its apposition; the dateline stands for whom it is hung on
            return subjects or [cur.head]
        if cur.dep_ == "relcl" or (cur.dep_ == "acl" and cur.tag_ == "VBG"):
            # "X, who arrived ...", "X, speaking in Delhi, said": the noun it describes; "X was the first
            # leader to visit Y": that noun said of a subject by a copula, the subject first
            return [*_copula_subjects(cur.head), cur.head]
        if cur.dep_ == "acl" and cur.tag_ == "VBD" and not any(c.dep_ == "agent" for c in cur.children):
            # "LONDON - Britain's trade minister left for Tokyo saying ...": a past-tense verb the parser hung
            # on the noun before it (a reduced relative would be a participle) has that noun as its subject.
            return [cur.head]
        break
    return []


def _quoted_as(prep: Token) -> Token | None:
    """The one a report quotes or cites "as saying": the object of "quoted"/"cited" before the "as"."""
    if prep.dep_ != "prep" or prep.lower_ != "as" or prep.head.lemma_.lower() not in {"quote", "cite"}:
        return None
    return next((c for c in prep.head.children if c.dep_ == "dobj" and c.i < prep.i), None)


_COPULAS = frozenset({"be", "become", "remain"})


def _copula_subjects(noun: Token) -> list[Token]:
    """ "May became the first foreign leader to visit", "Khelil has been the only one to say so": the
    subject a copula says the noun of."""
    if noun.dep_ != "attr" or noun.head.lemma_.lower() not in _COPULAS:
        return []
    return [c for c in noun.head.children if c.dep_ in SUBJECTS]


def _copula_over(trigger: Token) -> Token | None:
    """The copula of "X became the first minister to visit Y", whichever the parser hangs the infinitive on
    (the noun or the copula)."""
    if trigger.tag_ != "VB":
        return None
    if trigger.dep_ in {"relcl", "acl"} and _copula_subjects(trigger.head):
        return trigger.head.head
    head = trigger.head
    if (
        trigger.dep_ == "xcomp"
        and head.lemma_.lower() in _COPULAS
        and any(c.dep_ == "attr" for c in head.children)
    ):
        return head
    return None


_PLAN_NOUNS = frozenset({"plan", "intention", "offer", "proposal", "invitation"})


def _planned_by_noun(verb: Token) -> bool:
    """ "plans to visit", "an invitation to visit": an infinitive completing a noun of intent."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VB"
        and verb.head.lemma_.lower() in _PLAN_NOUNS
        and any(c.lower_ == "to" for c in verb.children)
    )


def _noun_own_visitors(trigger: Token) -> list[Token]:
    """The travellers a trip noun names itself: its possessor, the parties "between" whom a meeting is, "by"
    and "of" people."""
    out: list[Token] = []
    for child in trigger.children:
        if child.dep_ == "poss":
            out.append(child)
        if child.dep_ == "prep" and child.lower_ == "between" and trigger.lemma_.lower() in _MEETING_NOUNS:
            # "a summit in Ottawa between Reagan and Mulroney": each party from elsewhere travels there.
            out.extend(g for g in child.children if g.dep_ == "pobj")
        if child.dep_ == "prep" and child.lower_ in {"by", "of"}:
            # "the visit of President X to Y"; "of" also gives
            # destinations ("tour of Asia"), so only people count here.
            out.extend(
                g for g in child.children if g.dep_ == "pobj" and (child.lower_ == "by" or g.pos_ == "PROPN")
            )
        if child.dep_ == "prep" and child.lower_ == "to":
            # "a trip to Algiers by Russian President X": the parser hangs the agent on the destination.
            out.extend(
                a
                for g in child.children
                if g.dep_ == "pobj"
                for p in g.children
                if p.dep_ == "prep" and p.lower_ == "by"
                for a in p.children
                if a.dep_ == "pobj"
            )
    return out


def _controllers(verb: Token, clause: Token) -> list[Token]:
    """Whom a verb directs to do what its "to" clause says: its object before the clause ("urged Japan to
    act") or the object of its "on" ("called on the allies to act")."""
    if not _infinitive(clause):
        return []
    objects = [c for c in verb.children if c.dep_ in {"dobj", "dative"}] + _prep_objects(verb, {"on"})
    return [o for o in objects if o.i < clause.i]


def _noun_visitor(trigger: Token) -> list[Token]:
    """Candidate travellers for a trip noun, best first:
    possessor, by-agent, then subjects of the verbs above it."""
    out = _noun_own_visitors(trigger)
    meeting = trigger.lemma_.lower() in _MEETING_NOUNS and trigger.pos_ == "NOUN"
    cur = trigger
    reporters: set[int] = set()
    for _ in range(8):
        if cur.head.i == cur.i:
            break
        prev, cur = cur, cur.head
        if prev.dep_ in {"ccomp", "parataxis"} and cur.lemma_ in {"say", "tell", "add", "report", "announce"}:
            # the speaker of a report is not the traveller of what is reported ("he added, saying that the
            # summit in Washington would be crucial": the speaker of the verb a participle hangs on)
            speaking = cur.head if cur.tag_ == "VBG" and cur.dep_ in {"advcl", "xcomp", "conj"} else cur
            reporters = {c.i for v in {cur, speaking} for c in v.children if c.dep_ in SUBJECTS}
            break
        if prev.dep_ == "acl" and prev.tag_ == "VBG" and prev.lemma_ == "attend":
            # "China and other powers attending a G20 summit in Washington": those attending, no one else
            return [*out, cur, *cur.conjuncts]
        if prev.dep_ == "acl" and prev.tag_ == "VB" and cur.pos_ == "NOUN":
            # "Trump's first visit to Asia to attend a summit in Manila": whoever makes the trip attends
            out.extend(c for c in cur.children if c.dep_ == "poss")
        if cur.pos_ == "VERB" and prev.dep_ in {"xcomp", "ccomp"}:
            controllers = _controllers(cur, prev)
            if controllers:
                # "urged Japan to announce measures at the summit in Venice", "called on the allies to make a
                # pledge at the summit": who is to act there is the one urged, not the one urging
                return [*out, *controllers]
        if cur.pos_ in {"VERB", "AUX"}:
            for child in cur.children:
                if child.dep_ == "agent" and (
                    prev.dep_ in {"nsubjpass", "dobj"} or _follows_trip(child, trigger)
                ):
                    # "a visit was paid by X", "resolved during a Washington visit next week by X"; not
                    # "during a visit to the U.S., Kondo was asked by Volcker"
                    out.extend(g for g in child.children if g.dep_ == "pobj")
            subjects = [c for c in cur.children if c.dep_ in SUBJECTS and trigger not in c.subtree]
            subjects.sort(key=lambda c: c.i if c.i < cur.i else -c.i, reverse=True)
            if meeting and not out and _placed_no_one(trigger, cur, subjects):
                return []
            for subj in subjects:
                out.append(subj)
                out.extend(c for c in subj.children if c.dep_ == "appos")
    if meeting and trigger.dep_ in {"nsubj", "nsubjpass"} and _prep_objects(trigger, {"of"}):
        # "he said an emergency meeting of NATO ambassadors in Brussels was one path": a meeting that names
        # who meets, told as what happens, places none of the sentence's other subjects there
        return out
    # Misparsed clauses: the subjects before the trigger, nearest first (not the speaker of a report).
    out.extend(
        reversed(
            [
                t
                for t in trigger.sent
                if t.dep_ in SUBJECTS
                and t.i < trigger.i
                and t.pos_ in {"PROPN", "NOUN", "PRON"}
                and t.i not in reporters
            ]
        )
    )
    return out


_TOPIC_VERBS = frozenset({"discuss", "outline", "review", "consider", "debate"})
_TIME_POINT_PREPS = frozenset({"until", "till"})


def _meeting_as_topic(tok: Token) -> bool:
    """A meeting noun that is the topic of a verb ("discuss the summit", "prepare for the summit",
    "expectations for the summit") or a point in time still to come ("until the summit", "ahead of the
    summit"), not a place where someone is. ("After/before the summit" is left to the clause's subject:
    "Sarkozy appeared isolated after a meeting in Frankfurt" was there, "a communique could come out after
    the Tokyo meeting" places no one, `_placed_no_one`.)"""
    head = tok.head
    if _talked_of(tok):
        return True
    if any(c.dep_ == "poss" for c in tok.children):
        return False  # "ahead of his talks in Berlin on Monday": his own meeting, still to come
    if tok.dep_ != "pobj":
        return False
    if head.lower_ in _TIME_POINT_PREPS:
        return True
    if head.lower_ in {"before", "after"} and any(
        c.dep_ == "npadvmod" and c.lemma_.lower() in {"hour", "day", "week", "month"} for c in head.children
    ):
        return True  # "just days before the London meeting": a point in time measured from it
    if head.lower_ == "of" and head.head.lower_ in {"ahead", "prior"}:
        return True
    if head.lower_ == "to" and head.head.lower_ == "prior":
        return True
    if (
        head.lower_ == "for"
        and head.i >= 2
        and head.doc[head.i - 2 : head.i].text.lower() in {"in time", "on time"}
    ):
        return True  # "a solution in place in time for the summit in Cannes": a deadline
    return False


# "prepare for the summit" (to get ready; "prepare a summit" arranges one), "expectations for the summit"
_PREPARE_FOR = _TOPIC_VERBS | {"prepare", "expectation", "agenda"}


def _talked_of(tok: Token) -> bool:
    """A meeting that is what a verb talks of or prepares for ("discuss the summit", "to prepare for
    Nakasone's talks with President Reagan", even one's own)."""
    head = tok.head
    if tok.dep_ == "dobj" and head.lemma_.lower() in _TOPIC_VERBS:
        return True
    return tok.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in _PREPARE_FOR


def _placed_no_one(trigger: Token, verb: Token, subjects: list[Token]) -> bool:
    """A meeting is where its clause's subject is: "steps could be reached at the summit in Venice, he hoped"
    puts the steps there, not the one who hopes (a time word such as "ahead of" or "in time for" tells when,
    and the parser often hangs it on the wrong clause, so only "at", "during", "on", "after", "before")."""
    prep = _meeting_prep(trigger, verb) if subjects else None
    # In the passive the doer is the "by" phrase ("a package, which was discussed by EU leaders at a summit").
    doers = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return bool(prep) and _no_person(doers or subjects, owners_count=prep not in {"after", "before"})


def _meeting_prep(trigger: Token, verb: Token) -> str | None:
    """The first preposition between a meeting noun and its verb when it places something there or then
    ("at", "during", "on the sidelines of", "after", "before"), else None."""
    for tok in (trigger, *trigger.ancestors):
        if tok.i == verb.i:
            return None
        if tok.dep_ == "prep":
            return tok.lower_ if tok.lower_ in {"at", "during", "on", "after", "before"} else None
    return None


@lru_cache(maxsize=1)
def _people_nouns() -> frozenset[str]:
    """Common nouns that name people or offices who can travel (titles, groups, "delegation", "country")."""
    lex = lexicon()
    titles = {w for w in (*lex["visitor_titles"], *lex["state_titles"]) if " " not in w}
    return frozenset(
        titles
        | GROUP_NOUNS
        | _OFFICIAL_GROUPS
        | {"delegation", "administration", "country", "nation", "state"}
    )


def _no_person(subjects: list[Token], owners_count: bool = True) -> bool:
    """Subjects that name no one who could travel: common nouns that are not people or offices ("steps",
    "the results") or a relative "which", no personal pronoun, no name. With `owners_count` a thing someone
    owns puts its owner there ("Ban's offer was made on the sidelines of the summit"); not for a time
    ("Westerwelle's meeting was agreed after the summit")."""
    people = _people_nouns()
    return all(
        s.tag_ == "WDT"
        or s.pos_ == "NOUN"
        and s.text.islower()  # a name the tagger took for a noun ("Schaeuble and Asmussen said") is someone
        and not any(c.pos_ == "PROPN" for c in s.conjuncts)
        and s.lemma_.lower() not in people
        and not (owners_count and any(c.dep_ == "poss" for c in s.children))
        for s in subjects
    )


def _follows_trip(agent: Token, trigger: Token) -> bool:
    """Whether a by-phrase the parser hung on a verb comes right after the trip noun's phrase, with at most a
    time between ("during a Washington visit later this month by Prime Minister X")."""
    gap = agent.doc[trigger.right_edge.i + 1 : agent.i]
    return (
        agent.i > trigger.i
        and len(gap) <= 4
        and all(
            t.pos_ == "ADV"
            or t.lower_ in MONTHS
            or t.lower_ in WEEKDAYS
            or t.lemma_.lower() in _TIME_OWNERS
            or t.like_num
            or t.lower_ in {"this", "next", "last", "on", "in"}
            for t in gap
        )
    )


def _meeting_place_on_verb(tok: Token, lemma: str, dest: list[tuple[Token, str]]) -> list[tuple[Token, str]]:
    """The place of a meeting the parser hung on the verb the meeting is the object of, or is at, right after
    the meeting's phrase with at most a time between: "reaffirmed their commitment at a secret meeting
    yesterday in Frankfurt", "was completing meetings in London today"."""
    if lemma not in _MEETING_NOUNS or any(how in {"in", "at", "here"} for _, how in dest):
        return []
    if tok.dep_ == "dobj":
        verb = tok.head
    elif tok.dep_ == "pobj" and tok.head.lower_ in {"at", "during"} and tok.head.dep_ == "prep":
        verb = tok.head.head
    else:
        return []
    return [
        (g, "in")
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ == "in" and _follows_trip(p, tok)
        for g in p.children
        if g.dep_ == "pobj" and g.pos_ == "PROPN"  # a place's name ("in Frankfurt"), not "in the same spirit"
    ]


def _held_clauses(meeting: Token) -> list[Token]:
    """The relative clauses that say where a meeting is held ("the economic summit, which will take place in
    Venice June 8-10", "talks that were held in Geneva"): verbs whose "in" place is the meeting's (lexicon
    `meeting_held_verbs`; not the timing verbs, whose "in" is as often an outcome: "talks which ended in
    deadlock")."""
    if meeting.lemma_.lower() not in _SPOKEN_AT:
        return []
    held = lexicon().set("meeting_held_verbs")
    out = []
    for rel in meeting.children:
        if rel.dep_ != "relcl":
            continue
        lemma = rel.lemma_.lower()
        objects = " ".join(c.lower_ for c in rel.children if c.dep_ == "dobj")
        passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in rel.children)
        if f"{lemma} {objects}" in held or passive and lemma in held:
            out.append(rel)
    return out


def _destination_tokens(trigger: Token, preps: set[str]) -> list[tuple[Token, str]]:
    """(token, how) pairs whose subtrees name the destination of the trigger."""
    out = []
    for child in trigger.children:
        if child.dep_ in {"dobj", "attr"} and trigger.pos_ == "VERB":
            # "Norway, which he visited last month": a relative pronoun stands for the noun the clause is on
            relative = child.tag_ == "WDT" and trigger.dep_ == "relcl" and trigger.head.i < child.i
            out.append((trigger.head if relative else child, "dobj"))
        elif (
            child.dep_ == "npadvmod"
            and child.pos_ == "PROPN"
            and child.i == trigger.i + 1
            and trigger.lemma_.lower() in {"visit", "tour"}
        ):
            # "when Nakasone visits Washington.": the parser takes the place right after the verb for an
            # adverbial noun ("visits Monday"); a proper name there is what is visited
            out.append((child, "dobj"))
        elif child.dep_ == "prep" and child.lower_ in preps:
            for g in child.children:
                if g.dep_ in {"pobj", "pcomp"} and not _to_someones_help(child, g):
                    out.append((g, child.lower_))
            if child.lower_ == "over":
                out.append((child, "over"))
        elif child.dep_ in {"compound", "amod", "nmod"} and trigger.pos_ == "NOUN":
            out.append((child, "modifier"))
        elif child.dep_ == "advmod" and child.lower_ == "here":
            out.append((child, "here"))
        elif child.dep_ == "prep" and child.lower_ == "on" and trigger.pos_ == "VERB":
            # "will visit Hanoi on June 13 and Bangkok on June 15": the parser hangs the second place on the
            # first date; a name coordinated with the date is another destination.
            out.extend(
                (c, "dobj")
                for g in child.children
                if g.dep_ == "pobj"
                for c in g.conjuncts
                if c.pos_ == "PROPN" and c.i > g.i
            )
        elif (
            child.dep_ == "xcomp"
            and child.lemma_.lower() in {"neighbor", "neighbour"}
            and child.i == trigger.i + 1
        ):
            # "visits neighboring Canada": the adjective read as a participle with the place as its object
            out.extend((g, "dobj") for g in child.children if g.dep_ == "dobj")
        elif (
            child.dep_ == "advcl"
            and "for" in preps
            and any(
                c.dep_ == "mark" and c.lower_ == "for" and c.i == child.left_edge.i for c in child.children
            )
        ):
            # "has left for Washington to discuss ...": the parser reads "for X to do" as a clause whose
            # subject is the place
            out.extend((g, "for") for g in child.children if g.dep_ == "nsubj" and g.pos_ == "PROPN")
        elif child.dep_ == "advmod" and child.lower_ in {"in", "there"}:
            continue
        elif child.dep_ == "prt" and child.lower_ == "in":
            continue
    return out


# "went to the aid of Greece", "came to the rescue of the banks": help given, no place gone to (lexicon
# `help_nouns`)
_HELP_NOUNS = lexicon().set("help_nouns")


def _to_someones_help(prep: Token, obj: Token) -> bool:
    """ "rushed to the aid of Greece", "came to Italy's rescue": "to" with a noun of help names whom one
    helps, not where one goes."""
    return (
        prep.lower_ == "to"
        and obj.lemma_.lower() in _HELP_NOUNS
        and any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in obj.children)
    )


# "Cuban Americans visiting family in Cuba": a private visit the parser may read as "a visiting family".
_KIN = frozenset({"family", "relative", "friend"})  # lemmas


def _role_of(
    tok: Token, lemma: str, verbs: dict, nouns: set[str], sent: Sentence, ctx: ArticleContext
) -> str | None:
    """The part a token plays in telling a trip, if any: a trip verb's role, a trip noun, presence, ..."""
    role = None
    if tok.lower_ == "visiting" and _visiting_person(tok, ctx, sent) is not None:
        # "received visiting Israeli Foreign Minister X" parsed as a verb with X as its object
        role = "visiting"
    elif tok.lower_ == "visiting" and tok.dep_ == "amod" and tok.head.lemma_.lower() not in _KIN:
        role = "visiting"  # "a visiting Nicaraguan delegation", tagged as a verb or an adjective
    elif tok.pos_ in {"VERB", "AUX"} and lemma in verbs:
        role = verbs[lemma]
    elif (
        tok.pos_ in {"NOUN", "PROPN"}
        and lemma in nouns
        and tok.dep_ != "compound"
        and not (lemma == "return" and tok.tag_ == "NNS")  # "returns": yields, tax returns
    ):
        role = "noun"
    elif (
        lemma == "be"
        and any(
            (c.dep_ == "prep" and c.lower_ == "in")
            or (c.dep_ == "advmod" and c.lower_ == "here" and not _quoted(c))
            for c in tok.children
        )  # "X is in Tokyo", "X, who is here to meet ...": under a dateline, there (a quote's "here" is
        # the speaker's, wherever that is)
        and not any(c.dep_ in {"acomp", "attr"} for c in tok.children)  # "to be firm in a stand-off"
    ):
        role = "presence"
    elif (
        (tok.dep_ in SUBJECTS or tok.dep_ in {"appos", "conj"} and tok.head.dep_ in SUBJECTS)
        and tok.pos_ == "PROPN"
        and _apposed_place(tok)
    ):
        role = "apposed_presence"  # "Saouma, in Brazil for talks, said ...", "Duffy, here on a visit, said"
    elif tok.lower_ == "due" and tok.dep_ in {"acomp", "ROOT", "amod"}:
        role = "visit"
    elif _en_route(tok):
        role = "en_route"  # "made the visit to Mongolia en route to Beijing": on the way there
    elif tok.pos_ == "VERB" and (_fronted_place(tok) or _stance_taken_in_a_city(tok, lemma)):
        # "In Tokyo, U.S. Vice President Mike Pence urged Japan ...": the scene is set; "Funaro criticized
        # the panels in London on Monday": a stance taken in a city puts the one taking it there
        role = "presence"
    elif tok.pos_ == "VERB" and any(
        c.dep_ == "advmod" and _apposed_place(c.head, here_only=True) for c in tok.children
    ):
        role = "presence"  # "Duffy, here on a three-day visit, said": the parser hangs "here" on the verb
    elif tok.pos_ == "VERB" and lemma == "include" and _attendance_subject(tok) is not None:
        role = "presence"  # "other attendees at the retreat included the Korean prime minister"
    return role


# Those an event gathers, whose list "includes" who is there ("The delegates include U.S. Trade Representative
# Clayton Yeutter", "other attendees at the retreat included ..."); lemmas.
_ATTENDEES = frozenset({"attendee", "participant", "delegate", "guest", "delegation", "visitor"})


def _attendance_subject(verb: Token) -> Token | None:
    """The subject of "include" that names those present: attendees, participants, delegates, or officials
    seen arriving or attending ("Officials seen arriving by Reuter correspondents included X")."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    if subj.lemma_.lower() in _ATTENDEES:
        return subj
    arriving = any(t.lemma_.lower() in {"arrive", "attend"} and t.pos_ == "VERB" for t in subj.subtree)
    return subj if arriving and subj.lemma_.lower() in lexicon().set("state_titles") else None


def _attendance_parts(verb: Token, ctx: ArticleContext) -> _Parts:
    """Who a list of those present names, and where: a place named with them ("ministers arriving in
    Vienna"), else the dateline's."""
    subj = _attendance_subject(verb)
    visitor_toks = [c for c in verb.children if c.dep_ == "dobj"]
    dest = [
        (t, "in")
        for t in (subj.subtree if subj is not None else [])
        if t.dep_ == "pobj" and t.head.lower_ in {"in", "at"} and t.pos_ == "PROPN"
    ]
    if not dest and ctx.home_code:
        dest = [(verb, "here")]
    return visitor_toks, dest, None, None


def _not_a_trip_word(tok: Token, lemma: str, nouns: set[str]) -> bool:
    """Trip verbs in a use that tells no trip ("pay $45 million", "is expected to decide", "held a vote")."""
    if lemma == "pay" and any(c.dep_ == "dobj" and c.lemma_ in nouns for c in tok.children):
        return True  # the noun "visit" carries it
    if lemma == "pay" and not any(c.dep_ == "dobj" and c.lemma_.lower() == "call" for c in tok.children):
        # "paid a call in Washington" is a trip; "stop paying the World Bank", "pay $453 million to" not
        return True
    if lemma == "expect" and (
        not (tok.tag_ == "VBN" and any(c.dep_ == "nsubjpass" for c in tok.children))
        or any(c.dep_ in {"xcomp", "ccomp"} for c in tok.children)
    ):
        return True  # "X is expected in Paris"; not "In India, the government is expected to decide"
    if lemma == "hold" and not any(
        c.dep_ == "dobj" and c.lemma_.lower() in _HELD_EVENTS for c in tok.children
    ):
        return True
    return False


def extract_visits(doc: Doc, sent: Sentence, ctx: ArticleContext) -> list[VisitCandidate]:
    lex = lexicon()
    verbs = lex["visit_verbs"]
    nouns = set(lex["visit_nouns"])
    preps_by_verb = lex["travel_preps"]
    out: list[VisitCandidate] = []
    all_dates = [d for d in find_dates(sent.text, ctx.anchor) if not _in_dateline(d, sent, ctx)]
    weak_nouns = _MEETING_NOUNS  # they name an event, not the trip: no claim on dates
    triggers = [
        t
        for t in doc
        if (
            t.pos_ in {"VERB", "AUX"} and verbs.get(t.lemma_.lower()) == "visit" and t.lemma_.lower() != "pay"
        )
        or (
            t.pos_ in {"NOUN", "PROPN"}
            and t.lemma_.lower() in nouns - weak_nouns
            and not _under_movement_verb(t, verbs)
        )
        or (t.lower_ == "due" and t.dep_ in {"acomp", "ROOT", "amod"})  # "is due in Berlin on Thursday"
    ]
    # Each date belongs to the trigger nearest to it, so legs of one sentence keep their own dates.
    owner = {id(d): _date_owner(d, triggers, doc) for d in all_dates} if triggers else {}
    # a date its owner cannot use is free for a trigger whose clause holds it (computed once per sentence)
    free = {id(d) for d in all_dates if _refused(d, owner.get(id(d)), doc)}
    for tok in doc:
        lemma = tok.lemma_.lower()
        role = _role_of(tok, lemma, verbs, nouns, sent, ctx)
        if role is None or _not_a_trip_word(tok, lemma, nouns):
            continue
        own_dates = [
            d
            for d in all_dates
            if (
                owner.get(id(d), tok.i) == tok.i or id(d) in free or _owned_by_own_trip(owner.get(id(d)), tok)
            )
            and _date_in_clause(d, tok)
        ]
        if role == "en_route":
            own_dates = []  # "in Singapore on Wednesday en route to Seoul": the day is the stop's
        cands = _from_trigger(tok, role, lemma, sent, ctx, preps_by_verb, own_dates)
        out.extend(cands)
    return _one_per_trip(out)


# What one holds somewhere and is there for: talks, a meeting, a summit, a news conference, consultations.
_HELD_EVENTS = frozenset(
    {"talk", "talks", "meeting", "summit", "conference", "discussion", "consultation", "negotiation"}
)


def _quoted(tok: Token) -> bool:
    """Whether a token stands inside a direct quotation of its sentence."""
    return any(start <= tok.idx < end for start, end, _ in quote_spans(tok.doc.text))


def _infinitive(verb: Token) -> bool:
    """A verb with its infinitive "to" ("to drum up support", "is expected to announce")."""
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)


def _stance_taken_in_a_city(verb: Token, lemma: str) -> bool:
    """A stance verb (lexicon `stance_verbs`: "criticized", "urged", "warned") with a city of its own by "in"
    ("heavily criticized the panels in London on Monday", "urged China in Beijing on Tuesday"): where the
    stance was taken, as "said in Tokyo" is where it was said. A city only: "in Syria", "in the region" may
    be what the stance is about ("criticized the crackdown in Syria")."""
    if lemma not in lexicon()["stance_verbs"] or not any(c.dep_ in SUBJECTS for c in verb.children):
        return False
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
        for pobj in (g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "PROPN"):
            name = verb.doc[pobj.left_edge.i : pobj.i + 1].text
            place = gazetteer().lookup(name, in_text=True)
            if place is not None and place.kind == "city":
                return True
    return False


def _fronted_place(verb: Token) -> bool:
    """A main verb whose clause opens with "In <place>," before its subject: the place of the scene."""
    if verb.dep_ != "ROOT":
        return False
    subjects = [c.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects:
        return False
    fronted = [c for c in verb.children if c.i < min(subjects)]
    # "In New Delhi to drum up support, Carstens said": the parser hangs the place on the purpose infinitive
    preps = fronted + [
        g
        for c in fronted
        if c.dep_ in {"ccomp", "advcl", "xcomp"} and _infinitive(c)
        for g in c.children
        if g.i < c.i
    ]
    return any(
        c.dep_ == "prep"
        and c.lower_ == "in"
        and _opens_the_sentence(c)
        and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children)
        for c in preps
    )


def _opens_the_sentence(prep: Token) -> bool:
    """The preposition is the sentence's first word, or follows only "While" ("While in New York, Tamir has
    conferred with ...", "While in the U.S. earlier this month, Soviet official X predicted ...")."""
    start = prep.sent.start
    return prep.i == start or (prep.i == start + 1 and prep.doc[start].lower_ == "while")


_ROLE_ORDER = {
    role: n
    for n, role in enumerate(("visit", "noun", "visiting", "host", "apposed_presence", "meet", "presence"))
}


def _meeting_to_come(c: VisitCandidate) -> bool:
    """A meeting or talks still to come ("will meet President Suharto", "will hold talks")."""
    meeting = c.role == "meet" or (c.role == "noun" and c.trigger.lemma_.lower() in _MEETING_NOUNS)
    return c.status == "planned" and meeting


# Roles that tell the traveller's own movement or presence (not a meeting held on the trip).
_TRAVEL_ROLES = frozenset({"visit", "visiting", "presence", "apposed_presence"})


def _one_per_trip(cands: list[VisitCandidate]) -> list[VisitCandidate]:
    """One mention per trip of a sentence: "held talks in New Delhi on Sunday" is one trip told by two trigger
    words (the verb and the noun). The trip word is kept over a meeting or a presence, with the day the other
    gives; mentions with different statuses or different days stay apart (two trips of one sentence)."""
    kept: list[VisitCandidate] = []
    for c in sorted(cands, key=lambda c: _ROLE_ORDER.get(c.role, 9)):
        same = next(
            (
                k
                for k in kept
                if (k.visitor.code, k.host_code, k.status, k.negated)
                == (c.visitor.code, c.host_code, c.status, c.negated)
                and (k.start_date is None or c.start_date is None or k.start_date == c.start_date)
            ),
            None,
        )
        if same is None:
            kept.append(c)
        else:
            if same.start_date is None and (
                c.start_date is not None or same.end_date is None and c.end_date is not None
            ):
                # (a mention with only its last day, "returns from a visit to Brazil on Sunday", dates one
                # with none)
                same.start_date, same.end_date = c.start_date, c.end_date
                same.date_precision = c.date_precision
            if same.location is None:
                same.location = c.location  # "Abe, now in Washington, ... on his return from his U.S. trip"
    # "Conable, who flew to Indonesia yesterday, will meet President Suharto": a meeting still to come on a
    # trip under way is part of that trip, not another one.
    under_way = {
        (k.visitor.code, k.host_code) for k in kept if k.status == "ongoing" and k.role in _TRAVEL_ROLES
    }
    kept = [k for k in kept if not (_meeting_to_come(k) and (k.visitor.code, k.host_code) in under_way)]
    # "when he arrives for talks with Reagan on Wednesday": the talks are what the trip is for, one trip with
    # the travel verb's status, not a second one.
    travels = {
        (k.visitor.code, k.host_code, k.trigger.i): k for k in kept if k.role == "visit" and not k.negated
    }
    purposes = [k for k in kept if _purpose_of(k, travels)]
    for k in purposes:
        trip = travels[(k.visitor.code, k.host_code, k.trigger.head.head.i)]
        trip.location = trip.location or k.location  # "heads for Britain for talks with officials in London"
    kept = [k for k in kept if all(k is not p for p in purposes)]
    order = {id(c): n for n, c in enumerate(cands)}
    return sorted(kept, key=lambda c: order[id(c)])


def _purpose_of(c: VisitCandidate, travels: dict[tuple, VisitCandidate]) -> bool:
    """A meeting noun that is the "for" purpose of a travel verb of the same pair ("arrives for talks")."""
    if c.role != "noun" or c.trigger.lemma_.lower() not in _MEETING_NOUNS:
        return False
    prep = c.trigger.head
    return (
        prep.dep_ == "prep" and prep.lower_ == "for" and (c.visitor.code, c.host_code, prep.head.i) in travels
    )


def _under_movement_verb(noun: Token, verbs: dict) -> bool:
    """ "arrived ... on a state visit", "flew to X for a
    working visit": the noun describes the verb's trip."""
    prep = noun.head
    return (
        prep.dep_ == "prep"
        and prep.lower_ in {"on", "for"}
        and verbs.get(prep.head.lemma_.lower()) == "visit"
        # "come up with a package in time for his visit": a phrasal verb that moves nobody
        and not any(c.dep_ == "prt" and c.lower_ == "up" for c in prep.head.children)
    )


def _in_dateline(d: DateMention, sent: Sentence, ctx: ArticleContext) -> bool:
    """The "BERNE, March 4 -" date is the story's date, not the visit's."""
    return bool(ctx.dateline) and sent.start + d.start < ctx.dateline.end


def _clause_head(tok: Token) -> Token:
    cur = tok
    while cur.pos_ not in {"VERB", "AUX"} and cur.head.i != cur.i:
        cur = cur.head
    return cur


def _date_in_clause(d: DateMention, tok: Token) -> bool:
    """A date counts for a trigger when it sits in the trigger's clause, not in what a speaker says."""
    head = _clause_head(tok)
    inside = set()
    stack = [head]
    while stack:
        t = stack.pop()
        inside.add(t.i)
        stack.extend(
            c
            for c in t.children
            if not (t.i == head.i and c.dep_ in {"ccomp", "parataxis"} and tok not in c.subtree)
        )
    doc = tok.doc
    hit = [t for t in doc if d.start <= t.idx < d.end and not _in_other_event(t, tok)]
    return any(t.i in inside for t in hit) or tok.pos_ == "VERB" and any(t.head.i == tok.i for t in hit)


def dated_in_own_clause(trigger: Token, anchor: dt.date | None) -> bool:
    """Whether the trigger's own clause names a day (the rules chose to date the trip by it, or not to)."""
    return any(
        d.precision == "day" and _date_in_clause(d, trigger) for d in find_dates(trigger.doc.text, anchor)
    )


_ORDER_MARKS = frozenset({"since", "after", "before", "until", "till"})


def _in_other_event(t: Token, trigger: Token) -> bool:
    """A date of another event told in a clause of its own: "his first visit to South Korea since taking
    office in January" (the day of taking office, not of the visit)."""
    verb = next((a for a in t.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    # "to visit Yugoslavia since the two countries established relations last November": a clause of its own
    # opened by "since", "after", "before" or "until" is another event, even hung on the trip's verb
    ordered = verb is not None and any(c.dep_ == "mark" and c.lower_ in _ORDER_MARKS for c in verb.children)
    return (
        verb is not None
        and verb.i != trigger.i
        and (verb.head.i != trigger.i or ordered)  # "a trip ending on Nov. 14" is told of the trip
        and not _trips_own_span(verb, trigger)
        and verb.dep_ in {"pcomp", "advcl"}
        and verb.lemma_.lower() not in lexicon()["visit_verbs"]
        and trigger not in verb.subtree
    )


def _trips_own_span(verb: Token, trigger: Token) -> bool:
    """ "in time for his visit to Washington starting on April 29": a start or end verb right after the trip's
    phrase tells the trip's days, wherever the parser hangs it."""
    gap = verb.i - trigger.right_edge.i
    return (
        verb.lemma_.lower() in {"start", "begin", "end", "conclude"}
        and verb.tag_ == "VBG"
        and 0 < gap <= 2
        and all(t.is_punct for t in verb.doc[trigger.right_edge.i + 1 : verb.i])
    )


def _relative_span_of(verb: Token, trigger_ids: set[int]) -> int | None:
    """The trip noun a relative clause of running or lasting tells the days of ("the trip to Washington,
    which runs from April 26 to 29", "a visit that lasts until Friday"): the clause hangs on the noun or on
    the place of its "to" phrase."""
    if verb.dep_ != "relcl" or verb.lemma_.lower() not in {
        "run",
        "last",
        "start",
        "begin",
        "end",
        "continue",
    }:
        return None
    if verb.tag_ not in {"VBZ", "VBP"}:
        return None  # the timetable's present ("which starts on Friday"), not "who began a visit last Friday"
    head = verb.head
    for _ in range(3):
        if head.i in trigger_ids:
            return head.i
        if head.head.i == head.i:
            break
        head = head.head
    return None


def _date_owner(d: DateMention, triggers: list[Token], doc: Doc) -> int:
    """The trigger a date modifies in the parse ("a visit to X
    on Sunday, his first trip": the visit), else the nearest."""
    trigger_ids = {t.i for t in triggers}
    inside = [t for t in doc if d.start <= t.idx < d.end]
    for tok in inside:
        for anc in tok.ancestors:
            if anc.i in trigger_ids:
                return anc.i
            if anc.pos_ in {"VERB", "AUX"}:
                spans = _relative_span_of(anc, trigger_ids)
                if spans is not None:
                    return spans  # "his trip to Washington, which runs from April 26 to 29": the trip's days
                if anc.dep_ == "relcl" and not any(t.i in trigger_ids for t in anc.subtree):
                    return -1  # "Funaro, who is in Rome today, will fly to Tokyo on Sunday": the clause's own
                break
    if not inside:  # a date matched inside a token ("mid-June" read as one)
        return min(triggers, key=lambda t: min(abs(d.start - t.idx), abs(d.end - t.idx))).i
    # The nearest in words, the one before on a tie ("due in Berlin on Thursday for a state visit": "due").
    return min(triggers, key=lambda t: (min(abs(t.i - x.i) for x in inside), t.i > inside[0].i)).i


def _owned_by_own_trip(owner: int | None, tok: Token) -> bool:
    """A date given to the trip noun that is the verb's own trip ("will be in Paris on Monday for a two-day
    visit": the visit's day is the stay's)."""
    if owner is None or not 0 <= owner != tok.i:
        return False
    noun = tok.doc[owner]
    return noun.pos_ == "NOUN" and _trip_of(noun, tok)


def _refused(d: DateMention, owner: int | None, doc: Doc) -> bool:
    """Whether the trip word a date was given to cannot use it, the date standing outside its clause: then a
    trigger whose clause holds it takes it ("is due to hold talks with Lula later on Wednesday in Paris before
    heading to London": Wednesday is the talks', not the trip's to London)."""
    return owner is not None and owner >= 0 and not _date_in_clause(d, doc[owner])


def _nearest_dates(trigger: Token, dates: list[DateMention]) -> list[DateMention]:
    if not dates:
        return []
    return sorted(dates, key=lambda d: min(abs(d.start - trigger.idx), abs(d.end - trigger.idx)))


# A trigger's parts: the tokens that may name the traveller, the destination tokens with how each was
# found, the host named by the sentence, and the tense of a leg told in a relative clause ("a tour that will
# take him to X").
_Parts = tuple[list[Token], list[tuple[Token, str]], Actor | None, str | None]


def _visit_verb_parts(tok: Token, lemma: str, preps_by_verb: dict) -> _Parts:
    visitor_toks = _visitor_token(tok)
    dest = _destination_tokens(
        tok, set(preps_by_verb.get(lemma, ["to", "in"])) | ({"in"} if lemma == "expect" else set())
    )
    if lemma in {"tour", "visit"}:
        dest = [d for d in dest if d[1] in {"dobj", "to", "in", "of", "here"}]
    if lemma == "head":
        dest = [d for d in dest if d[1] != "dobj"]  # "heads Germany's Bundesbank" leads it, goes nowhere
    if lemma == "come" and any(c.dep_ == "prep" and c.lower_ == "under" for c in tok.children):
        dest = []  # "will come under pressure in Venice from the U.S.": an idiom, no one comes from there
    if lemma == "fly" and any(c.dep_ == "dobj" for c in tok.children):
        dest = []  # "is flying the migrants to Libya": what is flown goes there, not who flies it
    return visitor_toks, dest, None, None


_CARRY_VERBS = frozenset({"take", "bring", "lead"})


def _included_legs(tok: Token) -> tuple[list[tuple[Token, str]], str | None]:
    """The legs a trip noun lists ("a Latin American tour which includes Bolivia and Guatemala", "a tour
    including Japan") and the status of a relative clause's legs: a present "includes" lists legs still to
    come, a past "included" legs made."""
    legs: list[tuple[Token, str]] = []
    status = None
    for inc in tok.children:
        if inc.dep_ == "relcl" and inc.lemma_ == "include":
            legs.extend((g, "taken") for o in inc.children if o.dep_ == "dobj" for g in (o, *o.conjuncts))
            status = "completed" if inc.tag_ == "VBD" else "planned"
        elif inc.dep_ == "prep" and inc.lower_ == "including":
            legs.extend((g, "to") for o in inc.children if o.dep_ == "pobj" for g in (o, *o.conjuncts))
    return legs, status


def _noun_parts(tok: Token, lemma: str, ctx: ArticleContext) -> _Parts | None:
    taken_status: str | None = None
    visitor_toks = _noun_visitor(tok)
    if lemma in _MEETING_NOUNS:
        # "will attend a euro zone finance ministers' meeting in Wroclaw": a plural common-noun possessor
        # names the kind of meeting; who attends it comes first.
        kinds = [t for t in visitor_toks if t.dep_ == "poss" and t.head.i == tok.i and t.tag_ == "NNS"]
        visitor_toks = [t for t in visitor_toks if t not in kinds] + kinds
    preps = (
        {"to", "in", "of", "at", "through"}  # "a swing through Argentina's interior", "a tour through Asia"
        if lemma in {"visit", "trip", "tour", "stopover", "journey", "stay", "swing"}
        # "sets out on a mission to Washington" (not a state's permanent mission to the U.N.: resident)
        else {"to", "in", "at"}
        if lemma == "mission" and not any(c.lower_ == "permanent" for c in tok.children)
        else {"from"}  # "on his return to Tehran from Moscow": the place one comes back from was visited
        if lemma == "return"
        else {"for"}  # "before his departure for Paris": where one leaves for (the place left is not said)
        if lemma == "departure"
        else {"in", "at"}
    )
    dest = _destination_tokens(tok, preps)
    if ("to" in preps or tok.dep_ in {"dobj", "nsubjpass"}) and not any(
        h in {"to", "in", "of", "modifier"} for _, h in dest if h != "of"
    ):
        # Misattached "condemned the visit of X to Kyiv": a later "to <place>" on the governing verb; so is
        # "ahead of Shultz's visit later this month to Moscow" (after the trip's phrase, a time between).
        if tok.dep_ in {"dobj", "nsubjpass"}:
            later = [p for p in tok.head.children if p.i > tok.i]
        else:
            later = [p for p in _governing_verb(tok).children if _follows_trip(p, tok)]
        # "concluded his tour in Tokyo", "began his tour in Tokyo": where a trip ends or begins is on it
        bounds = tok.dep_ == "dobj" and tok.head.lemma_.lower() in _TRIP_BOUNDS
        dest.extend(
            (g, "to")
            for p in later
            if p.dep_ == "prep"
            and (p.lower_ in {"to", "through"} or bounds and p.lower_ == "in")  # "made a swing through X"
            for g in p.children
            if g.dep_ == "pobj"
        )
    dest.extend(_meeting_place_on_verb(tok, lemma, dest))
    if not any(how in {"in", "at"} for _, how in dest):
        dest.extend((g, "in") for rel in _held_clauses(tok) for g in _prep_objects(rel, {"in"}))
    carriers = [rel for rel in tok.children if rel.dep_ == "relcl" and rel.lemma_ in _CARRY_VERBS]
    if tok.dep_ == "nsubj" and tok.head.lemma_ in _CARRY_VERBS:
        carriers.append(tok.head)  # "the tour took Herrington to Iraq and Kuwait"
    for rel in carriers:
        # "a tour that has taken him to X" / "that will take
        # him to Y": the leg has the relative clause's tense.
        dest.extend((d, "taken") for d, _ in _destination_tokens(rel, {"to"}))
        taken_status = _status(rel, ctx, [])[0]
        # Whom the trip carries travels, when nothing nearer names the traveller.
        visitor_toks = visitor_toks + [c for c in rel.children if c.dep_ == "dobj"]
    if lemma in {"tour", "trip", "visit", "journey"}:
        legs, included_status = _included_legs(tok)
        dest.extend(legs)
        taken_status = taken_status or included_status
    for purpose in tok.children:
        if purpose.dep_ == "acl" and purpose.tag_ == "VB" and any(c.lower_ == "to" for c in purpose.children):
            # "during a visit to meet Prime Minister David Cameron in London": the place of the trip's
            # purpose is the trip's.
            dest.extend((g, "in") for g in _prep_objects(purpose, {"in"}))
    if lemma in _MEETING_NOUNS and _meeting_as_topic(tok):
        # "discuss the June Venice summit", "prepare for the summit in Venice", "step down after the Venice
        # summit": the meeting is what is talked of or a point in time, not where anyone is said to be. What
        # is talked of or prepared is not held at the dateline either ("to prepare for Nakasone's talks with
        # Reagan" under a TOKYO dateline); a meeting still to come may be ("ahead of a weekend meeting with
        # French President Sarkozy" under a BERLIN dateline).
        if _talked_of(tok):
            return None
        return visitor_toks, [], None, taken_status
    if lemma in _MEETING_NOUNS:
        dest = [d for d in dest if d[1] in {"in", "at", "here", "modifier"}]
        # "a summit of European Union leaders in Brussels": the parser hangs the place on the members.
        # So does "a meeting with Chinese Premier Li Peng in Beijing" on the one met, "talks between
        # Stoltenberg and U.S. Treasury Secretary James Baker in Frankfurt" on the last of those meeting, and
        # "meetings of the International Monetary Fund and World Bank in Washington" on a member's conjunct.
        dest.extend(
            (g, "in")
            for member in _prep_objects(tok, {"of", "with", "between"})
            for one in (member, *member.conjuncts)
            for g in _prep_objects(one, {"in"})
        )
        if not dest and tok.head.dep_ == "prep" and tok.head.lower_ in {"in", "at", "during"}:
            # "the agreement was reached in Paris today in talks between X and Y": where the act the talks
            # hang from was done
            dest.extend((g, "in") for g in _prep_objects(tok.head.head, {"in"}) if g.i != tok.i)
    # "a visit here" / "talks here": here may hang off the noun or its verb ("X, who is here on an official
    # visit", "is here for talks").
    if tok.head.dep_ == "prep" and tok.head.head.lemma_ == "be":
        dest.extend((c, "here") for c in tok.head.head.children if c.dep_ == "advmod" and c.lower_ == "here")
    return visitor_toks, dest, None, taken_status


_UNKNOWN_HOST = Actor(None, None, False, "the one receiving the visitor is unknown", "person")


def _visiting_parts(tok: Token, sent: Sentence, ctx: ArticleContext) -> _Parts:
    host_actor: Actor | None = None
    misparsed = _visiting_person(tok, ctx, sent)
    visitor_toks = [misparsed if misparsed is not None else tok.head]
    # The one receiving the visitor is the host: "Xi received visiting President X in Beijing".
    gov = tok.head if misparsed is not None else tok.head.head
    dest = [(g, "in") for g in _prep_objects(gov, {"in"})]
    # "meets with visiting X at UN headquarters in New York": the venue and the place it is in.
    venues = _prep_objects(gov, {"at"}) + (_prep_objects(tok, {"at"}) if misparsed is not None else [])
    dest += [(g, "in") for venue in venues for g in (venue, *_prep_objects(venue, {"in"}))]
    # Two subjects means a misparsed dateline or apposition ("BONN, May 12 - Chancellor Kohl told visiting
    # X"): the one next to the verb is the actor, as for a traveller (_visitor_token).
    subjects = [c for c in gov.children if c.dep_ in SUBJECTS]
    subj = max(subjects, key=lambda c: c.i if c.i < gov.i else -c.i, default=None)
    if subj is None and gov.tag_ == "VBG" and gov.dep_ in {"acl", "xcomp"}:
        # "quoted Rafsanjani telling a visiting delegation": the participle's doer is the noun it hangs
        # from, or the object of the verb it completes.
        subj = (
            gov.head if gov.dep_ == "acl" else next((c for c in gov.head.children if c.dep_ == "dobj"), None)
        )
    visited = visitor_toks[0]
    addressed = visited.dep_ in {"dobj", "dative"} or (
        visited.dep_ == "pobj" and visited.head.lower_ in {"with", "to"}
    )
    if subj is not None and gov.lemma_.lower() in {"receive", "host", "welcome", "meet", "greet"}:
        host_actor = resolve_token_actor(subj, ctx, sent)
    elif subj is not None and addressed:
        # So is the one who speaks to, assures or talks with a visiting delegation ("Khamenei told a
        # visiting Nicaraguan delegation that ..."); when that one is nobody known, neither is the host
        # (not the dateline's country: "WASHINGTON - Tehran Radio quoted X telling a visiting ...").
        # A titled official the text leaves to the dateline is the dateline country's when the story tells
        # what he did ("TOKYO - Trade Minister Tamura told visiting U.S. Trade Representative Yeutter"), not
        # what another quoted him as telling.
        speaker = resolve_token_actor(subj, ctx, sent)
        known = speaker is not None and (
            not speaker.found.from_dateline or (_untold_home_official(speaker, ctx) and gov.tag_ != "VBG")
        )
        host_actor = speaker if known else _UNKNOWN_HOST
    if host_actor is None:
        # "an accord between Iranian Oil Minister X and a visiting Ghanaian delegation": "visiting" marks its
        # own noun only, the official it is coordinated with receives it
        host_actor = next(
            (
                a
                for a in (resolve_token_actor(c, ctx, sent) for c in visited.conjuncts)
                if a is not None and a.code and a.is_state and a.has_title and not a.found.from_dateline
            ),
            None,
        )
    return visitor_toks, dest, host_actor, None


def _can_be_a_guest(obj: Token) -> bool:
    """Whether the object of "host"/"welcome" can be a guest: a name, a pronoun, or a noun for people or a
    party ("welcomed the delegation", "will host leaders"), not a thing ("welcomed Prodi's comments")."""
    if obj.pos_ != "NOUN":
        return True
    people = _guest_nouns()
    return obj.lower_ in people or obj.lemma_.lower() in people


@lru_cache(maxsize=1)
def _guest_nouns() -> frozenset[str]:
    """Nouns for people or a party a state may host: one-word visitor titles and group nouns."""
    people = {w for w in lexicon()["visitor_titles"] if " " not in w} | GROUP_NOUNS
    return frozenset(
        people | {"guest", "guests", "counterpart", "visitor", "visitors", "team", "head", "heads", "summit"}
    )


def _host_parts(tok: Token, sent: Sentence, ctx: ArticleContext) -> _Parts | None:
    # The host is the subject of "host", or of the verb it completes ("plans to host X", "is to host X").
    subj = next(iter(_visitor_token(tok)), None)
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if subj is None or obj is None or not _can_be_a_guest(obj):
        return None
    host_actor = resolve_token_actor(subj, ctx, sent)
    # "will host world leaders, including U.S. President Trump, China's Xi and Russia's Putin": those named
    visitor_toks = [obj, *_prep_objects(obj, {"including"})]
    dest = [
        (c, "in")
        for p in tok.children
        if p.dep_ == "prep" and p.lower_ in {"in", "to", "at"}
        for c in p.children
    ]
    if host_actor is None or not host_actor.is_state:
        # "The city of Danang will host ...": a place that hosts is where the visit is
        dest.append((subj, "in"))
    return visitor_toks, dest, host_actor, None


def _send_parts(tok: Token) -> _Parts | None:
    """ "Russia is sending its energy minister to the Oran meeting": the sender's envoy travels, so the
    sender's state visits where the envoy is sent; "X was sent to Brussels": the one sent travels. Only an
    envoy counts (not troops, aid or a letter)."""
    titles = {*lexicon()["visitor_titles"], "representative"}  # sent, a representative is no resident
    envoys = [c for c in tok.children if c.dep_ == "dobj" and _an_envoy(c, titles)]
    if not envoys:
        # "Interior Minister de Maiziere was dispatched to Brussels": the envoy is the passive's subject
        sent_one = [c for c in tok.children if c.dep_ == "nsubjpass" and _an_envoy(c, titles)]
        if not sent_one or not any(c.dep_ == "auxpass" for c in tok.children):
            return None
        to = [p for p in tok.children if p.dep_ in {"prep", "dative"} and p.lower_ == "to"]
        return sent_one, [(g, "to") for p in to for g in p.children if g.dep_ == "pobj"], None, None
    # a named envoy is the traveller, of the sender's state when the text gives none
    visitor_toks = [*(e for e in envoys if e.pos_ == "PROPN"), *_visitor_token(tok)]
    # "to Moscow" on the verb, or on the envoy where the parser hangs it
    dest = [(g, "to") for o in (tok, *envoys) for g in _prep_objects(o, {"to"})]
    return visitor_toks, dest, None, None


def _an_envoy(tok: Token, titles: set[str]) -> bool:
    """A title, or a name with a title before it ("Secretary of State George Shultz", "Interior Minister
    Thomas de Maiziere"): one who may be sent."""
    return tok.lemma_.lower() in titles or (
        tok.pos_ == "PROPN"
        and any(t.dep_ in {"compound", "nmod"} and t.lower_ in titles for t in tok.subtree if t.i < tok.i)
    )


def _apposed_place(tok: Token, here_only: bool = False) -> bool:
    """A person set in a place by a phrase hung on the name: "Saouma, in Brazil for talks, said", "Duffy,
    here on a three-day visit, said" (a dateline's "here" with what brings him there; a quote's "here" is
    the speaker's, wherever that is)."""
    for c in tok.children:
        if c in _apposed_ins(tok) and not here_only:
            if any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children):
                return True
        elif c.dep_ == "advmod" and c.lower_ == "here" and not _quoted(c):
            if any(g.dep_ == "prep" and g.lower_ in {"on", "for"} for g in c.children):
                return True
    return False


def _apposed_ins(tok: Token) -> list[Token]:
    """The "in" phrases hung on a name: "Saouma, in Brazil for talks"; also "Oeien, currently in Iceland for a
    meeting", which the parser reads as a clause headed by "in"."""
    return [
        c
        for c in tok.children
        if c.lower_ == "in"
        and (c.dep_ == "prep" or c.dep_ == "relcl" and any(a.dep_ == "advmod" for a in c.children))
    ]


def _apposed_parts(tok: Token) -> _Parts:
    visitor_toks = [tok]
    dest = [(g, "in") for c in _apposed_ins(tok) for g in c.children if g.dep_ == "pobj"]
    dest += [(c, "here") for c in tok.children if c.dep_ == "advmod" and c.lower_ == "here"]
    return visitor_toks, dest, None, None


def _those_met(tok: Token) -> list[Token]:
    """Whom a meeting word has met: its object ("met X"), its "with" ("talks with X"), and the "with" of its
    object ("held talks with Soviet Premier Ryzhkov")."""
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    return [
        *objects,
        *_prep_objects(tok, {"with"}),
        *(g for o in objects for g in _prep_objects(o, {"with"})),
    ]


def _prep_objects(tok: Token, preps: set[str]) -> list[Token]:
    """The objects of tok's prepositions among `preps` ("met with X": X)."""
    return [
        g
        for p in tok.children
        if p.dep_ == "prep" and p.lower_ in preps
        for g in p.children
        if g.dep_ == "pobj"
    ]


# Gatherings one speaks to or at ("told a conference here"): lexicon `forums`.
_FORUMS = lexicon().set("forums")
# Events one is where one speaks at: the meetings and forums `_meet_parts` reads a speaker's place from
# ("told reporters after a news conference in Tokyo"). ("Told a news conference" is left out: "Medvedev told
# the summit" is as often reported from elsewhere.)
_SPOKEN_AT = _MEETING_NOUNS | _FORUMS


def _venue_places(event: Token) -> list[Token]:
    """Where an event one speaks at or to is: its "in" place, or that of the venue it is held at ("at an event
    at the Swiss-American Chamber of Commerce in New York"), or the place a named venue is of ("a gathering at
    the University of Copenhagen")."""
    places = _prep_objects(event, {"in"})
    for venue in _prep_objects(event, {"at"}):
        places += _prep_objects(venue, {"in"})
        if venue.pos_ == "PROPN":
            places += [o for o in _prep_objects(venue, {"of"}) if o.pos_ == "PROPN"]
    return places


# Common nouns that name a place one can be in ("said in the Japanese capital").
_PLACE_NOUNS = frozenset(
    {"capital", "city", "town", "port", "resort", "country", "island", "village", "region"}
)


# What one says something in, where it is given somewhere ("said in a speech in London").
_SPOKEN_EVENTS = frozenset(
    {"speech", "address", "lecture", "remarks", "remark", "briefing", "conference", "ceremony"}
)


def _place_word(tok: Token) -> bool:
    """A name, a place noun, or a thing of a named place ("at London's Chatham House think tank")."""
    return (
        tok.pos_ == "PROPN"
        or tok.lemma_.lower() in _PLACE_NOUNS
        or any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in tok.children)
    )


def _here_of(event: Token) -> tuple[Token, str] | None:
    """The dateline's "here" an event one speaks in or to is placed by, when its phrase names no place itself
    ("said in a speech to a conference here", "told a news conference here"; not a quote's "here", the
    speaker's wherever that is)."""
    if _place_word(event) or event.left_edge.pos_ == "PROPN":
        return None
    here = next(
        (t for t in event.subtree if t.lower_ == "here" and t.dep_ == "advmod" and not _quoted(t)), None
    )
    return (here, "here") if here is not None else None


def _a_place_word(pobj: Token, role: str) -> bool:
    """Whether the object of "in" after a presence verb names a place: "said in Tokyo", "said in the Japanese
    capital", "said in a speech in London"; not "said in the aftermath of the Canadian pact", "said in an
    interview with a German paper" or "said in a statement ahead of talks in Doha"."""
    if role == "presence" and is_media(pobj):
        return False  # "was quoted saying in Algerian government newspaper El Moudjahid": a paper, no place
    if role != "presence" or _place_word(pobj) or pobj.left_edge.pos_ == "PROPN":
        return True  # also "said in London producers cannot ...", the parser's "London producers"
    if any(t.lower_ == "here" and t.dep_ == "advmod" for t in pobj.subtree):
        return True  # "in a statement to the conference here": under the dateline
    return any(  # also "in a state of the union speech in Strasbourg", the speech hung on "state"
        t.lemma_.lower() in _SPOKEN_EVENTS and any(_place_word(g) for g in _prep_objects(t, {"in", "at"}))
        for t in pobj.subtree
    )


def _the_day_it_ends(doc: Doc, date: DateMention) -> bool:
    """A day that ends what is under way ("are holding talks ending Wednesday in Washington"): a day still
    to come that says nothing of a start to come; the tense tells the status."""
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    return span is not None and span.root.head.lemma_.lower() in lexicon().set("ending_verbs")


def _dated_by_its_end(cand: VisitCandidate, tok: Token, dates: list[DateMention]) -> bool:
    """A trip or meeting under way or to come whose only day is the one it ends ("are holding talks ending
    Wednesday in Washington", "is on a visit to Washington ending Wednesday"): that day is its last, its
    first untold. Not a trip told in the past ("arrived on Monday for talks ending Wednesday": the arrival
    dates it)."""
    days = [d for d in dates if d.precision == "day"]
    if not days or cand.status == "completed" or tok.tag_ in {"VBD", "VBN"}:
        return False
    if not all(_the_day_it_ends(tok.doc, d) for d in days):
        return False
    cand.end_date, cand.date_precision = days[0].end_date or days[0].start_date, "day"
    return True


def _dated_by_the_return(cand: VisitCandidate, tok: Token, ctx: ArticleContext) -> bool:
    """A trip still under way or to come whose only day is that of the return from it ("who returns from a
    visit to Brazil on Sunday", "will also be visiting South Korea before returning to London on April 11"):
    that day is its last, its first untold."""
    if cand.status == "completed":
        return False
    ret = tok.head.head if tok.head.lower_ == "from" and tok.head.dep_ == "prep" else None
    if ret is None:
        ret = next(
            (
                c
                for p in tok.children
                if p.dep_ == "prep" and p.lower_ == "before"
                for c in p.children
                if c.dep_ == "pcomp"
            ),
            None,
        )
    if ret is None or ret.lemma_.lower() != "return" or ret.i == tok.i:
        return False
    # the day is read in the return verb's own clause
    days = [
        d
        for d in find_dates(tok.doc.text, ctx.anchor, future=True)
        if d.precision == "day" and _date_in_clause(d, ret)
    ]
    if len(days) != 1 or days[0].end_date not in {None, days[0].start_date}:
        return False
    cand.end_date, cand.date_precision = days[0].start_date, "day"
    return True


def _timing_participles(held: Token) -> list[Token]:
    """The participles that time a meeting one holds ("talks ending Wednesday in Washington", "a summit
    starting Monday in Hanoi"): where they put it is where it is held (lexicon `meeting_timing_verbs`)."""
    if held.lemma_.lower() not in _SPOKEN_AT:
        return []
    timing = lexicon().set("meeting_timing_verbs")
    return [
        c
        for c in held.children
        if c.dep_ == "acl" and c.tag_ in {"VBG", "VBN"} and c.lemma_.lower() in timing
    ]


def _gathered_in(audience: Token) -> list[Token]:
    """The place an audience is said to be gathered in ("leaders gathered in Moscow", "delegates meeting in
    Hanoi", "ministers assembled in Brussels"); also where the parser reads "told leaders gathered in Moscow"
    as a clause of its own."""
    gather = {"gather", "assemble", "meet", "convene"}
    if audience.dep_ == "ccomp" and audience.lemma_.lower() in gather and audience.tag_ in {"VBD", "VBN"}:
        if any(c.dep_ == "nsubj" and c.pos_ == "NOUN" for c in audience.children):
            return _prep_objects(audience, {"in"})
    return [
        g
        for acl in audience.children
        if acl.dep_ == "acl" and acl.lemma_.lower() in gather
        for g in _prep_objects(acl, {"in"})
    ]


def _meet_parts(tok: Token, role: str, sent: Sentence, ctx: ArticleContext) -> _Parts:
    visitor_toks = _visitor_token(tok)
    dest = []
    attended = _meeting_attended(tok) if _attending_agents(tok) else None
    if attended is not None:
        # "the conference in Paris was attended by X", "the Managua meeting was attended by X", "the summit,
        # which will be held in Venice, will be attended by X": where the meeting is
        dest.extend(_destination_tokens(attended, {"in"}))
        dest.extend((g, "in") for rel in _held_clauses(attended) for g in _prep_objects(rel, {"in"}))
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "in":
            dest.extend(
                _here_of(g) or (g, "in")
                for g in child.children
                if g.dep_ == "pobj" and _a_place_word(g, role)
            )
        elif child.dep_ == "advmod" and child.lower_ == "here":
            dest.append((child, "here"))
        elif role == "meet" and child.dep_ == "dobj":
            # "met X in Paris", "met X and Y in Paris": the parser may hang the place on the (last) one met;
            # "holding talks ending Wednesday in Washington": on the participle that times the meeting held
            dest.extend(
                (g, "in")
                for o in (child, *child.conjuncts, *_timing_participles(child))
                for p in o.children
                if p.dep_ == "prep" and p.lower_ == "in"
                for g in p.children
            )
            dest.extend((g, "here") for g in child.children if g.lower_ == "here")
        elif role == "presence" and child.dep_ in {"dobj", "ccomp"} and _gathered_in(child):
            # "told leaders gathered in Moscow": the audience is there, and so is who speaks to it.
            dest.extend((g, "in") for g in _gathered_in(child))
        elif role == "presence" and child.dep_ in {"ccomp", "advcl", "xcomp"} and _infinitive(child):
            # "In New Delhi to drum up support, Carstens said": the place hangs on the fronted purpose
            dest.extend(
                (g, "in")
                for p in child.children
                if p.dep_ == "prep" and p.lower_ == "in" and p.i < child.i
                for g in p.children
                if g.dep_ == "pobj" and g.pos_ == "PROPN"
            )
        elif role == "presence" and child.dep_ == "dobj" and child.lemma_.lower() in _SPOKEN_AT:
            # "told a joint news conference with Gillard in Canberra": where the event one speaks to is; "told
            # a conference here": under the dateline.
            dest.extend((g, "in") for o in (child, *_prep_objects(child, {"with"})) for g in _venue_places(o))
            dest.extend(here for here in [_here_of(child)] if here is not None)
        elif (
            role == "presence"
            and child.dep_ == "prep"
            and child.lower_ in {"after", "before", "during", "following"}
        ):
            # "told reporters after a news conference in Tokyo": where the event one speaks after is; so is
            # the event one spoke at or attended before ("after addressing EU finance ministers at a gathering
            # in Madrid", "after speaking at a conference in Tokyo"), and the one about to start ("talking to
            # journalists before a meeting of EC finance ministers here")
            dest.extend(_places_of_events_around(tok, child))
        elif child.dep_ == "prep" and (
            child.lower_ == "with"
            or role == "presence"
            and (child.lower_ in {"to", "at"} or child.lower_ == "on" and _event_edges(child))
            or role == "meet"
            and child.lower_ == "at"  # "would meet at the APEC forum in Vietnam": where the forum is
        ):
            # "speaking to reporters in Paris", "met with officials in Seoul": the place of whom one
            # speaks or meets with is where one is ("met ... at a summit in Hanoi" is the summit's own).
            # "said at a joint news conference with Merkel in Berlin": the place hung on whom it is with;
            # "said on the sidelines of a conference in Berlin": the place of the event it is the edge of
            dest.extend(
                (g, "in")
                for first in (*_prep_objects(tok, {child.lower_}), *_event_edges(child))
                for o in (first, *first.conjuncts)
                for held in (
                    o,
                    *(_prep_objects(o, {"with"}) if o.lemma_.lower() in _SPOKEN_AT else []),
                    *_held_clauses(o),
                )
                for g in (_venue_places(held) if role == "presence" else _prep_objects(held, {"in"}))
            )
            if role == "meet" and child.lower_ == "at":
                # "met Trump at the White House", "at Camp David": a named seat or venue is the place itself
                # (in the dateline's own country the dateline already places the meeting, with its city)
                dest.extend(
                    (o, "in")
                    for o in _prep_objects(tok, {"at"})
                    if o.pos_ == "PROPN" and any(leg[0] != ctx.home_code for leg in _dest_legs(o, "in", ctx))
                )
    if not dest and ctx.home_code:
        dest = _dateline_dest(tok, role, sent, ctx)
    return visitor_toks, dest, None, None


def _places_of_events_around(tok: Token, prep: Token) -> list[tuple[Token, str]]:
    """The places of the events a speech verb is said after, during or before ("told reporters after a news
    conference in Tokyo", "after speaking at a conference in Tokyo", "talking to journalists before a meeting
    of EC finance ministers here"; after one held here, the time tells the status, so "here" counts only
    before)."""
    events = [
        *_prep_objects(tok, {prep.lower_}),
        *(o for c in prep.children if c.dep_ == "pcomp" for o in _prep_objects(c, {"at"})),
    ]
    out: list[tuple[Token, str]] = []
    for o in events:
        if o.lemma_.lower() in _SPOKEN_AT and not _past_or_next(o):
            out.extend((g, "in") for g in _prep_objects(o, {"in"}))
            if prep.lower_ == "before":
                out.extend(here for here in [_here_of(o)] if here is not None)
    return out


def _event_edges(prep: Token) -> list[Token]:
    """The events whose sidelines or margins a preposition's object is ("on the sidelines of a conference in
    Berlin"): where one speaks is where the event is."""
    return [
        event
        for edge in prep.children
        if edge.dep_ == "pobj" and edge.lemma_.lower() in {"sideline", "sidelines", "margin", "margins"}
        for event in _prep_objects(edge, {"of"})
        if event.lemma_.lower() in _SPOKEN_AT | _EVENT_PLACES
    ]


def _dateline_dest(tok: Token, role: str, sent: Sentence, ctx: ArticleContext) -> list[tuple[Token, str]]:
    """Where the dateline places one who speaks or meets with no place named (`_meet_parts`)."""
    if role == "presence":
        # "PITTSBURGH - Singh told reporters at the end of the Group of 20 summit", "said on the sidelines of
        # the meeting": a summit or meeting one speaks at, of no place named, is where the story is filed
        events = [(e, "here") for e in _events_spoken_at(tok)]
        if events or tok.lemma_.lower() != "tell":
            return events
        # "TOKYO - 'We have come to seek the opening of Japan's markets,' Garn told Prime Minister Nakasone":
        # telling the dateline's own leader, named as such, is being there with him (not in a letter, a
        # message or a call)
        return [(t, "partner") for t in _told_home_leader(tok, ctx, sent)]
    if role != "meet" or _wished(tok):
        return []
    attended = _attended_event(tok)
    if attended is not None:
        # "DOHA - Sarkozy is the only Western leader attending the conference": an event of no place named
        # that one attends is where the story is filed, as one spoken at is
        return [(attended, "here")]
    # Meeting a named official of the dateline country puts the visitor there (not a meeting only hoped for:
    # "TOKYO - Nakasone hopes to meet President Reagan" says nothing of where), unless the one who meets is
    # the dateline's own official away on a trip.
    for partner in _those_met(tok):
        a = resolve_token_actor(partner, ctx, sent)
        if a and _dateline_official(a, ctx):
            return [] if _traveller_away(tok, sent, ctx) else [(partner, "partner")]
    return []


def _attended_event(verb: Token) -> Token | None:
    """The summit, meeting or conference "attend" takes as its object, of no place of its own."""
    if (
        verb.dep_ == "relcl"
        and not _attending_agents(verb)
        and not any(c.dep_ == "nsubj" and c.lower_ == "who" for c in verb.children)
    ):
        # (not "for Brussels, where he will attend a summit": the place is the clause's own; but "the
        # meeting, which will be attended by X" is on the meeting itself, and "Subroto, who is attending a
        # conference," on the one attending)
        return None
    obj = _meeting_attended(verb)
    if obj is None:
        return None
    return None if _prep_objects(obj, {"in", "at"}) else obj


def _meeting_attended(verb: Token) -> Token | None:
    """The meeting, summit or forum that "attend" takes as its object (the parser may split a name off the
    meeting: "attending an Asian Development Bank (ADB) annual general meeting" has "Bank" and "meeting" both
    for objects)."""
    if verb.lemma_.lower() != "attend":
        return None
    meetings = _SPOKEN_AT
    found = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in meetings), None)
    if found is None and _attending_agents(verb):
        # "the conference was attended by Medvedev", "the summit, which was attended by Medvedev": the
        # passive's subject (or the noun its relative pronoun stands for)
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subject is not None and subject.tag_ == "WDT" and verb.dep_ == "relcl":
            subject = verb.head
        found = subject if subject is not None and subject.lemma_.lower() in meetings else None
    return found


def _attending_agents(verb: Token) -> list[Token]:
    """Those a passive "attend" is done by ("was attended by Russian President Dmitry Medvedev")."""
    if verb.lemma_.lower() != "attend" or not any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children):
        return []
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


# Those sent to a meeting, who are where it is ("the Japanese delegation to the GATT talks").
_DELEGATES = frozenset({"delegation", "delegate", "team", "negotiator"})


def _events_spoken_at(verb: Token) -> list[Token]:
    """The summits, meetings and conferences a speech verb is said at, of no place of their own: "at the
    summit", "at the end of the Group of 20 summit", "on the sidelines of the meeting", "speaking at a news
    conference" (not "after the summit": one may speak elsewhere)."""
    events = []
    # "speaking to the IMF's Interim Committee meeting"; and the speaker's own: "the Japanese delegation to
    # the GATT talks said", "delegates at the meeting said"
    speaking_to = {"to"} if verb.lemma_.lower() in {"speak", "talk"} else set()
    holders = [verb, *(c for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() in _DELEGATES)]
    preps = [
        c
        for h in holders
        for c in h.children
        if c.dep_ == "prep" and c.lower_ in (({"at", "on"} | speaking_to) if h is verb else {"to", "at"})
    ]
    for prep in preps:
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            if obj.lemma_.lower() in {"end", "sideline", "sidelines", "close", "margin", "margins"}:
                obj = next(iter(_prep_objects(obj, {"of"})), obj)
            elif prep.lower_ == "on":
                continue
            # the event itself, or the head of its name's "of" ("the Group of 20 summit")
            phrase = [obj, *(t for o in _prep_objects(obj, {"of"}) for t in (o, *_prep_objects(o, {"of"})))]
            for event in phrase:
                if event.lemma_.lower() in _SPOKEN_AT:
                    if not any(_prep_objects(t, {"in", "at"}) for t in phrase) and not _past_or_next(event):
                        events.append(event)
                    break
    return events


def _past_or_next(event: Token) -> bool:
    """An event told by its time ("last week's EU summit", "the previous meeting", "the next summit"): one
    held before or after the story, not necessarily where it is filed."""
    return any(
        (c.dep_ == "poss" and any(t.lemma_.lower() in _TIME_OWNERS for t in c.subtree))
        or (c.dep_ == "amod" and c.lower_ in {"last", "previous", "next", "upcoming", "coming", "past"})
        for c in event.children
    )


_LEADER_TITLES = frozenset(
    {"president", "prime minister", "premier", "chancellor", "king", "queen", "emperor"}
)
_MESSAGES = frozenset({"letter", "message", "note", "call", "statement", "interview", "telegram", "cable"})


def _told_home_leader(verb: Token, ctx: ArticleContext, sent: Sentence) -> list[Token]:
    """The dateline country's head of state or government that "tell" has as its hearer, known as such from
    the text (not only from the dateline), when nothing says it was told from afar."""
    if any(t.lemma_.lower() in _MESSAGES or _REMOTE_MEANS.match(t.lower_) for t in verb.subtree):
        return []
    for told in (c for c in verb.children if c.dep_ in {"dobj", "dative"}):
        actor = resolve_token_actor(told, ctx, sent)
        if actor is not None and _home_official(actor, ctx) and actor.title in _LEADER_TITLES:
            return [told]
    return []


# A meeting only hoped or sought for, in every written form: the lemmatizer reads "hopes" as "hop".
_WISHES = frozenset().union(*(inflections(w) for w in ("hope", "want", "wish", "seek")))


def _wished(tok: Token) -> bool:
    """A meeting only hoped or sought for ("hopes to meet", "wants to meet", "will seek talks with")."""
    return any(t.lemma_.lower() in _WISHES or t.lower_ in _WISHES for t in _clause_cues(tok)[2][1:])


def _role_parts(
    tok: Token, role: str, lemma: str, sent: Sentence, ctx: ArticleContext, preps_by_verb: dict
) -> _Parts | None:
    if role == "visit":
        return _visit_verb_parts(tok, lemma, preps_by_verb)
    if role == "noun":
        return _noun_parts(tok, lemma, ctx)
    if role == "visiting":
        return _visiting_parts(tok, sent, ctx)
    if role == "host":
        return _host_parts(tok, sent, ctx)
    if role == "apposed_presence":
        return _apposed_parts(tok)
    if role == "send":
        return _send_parts(tok)
    if role == "en_route":
        verb = tok.head.head if tok.lower_ == "route" else tok.head
        return _visitor_token(verb), _destination_tokens(tok, {"to", "for"}), None, None
    if role == "presence" and lemma == "include":
        return _attendance_parts(tok, ctx)
    if role in {"meet", "presence"}:
        return _meet_parts(tok, role, sent, ctx)
    return None


def _quoted_speaker(tok: Token) -> Token | None:
    """The speaker a first-person traveller stands for inside a quotation of the same sentence ('"On Tuesday I
    shall be going to Washington," Lawson said', '"I will visit China next week," the minister said'): the
    subject of the speech verb the quoted clause hangs from, outside the quotes."""
    if tok.lower_ not in {"i", "we"} or not _quoted(tok):
        return None
    head = tok.head
    while head.dep_ in {"xcomp", "conj", "aux", "advcl"} and head.head.i != head.i:
        head = head.head
    verb = head.head if head.dep_ in {"ccomp", "parataxis"} else None
    if verb is None or verb.lemma_.lower() not in lexicon().set("speech_verbs"):
        return None
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "nsubj" and c.lower_ not in {"i", "we", "he", "she", "it", "they"} and not _quoted(c)
        ),
        None,
    )


def _trip_visitor(
    tok: Token, role: str, visitor_toks: list[Token], sent: Sentence, ctx: ArticleContext
) -> tuple[Actor | None, list[Actor]]:
    """The first state traveller among the candidate tokens and those travelling with them."""
    # "NEW DELHI, Nov 25 - Soviet leader X arrived": a dateline parsed as the subject, the traveller its
    # conjunct; the traveller takes the dateline's place among the candidates.
    visitor_toks = [t for v in visitor_toks for t in (*past_dateline(v, sent, ctx), v, *_group_head(v))]
    visitor = None
    co_visitors: list[Actor] = []
    owner = next(
        (
            c
            for c in tok.children
            if c.dep_ == "poss"
            and c.pos_ == "NOUN"
            # "next week's visit", "yesterday's talks": a time owns no trip
            and c.lemma_.lower() not in _TIME_OWNERS
        ),
        None,
    )
    owned = role == "noun" and owner is not None and tok.lemma_.lower() not in _MEETING_NOUNS
    if owned:
        # "her family's trips to Haiti": a trip owned by a common noun is that noun's, a state's or nobody's
        # (a meeting is not: "en route to a G20 leaders' meeting in Seoul").
        visitor_toks = [owner]
    # "the conference was attended by Russian President Dmitry Medvedev": a person named attends; states and
    # their unnamed "representatives" are not said to travel
    agents = set(_attending_agents(tok))
    if role == "visit":  # the traveller's own verb ("I shall be going to Washington"), no meeting or presence
        visitor_toks = [_quoted_speaker(v) or v for v in visitor_toks]
    for vtok in visitor_toks:
        actor = resolve_token_actor(vtok, ctx, sent) or _first_group_member(vtok, ctx, sent)
        if actor is None or not actor.code or not actor.is_state:
            continue
        if vtok in agents and actor.kind != "person":
            continue
        if (
            actor.kind in {"state", "igo"}
            and not actor.has_title
            and role not in {"visiting", "send"}
            and not _state_attends(tok, vtok, actor, ctx)
        ):
            continue
        if _igo_staff(actor) and vtok.conjuncts:
            # "Euro zone finance ministers and ECB President Mario Draghi meet in Luxembourg": the body's
            # members travel as no one's envoys; a head named beside them does
            heads = [
                (c, a)
                for c in vtok.conjuncts
                if (a := resolve_token_actor(c, ctx, sent)) is not None
                and a.code
                and a.is_state
                and a.kind == "person"
                and not _igo_staff(a)
            ]
            if heads:
                vtok, actor = heads[0]
        visitor = actor
        co_visitors = _co_visitors(vtok, actor, ctx, sent, conjuncts=role != "visiting")
        break
    if (
        visitor is None
        and role == "noun"
        and not owned
        and (tok.lemma_.lower() not in _MEETING_NOUNS or _apposed_to_person(tok))
    ):
        # A meeting's participant is not just any official named before it ("Merkel said the decisions
        # taken at a G7 meeting in Washington would help"), unless the meeting is said of that person
        # ("Baka, in talks in Washington last week, made it clear").
        visitor = _nearest_official_before(tok, sent, ctx)
    return visitor, co_visitors


# Bodies that travel under a named head: "a commission headed by Venezuelan Investment Fund Minister X will
# travel to Ecuador", "the Nigerian team, headed by Finance Minister X, will hold talks in Paris".
_HEADED_BODIES = frozenset({"delegation", "commission", "team", "mission"})


def _group_head(noun: Token) -> list[Token]:
    """The official a travelling body is headed or led by: the traveller when the body names no state of its
    own ("a delegation headed by Venezuelan Energy Minister X"; "the Nigerian team, headed by Finance Minister
    X" is Nigeria's whatever the dateline makes of an unqualified minister)."""
    if noun.lemma_.lower() not in _HEADED_BODIES:
        return []
    for acl in noun.children:
        if acl.dep_ == "acl" and acl.lemma_.lower() in {"head", "lead"} and acl.tag_ == "VBN":
            by = next((c for c in acl.children if c.dep_ == "agent" or c.lower_ == "by"), None)
            head = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
            if head is not None:
                return [head]
    return []


def _apposed_to_person(tok: Token) -> bool:
    """ "Baka, in talks in Washington": the trip noun's preposition hangs from a name."""
    return tok.head.dep_ == "prep" and tok.head.head.pos_ == "PROPN"


def _nearest_official_before(tok: Token, sent: Sentence, ctx: ArticleContext) -> Actor | None:
    # Badly parsed sentences: the nearest titled state official named before the trip noun.
    before = [
        p
        for p in ctx.people.people
        if sent.start <= p.start < sent.start + tok.idx and p.name and p.is_state and p.code
    ]
    if not before:
        return None
    p = before[-1]
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
        # "Abe met President Reagan ... during his visit": a possessive pronoun is bound by the subject of
        # its clause, not by the official met; when the subject is no official, nobody is the traveller.
        subjects = [c for c in _governing_verb(tok).children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not any(
            sent.start + s.left_edge.idx <= p.start < sent.start + s.right_edge.idx + len(s.right_edge)
            for s in subjects
        ):
            return None
    return Actor(
        p.name,
        p.code,
        True,
        f"nearest official before the trigger → {p.reason}",
        "person",
        p.title,
        True,
        p.found.through(Step.NEAREST_OFFICIAL),
    )


def _meeting_partners(tok: Token, role: str, sent: Sentence, ctx: ArticleContext) -> list[Actor]:
    """Whom the traveller meets, talks or holds a news conference with: an official of a state is at the
    meeting's place too ("met IMF chief Lagarde in Davos", "talks with his Brazilian counterpart in
    Paris"); the host's own officials drop out as domestic, resident envoys are no travellers."""
    if role == "meet":
        events = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
        toks = [c for c in tok.children if c.dep_ == "dobj"]
    elif role == "noun" and tok.lemma_.lower() in _MEETING_NOUNS:
        events, toks = [tok], []
    elif role == "presence":
        events = [
            o
            for o in (*(c for c in tok.children if c.dep_ == "dobj"), *_prep_objects(tok, {"at"}))
            if o.lemma_.lower() in _SPOKEN_AT
        ]
        toks = []
    elif role == "visit" and any(p.pos_ == "PROPN" for p in _prep_objects(tok, {"to", "in"})):
        # "is expected in Helsinki next month for a summit with Trump": whom one travels to a named place to
        # meet is there too (a state's official: an IGO's head may be at its own seat)
        events = [o for o in _prep_objects(tok, {"for"}) if o.lemma_.lower() in _MEETING_NOUNS]
        toks = []
    else:
        return []
    toks += [g for e in events for g in _prep_objects(e, {"with"})]
    igo_ok = role != "visit"
    out: list[Actor] = []
    for t in toks:
        if t.tag_ == "NNS" and t.lemma_.lower() in GROUP_NOUNS:
            # "talks with the trade ministers of the United States, the EC and Canada": each state's minister
            for owner in group_members(t):
                a = resolve_token_actor(owner, ctx, sent)
                if a is not None and a.code and a.is_state and a.kind in {"state", "igo"}:
                    out.append(a.group_office(t))
        for member in (t, *t.conjuncts):
            a = resolve_token_actor(member, ctx, sent)
            if (
                a is not None
                and a.code
                and a.is_state
                and a.kind == "person"
                and a.has_title
                and not a.found.from_dateline
                and not resident_title(a.title)
                and (igo_ok or a.code not in gazetteer().igo_seats)
            ):
                out.append(a)
    return out


def _names_a_place(
    doc: Doc, sent: Sentence, ctx: ArticleContext, tok: Token | None = None, abroad: bool = False
) -> bool:
    """Whether the sentence names a country or city outside its dateline, or a town the gazetteer does not
    know by its country ("in the Italian town of Lucca"), not inside a relative clause that does not hold the
    trigger ("talks with Kenyan President Moi, who appealed for more investment in Kenya"). `abroad`: only a
    place outside the dateline's country counts."""
    end = ctx.dateline.end if ctx.dateline is not None and sent.start < ctx.dateline.end else sent.start
    # Words quoted by a trigger outside the quotation are what was said, not where ("'Greece has to specify
    # its obligations,' Merkel said at a news conference with Rajoy").
    said = [] if tok is None else [(a, b) for a, b, _ in quote_spans(doc.text) if not a <= tok.idx < b]
    said += [] if tok is None else _reported_spans(doc, tok)
    return any(
        sent.start + h[0] >= end
        and (h[3].kind in {"country", "city"} or h[3].kind == "demonym" and PLACE_OF.match(doc.text, h[1]))
        and not (abroad and h[3].code == ctx.home_code)
        and not _nationality_of_person(doc, h[0], h[1], sent, ctx)
        and not (tok is not None and _in_other_relative_clause(doc, h[0], h[1], tok))
        and not any(a <= h[0] < b for a, b in said)
        for h in _sentence_places(doc, ctx)
    )


def _reported_spans(doc: Doc, tok: Token) -> list[tuple[int, int]]:
    """The character spans of what a speech verb reports in indirect speech, when the trigger is not in it
    ("Tindemans said after talks with King Hussein that Syria was flexible": Syria is what was said, not
    where the talks were)."""
    speech = lexicon().set("speech_verbs")
    return [
        (c.left_edge.idx, c.right_edge.idx + len(c.right_edge))
        for v in doc
        if v.lemma_.lower() in speech
        for c in v.children
        if c.dep_ == "ccomp" and tok not in c.subtree
    ]


_OFFICIAL_GROUPS = frozenset({"official", "leader", "minister", "counterpart", "government", "authority"})


def _met_home_officials(tok: Token, ctx: ArticleContext, sent: Sentence) -> bool:
    """Talks with officials the text names as the dateline country's ("after talks with South Korean
    leaders" under SEOUL, "met top Pakistani leaders" under ISLAMABAD)."""
    for g in _those_met(tok):
        if g.lemma_.lower() not in _OFFICIAL_GROUPS:
            continue
        a = resolve_token_actor(g, ctx, sent)
        if a is not None and a.is_state and a.code == ctx.home_code and not a.found.from_dateline:
            return True
    return False


def _lead_talks(tok: Token, role: str, visitor: Actor, sent: Sentence, ctx: ArticleContext) -> bool:
    """ "MANILA - U.S. Secretary of State Shultz forecast a golden future for the Philippines after talks on
    ...": a foreign official's talks told in the lead under a dateline are held there."""
    return (
        role == "noun"
        and tok.lemma_.lower() in {"talk", "talks"}
        and sent.index == 0
        and ctx.dateline is not None
        and visitor.kind == "person"
        and visitor.has_title
        and visitor.code != ctx.home_code
        and not visitor.found.from_dateline
        # not the talks a trip verb already tells of ("arrived here last night for talks")
        and _governing_verb(tok).lemma_.lower() not in lexicon()["visit_verbs"]
        and not _names_a_place(tok.doc, sent, ctx, tok, abroad=True)
    )


def _in_other_relative_clause(doc: Doc, start: int, end: int, tok: Token) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    return any(a.dep_ == "relcl" and tok not in a.subtree for a in span[0].ancestors)


def _nationality_of_person(doc: Doc, start: int, end: int, sent: Sentence, ctx: ArticleContext) -> bool:
    """Whether a country's name only qualifies a person ("U.S. President Donald Trump", "China's Xi", "King
    Hussein of Jordan"): it tells whose official one meets, not where."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    tok = span[-1]
    while tok.dep_ in {"compound", "poss", "amod", "nmod"} and tok.head.i != tok.i:
        tok = tok.head
    if (
        tok.i == span[-1].i
        and tok.dep_ == "pobj"
        and tok.head.lower_ == "of"
        and tok.head.head.pos_ == "PROPN"
    ):
        tok = tok.head.head  # "King Hussein of Jordan", "Chancellor Helmut Kohl of West Germany"
    if tok.i == span[-1].i or tok.pos_ != "PROPN":
        return False
    return ctx.people.person_at(sent.start + tok.idx, sent.start + tok.idx + len(tok.text)) is not None


def _home_official(a: Actor, ctx: ArticleContext) -> bool:
    """A named official of the dateline's country, known as such from the text, not only from the dateline."""
    return a.kind == "person" and a.is_state and a.code == ctx.home_code and not a.found.dateline_person


def _dateline_official(a: Actor, ctx: ArticleContext) -> bool:
    """An official of the dateline's country, told as such by the text or only by the dateline."""
    return _home_official(a, ctx) or _untold_home_official(a, ctx)


def _untold_home_official(a: Actor, ctx: ArticleContext) -> bool:
    """A titled official whose country the text leaves to the dateline ("WASHINGTON - ... met with Vice
    President George Bush"): wire style names the dateline country's own officials without a nationality. (A
    non-state title is found from its text, so it is none.) Also when named again by surname."""
    return (
        a.kind == "person"
        and a.has_title
        and a.code == ctx.home_code
        and a.found.source is Source.DATELINE
        and a.found.via in {(), (Step.SURNAME,)}
    )


def _partner_visiting_here(
    tok: Token, role: str, visitor: Actor, dest: list[tuple[Token, str]], sent: Sentence, ctx: ArticleContext
) -> Actor:
    told = role == "presence" and tok.lemma_.lower() == "tell"
    if (
        (role == "meet" or told)
        and ctx.home_code
        and visitor.code == ctx.home_code
        and any(h == "here" for _, h in dest)
    ):
        # "X will hold talks with <foreign leader> here": the partner is the one visiting; so is the one a
        # dateline official "told ... here" ("Lawson said he told Brazilian Finance Minister Funaro here").
        # (the object of a meeting verb is its event, "hold talks"; of "tell", the one told)
        partners = [g for g in _those_met(tok) if told or g.dep_ != "dobj"]
        partners += [c for c in tok.children if c.dep_ == "dative"] if told else []
        for partner in partners:
            actor = resolve_token_actor(partner, ctx, sent)
            if (
                actor
                and actor.code
                and actor.is_state
                and actor.kind == "person"
                and actor.code != ctx.home_code
            ):
                visitor = actor
                break
    return visitor


# A leg of a trip: (host_code, location, how the host was found, the token naming the place or None).
_Leg = tuple[str, str | None, str, Token | None]


_RELATION_PREPS = frozenset({"against", "about", "over", "toward", "towards"})


def _behind_relation(tok: Token, top: Token) -> bool:
    """Whether a preposition of relation stands between tok and the phrase head top above it; "on" after a
    meeting word is one too ("left for Geneva for talks on Afghanistan": the talks' subject, not a place)."""
    cur = tok
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.dep_ == "prep" and cur.lower_ in _RELATION_PREPS:
            return True
        if cur.dep_ == "prep" and cur.lower_ == "on" and cur.head.lemma_.lower() in _MEETING_NOUNS:
            return True
        cur = cur.head
    return False


def _behind_partner(tok: Token, top: Token) -> bool:
    """Whether tok names the other side of an event phrase: behind a "with" between it and the phrase head,
    and not behind a place preposition of its own ("in his meeting with Pakistani Prime Minister X", "in
    talks with Beijing"; not "talks with officials in Beijing")."""
    cur = tok
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.dep_ == "prep" and cur.lower_ in {"in", "at"}:
            return False
        if cur.dep_ == "prep" and cur.lower_ == "with":
            return True
        cur = cur.head
    return False


def _place_referred_back(tok: Token, visitor: Actor, ctx: ArticleContext) -> list[_Leg]:
    """A visit to "there" or "that country": the state other than the visitor's that its sentence named last
    before it ("will ask the Japanese government to lift the curbs when he visits there next month", "will
    ask Japan to open its market to U.S. exporters when he visits that country")."""
    back = any(c.dep_ == "advmod" and c.lower_ == "there" for c in tok.children) or any(
        c.dep_ == "dobj"
        and c.lower_ in {"country", "nation"}
        and any(d.dep_ == "det" and d.lower_ in {"that", "the"} for d in c.children)
        and len(list(c.children)) == 1
        for c in tok.children
    )
    if not back:
        return []
    before = [
        h[3]
        for h in _sentence_places(tok.doc, ctx)
        if h[1] <= tok.idx and h[3].kind in {"country", "demonym", "city"} and h[3].code != visitor.code
    ]
    return [(before[-1].code, None, "referred back", None)] if before else []


_COURTS = frozenset({"court", "tribunal", "judge", "arbitration", "arbitrator"})  # lemmas


def _dest_legs(dtok: Token, how: str, ctx: ArticleContext) -> list[_Leg]:
    """The legs one destination token gives."""
    if how == "here":
        return [(ctx.home_code, ctx.home_city, "here", None)] if ctx.home_code else []
    if how == "partner":
        return [(ctx.home_code, ctx.home_city, "partner", None)]
    if (
        dtok.lower_ == "capital"
        and not any(c.dep_ in {"poss", "compound", "amod"} for c in dtok.children)
        and ctx.home
    ):
        if ctx.home.kind == "city" and ctx.home_city in set(gazetteer().capital_names) | {
            ctx.home_city.title()
        }:
            return [(ctx.home_code, ctx.home_city, "the capital", None)]
        return []
    # "visit South Korea in search of a united front against North Korea": a place behind a preposition of
    # relation inside the destination phrase is what the trip is about, not where it goes.
    places = [p for p in _places_in(dtok, ctx) if not _behind_relation(p[2], dtok)]
    if dtok.lemma_.lower() in _COURTS:
        # "will go to the U.S. Supreme Court": a suit brought, no trip; a court's own town still places one
        # ("arrived at the court in The Hague" names the town apart)
        places = [p for p in places if not (p[2].dep_ == "compound" and p[2].head.i == dtok.i)]
    leaving = how == "dobj" and dtok.head.lemma_.lower() in {"leave", "depart"}
    if leaving:
        # "left Washington", "left the Swedish capital": the place left is the object itself, not one named
        # inside it ("left open the scale of the IMF's involvement", "left the door open to talks in Tokyo"),
        # and an IGO left is a post given up, not a seat visited
        places = [p for p in places if p[0].kind != "igo" and (p[2].i == dtok.i or p[2].head.i == dtok.i)]
    if how == "dobj":
        # "visited US troops": a nationality adjective on a visited group is not a destination; on a visited
        # capital it is ("visiting the Swedish capital").
        places = [
            p
            for p in places
            if (dtok.lower_ == "capital" and p[2].head.i == dtok.i)
            or (p[0].kind != "demonym" and not (p[2].dep_ == "compound" and p[2].head.pos_ == "NOUN"))
        ]
    if how == "modifier":
        places = [p for p in places if p[2].i == dtok.i or p[2].head.i == dtok.i]
        if dtok.head.lemma_.lower() in _MEETING_NOUNS:
            # "Israeli-Palestinian talks", "a Franco-German summit": a nationality on a meeting names a party
            # to it, not where it meets ("the Geneva talks", "an EU summit" still do).
            places = [p for p in places if p[0].kind != "demonym"]
            if len({p[0].code for p in places if p[2].i == dtok.i}) > 1:
                places = []  # "U.S.-China talks": the pair names the parties, not where they meet
    countries = _city_of_the_country_named_after([p for p in places if p[0].kind != "igo"])
    if not countries and how != "modifier":  # "an EU summit" does not say where it meets
        seats = [p for p in places if p[0].kind == "igo" and p[0].seat]
        return [(p[0].seat, None, "seat", p[2]) for p in seats]
    return [
        (place.code, surface if place.kind == "city" else None, how, t) for place, surface, t in countries
    ]


def _city_of_the_country_named_after(places: list) -> list:
    """ "in Surrey, England": a city with its country after a comma is that country's (not the Canadian
    Surrey), one leg with the city for its place."""
    by_start = {t.i: (place, surface, t) for place, surface, t in places}
    out, taken = [], set()
    for place, surface, t in places:
        if t.i in taken:
            continue
        after = by_start.get(t.i + 2) if t.i + 2 < len(t.doc) and t.doc[t.i + 1].text == "," else None
        if place.kind == "city" and after is not None and after[0].kind == "country":
            taken.add(after[2].i)
            if after[0].code != place.code:
                place = dataclasses.replace(place, code=after[0].code)
        out.append((place, surface, t))
    return out


def _leader_visited(
    tok: Token, role: str, dest: list[tuple[Token, str]], sent: Sentence, ctx: ArticleContext
) -> list[_Leg]:
    """Visiting a state's leader is visiting that state: "when the President visits Prime Minister Brian
    Mulroney", "Chirac, in a visit earlier this week with President Reagan"."""
    met_toks = [d for d, how in dest if how == "dobj"] if role == "visit" else []
    if role == "noun":
        # "with" on the noun, or right after its phrase (a time between) wherever the parser hangs it
        withs = [p for p in tok.sent if p.lower_ == "with" and p.dep_ == "prep"]
        met_toks = [
            g
            for p in withs
            if p.head.i == tok.i or _follows_trip(p, tok)
            for g in p.children
            if g.dep_ == "pobj"
        ]
    return _leader_legs(met_toks, ctx, sent)


def _leader_legs(
    met_toks: list[Token], ctx: ArticleContext, sent: Sentence, but: str | None = None
) -> list[_Leg]:
    """The leg to the state of the first titled state person among those met (not of the state `but`)."""
    for g in met_toks:
        met = resolve_token_actor(g, ctx, sent)
        if met is not None and met.kind == "person" and met.is_state and met.code and met.has_title:
            if met.code != but:
                return [(met.code, None, "partner", None)]
    return []


_REGION_TRIPS = frozenset({"tour", "trip", "visit", "swing", "travel"})


def _region_trip_leg(role: str, lemma: str, dest: list[tuple[Token, str]], ctx: ArticleContext) -> list[_Leg]:
    """A trip told by its region only ("a tour of European capitals", "on a tour of G20 nations", "a trip to
    the Far East") in a story filed from inside that region: the trip's leg there. (Filed from outside it, as
    "WASHINGTON - Baldrige leaves on a trip to the Far East", it places nothing.)"""
    if role not in {"noun", "visit"} or lemma not in _REGION_TRIPS or not ctx.home_code:
        return []
    for dtok, how in dest:
        text = dtok.lower_ if how == "modifier" else " ".join(t.lower_ for t in dtok.subtree)
        for words, members in regions():
            if words.search(text):
                return [(ctx.home_code, ctx.home_city, "region", None)] if ctx.home_code in members else []
    return []


def _legs(
    tok: Token,
    role: str,
    lemma: str,
    dest: list[tuple[Token, str]],
    host_actor: Actor | None,
    sent: Sentence,
    ctx: ArticleContext,
) -> list[_Leg]:
    """Each leg: the destinations, else what the role and the dateline imply."""
    legs = [leg for dtok, how in dest for leg in _dest_legs(dtok, how, ctx)]
    # "the visit of West German President X": the nationality of the visitor named by "of" is no destination.
    legs = [
        leg
        for leg in legs
        if not (
            leg[2] == "of"
            and leg[3] is not None
            and _nationality_of_person(tok.doc, leg[3].idx, leg[3].idx + len(leg[3].text), sent, ctx)
        )
    ]
    if any(leg[2] != "seat" for leg in legs):
        # "will head to Manila for the ASEAN summit": a named place, not the seat of the body meeting there
        legs = [leg for leg in legs if leg[2] != "seat"]
    clause = _governing_verb(tok) if tok.pos_ in {"NOUN", "PROPN"} else tok
    while clause.dep_ == "xcomp" and clause.head.i != clause.i:
        clause = clause.head  # "Tokyo, where he is to arrive on Sunday": the clause "to arrive" completes
    if not legs and clause.dep_ == "relcl" and any(c.lower_ == "where" for c in clause.children):
        # "New Zealand, where he is attending a GATT meeting": the place the relative clause hangs from.
        legs = _dest_legs(clause.head, "in", ctx)
    if not legs and lemma == "visit":
        legs = _leader_visited(tok, role, dest, sent, ctx)
    if role == "visiting" and not legs:
        if host_actor is not None and host_actor.code and host_actor.is_state:
            legs.append((host_actor.code, None, "visiting", None))
        elif ctx.home_code and host_actor is not _UNKNOWN_HOST:
            legs.append((ctx.home_code, None, "visiting", None))
    if (
        not legs
        and role == "noun"
        and lemma in {"visit", "trip", "arrival"}
        and ctx.home_code
        and (
            any(
                c.dep_ == "poss"
                or (c.dep_ == "prep" and c.lower_ == "by")
                or (c.dep_ == "prep" and c.lower_ == "of" and any(g.pos_ == "PROPN" for g in c.children))
                for c in tok.children
            )
            # "X, who began a four-day visit last Friday", "X, on a four-day visit, said ...": a trip begun or
            # under way, told from where it is made
            or tok.dep_ == "dobj"
            and tok.head.lemma_.lower() in {"begin", "start"}
            or tok.dep_ == "pobj"
            and tok.head.lower_ == "on"
            and tok.head.head.pos_ in {"PROPN", "NOUN", "VERB"}
        )
    ):
        # "the visit this week by X", "the scheduled arrival of X" under a dateline: to the dateline country.
        legs.append((ctx.home_code, None, "dateline", None))
    if not legs:
        legs = _region_trip_leg(role, lemma, dest, ctx)
    if (
        not legs
        and lemma == "travel"
        and tok.dep_ == "acl"
        and tok.tag_ == "VBG"
        and _prep_objects(tok, {"with"})
        and ctx.home_code
    ):
        # "officials travelling with Finance Minister X told Reuters" under a dateline: with him there.
        legs.append((ctx.home_code, ctx.home_city, "here", None))
    if not legs and lemma in {"arrive", "land"} and ctx.home_code:
        # Wire style: "X arrived last night" under a dateline means arrived there, wherever in the story
        # ("Leaders of ASEAN, China and Japan arrived one by one for a gala dinner", eight sentences into a
        # MANILA story): an arrival the sentence places nowhere is at the place the story is told from.
        legs.append((ctx.home_code, ctx.home_city, "here", None))
    if role == "host" and host_actor is not None and host_actor.code and not legs:
        legs.append((host_actor.code, None, "host", None))
    if not legs and role == "noun" and lemma in _MEETING_NOUNS and _definite(tok) and _attended(tok):
        # "Medvedev told the summit that ...", two sentences after "the G8 meeting in L'Aquila": the summit
        # the article has placed, when the sentence names no place of its own.
        placed = ctx.event_place("talks" if lemma in {"talks", "talk"} else "summit", sent.index)
        if placed is not None and not _names_a_place(tok.doc, sent, ctx, tok):
            legs.append((placed[0], placed[1], "event", None))
    return legs


_OTHER_ONE = frozenset(
    {"last", "previous", "past", "next", "earlier", "first", "latest", "upcoming", "future"}
)


def _attended(noun: Token) -> bool:
    """Whether a gathering noun puts someone there: addressed ("told the summit", "addressed the meeting"), or
    gone to, spoken at or left by a person ("will be at the summit", "report to the meeting", "press the theme
    at the summit", "as he left the summit"); not a thing at it ("urgency at the meeting"), a time ("the days
    leading up to the summit", "the summit's final day") or a body's own sitting ("today's weekly cabinet
    meeting")."""
    if any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in noun.children):
        return False
    if any(c.dep_ == "amod" and c.lower_ in _OTHER_ONE for c in noun.children):
        return False  # "at the last summit in June": another one than the article's
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in {"tell", "address", "attend"}:
        verb = noun.head
    elif (
        noun.dep_ == "dobj"
        and noun.head.lemma_.lower() == "leave"
        and not any(c.dep_ == "poss" for c in noun.children)
    ):
        verb = noun.head  # "as he left the summit": he was at it (not "left my meeting": the speaker's own)
    elif noun.dep_ == "pobj" and noun.head.lower_ in {"at", "to"}:
        verb = _governing_verb(noun.head)  # "bring the outline of a package to the meeting": the verb's
    else:
        return False
    if verb.dep_ in {"xcomp", "advcl"} and not any(c.dep_.startswith("nsubj") for c in verb.children):
        # "Miyazawa is expected to bring the outline to the meeting", "Leaving the meeting, Rostowski said"
        verb = verb.head
        if verb.dep_ == "acomp" and not any(c.dep_.startswith("nsubj") for c in verb.children):
            verb = verb.head  # "Nakasone is due to attend the summit": the subject is on the copula of "due"
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return bool(subjects) and not _no_person(subjects, owners_count=False)


def _definite(noun: Token) -> bool:
    """A noun that refers back: "the summit", "this week's meeting", "Sunday's talks" (not "a summit")."""
    return any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these", "those"})
        for c in noun.children
    )


def _leg_status(
    tok: Token,
    role: str,
    how: str,
    loc: str | None,
    status: str | None,
    past_words: set[str],
    taken_status: str | None,
    ctx: ArticleContext,
    why: Why = Why(""),
    in_dateline_country: bool = False,
    from_home: bool = False,
) -> str | None:
    """The status of one leg: the trigger's, adjusted for a report from the place itself, a "from" leg and a
    leg told in a relative clause. `in_dateline_country`: the leg goes to the dateline's country and its
    sentence names no date ("MADRID - Chavez's visit to Spain sparked uproar": the trip being reported on).
    `from_home`: the dateline is the traveller's own country and the sentence dates nothing in the week before
    the report or after it."""
    negated = status is None
    leg_status = status
    at_dateline = (
        how in {"here", "partner"} or (loc is not None and loc == ctx.home_city) or in_dateline_country
    )
    clause = {tok.i} | {a.i for a in tok.ancestors if a.lemma_ not in {"say", "tell", "report", "add"}}
    today = any(t.lower_ == "today" and t.head.i in clause for t in tok.sent)
    meeting_noun = role == "noun" and tok.lemma_.lower() in _MEETING_NOUNS  # "held talks in Tokyo today"
    # "told a meeting of business leaders in New Delhi", "addressed a summit in Hanoi": speaking there
    spoken_to = meeting_noun and tok.dep_ == "dobj" and tok.head.lemma_.lower() in {"tell", "address"}
    # "yesterday" and "last night" at the place reported from: the day before the report, the visit not over
    # ("CARACAS - X last night met the energy minister", "WASHINGTON - Yesterday, he held talks with Bush")
    recent = past_words <= {"yesterday"} or (
        past_words <= {"yesterday", "last"} and "last night" in tok.sent.text.lower()
    )
    if (
        at_dateline
        and status in {"completed", "planned"}
        and (not past_words or recent and role in {"meet", "noun"} and status == "completed")
        and role in {"meet", "presence", "noun", "visit"}
        and not _ended_trip(tok)  # "LONDON - X last night ended a tour of European capitals": over
    ):
        # Reported from the place itself on the day: still there ("met X here", "will meet bankers here
        # today", "MANILA - X forecast a golden future after talks": talks over, the visit not).
        if (
            status == "completed"
            and (why.basis is StatusBasis.PAST_TENSE or meeting_noun and why.basis is StatusBasis.AFTER)
            or today
        ):
            leg_status = "ongoing"  # not "had agreed at a summit here" (past perfect: before the report)
        if status == "planned" and why.basis is StatusBasis.AFTER_UNDER_A_FUTURE:
            leg_status = "ongoing"  # "BONN - X will fly to Zurich after meeting Stoltenberg": here now
    if (
        (role in {"meet", "presence", "apposed_presence"} or meeting_noun)
        and status == "completed"
        and not past_words
        and why.basis is not StatusBasis.PAST_PERFECT  # "had said in Paris": before the report, over
        and why.basis is not StatusBasis.EARLIER_MONTH  # "told Funaro here in February" (April): over
        and (today or role not in {"meet", "noun"} or spoken_to)
        and not (
            why.basis is StatusBasis.DATED_BEFORE and not at_dateline
        )  # "said in Tokyo on Monday" (Wed.)
    ):
        leg_status = "ongoing"  # speaking or meeting somewhere today means being there now
    if from_home and why.basis is StatusBasis.DURING_THE_VISIT and _past_governor(tok) and not _aside_on(tok):
        # "TOKYO - He said the plans, discussed during Prime Minister Noda's visit to Beijing, ...": what was
        # done during a trip, told in the past from the traveller's home, is of a trip that is over
        leg_status = "completed"
    if how == "from" and not negated:
        # The place one comes back from: over ("returned from Brazil"), unless the return is still to come
        # ("who returns from a visit to Brazil on Sunday": there until then); so is the place one is due from
        # ("due here tomorrow from Oman").
        # A stop to come on the way home from X: there now ("a one-day stopover on his way home from China").
        coming_back = tok.lemma_.lower() in {"return", "due"} or tok.lemma_.lower() in _STOP_NOUNS
        leg_status = "ongoing" if status == "planned" and coming_back else "completed"
    if how == "dobj" and tok.lemma_.lower() in {"leave", "depart"} and not negated:
        # The place one leaves: "left Washington for a tour of Europe" (over), "leaves Paris on Friday" (there
        # until then), "said before leaving Tokyo" (over: the report is told after it).
        left = tok.tag_ in {"VBD", "VBN"} or _set_off_before_past(tok)
        leg_status = "completed" if left else "ongoing"
    if how == "taken" and taken_status and not negated:
        leg_status = taken_status
    return leg_status


def _dated_this_week(dates: list[DateMention], anchor: dt.date | None) -> bool:
    """A date of the sentence falls within the week before the report or after it."""
    return anchor is not None and any(
        d.end_date is not None and d.end_date >= anchor - dt.timedelta(days=7) for d in dates
    )


def _this_day_or_week(earlier: Token) -> bool:
    """ "earlier" of the report's own day or week: "earlier today", "earlier this week / morning"."""
    after = [t.lower_ for t in earlier.doc[earlier.i + 1 : earlier.i + 3]] + ["", ""]
    return after[0] == "today" or (
        after[0] == "this" and after[1] in {"week", "morning", "afternoon", "evening"}
    )


def _aside_on(tok: Token) -> bool:
    """A trip noun in an aside that places its subject ("Geithner, on a visit to London, also urged ..."):
    where the traveller is as he acts, not a trip the act is told of afterwards."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "on" or prep.i < 2 or prep.right_edge.i + 1 >= len(prep.doc):
        return False
    named = prep.doc[prep.i - 2]
    return (
        prep.doc[prep.i - 1].text == ","
        and prep.doc[prep.right_edge.i + 1].text == ","
        and (named.dep_ in SUBJECTS or named.pos_ == "PROPN")
    )


def _past_governor(tok: Token) -> bool:
    """The verb a trip noun hangs on is in the past ("discussed during his visit", "agreed at the summit")."""
    for up in tok.ancestors:
        if up.pos_ in {"VERB", "AUX"}:
            return up.tag_ in {"VBD", "VBN"}
    return False


_ENDING_VERBS = frozenset({"conclude", "end", "wrap", "wind", "complete", "finish"})


def _ended_trip(tok: Token) -> bool:
    """A trip noun as the object of an ending verb ("concluded a two-day visit", "ended his tour")."""
    return tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _ENDING_VERBS


_BEGINS = frozenset({"begin", "start", "open"})
# Verbs of a trip's first or last day, whose "in <place>" is a place of the trip ("concluded his tour in
# Tokyo").
_TRIP_BOUNDS = _BEGINS | _ENDING_VERBS


def _begun_trip(tok: Token) -> Token | None:
    """The verb of a trip noun begun in the present ("begins a two-day visit to Bonn", "starts two days of
    talks in Bonn"): told on the day it starts."""
    if tok.pos_ != "NOUN":
        return None
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in {"day", "week"}:
        tok, head = head.head, head.head.head  # "two days of talks"
    if tok.dep_ == "dobj" and head.lemma_.lower() in _BEGINS and head.tag_ in {"VBZ", "VBP"}:
        return head
    return None


def _by_the_article_day(cand: VisitCandidate, tok: Token, day: dt.date) -> None:
    """A trip ended or begun in the present with no day named ends or starts on the article day ("winding up
    a two-day visit to Washington", "begins two days of talks in Bonn")."""
    if _ended_trip(tok) and tok.head.tag_ in {"VBG", "VBZ", "VBP"}:
        cand.end_date, cand.date_precision = day, "day"
    elif _begun_trip(tok) is not None:
        cand.start_date, cand.date_precision = day, "day"


def _ending_day(d: DateMention, tok: Token) -> bool:
    """A day told as the trip's end: "a 12-day trip ..., ending on Nov. 14", "a visit that ends on Friday"."""
    for t in (t for t in tok.doc if d.start <= t.idx < d.end):
        for anc in t.ancestors:
            if anc.i == tok.i:
                break
            if anc.pos_ == "VERB" and anc.lemma_.lower() in {"end", "conclude", "finish"}:
                # Said of the trip: of its noun or a place of it ("... and the Philippines, ending on"), or of
                # the clause the trip noun is the subject of.
                trip = {t.i for t in tok.subtree} | {tok.head.i}
                return anc.dep_ in {"acl", "relcl", "advcl"} and anc.head.i in trip
    return False


def _date_leg(
    cand: VisitCandidate,
    tok: Token,
    how: str,
    sentence_dates: list[DateMention],
    sent: Sentence,
    ctx: ArticleContext,
    near: Token | None = None,
) -> None:
    """Dates of a leg (the day nearest `near`, the leg's place, when given); a completed trip whose dates span
    the article date is still going on."""
    _attach_dates(cand, tok, sentence_dates, sent, ctx, near=near)
    if (
        cand.status == "completed"
        and ctx.anchor
        and cand.date_precision == "day"
        and cand.start_date
        and cand.end_date
        and cand.start_date <= ctx.anchor <= cand.end_date
        and how != "taken"
        and not _ended_trip(tok)  # "ended a two-day visit to Bonn today": over
    ):
        # "welcomed X on Monday for two days of talks", reported on Tuesday: still there
        cand.status = "ongoing"


def _in_a_past_year(tok: Token, ctx: ArticleContext) -> bool:
    """The trigger's own time is a year before the article's: "In 2006, X held talks in Beijing", "At a 1995
    conference in China, she declared" (the year hangs from the trigger, from its preposition, or from the
    meeting that places it; a year elsewhere in the sentence, "to discuss the 2008 accord", does not)."""
    if ctx.anchor is None:
        return False
    for t in tok.sent:
        if not (len(t.text) == 4 and t.text.isdigit() and 1900 < int(t.text) < ctx.anchor.year):
            continue
        cur = t.head
        for _ in range(3):
            if cur.i == tok.i:
                return True
            if cur.pos_ != "ADP" and cur.lemma_.lower() not in _MEETING_NOUNS | _EVENT_PLACES:
                break
            cur = cur.head
    return False


def _the_places_own_official(visitor: Actor, code: str, sent: Sentence, ctx: ArticleContext) -> bool:
    """An official the text gives no state, said to speak in a place whose state the sentence names as a state
    ("Mining Minister X told Reuters in La Paz that Bolivia expected ...", "The Australian government is
    awaiting ..., Industry Minister X said in Canberra"): that state's own official, not the dateline's on a
    trip (the dateline gave the state only for want of another)."""
    return visitor.found.dateline_person and any(
        place.code == code and place.kind in {"country", "demonym"}
        for *_, place in gazetteer().find_all(sent.text, ctx.published_at)
    )


def _going_back_home(tok: Token, place: Token | None, visitor: Actor) -> bool:
    """One who "returns to" a place with no state of one's own in the text but the dateline's goes home
    there most often ("NEW YORK - ... even though Finance Secretary X has returned to Argentina to consult
    the president"); a known foreign visitor's return is a trip ("the Canadian team will return to Cairo for
    further negotiations"), and so is a return to talks held there ("returns to the negotiating table in
    Quito")."""
    return (
        tok.lemma_.lower() == "return"
        and visitor.found.from_dateline
        and place is not None
        and place.head.lower_ == "to"
        and place.head.head.i == tok.i
    )


def several_days(dates: list[DateMention]) -> bool:
    """Whether a sentence names more than one day (or day range): then each leg of a tour takes its own."""
    return len({(d.start_date, d.end_date) for d in dates if d.precision == "day"}) > 1


def _leg_candidates(
    tok: Token,
    role: str,
    sent: Sentence,
    ctx: ArticleContext,
    travellers: list[Actor],
    merged: dict[str, tuple[str | None, str, Token | None]],
    all_dates: list[DateMention],
    direction: str,
    taken_status: str | None,
) -> list[VisitCandidate]:
    sentence_dates = _nearest_dates(tok, all_dates)
    status, why = _status(tok, ctx, sentence_dates)
    negated = status is None
    out = []
    # Time words of the trigger's own clause: not of what is quoted or told in a clause that does not hold the
    # trip ("Lagarde told reporters in Vladivostok: 'What the central bank announced last Thursday ...'").
    past_words = {
        t.lower_
        for t in _own_clause_tokens(tok.sent.root, tok, _SAID_DEPS)
        # "earlier today", "earlier this week": the same day or week, not a trip that is over ("earlier this
        # month" is)
        if not (t.lower_ == "earlier" and _this_day_or_week(t))
    } & {"last", "ago", "earlier", "yesterday", "previously", "recently"}
    if any(c.lower_ == "weekend" for c in tok.children) or any(
        c.dep_ == "prep" and any(g.lower_ == "weekend" for g in c.children) for c in tok.children
    ):
        past_words.add("weekend")  # "paid a brief weekend visit", "met at the weekend": over by the report
    if _in_a_past_year(tok, ctx):
        past_words.add("a past year")
    # Legs of one trigger each dated by their own day when the sentence names several ("Hanoi on June 13 and
    # Bangkok on June 15"): the day nearest the place, not the trigger.
    own_days = len(merged) > 1 and several_days(all_dates)
    # An IGO's meeting at its own seat is no trip ("EU leaders meeting in Brussels"); its head travelling to
    # that country is ("the U.N. Secretary-General will travel to Washington").
    at_seat = role in {"meet", "presence"} or tok.lemma_ in _MEETING_NOUNS
    seats = [_own_seats(v, ctx) if at_seat else set() for v in travellers]
    for (code, (loc, how, place_tok)), (visitor, own_seats) in (  # noqa: B020
        (leg, v) for v in zip(travellers, seats, strict=True) for leg in merged.items()
    ):
        if code == visitor.code or code in own_seats:
            continue  # domestic trip or going home; a meeting at the IGO's seat
        if _going_back_home(tok, place_tok, visitor):
            continue
        if how == "region" and why.basis in {StatusBasis.DATED_BEFORE, StatusBasis.EARLIER_MONTH}:
            # "GENEVA, March 20 - ... voiced during a visit to European capitals in February": a region's trip
            # of another month says nothing of the place the story is filed from
            continue
        if role in {"presence", "apposed_presence"} and _the_places_own_official(visitor, code, sent, ctx):
            continue
        leg_status = _leg_status(
            tok,
            role,
            how,
            loc,
            status,
            past_words,
            taken_status,
            ctx,
            why,
            in_dateline_country=code == ctx.home_code and not sentence_dates,
            # (not dated within the week before the report: "PARIS - ... discussed by EU leaders at a
            # summit in Brussels on Friday", "agreed on December 27 during Noda's visit" told on the 28th: a
            # trip of days may still go on)
            from_home=visitor.code == ctx.home_code
            and not visitor.found.from_dateline
            and not _dated_this_week(sentence_dates, ctx.anchor),
        )
        cand = VisitCandidate(
            sentence=sent,
            trigger=tok,
            trigger_text=tok.text,
            trigger_offset=token_offset(sent, tok),
            visitor=visitor,
            host_code=code,
            location=loc,
            status=leg_status or "completed",
            visit_type=_visit_type(tok),
            negated=negated,
            reasons=[
                f"trigger '{tok.text}' ({role})",
                f"visitor: {visitor.reason}",
                f"host via {how}",
                f"status: {why}",
            ],
            direction=direction,
            named_by_reaction=role == "noun" and _reaction_governor(tok) is not None,
            role=role,
            host_via=how,
            status_basis=why.basis,
        )
        if not negated and how not in {"from", "taken"} and not cand.named_by_reaction:
            _date_leg(cand, tok, how, sentence_dates, sent, ctx, near=place_tok if own_days else None)
        out.append(cand)
    if len(merged) > 1 and not own_days:
        _split_tour_days(out, merged)
    if why.basis is StatusBasis.SET_OFF:
        _earlier_places_over(out, merged)
    return out


def _earlier_places_over(cands: list[VisitCandidate], merged: dict) -> None:
    """A journey told in the past to several places in turn ("traveled to Ethiopia, South Sudan and Congo"):
    one is in one place at a time, so the places named before the last are behind the traveller; the last is
    where the journey is now."""
    onward = [
        c
        for c in cands
        if c.status == "ongoing"
        and c.host_via in {"to", "for"}
        and merged[c.host_code][2] is not None
        and _place_of_the_verb(merged[c.host_code][2], c.trigger)
    ]
    if len({c.host_code for c in onward}) < 2:
        return
    last = max(merged[c.host_code][2].i for c in onward)
    for c in onward:
        if merged[c.host_code][2].i != last:
            c.status = "completed"
            c.reasons.append("status: a place the journey went on from")


def _place_of_the_verb(place: Token, verb: Token) -> bool:
    """The place is where the verb itself goes ("traveled to Ethiopia, South Sudan and Kenya"), not a place
    of a tour the verb sets off on ("left for a tour of Britain, France and Italy": all still to come)."""
    while place.head.i != place.i:
        if place.dep_ in {"conj", "compound", "flat"}:
            place = place.head  # "South Sudan": the name's head; a place coordinated with the first
        elif place.dep_ == "pobj" and place.head.lower_ == "of" and place.head.head.pos_ == "PROPN":
            place = place.head.head  # "Democratic Republic of Congo"
        else:
            break
    return place.dep_ == "pobj" and place.head.head.i == verb.i


def _place_left(cand: VisitCandidate) -> bool:
    """The leg is the place a departure leaves ("left Paris today for London"), not the one set off for."""
    return cand.trigger.lemma_.lower() in _DEPARTURES and cand.host_via not in {"for", "to"}


_DEPARTURES = frozenset({"leave", "depart"})


def _left_on(cand: VisitCandidate, day: dt.date, tok: Token, sent: Sentence) -> None:
    """The day a place is left is the stay's last; its length counts back from it ("leaving Tokyo yesterday at
    the end of a four-day visit")."""
    cand.end_date, cand.date_precision = day, "day"
    dur = _trip_duration(tok, sent)
    cand.start_date = day - dt.timedelta(days=dur[0] - 1) if dur else None


def _split_tour_days(cands: list[VisitCandidate], merged: dict) -> None:
    """One span of days for a tour of several places ("a 12-day trip to Japan, South Korea and China, ending
    on Nov. 14"): it starts at the first place named and ends at the last; the legs' own days are not told."""
    # "left Paris today for London": the day ends the stay left, which is no part of the tour set off on
    left = {c.host_code for c in cands if _place_left(c)}
    order = sorted(
        (code for code in merged if code not in left),
        key=lambda code: merged[code][2].i if merged[code][2] is not None else 0,
    )
    if not order:
        return
    first, last = order[0], order[-1]
    for cand in cands:
        if cand.date_precision != "day" or cand.host_code in left:
            continue
        if cand.host_code != first:
            cand.start_date = None
        if cand.host_code != last:
            cand.end_date = None
        if cand.start_date is None and cand.end_date is None:
            cand.date_precision = None


_IGO_HEAD = re.compile(
    r"\b(?:chief|head|president|chairman|managing director|(?:secretary|director)[- ]general)\b"
)


# Titles of an IGO's staff, named or not: envoys, representatives, members of its boards and councils ("ECB
# Governing Council member X", which the people index keeps as "member"), missions.
_IGO_STAFF_TITLE = re.compile(r"\b(?:envoy|representative|member|mission|official|inspector|expert)s?\b")


# Titles under an IGO's head, whatever head word they hold ("deputy managing director", "vice president"), and
# a commission's members (its president is the head), and its economists ("IMF Chief Economist X": staff).
_IGO_DEPUTY_TITLE = re.compile(r"\b(?:deputy|vice|assistant|commissioner|under[- ]secretary|economist)\b")


def _own_seats(visitor: Actor, ctx: ArticleContext) -> set[str]:
    """The seats of the IGO a visitor belongs to: its code's, and that of the body the article's mentions of
    the visitor name ("European Central Bank President X" sits in Germany though the EU's seat is Belgium)."""
    seats = gazetteer().igo_seats
    own = {seats[visitor.code]} if visitor.code in seats else set()
    if own and visitor.name:
        mentions = [ctx.text[p.start : p.end] for p in ctx.people.people if p.name == visitor.name]
        own |= {
            place.seat
            for mention in mentions
            for *_, place in gazetteer().find_all(mention, ctx.published_at)
            if place.kind == "igo" and place.code == visitor.code and place.seat
        }
    return own


def _igo_staff(visitor: Actor) -> bool:
    """An IGO's mission, team, experts or inspectors: not its head, the only IGO traveller the guidelines
    count (a named person keeps the title the people index gave)."""
    title = (visitor.title or "").lower()
    if visitor.code in gazetteer().igo_seats and _IGO_DEPUTY_TITLE.search(title):
        return True  # "IMF First Deputy Managing Director X", "EU Trade Commissioner Y": under the head
    if (
        visitor.code in gazetteer().igo_seats
        and _IGO_STAFF_TITLE.search(title)
        and not _IGO_HEAD.search(title)
    ):
        return True  # "IMF envoy Abdel-Shakour Shaalan", "ECB executive board member X": named, still staff
    return (
        visitor.code in gazetteer().igo_seats
        and not (visitor.kind == "person" and visitor.name)
        and not _IGO_HEAD.search(title)
    )


# What one speaks or meets through without travelling: "by satellite", "via video link", "over the phone".
_REMOTE_MEANS = re.compile(
    r"^(?:satellite|video|videolink|video-link|videoconference|teleconference|telephone|phone|webcast|webcam)s?$"
)


def _remote(trigger: Token) -> bool:
    """A trigger whose clause says it took place by a remote link ("told a conference in Cape Town by
    satellite", "met by video link"); not what is said ("said in Tokyo the summit would be held by video")."""
    for prep in _own_clause_tokens(trigger, trigger, _SAID_DEPS):
        if prep.dep_ != "prep" or prep.lower_ not in {"by", "via", "over"}:
            continue
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if any(_REMOTE_MEANS.match(t.lower_) for t in (obj, *obj.children) if t.dep_ != "prep"):
                return True
    return False


def _met_when_no_visitor(
    visitor: Actor | None, met: list[Actor], dest: list[tuple[Token, str]]
) -> tuple[Actor | None, list[Actor]]:
    """(traveller, officials met). When the one who meets is no state official the rules know ("Bank
    President X at a meeting with Kenya's Finance Minister Y in Washington"), the state officials met at a
    named place are there all the same: the first of them is the traveller."""
    if visitor is None and met and dest:
        return met[0], met[1:]
    return visitor, met


def _travellers(visitor: Actor, co_visitors: list[Actor]) -> list[Actor]:
    """The visitor and those with them, without a body's staff: "an IMF mission arrived in Athens", "EU
    inspectors" are staff missions (guidelines), but the states listed with a bloc still travel ("Leaders of
    ASEAN, China and Japan arrived for the dinner")."""
    return co_visitors if _igo_staff(visitor) else [visitor, *co_visitors]


def _from_trigger(tok, role, lemma, sent, ctx, preps_by_verb, all_dates) -> list[VisitCandidate]:
    parts = _role_parts(tok, role, lemma, sent, ctx, preps_by_verb)
    if parts is None:
        return []
    visitor_toks, dest, host_actor, taken_status = parts
    direction = "host" if role == "host" else "visit"
    visitor, co_visitors = _trip_visitor(tok, role, visitor_toks, sent, ctx)
    visitor, met = _met_when_no_visitor(visitor, _meeting_partners(tok, role, sent, ctx), dest)
    if visitor is None:
        return []
    visitor = _partner_visiting_here(tok, role, visitor, dest, sent, ctx)
    partners = [a for a in met if a.code not in {visitor.code, *(c.code for c in co_visitors)}]
    co_visitors = [a for a in co_visitors + partners if not _igo_staff(a)]  # IGO staff: no travellers
    if _private_purpose(tok) or _remote(tok):
        # private, holiday and medical trips are not visits (eval guidelines); "told a conference in Cape
        # Town by satellite": no one travelled
        return []
    stop = role == "noun" and lemma in _STOP_NOUNS
    if _homeward(tok, dest) and not stop:
        return []  # "is in Hawaii on his way home from Vancouver": officials going home do not visit
    if stop:
        # "during a brief visit to London on his way home from Jamaica": a stop the text names as a visit is
        # one, and the place the traveller is coming home from was visited too
        dest = dest + [(origin, "from") for origin in _way_home_origins(tok)]
    # Resident diplomats and correspondents do not visit; a state's envoy to an IGO travelling away from its
    # seat does ("U.S. Ambassador to the United Nations Nikki Haley traveled to Ethiopia").
    if resident_title(visitor.title) and not _igo_envoy_away(visitor, dest, sent, ctx):
        return []
    travellers = _travellers(visitor, co_visitors)
    if not travellers:
        return []
    visitor, *co_visitors = travellers
    if role == "noun" and lemma in {"mission", "team"} and visitor.code in gazetteer().igo_seats:
        return []  # "his agency plans to send a mission to Brazil": an IGO's mission is its staff
    legs = _legs(tok, role, lemma, dest, host_actor, sent, ctx)
    if not legs and lemma == "visit" and role == "visit":
        legs = _place_referred_back(tok, visitor, ctx)
    if _dateline_official(visitor, ctx):
        # "BEIJING - Premier Wen said in his meeting with Pakistani Prime Minister X": the country of the one
        # a dateline's own official meets is not where the meeting is (elsewhere it stands for the place:
        # "drove to a meeting with Soviet Foreign Minister Shevardnadze").
        legs = [leg for leg in legs if leg[3] is None or not _behind_partner(leg[3], tok)]
    if not legs:
        legs = _legs_of_the_partners(tok, role, lemma, visitor, partners, co_visitors, sent, ctx)
    if not legs:
        return []
    # Merge a city with the country it belongs to ("Hanoi" + "Vietnam").
    merged: dict[str, tuple[str | None, str, Token | None]] = {}
    for code, loc, how, place_tok in legs:
        if code not in merged or (merged[code][0] is None and loc):
            merged[code] = (loc, how, place_tok)
    return _leg_candidates(
        tok, role, sent, ctx, [visitor, *co_visitors], merged, all_dates, direction, taken_status
    )


# A trip told of one by name: "Baldrige leaves on Saturday on a 10-day trip", "Baldrige's trip to Asia",
# "Baldrige, on a tour of ..." (not one behind him: "his trip last month").
_TRIP_WORDS = r"(?:trip|tour|visit|mission|swing|journey)"
_AWAY_AFTER_NAME = re.compile(
    rf"(?:'s\s+(?:[\w-]+\s+){{0,3}}{_TRIP_WORDS}\b"
    rf"|[^.;]{{0,60}}?\b(?:leaves|left|departs|departed|sets off|set off|is travel+ing|travels)\b"
    rf"|[^.;]{{0,60}}?\bon (?:a|an|his|her|the) (?:[\w-]+\s+){{0,3}}{_TRIP_WORDS}\b)"
)
_PAST_TRIP = re.compile(r"\b(?:last|recent|earlier|previous)\b")


def _away_on_a_trip(visitor: Actor, sent: Sentence, ctx: ArticleContext) -> bool:
    """Whether the article, before the sentence, tells the visitor by name setting off on a trip or on one."""
    if visitor.kind != "person" or not visitor.name:
        return False
    surname = visitor.name.split()[-1]
    before = ctx.text[: sent.start]
    for m in re.finditer(rf"\b{re.escape(surname)}\b", before):
        told = _AWAY_AFTER_NAME.match(before, m.end())
        if told is not None and not _PAST_TRIP.search(told.group(0)):
            return True
    return False


def _traveller_away(tok: Token, sent: Sentence, ctx: ArticleContext) -> bool:
    """Whether the one who meets is the dateline's official whom the article tells away on a trip."""
    for subj in _visitor_token(tok):
        a = resolve_token_actor(subj, ctx, sent)
        if a is not None and _dateline_official(a, ctx) and _away_on_a_trip(a, sent, ctx):
            return True
    return False


def _named(a: Actor) -> bool:
    """A person the text names ("President Chun Doo-hwan"), not a group of officials."""
    return bool(a.name) and a.name.split()[-1][:1].isupper() and a.name.lower() != (a.title or "").lower()


def _legs_of_the_partners(
    tok: Token,
    role: str,
    lemma: str,
    visitor: Actor,
    partners: list[Actor],
    co_visitors: list[Actor],
    sent: Sentence,
    ctx: ArticleContext,
) -> list[_Leg]:
    """Where a trip of no named place is, by whom it meets: talks the dateline's side leads, talks with the
    dateline's officials, an arrival for talks with a state's leader."""
    if _lead_talks(tok, role, visitor, sent, ctx):
        return [(ctx.home_code, ctx.home_city, "partner", None)]
    if (
        partners
        and _dateline_official(visitor, ctx)
        and not _wished(tok)
        and _away_on_a_trip(visitor, sent, ctx)
    ):
        # "WASHINGTON - Baldrige leaves on Saturday on a trip to the Far East ... Baldrige will meet South
        # Korean President Chun on Monday": a dateline official away on a trip meets abroad, in the country
        # of the leader met.
        return [
            (a.code, None, "partner", None)
            for a in partners[:1]
            if a.kind == "person" and a.is_state and a.has_title and a.code != ctx.home_code and _named(a)
        ]
    if ctx.home_code and not _names_a_place(tok.doc, sent, ctx, tok):
        # Talks between an official of the dateline's country and a foreign one are held there ("MOSCOW -
        # she and Soviet Premier Ryzhkov agreed during talks earlier today", "BERLIN - Merkel said at a news
        # conference with Spanish Prime Minister Rajoy", "SEOUL - ... after talks with South Korean leaders,
        # Baldrige said"), unless the sentence names a place ("at a summit with Chirac starting with dinner in
        # Milan").
        home_met = ((role == "noun" and lemma in _MEETING_NOUNS) or role == "meet") and (
            any(_home_official(a, ctx) for a in co_visitors)
            or (visitor.code != ctx.home_code and _met_home_officials(tok, ctx, sent))
        )
        if home_met or (partners and _dateline_official(visitor, ctx) and not _wished(tok)):
            return [(ctx.home_code, ctx.home_city, "partner", None)]
    if role == "visit" and lemma in {"arrive", "land"}:
        return _arrived_to_meet(tok, visitor, sent, ctx)
    return []


def _arrived_to_meet(tok: Token, visitor: Actor, sent: Sentence, ctx: ArticleContext) -> list[_Leg]:
    """An arrival of no place, for talks with a state's titled leader: in that state ("Singh arrived on
    Tuesday for talks with US President George W Bush", "Hu arrived on Monday for a state visit and will hold
    talks with Brazilian President Lula"), as visiting a leader is visiting the state (`_leader_visited`)."""
    met = [
        t
        for clause in (tok, *tok.conjuncts)
        for t in clause.subtree
        if (
            t.dep_ == "pobj"
            and t.head.lower_ == "with"
            and t.head.head.lemma_.lower() in _HELD_EVENTS | {"meet"}
        )
        or (t.dep_ == "dobj" and t.head.lemma_.lower() == "meet")
    ]
    return _leader_legs(met, ctx, sent, but=visitor.code)


GROUP_NOUNS = {
    "leader",
    "leaders",
    "minister",
    "ministers",
    "official",
    "officials",
    "head",
    "heads",
    "counterparts",
    "delegation",
    "delegations",
    "president",
    "presidents",
    "premiers",
    "representatives",
    "envoys",
    "governors",
    "negotiators",
    "delegates",
    "ambassadors",
}


def _co_visitors(
    vtok: Token, visitor: Actor, ctx: ArticleContext, sent: Sentence, conjuncts: bool = True
) -> list[Actor]:
    """Other states travelling with the visitor: coordinated visitors ("Merkel
    and Sarkozy flew to X") and the states of a group ("the leaders of France,
    Germany and Italy met in Rome", "ministers from Germany and Spain"). `conjuncts`: False where the word
    marks its own noun only ("talks between X and a visiting delegation": X is no co-traveller)."""
    if vtok.lower_ == "they":
        # "French and German officials said they would meet": those "they" stands for
        vtok = plural_antecedent(vtok) or vtok
    toks = [(t, False) for t in (*vtok.conjuncts, *_listed_appositions(vtok))] if conjuncts else []
    # the members of the traveller's group, and of a group coordinated with it ("Merkel and leaders from Italy
    # and Spain met in Paris")
    groups = [vtok, *(t for t, _ in toks)]
    toks += [
        (m, True)
        for g in groups
        if g.lemma_.lower() in GROUP_NOUNS or g.lower_ in GROUP_NOUNS
        for m in group_members(g)
    ]
    out: dict[str, Actor] = {}
    # "the French and German leaders met in Rome": each nationality of a plural office travels.
    pairs = [(grouped, resolve_token_actor(tok, ctx, sent)) for tok, grouped in toks]
    pairs += [(True, actor) for actor in coordinated_nationalities(vtok, ctx)]
    for grouped, actor in pairs:
        if (
            actor is None
            or not actor.code
            or not actor.is_state
            or actor.code == visitor.code
            or actor.found.from_dateline
        ):
            continue
        if actor.kind in {"state", "igo"} and not actor.has_title and not grouped:
            continue  # a bare state coordinated with a traveller is not itself travelling
        out.setdefault(actor.code, actor)
    return list(out.values())


def _state_attends(verb: Token, subject: Token, actor: Actor, ctx: ArticleContext) -> bool:
    """A state named as the subject of "attend" a meeting sends its delegation there ("The Soviet Union is
    attending an ADB meeting for the first time"): the state travels, as one sent does (not the dateline's
    own state, which the parser may take for the subject)."""
    return (
        actor.kind == "state"
        and actor.code != ctx.home_code
        and _meeting_attended(verb) is not None
        and any(
            s.dep_ == "nsubj" and s.head == verb
            # "OSAKA, Japan - The Soviet Union is attending": the state in apposition to the dateline
            for s in (subject, subject.head if subject.dep_ in {"conj", "appos"} else subject)
        )
    )


def _first_group_member(group: Token, ctx: ArticleContext, sent: Sentence) -> Actor | None:
    """The first state a plural office names its members by ("Ministers from member states Ecuador, Mexico and
    Venezuela are attending", "leaders from Benin, Bulgaria and Croatia"), as that office; the others are its
    co-travellers (_co_visitors)."""
    if group.lower_ not in GROUP_NOUNS or not group.lower_.endswith("s"):
        return None  # a plural office ("Ministers" the parser may tag as a name)
    for member in group_members(group):
        a = resolve_token_actor(member, ctx, sent)
        if a is None or not a.code or not a.is_state or a.found.from_dateline:
            continue
        if a.kind in {"state", "igo"}:
            return a.group_office(group)
    return None


def group_members(group: Token) -> list[Token]:
    """The members a group noun names after "of"/"from" ("the leaders of France, Germany and Italy",
    "ministers from Germany and Spain", "the heads of the central banks of Mexico and Peru")."""
    named = [
        t
        for pobj in _prep_objects(group, {"of", "from"})
        for t in (pobj, *pobj.conjuncts, *_body_owners(pobj))
    ]
    # "the trade ministers of the United States, the European Community and Canada": the parser coordinates
    # the later names with the group noun, not with the first name
    if named and named[0].pos_ == "PROPN":
        named += [c for c in group.conjuncts if c.pos_ == "PROPN" and c.i > named[0].i]
    return named


def _body_owners(body: Token) -> list[Token]:
    """The states of a plural body a group noun heads ("the heads of the central banks of Mexico and Peru",
    "the leaders of the governments of X and Y"): the owners after its "of", or the states its apposition
    lists ("leaders from the five BRICS countries -- Brazil, Russia, India, China and South Africa --")."""
    if body.pos_ != "NOUN" or body.tag_ != "NNS":
        return []
    owners = [
        pobj
        for prep in body.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj" and pobj.pos_ == "PROPN"
    ]
    owners += [a for a in body.children if a.dep_ == "appos" and a.pos_ == "PROPN"]
    return [t for owner in owners for t in (owner, *owner.conjuncts)]


def _listed_appositions(tok: Token) -> list[Token]:
    """The members of a list the parser took for an apposition: in "Merkel, French President Hollande and
    Spanish Prime Minister Rajoy met in Rome" "Hollande" hangs on "Merkel" as an appos that heads its own
    "and" coordination; an apposition proper names the same person ("Merkel, the German leader")."""
    out: list[Token] = []
    for appos in (c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"):
        if any(c.dep_ == "cc" for c in appos.children) and appos.conjuncts:
            out += [appos, *appos.conjuncts]
    return out


# "at the end of a two-day visit", "the end of his trip": the end of the trip itself, not of a month ("a trip
# at the end of April", "at the end of the month").
_END_OF_TRIP = re.compile(
    r"\bend of (?:a|an|the|his|her|their|its)\b"
    r"(?:\s+(?!month|year|week)[\w-]+){0,3}?\s+(?:visit|trip|tour|stay)"
)


def _dated_by_article_day(cand: VisitCandidate, tok: Token, sent: Sentence, ctx: ArticleContext) -> bool:
    """ "On the first day of a N-day visit" / "at the end of the visit": the article date pins the start or
    the end, whatever else is dated. True when it did."""
    text_low = sent.text.lower()
    if ctx.anchor and "first day of" in text_low:
        cand.start_date, cand.date_precision = ctx.anchor, "day"
        dur = duration_days(sent.text)
        if dur:
            cand.end_date = ctx.anchor + dt.timedelta(days=dur[0] - 1)
        return True
    if ctx.anchor and _END_OF_TRIP.search(text_low) and tok.lemma_ in {"visit", "trip", "tour"}:
        # "at the end of a two-day visit to Mexico yesterday": the day named, else the article day, ends it;
        # a duration counts back from it.
        days = [d for d in find_dates(sent.text, ctx.anchor, future=False) if d.precision == "day"]
        cand.end_date, cand.date_precision = (days[0].end_date if days else ctx.anchor), "day"
        dur = duration_days(sent.text)
        if dur:
            cand.start_date = cand.end_date - dt.timedelta(days=dur[0] - 1)
        return True
    return False


def token_at(doc: Doc, char: int) -> Token | None:
    """The token covering character offset char (tokens do not overlap: a bisection, no Token per token)."""
    starts = doc.to_array(IDX).tolist()
    i = bisect.bisect_right(starts, char) - 1
    return doc[i] if i >= 0 and char < starts[i] + len(doc[i].text) else None


def _trip_duration(tok: Token, sent: Sentence) -> tuple[int, int] | None:
    """The sentence's "N-day" / "one-week" length, unless it is another trip's ("will fly to Tokyo on Sunday,
    after having completed a week-long trip to the United States": not the Tokyo leg's)."""
    dur = duration_days(sent.text)
    if dur is None:
        return None
    at = token_at(tok.doc, dur[1])
    nouns = set(lexicon()["visit_nouns"])
    owner = next(
        (a for a in ([at, *at.ancestors] if at is not None else []) if a.lemma_.lower() in nouns), None
    )
    if owner is not None and owner.i != tok.i and not _trip_of(owner, tok):
        return None
    if owner is not None and owner.head.lower_ == "of" and owner.head.head.lemma_.lower() in _TOUR_PARTS:
        return None  # "on the first leg of a ten-day tour": the tour's length, not the leg's
    return dur


_TOUR_PARTS = frozenset({"leg", "stop", "stage", "part", "stopover"})


_ENDS = frozenset({"end", "close", "conclusion"})


def _trip_of(noun: Token, verb: Token) -> bool:
    """ "pay a three-day visit", "arrived on Monday for a three-day visit", "flew in on a one-week tour": the
    trip noun is the verb's own trip (its object, or hung on it by "on"/"for"); not "fly to Tokyo after
    completing a week-long trip"."""
    if noun.head.i == verb.i and noun.dep_ == "dobj":
        return True
    of = noun.head
    if of.lower_ == "of" and of.head.lemma_.lower() in _ENDS and of.head.dep_ == "pobj":
        return of.head.head.head.i == verb.i  # "left Tokyo at the end of a four-day visit"
    # "is due in Paris on Monday for a two-day visit": the parser hangs "for" on the copula of "due"
    heads = {verb.i, verb.head.i} if verb.dep_ in {"acomp", "attr"} else {verb.i}
    return of.dep_ == "prep" and of.lower_ in {"on", "for"} and of.head.i in heads


def _by_distance(dates: list[DateMention], near: Token) -> list[DateMention]:
    """Dates nearest a token first, by the gap between the two spans; on a tie the one after it (a leg's day
    follows its place: "Hanoi on June 13 and Bangkok on June 15")."""
    start, end = near.idx, near.idx + len(near.text)

    def gap(d: DateMention) -> tuple[int, bool]:
        return (d.start - end, False) if d.start >= end else (max(0, start - d.end), True)

    return sorted(dates, key=gap)


def _attach_dates(
    cand: VisitCandidate,
    tok: Token,
    dates: list[DateMention],
    sent: Sentence,
    ctx: ArticleContext,
    near: Token | None = None,
) -> None:
    future = cand.status == "planned"
    at = (near or tok).idx  # the day nearest the trigger, or the leg's place
    # Re-resolve weekdays/months in the direction the status points to.
    spans = {(d.start, d.end) for d in dates}
    direction = future if cand.status in {"planned", "completed"} else None
    if cand.status == "ongoing" and (tok.tag_ in {"VBD", "VBN"} or _points_back(tok)):
        direction = False  # "arrived on Tuesday", "met at a summit on Friday": the last one
    dates = find_dates(sent.text, ctx.anchor, future=direction)
    dates = [d for d in dates if d.kind != "year" and (d.start, d.end) in spans]
    if (
        _dated_by_article_day(cand, tok, sent, ctx)
        or _dated_by_its_end(cand, tok, dates)
        or _dated_by_the_return(cand, tok, ctx)
    ):
        return
    stay = tok.lemma_.lower() == "be" and (
        cand.status == "planned" or any(d.kind in {"md_range", "dm_range"} for d in dates)
    )
    presence = cand.role in {"presence", "apposed_presence"}
    meeting = cand.role == "meet" or cand.trigger.lemma_.lower() == "meeting"
    if presence and not stay or meeting and cand.status != "planned":
        # The day of a statement, or of a meeting already held, is not the day of arrival; the day set for a
        # coming meeting is the day the trip is pinned to ("will meet X in Paris on Tuesday"), and so are the
        # days one is to be somewhere ("would be in Rome from June 3 to 6").
        return
    dates_ok = (
        _by_distance(dates, near)
        if near is not None
        else sorted(dates, key=lambda d: min(abs(d.start - at), abs(d.end - at)))
    )
    if dates_ok:
        d = dates_ok[0]
        # The day one leaves a place is the last there ("left Paris today for London"). The day one leaves
        # for a place does not fix the arrival ("leaves for Washington on April 29": the gold leaves it
        # undated, dev and train alike), nor does the day of a return still to come ("who returns from a
        # visit to Brazil on Sunday": the day it ends).
        if tok.lemma_.lower() in _DEPARTURES:
            if (
                _place_left(cand)
                and d.precision == "day"
                and d.end_date == d.start_date
                and abs(d.start - at) <= 90
            ):
                _left_on(cand, d.start_date, tok, sent)
            return
        if cand.status == "ongoing" and _of_a_return(tok):
            return
        if abs(d.start - at) > 90 and d.kind not in {"md_range", "dm_range"}:
            return
        cand.start_date = d.start_date
        cand.end_date = d.end_date if d.precision == "day" else None
        cand.date_precision = d.precision
        if d.precision == "day" and d.end_date == d.start_date:
            cand.end_date = None
        if d.precision == "day" and cand.end_date is None and (_ended_trip(tok) or _ending_day(d, tok)):
            # "concluded a two-day visit on Sunday": the day is
            # the last one, the duration counts back from it.
            _left_on(cand, d.start_date, tok, sent)
            return
    elif ctx.anchor:
        _by_the_article_day(cand, tok, ctx.anchor)
    dur = _trip_duration(tok, sent)
    if dur and cand.date_precision == "day" and cand.start_date and cand.end_date is None:
        cand.end_date = cand.start_date + dt.timedelta(days=dur[0] - 1)
    elif dur and cand.date_precision == "day" and cand.end_date and cand.start_date is None:
        # the duration counts back from the end
        cand.start_date = cand.end_date - dt.timedelta(days=dur[0] - 1)
    if cand.date_precision == "day" and cand.end_date is None and cand.start_date is not None:
        cand.end_date = None
