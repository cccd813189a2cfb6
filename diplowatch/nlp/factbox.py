"""Wire factboxes of comments made at a meeting.

"WASHINGTON (Reuters) - Following are highlights of comments by financial leaders attending the International
Monetary Fund and World Bank spring meetings on Saturday." opens a list of what each said, under a header in
capitals naming the speaker ("FRENCH ECONOMY MINISTER CHRISTINE LAGARDE:", "WOLFGANG SCHAEUBLE, GERMANY'S
FINANCE MINISTER:"). The lead says that they are at the meeting; every state official or IGO head a header
names is there, a visit to the meeting's host when they come from elsewhere (the guidelines: attending a
summit abroad is a visit to its host). Read only when the lead says so: "Following are comments from
policymakers and analysts on the results" places no one.

Any factbox of comments ("Below are key quotes from euro zone officials ...") also gives each header's speaker
the words under it (`factbox_sections`): the reaction rules read them as that speaker's, with no speech verb
(`reactions._factbox_reactions`).
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass

from spacy.tokens import Doc

from diplowatch.nlp.actors import gazetteer
from diplowatch.nlp.context import Actor, ArticleContext
from diplowatch.nlp.people import PeopleIndex, _is_state_title, leader_code
from diplowatch.nlp.segment import Sentence
from diplowatch.nlp.visits import VisitCandidate

# "Following are (key) highlights / comments / quotes / remarks / excerpts ..." ("Below are key quotes ...")
# opening the body of the lead.
_LEAD = re.compile(
    r"\b(?:Following|Below|Here) (?:are|is) (?:the |some )?(?:key |selected )?"
    r"(?:highlights|comments|remarks|quotes|excerpts)\b(?P<rest>[^\n:]*)"
)
# ... made at a meeting: "attending the IMF meetings", "participants at the World Economic Forum", "from the
# G8 finance ministers meeting in Potsdam", "on the final day of a summit", "in Washington for the IMF's
# meetings", "after the end of their two-day meeting"; not at a news conference.
_AT_A_MEETING = re.compile(
    r"\b(?:attending|participants? (?:at|in)|delegates (?:at|to)|at|from|after|on the \w+ day of"
    r"|in [A-Z][\w.]+ for)\b(?:(?!news conference|press conference|briefing)[^.\n])*?\b"
    r"(?P<meeting>summit|meetings?|conference|forum|talks|session|panel|gathering)\b"
)
# A speaker's header: capitalised words (with "U.S.", "GERMANY'S", a comma) up to a colon, a quotation, a new
# line or "On" (the topic).
_HEADER = re.compile(
    r"(?<![A-Za-z])(?P<h>[A-Z][A-Z'’.\-&]*(?:,? [A-Z][A-Z'’.\-&]*){1,14})(?=\s*[:\"“]|\s*\n|\s+On\b)"
)
# A state title in a header ("Finance Minister", "Governor"); an IGO head's title.
_TITLE = re.compile(
    r"\b(?:Minister|President|Premier|Chancellor|Governor|Secretary|Treasurer|Chairman|King)\b"
)
_IGO_HEAD = re.compile(
    r"\b(?:president|managing director|secretary[- ]general|director[- ]general|chairman|head)\b"
)
_NOT_HEAD = re.compile(r"\b(?:vice|deputy|member|executive director)\b")
# Function words of a header kept in lower case when it is written in ordinary case.
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "at", "on", "to", "in", "de", "van", "von"})


@dataclass(frozen=True)
class Section:
    """The part of a factbox of comments one speaker's header heads: [start, end) of the article's text."""

    start: int
    end: int
    header: str
    speaker: Actor


_SECTIONS: weakref.WeakKeyDictionary[ArticleContext, tuple[Section, ...]] = weakref.WeakKeyDictionary()


def factbox_sections(ctx: ArticleContext) -> tuple[Section, ...]:
    """The speakers' parts of a factbox of comments ("Following are highlights of comments by financial
    leaders ...: GERMAN FINANCE MINISTER WOLFGANG SCHAEUBLE ON GREECE: 'Greece must implement ...'"): what
    follows a header naming a state official or an IGO's official, up to the next header naming someone, is
    that speaker's words (a header that only names a topic, "ON CHINESE CURRENCY", goes on with the same
    speaker). Any factbox of comments, at a meeting or not; computed once per article."""
    if ctx in _SECTIONS:
        return _SECTIONS[ctx]
    sections: list[Section] = []
    lead = next(((s, m) for s in ctx.sentences[:2] if (m := _LEAD.search(s.text)) is not None), None)
    if lead is not None:
        heads = _headers(ctx.text, lead[0].start + lead[1].end("rest"), ctx)
        # each speaker's part ends where the next header naming someone begins (the last, with the text)
        ends = [h[0] for h in heads[1:]] + [len(ctx.text)]
        sections = [
            Section(head_end, end, header, actor)
            for (_, head_end, header, actor), end in zip(heads, ends, strict=False)
            if actor is not None and actor.code
        ]
    _SECTIONS[ctx] = tuple(sections)
    return _SECTIONS[ctx]


def section_of(ctx: ArticleContext, sent: Sentence) -> Section | None:
    """The factbox speaker's part a sentence ends in, if any."""
    return next((s for s in factbox_sections(ctx) if s.start < sent.end <= s.end), None)


def factbox_lead(ctx: ArticleContext) -> tuple[Sentence, re.Match, re.Match] | None:
    """(the lead's sentence, its "Following are ..." up to a colon, where it says the meeting is) of a factbox
    of comments made at a meeting, else None."""
    for sent in ctx.sentences[:2]:
        lead = _LEAD.search(sent.text)
        at = _AT_A_MEETING.search(lead.group("rest")) if lead else None
        if lead is not None and at is not None:
            return sent, lead, at
    return None


def factbox_visits(ctx: ArticleContext, docs: list[Doc], kept: list[VisitCandidate]) -> list[VisitCandidate]:
    """The visits of the speakers a factbox of comments at a meeting lists under its headers."""
    found = factbox_lead(ctx)
    if found is None:
        return []
    lead, opening, at = found
    doc = next((d for d in docs if d._.diplowatch_sentence.index == lead.index), None)
    host, city = _meeting_place(opening.group("rest"), ctx)
    if doc is None or host is None:
        return []
    trigger = next((t for t in doc if t.lower_ == at.group("meeting").lower()), doc[0])
    already = {(c.visitor.code, c.host_code) for c in kept}
    out: list[VisitCandidate] = []
    seats = gazetteer().igo_seats
    # the headers follow the opening ("Following are comments after the end of the meeting: GERMAN FINANCE
    # MINISTER ...", in the lead's own sentence or after it)
    for header, actor in _speakers(ctx.text, lead.start + opening.end("rest"), ctx):
        if actor.code in {host, None} or seats.get(actor.code) == host or (actor.code, host) in already:
            continue  # the host's own official, or an IGO's head at its seat, is at home
        already.add((actor.code, host))
        out.append(
            VisitCandidate(
                sentence=lead,
                trigger=trigger,
                trigger_text=trigger.text,
                trigger_offset=lead.start + trigger.idx,
                visitor=actor,
                host_code=host,
                location=city,
                status="ongoing",
                visit_type="unspecified",
                reasons=[
                    f"factbox of comments at a meeting ('{at.group(0)[:60]}'); visitor: header '{header}'",
                    "status: at the meeting the factbox reports",
                ],
                role="meet",
                host_via="factbox",
            )
        )
    return out


def _meeting_place(rest: str, ctx: ArticleContext) -> tuple[str | None, str | None]:
    """(host state, city) of the meeting: a place the lead names ("in Washington", "in the Swiss resort of
    Davos", "in Potsdam, near Berlin"), else the dateline's."""
    for _, _, surface, place in gazetteer().find_all(rest, ctx.published_at):
        if place.kind in {"country", "city", "demonym", "state"}:
            return place.code, (surface if place.kind == "city" else None)
    return ctx.home_code, ctx.home_city


def _headers(text: str, start: int, ctx: ArticleContext) -> list[tuple[int, int, str, Actor | None]]:
    """(start, end, header, the state person it names or None) of each header in capitals from `start` of
    `text` on, in text order; a header that only names a topic ("ON CHINESE CURRENCY") is none."""
    return [
        (start + m.start(), start + m.end(), header, _header_actor(_ordinary_case(header), ctx))
        for m in _HEADER.finditer(text[start:])
        for header in [m.group("h").strip(" ,")]
        if not header.startswith("ON ")
    ]


def _speakers(text: str, start: int, ctx: ArticleContext) -> list[tuple[str, Actor]]:
    """(header, actor) of each header that names a state official or an IGO head ("FRENCH ECONOMY MINISTER
    CHRISTINE LAGARDE", "SOUTH AFRICA'S JACOB ZUMA": a leader by name), in text order."""
    return [
        (header, actor)
        for _, _, header, actor in _headers(text, start, ctx)
        if actor is not None and (actor.code not in gazetteer().igo_seats or _heads_its_igo(header))
    ]


def _header_actor(written: str, ctx: ArticleContext) -> Actor | None:
    """The state person a header written in ordinary case names: a titled person the people index reads, a
    leader by name, or a state title with the one state the header names ("Yoshihiko Noda, Finance Minister,
    Japan", "Duvvuri Subbarao, Governor, Reserve Bank of India")."""
    index = PeopleIndex(written, ctx.published_at, None)
    person = next((p for p in index.people if p.name and p.code and p.is_state), None)
    if person is not None:
        reason = f"factbox header: {person.reason}"
        return Actor(person.name, person.code, True, reason, "person", person.title, True)
    named = _NAME_AND_STATE.match(written)
    if named is not None:
        # "Koji Omi, Japan on Wolfowitz": a delegate named with the state the delegate speaks for
        hits = gazetteer().find_all(named.group("state"), ctx.published_at)
        if len(hits) == 1 and hits[0][3].kind in {"country", "igo"} and hits[0][2] == named.group("state"):
            name = named.group("name")
            return Actor(
                name, hits[0][3].code, True, "factbox header: a name and its state", "person", "", True
            )
    words = written.split()
    for n in (3, 2):
        code = leader_code(" ".join(words[-n:]), ctx.published_at)
        if code is not None:
            return Actor(
                " ".join(words[-n:]), code, True, "factbox header: leaders table", "person", "", True
            )
    if not _TITLE.search(written) or not _is_state_title(written)[0]:
        return None
    codes = {
        place.code
        for *_, place in gazetteer().find_all(written, ctx.published_at)
        if place.kind in {"country", "demonym", "igo", "metonym"}
    }
    if len(codes) != 1:
        return None
    return Actor(
        written, codes.pop(), True, "factbox header: a state title and its state", "person", "", True
    )


# A header of a name and a state (or an IGO), with a title between and a topic after: "Koji Omi, Japan on
# Wolfowitz", "Angela Merkel, Chancellor, Germany", "Olli Rehn, Monetary Affairs Commissioner, European
# Union".
_NAME_AND_STATE = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}), (?:(?P<title>[A-Z][^,]*), )?(?P<state>[A-Z][^,]*?)"
    r"(?: on [^,]*)?$"
)


def _heads_its_igo(header: str) -> bool:
    """An IGO's speaker is a visitor as its head ("IMF MANAGING DIRECTOR ...", "WORLD BANK PRESIDENT ..."),
    not as a member of its board or its staff."""
    low = header.lower()
    return bool(_IGO_HEAD.search(low)) and not _NOT_HEAD.search(low)


def _ordinary_case(header: str) -> str:
    """A header in capitals written in ordinary case, the way the people index reads names and titles: "FRENCH
    ECONOMY MINISTER CHRISTINE LAGARDE" -> "French Economy Minister Christine Lagarde"; acronyms the gazetteer
    knows stay ("IMF", "U.S.")."""
    words: list[str] = []
    for word in header.split():
        bare = word.strip(",")
        if "." in bare or gazetteer().find_all(bare):
            words.append(word)
        elif bare.lower() in _SMALL_WORDS and words:
            words.append(word.lower())
        else:
            words.append("-".join(p[:1] + p[1:].lower() for p in word.split("-")))
    return " ".join(words)
