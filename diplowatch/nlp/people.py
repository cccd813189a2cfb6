"""People and speaker references of one article, resolved to
countries from the text, then from the dated leaders table."""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from diplowatch.nlp.actors import DATA_DIR, Place, eu_code_named, gazetteer
from diplowatch.nlp.dates import WEEKDAYS
from diplowatch.nlp.evidence import FROM_TEXT, Found, Source, Step
from diplowatch.nlp.lexicon import inflections, lexicon
from diplowatch.nlp.segment import MONTHS


@dataclass(frozen=True)
class Leader:
    name: str
    code: str
    office: str
    start: dt.date
    end: dt.date | None


@lru_cache(maxsize=1)
def leaders() -> dict[str, list[Leader]]:
    """Name token (surname and full name) → leaders table rows."""
    index: dict[str, list[Leader]] = {}
    with open(DATA_DIR / "leaders.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            leader = Leader(
                row["name"],
                row["code"],
                row["office"],
                dt.date.fromisoformat(row["start"]),
                dt.date.fromisoformat(row["end"]) if row["end"] else None,
            )
            for key in {row["name"], row["name"].split()[-1]}:
                index.setdefault(key, []).append(leader)
    return index


def _inflected_forms_regex(lemmas) -> re.Pattern:
    """The inflected forms of verbs ("praised", "condemns", "visits"; not the bare lemma), lower case only."""
    forms = {f for lemma in lemmas for f in inflections(lemma) if f != lemma}
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, forms), key=len, reverse=True)) + r")\b")


@lru_cache(maxsize=1)
def _STATEMENT_VERB_RE() -> re.Pattern:  # noqa: N802 - a cached constant
    """Inflected stance, speech and judging verbs ("praised", "condemns", "termed")."""
    lex = lexicon()
    return _inflected_forms_regex({*lex["stance_verbs"], *lex["speech_verbs"], *lex["judging_verbs"]})


@lru_cache(maxsize=1)
def _TRIP_VERB_RE() -> re.Pattern:  # noqa: N802 - a cached constant
    """Inflected travel and meeting verbs ("visits", "meeting", "welcomes")."""
    return _inflected_forms_regex(
        {"visit", "tour", "travel", "fly", "arrive", "meet", "host", "receive", "welcome", "leave", "depart"}
    )


@lru_cache(maxsize=1)
def _leader_surname_regex() -> re.Pattern:
    names = sorted((k for k in leaders() if " " not in k), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")


# Capitalised words that stand before a surname but are no first name ("Mr Paulson", "Chancellor Kohl"; state
# titles are told by _is_state_title).
_NOT_FIRST_NAMES = frozenset(
    {"mr", "mrs", "ms", "dr", "sir", "lord", "lady", "dame", "the", "and", "but", "when", "while", "as", "if"}
    | {"said", "says", "told", "after", "before", "with", "by", "for", "of", "to", "in", "on", "at", "from"}
    | {"general", "gen", "president", "premier", "chancellor", "king", "queen", "prince", "emperor", "pope"}
    # a surname's own particle ("Le Drian", "Van Rompuy", "Al Maktoum")
    | {"le", "la", "de", "del", "della", "di", "da", "du", "dos", "van", "von", "der", "den", "ter"}
    | {"al", "el", "bin", "ben", "abu", "ibn", "mac", "san", "santa"}
)


def _particle(full_name: str) -> str:
    """The lowercase particle a surname is written with ("de la" of "Miguel de la Madrid"), else ""."""
    words = full_name.split()[1:-1]
    while words and not words[0].islower():
        words = words[1:]
    return " ".join(words) if words and all(w.islower() for w in words) else ""


def leader_code(name: str, on_date: dt.date | None) -> str | None:
    """Country of a named leader in office on on_date; undated articles need an unambiguous name."""
    rows = leaders().get(name) or leaders().get(name.split()[-1]) if name else None
    if rows and name not in leaders() and len(name.split()) > 1:
        # A full name whose first name is another's is another person ("Bill Gates" is not Robert Gates);
        # a short form of the first name still matches ("Tim Geithner").
        first = name.split()[0].rstrip(".")
        rows = [r for r in rows if r.name.split()[0].startswith(first) or first.startswith(r.name.split()[0])]
    if rows and " " not in name and any(_particle(r.name) for r in rows) and gazetteer().find_all(name):
        # "Miguel de la Madrid" is "de la Madrid": a bare "Madrid" is the city (or Spain's government)
        rows = [r for r in rows if not _particle(r.name)]
    if not rows:
        return None
    if on_date is not None:
        for leader in rows:
            if leader.start <= on_date and (leader.end is None or on_date <= leader.end):
                return leader.code
        return None
    codes = {leader.code for leader in rows}
    return codes.pop() if len(codes) == 1 else None


@dataclass
class Person:
    """A person or speaker reference found in the article text."""

    name: str | None
    title: str
    code: str | None
    start: int
    end: int
    is_state: bool
    reason: str
    tokens: frozenset[str] = field(default_factory=frozenset)
    found: Found = FROM_TEXT  # how the state was found (typed; `reason` is its wording)


def _named_person(
    m: re.Match, name: str, code: str | None, state: bool, reason: str, found: Found = FROM_TEXT
) -> Person:
    """The Person a title pattern's match names (its `title` group, the match's span, the name's tokens); how
    its state was found counts only for a state person, as its wording does."""
    tokens = frozenset(t for t in name.split() if t not in _STOP_NAME_TOKENS)
    found = found if state else FROM_TEXT
    return Person(name, m.group("title").lower(), code, m.start(), m.end(), state, reason, tokens, found)


# A capital inside a name ("McCormick", "MacArthur", "DeSantis", "LaHood") after a short prefix.
_FIRST = r"(?:(?:Mc|Mac|De|Di|Du|La|Le)?[A-Z][a-z'’]+(?:-[A-Z][a-z]+)?|[A-Z]\.)"
_NAME = (
    r"(?:(?:Mc|Mac|De|Di|Du|La|Le)?[A-Z][a-z'’]+(?:-[A-Z]?[a-z]+)?|[A-Z]\.|al-[A-Z][a-z]+"
    r"|(?:bin|ibn|de|da|van|von|arap|la|del)\b)"
)
_NAME_SEQ = rf"(?P<name>{_FIRST}(?:[ ](?:{_NAME}))*(?:[ ]II|[ ]III)?)\b"

_TITLE_WORDS = sorted(
    {
        t
        for t in lexicon().set("state_titles") | lexicon().set("visitor_titles")
        if t not in {"statement", "office", "department", "crown"}
    }
    | {
        "banker",
        "commissioner",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "president",
        "chairman",
        "director",
        "head",
        "member",  # "ECB governing council member X", "X, a member of the governing council of the ECB"
        "chief economist",  # an IGO's is its official ("OECD chief economist X"), a bank's is no official
    },
    key=len,
    reverse=True,
)
_TITLE_RE = "(?i:" + "|".join(re.escape(t) for t in _TITLE_WORDS) + ")"


# A ministry's portfolio after "of": its words (lexicon `ministry_portfolios`, `portfolio_qualifiers`)
# ending in a portfolio, two joined by "and" kept whole: "Minister of Mines and Energy", "Minister of
# International Trade and Industry" (not "head of the European Commission's": no portfolio).
def _word_alternation(words) -> str:
    return "(?:" + "|".join(sorted({w.capitalize() for w in words}, key=len, reverse=True)) + ")"


_PORTFOLIO = _word_alternation(lexicon()["ministry_portfolios"])
_PORTFOLIO_WORD = _word_alternation([*lexicon()["ministry_portfolios"], *lexicon()["portfolio_qualifiers"]])
_PORTFOLIO_OF = (
    rf" (?:of|for) (?:the )?(?:{_PORTFOLIO_WORD} )*{_PORTFOLIO}(?: and (?:{_PORTFOLIO_WORD} )*{_PORTFOLIO})?"
    r"(?! and |, [A-Z][a-z]+ and )"
)

# "<owner/qualifiers> <Title> <Name>": "Russian President Vladimir
# Putin", "Brazil's central bank governor Francisco Gros".
_TITLED = re.compile(
    rf"\b(?P<title>(?:{_TITLE_RE})"
    # offices whose words are no portfolio of the lexicon (the others are _PORTFOLIO_OF's)
    r"(?: of (?:State|the Treasury|the Exchequer|Homeland Security|Transportation)"
    # a junior minister's portfolio: "Minister of State for Foreign Affairs", "Secretary of State for Defence"
    r"(?:(?<=of State) for (?:(?:Foreign|External|Home|European|Economic) Affairs|Finance|Trade|Defen[cs]e"
    r"|Energy|Agriculture|Health|Europe|Industry|Development|Transport|the Environment))?"
    r"(?! and |, [A-Z][a-z]+ and )"  # not a longer portfolio: "of Agriculture, Fisheries and Food"
    r"| for Homeland Security(?! and )"
    rf"|{_PORTFOLIO_OF}"
    # an envoy's post, the name in apposition after it: "Britain's ambassador to the U.N., Mark Lyall Grant"
    r"|(?:(?<=[Aa]mbassador)|(?<=[Ee]nvoy)) to (?:the )?[A-Z][\w.]*(?: [A-Z][\w.]*){0,2}(?=,))?)"
    # the name is no further title word ("Deputy Secretary of State X" is not "Deputy" named "Secretary")
    rf"(?:,)? (?!(?:{_TITLE_RE}) of ){_NAME_SEQ}",
)
# "the president of Ghana, John Mensah": title, owner, then the name in apposition.
_TITLE_OF_THEN_NAME = re.compile(
    rf"\b(?P<title>{_TITLE_RE}) of (?:the )?(?P<owner>[A-Z][\w.’'\-]*(?: [A-Z][\w.’'\-]*){{0,3}}), "
    rf"{_NAME_SEQ}"
)
# Titles of those a state sends to an international body ("Iran's OPEC governor", "Israeli U.N. spokesman").
_DELEGATE_TITLE = re.compile(
    r"^\s*(?:ambassador|envoy|representative|delegate|delegation|mission|governor|negotiator|spokes(?:man|woman|person))s?\b",
    re.IGNORECASE,
)
# "<Name>, <qualifiers> <title>": "Rolando Arrivillaga, World Bank representative in the Philippines".
_ENVOY_TO = re.compile(
    r"(\b(?:ambassador|envoy|emissary|high commissioner|representative|delegation|delegate)s?"
    # "deputy trade representative of the Soviet Union to the United States": the sender named with "of"
    r"(?:\s+of\s+(?:the\s+)?(?-i:[A-Z])[\w.’'\-]*(?:\s+(?-i:[A-Z])[\w.’'\-]*){0,3})?)\s+to\s+.*$",
    re.IGNORECASE,
)
# (A phrase that opens with a preposition or with "here" is no apposition: "Weizsaecker, on a four-day
# official visit", "De Croo, here for talks with Administration officials".)
_NAME_THEN_TITLE = re.compile(
    rf"{_NAME_SEQ}, (?!(?:on|in|at|during|after|before|from|with|by|for|here|there)\b)(?:the |a |an )?"
    rf"(?P<prefix>(?:[\w.’'\-]+ ){{0,5}}?)(?P<title>{_TITLE_RE})\b"
    # the owner's name may hold "of" ("ambassador of the Democratic People's Republic of Korea")
    rf"(?P<suffix>(?: (?:of|for|in|to) (?:the )?[A-Z][\w.’'\-]*(?: (?:of )?[A-Z][\w.’'\-]*){{0,4}})?)"
)
# Where a sentence ends inside the words before a title, which qualify it only within their own sentence
# ("... accused Washington of breaking trade rules. President X"; not the "U.S." of "U.S. President X").
_SENTENCE_END = r"(?<=[a-z]{2}[.!?])\s"
# "<State> will / plans to / intends to ... / sees / opposes ...": a state's own intent or view opening a
# sentence (people._speaks_for), the state's name also after words that describe it ("Euro zone member
# Slovakia sees"; not after a preposition or a conjunction: "Talks with Iran will ...").
_STATE_INTENT = re.compile(
    r"(?:The )?(?:(?!(?:in|with|for|of|to|on|at|by|from|and|or|over|about|after|before|than)\b)[\w-]+ )"
    r"{0,3}?"
    r"([A-Z][\w.]*(?: [A-Z][\w.]*){0,2}) (?:will|would|plans|intends|is planning|is ready"
    r"|is prepared|has decided|wants|hopes|expects|is seeking|aims|sees|believes|thinks|opposes|supports"
    r"|favou?rs|backs|rejects|welcomes|is committed|remains committed|takes|is taking|regards|considers"
    r"|insists|accepts|fears|is determined|is willing|is confident|has no (?:plans?|intention)"
    r"|does not (?:want|intend|plan|expect|see|believe))\b"
)
_SAID_AFTER = re.compile(r",? (?:said|says|told)\b")
# Words that end the phrase a title's owner is named in: prepositions and conjunctions that start another
# phrase ("Berlin's support for Prime Minister X", "in London over Treasury Secretary X", "since President
# X"), auxiliaries, and a past-tense verb ("U.S. and Cuban ministers discussed President X"), though not the
# participles that describe an official ("Egypt's ousted president").
_CLAUSE_WORDS = (
    r"\b(?:for|over|since|under|because|including|about|into|toward|towards|like|than|via|without|despite|amid"
    r"|across|behind|beyond|upon|through|around|or|whose|has|have|had|is|are|was|were|will|would|can|could"
    r"|should|may|might|must|do|does|did|been|be)\b"
    r"|(?<![-\w])(?!(?:ousted|embattled|beleaguered|elected|re-elected|appointed|designated|detained|jailed"
    r"|exiled|deposed|assassinated|unnamed|named)\b)[a-z]+ed\b"
)
# A title word inside a relative clause's prepositional phrase names no office: "the Crown Prince, who is here
# on an official visit" ("X, who resigned as head of the bank" keeps its title).
_RELATIVE_PHRASE = re.compile(r"(?:who|which|that) .*\b(?:on|in|at|for|during|after|before) (?:a|an|the) $")
# Titles that companies and other bodies give too, and the words of a state's bodies that may stand before
# them ("Commission spokesman", "Foreign Ministry spokesman", "Police official").
_EMPLOYEE_TITLES = frozenset(
    "spokesman spokeswoman spokesperson chairman chief president director".split() + ["vice president"]
)
_STATE_BODY_WORDS = frozenset(
    """commission ministry treasury government parliament police army navy military defense defence foreign
    finance trade economy economics interior justice central cabinet presidential palace office council
    department agency senate congress house court embassy state federal national royal party assembly
    legislature force forces guard command regime junta committee""".split()
)
_NAME_WORD_BEFORE = re.compile(r"([A-Z][a-z][\w&'’-]*)\s+$")


# ... or a possessive one before the title's lower-case words ("Siemens' finance director", "Apple's chief
# operating officer").
_OWNER_BEFORE = re.compile(r"([A-Z][a-z][\w&-]*)(?:'s|’s|'|’)\s+(?:[a-z]+\s+){1,2}$")


# "In Caracas, " opening a sentence, also with a "where" clause on the place ("In Italy, where the central
# bank said on Friday that ..., ").
_PLACE_OPENING = re.compile(
    r"(?:^|\n|[.!?]\s)\s*In ([A-Z][\w.’'\- ]{1,40}?)(?:, where (?:[^.;\n]|\.(?!\s)){1,220}?)?, (?:the )?$"
)
_RIC_AFTER = re.compile(r"\s*\(\s*[\w.]+\.[A-Z]{1,3}\s*\)\s*$")


# A body's acronym in parentheses right before a title ("Dutch central bank (DNB) governor").
_ACRONYM_END = re.compile(r"\s*\([A-Z][A-Za-z.&]{1,7}\)\s*$")


def _surname_country(name: str, start: int, place: Place, on_date: dt.date | None) -> bool:
    """A country's one-word name as the last word of a two-word name, after a first name that names no place
    ("Thomas Jordan", "Chad Michaels")."""
    words = name.split()
    return (
        place.kind == "country"
        and len(words) == 2
        and start == len(words[0]) + 1
        and not gazetteer().find_all(words[0], on_date)
    )


_WHERE_ONE_SPEAKS = re.compile(
    r"\b(?:" + "|".join(map(re.escape, lexicon()["speaking_occasions"]["words"])) + r")s?\b"
)


def _clause_prefix(raw_prefix: str) -> str:
    """The words before a title that qualify it, within its clause ("Brazil's central bank governor")."""
    prefix = re.split(
        rf"[,;:\"“(]|{_SENTENCE_END}|{_CLAUSE_WORDS}|\b(?:and|with|by|told|said|met|meet|quoted|quoting|reported|cited|to|the|a|an|as|at|in|on|from|between|among|during|after|before|against|that|who|which|when|while|whether|if|but|The|A|An|As|At|In|On|From)\b",
        raw_prefix,
    )[-1]
    # "told a press conference Prime Minister X is unlikely to ...": where one speaks ends the phrase before
    # the title (not "OPEC conference president": a conference's own office).
    prefix = _WHERE_ONE_SPEAKS.split(prefix)[-1]
    # "Israeli Prime Minister X praised President Y": a
    # statement verb ends the clause the nationality belongs to.
    prefix = _STATEMENT_VERB_RE().split(prefix)[-1]
    # "when the President visits Prime Minister Brian Mulroney": nor does a trip verb qualify a title.
    prefix = _TRIP_VERB_RE().split(prefix)[-1]
    return _portfolio_pair(raw_prefix, prefix)


def _word_before_title(prefix: str) -> str | None:
    """The capitalised word (no acronym) right before a title, without its "'s": "Merkel", "Sprint"; past a
    company's instrument code ("Toyota Motor Corp ( 7203.T ) President": "Corp")."""
    prefix = _RIC_AFTER.sub(" ", prefix)
    m = _NAME_WORD_BEFORE.search(prefix) or _OWNER_BEFORE.search(prefix)
    return m.group(1).removesuffix("'s").removesuffix("’s") if m else None


# Speakers without a name: "a spokesperson for the U.S.", "a Treasury
# spokesman", "Soviet officials", "the U.S. embassy in Hanoi".
# The unnamed offices of _UNNAMED that are people (the others are institutions: "he" is none of them).
_PERSON_OFFICES = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "official", "officials", "diplomat", "diplomats"}
    | {"envoy", "ambassador"}
)

# "the country's", "the kingdom's" before a title: the state named before ("Ali al-Naimi, the kingdom's oil
# minister"), not the dateline's.
_ANAPHORIC_OWNER = re.compile(
    r"\b(?:country|kingdom|nation|republic|emirate|island nation)(?:'s|’s)\s+(?:[\w-]+\s*){0,4}$", re.I
)

# Institutions of a story that are the dateline state's when nothing else owns them ("the ministry said").
_HOME_INSTITUTIONS = r"treasury|ministry|central bank|government|administration|parliament"

# A source first given by title alone and named in the next sentence ("..., Chile's foreign minister said on
# Tuesday. '...,' Heraldo Munoz told a news conference"): the title, then the next quote's speaker's name.
_TITLE_SOURCE = re.compile(
    r"(?P<owner>\b[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,2}(?:'s|’s)?)\s+"
    r"(?P<title>(?:[a-z]+\s+){0,2}(?:minister|president|premier|chancellor|secretary|ambassador|governor))"
    r"\s+(?:said|told|says|added)\b"
)
_LATER_NAMED_SOURCE = re.compile(
    rf"(?P<name>{_FIRST}(?:\s+{_FIRST}){{1,2}})\s+(?:told|said|says|added)\b"
    rf"|\b(?:said|says|added)\s+(?P<name2>{_FIRST}(?:\s+{_FIRST}){{1,2}})\s*[.]"
)

_UNNAMED = re.compile(
    r"\b(?P<title>(?i:spokes(?:man|woman|person)|officials?|ministry|embassy|government|diplomats?|envoy|delegation|mission|authorities|"
    r"administration|treasury|statement|parliament|legislature|central bank|ambassador))\b"
    r"(?P<suffix>(?:\s+(?:for|of|in|at|to)\s+(?:the\s+)?[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,3})?)",
)

# Characters that (?i) matches to an ASCII letter although their lower() is not that letter ("ſ" ~ "s").
_FOLD_SPECIAL = ("\u0130", "\u0131", "\u017f", "\u212a")


@lru_cache(maxsize=1)
def _title_automaton():
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for word in _TITLE_WORDS:
        automaton.add_word(word.lower(), len(word))
    automaton.make_automaton()
    return automaton


def _title_matches(rx: re.Pattern, text: str):
    """The same matches as rx.finditer(text) for a pattern that opens with a title word (_TITLED,
    _TITLE_OF_THEN_NAME), trying the regex only where a title word starts (a speed-up only: the big
    case-insensitive alternation is slow to try at every position)."""
    low = text.lower()
    if len(low) != len(text) or any(c in text for c in _FOLD_SPECIAL):
        yield from rx.finditer(text)
        return
    pos = 0
    for start in sorted({end - n + 1 for end, n in _title_automaton().iter(low)}):
        if start >= pos and (m := rx.match(text, start)) is not None:
            yield m
            pos = m.end()


_OFFICE_QUALIFIERS = {
    "foreign",
    "finance",
    "defence",
    "defense",
    "trade",
    "economy",
    "economic",
    "interior",
    "state",
    "senior",
    "top",
    "government",
    "ministry",
    "central",
    "bank",
    "agriculture",
    "energy",
    "oil",
    "deputy",
    "chief",
    "official",
    "press",
    "presidential",
    "embassy",
    "affairs",
    "justice",
    "health",
    "security",
    "military",
    "naval",
    "navy",
    "army",
    "air",
    "a",
    "an",
    "the",
}
_STOP_NAME_TOKENS = {
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "Of",
    "And",
    "For",
    "To",
    "He",
    "She",
    "It",
    "They",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sen",
    "Gen",
}


# A state's office after "at": "at the Soviet Foreign Ministry", "at the U.S. embassy", "at Japan's Finance
# Ministry" (the state is named right before the office words).
_STATE_OFFICE_AT = re.compile(
    r"(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?(?:'s)?\s+(?:[A-Z][a-z]+\s+){0,2}"
    r"(?:Ministry|ministry|Embassy|embassy|Treasury|Foreign Office|[Mm]ission to)\b"
)


def _apposition_rest(text: str, start: int) -> str:
    """The words of an apposition after its title, up to its end or a clause of its own ("..., chief fund
    manager at Ichiyoshi Investment Management, said")."""
    # The period of an abbreviation ("chief U.S. economist at ...") ends nothing.
    rest = re.match(r"(?:[^,;.()\"“”]|(?<=\b[A-Z])\.){0,80}", text[start:]).group(0)
    rest = re.split(
        r"\b(?:who|which|that|said|says|told|tells|in|on|during|after|before|when|while)\b", rest, maxsplit=1
    )[0]
    # A stock ticker after the employer's name ("head of Nokia's ( NOK1V.HE ) unit") makes it a company.
    return rest + " corp" if _TICKER.match(text, start + len(rest)) else rest


_TICKER = re.compile(r"\s*\(\s*[A-Z0-9]{1,6}\.[A-Z]{1,2}\s*\)")

# "vice president for international services at Chase Econometrics", "a spokesman for NML": the body a title
# is held at or speaks for.
_AT_EMPLOYER = re.compile(r"\b(at|for) (?:the )?((?:[A-Z][\w&.'’-]*\s?){1,5})")


def _within_the_sentence(suffix: str, rest: str) -> tuple[str, str]:
    """A title's "of / for ..." suffix and the apposition's rest, cut where the name run of the suffix went
    on past the sentence's end ('..., a spokesman for NML. There was no comment from Argentina': "for NML",
    and no rest; "for the U.S. Treasury" goes on)."""
    m = re.search(r"\.\s+[A-Z][a-z]+$", suffix)
    if m is None or not re.match(r"\s+[a-z]", rest):
        return suffix, rest
    return suffix[: m.start()], ""


def _employer_after(rest: str, on_date: dt.date | None) -> str | None:
    """The employer an apposition's title is held at ("..., vice president ... at Chase Econometrics"), when
    it is no state, IGO or state body ("at the IMF", "at the Finance Ministry"), else None."""
    m = _AT_EMPLOYER.search(rest)
    if m is None:
        return None
    name = m.group(2).strip()
    words = {w.lower() for w in re.findall(r"[\w&]+", name)}
    state_body = bool(words & _STATE_BODY_WORDS)
    if m.group(1) == "for":
        # "a spokesman for Merkel", "for Chancellor Kohl", "for the President": who speaks for a leader or an
        # office speaks for the state
        state_body = (
            state_body or bool(words & _title_words()) or _leader_surname_regex().search(name) is not None
        )
    return None if state_body or gazetteer().find_all(name, on_date) else name


# The titles a portfolio word can qualify ("Trade and Industry Minister", "the EU's industry commissioner").
PORTFOLIO_TITLES = frozenset({"minister", "ministry", "secretary", "commissioner"})
_PORTFOLIO_TITLES = f"(?:{'|'.join(sorted(PORTFOLIO_TITLES))})"
# A rank written before such a title, in one word or two: "Industry Undersecretary", "Treasury Assistant
# Secretary", "Trade Vice-Minister".
_PORTFOLIO_RANK = r"(?:(?:under|vice|deputy|assistant|permanent|state)[\s-]?)?"


_MINISTER_COMPOUND = re.compile(r"\b((?:[A-Z][\w-]*\s+){1,3})Minister\b")


_LEGISLATURE = re.compile(
    r"\b(?:senate|house|congress|congressional|parliament|parliamentary|assembly|duma|bundestag)\b"
)


_MD_WORDS = frozenset(
    {"managing", "director", "directors", "deputy", "first", "senior", "acting", "and", "chief"}
)


def igo_chief_economist(phrase: str) -> bool:
    """An IGO's chief economist ("OECD chief economist Pier Carlo Padoan", "the IMF's chief economist") is a
    senior official of the IGO; a bank's or an institute's chief economist is an analyst."""
    return bool(re.search(r"\bchief economist\b", phrase, re.IGNORECASE)) and any(
        place.kind == "igo" for *_, place in gazetteer().find_all(phrase)
    )


def _is_state_title(phrase: str) -> tuple[bool, str]:
    low = phrase.lower()
    lex = lexicon()
    if re.search(r"\b(?:former|ex-|retired|late)\b", low):
        return False, "former official"
    state_bank = any(bank in low for bank in lex["state_bank_words"])
    for bank in lex["state_bank_words"]:
        low = low.replace(bank, "statebank")
    low = re.sub(r"\bchambers? of commerce\b", "association", low)  # a business association
    # "the European Union's executive arm": a government's executive branch is no company executive
    low = re.sub(r"\bexecutive (?=arm|branch|body)", "", low)
    # Names of states and IGOs ("Palestine Liberation Organization", "Bank of Japan") are not business words.
    named = gazetteer().find_all(phrase)
    for start, end, _, _ in reversed(named):
        low = low[:start] + " " * (end - start) + low[end:]
    words = set(re.findall(r"[a-z]+", low))
    bad = words & lex.set("non_state_words")
    if state_bank or any(place.kind == "igo" for *_, place in named):
        # the board of an IGO or a central bank ("ECB board member", "Bundesbank board member") is no
        # company board, and "the EU's executive" no company executive (an "executive board member" is
        # still no head of the IGO)
        bad -= {"board"}
        # an IGO's department ("deputy director of research at the IMF", "the IMF's statistics department")
        bad -= {"research", "statistics", "economics", "strategy"}
        if not re.search(r"\bexecutive\s+(?:board|director|committee|officer)", low):
            bad -= {"executive"}
    if igo_chief_economist(phrase):
        bad.discard("economist")
    if _LEGISLATURE.search(low):
        # "Senate Finance Committee chairman", "the parliamentary foreign affairs committee"
        bad.discard("committee")
    # A portfolio of a ministerial title ("Trade and Industry
    # Minister", "Minister for Church Affairs") is not a business word.
    bad = {
        w
        for w in bad
        if not (
            w in lex.set("portfolio_words")
            and (
                re.search(
                    rf"\b{w}\s+(?:and\s+[a-z]+\s+)?(?:affairs\s+)?{_PORTFOLIO_RANK}{_PORTFOLIO_TITLES}\b", low
                )
                or re.search(
                    rf"\b{_PORTFOLIO_TITLES}\s+(?:of|for)\s+(?:[a-z]+,?\s+(?:and\s+)?){{0,4}}{w}\b",
                    low,
                )
            )
        )
    }
    # Any words of a capitalised title that ends in "Minister" name its portfolio ("Investment Fund Minister",
    # "Wheat Board Minister", "National Strategy Minister"): a minister is a member of a government.
    bad -= {w.lower() for m in _MINISTER_COMPOUND.finditer(phrase) for w in m.group(1).split()}
    if bad:
        return False, f"non-state ({sorted(bad)[0]})"
    igo_named = any(place.kind == "igo" for *_, place in named)
    if re.search(r"\bmanaging directors?\b", low) and not (state_bank or igo_named) and words - _MD_WORDS:
        # "IMF Managing Director X" heads an IGO; "BdB managing director X" runs a bank lobby or a company
        # (a bare "Managing Director X" is left to the article and the leaders table)
        return False, "non-state (managing director of another body)"
    return True, "state title"


def _resolve_short_mentions(found: list[Person]) -> None:
    """A short mention ("Putin", "Kim") is the person the article names in full with those words.

    News names a person in full once and by surname afterwards; headlines, captions and bullets may use the
    surname before the full name, so a later full name also counts. The nearest full name before the
    mention wins (two Bushes), then the first one after it. The full mention's owner is kept when it came
    from the text, as that beats the leaders table and the dateline.
    """
    full = [p for p in found if p.name and len(p.name.split()) > 1]
    for person in found:
        if not person.name or person in full:
            continue
        words = set(person.name.split())
        matches = [p for p in full if words <= set(p.name.split()) and p.is_state == person.is_state]
        if not matches:
            continue
        before = [p for p in matches if p.start < person.start]
        donor = before[-1] if before else matches[0]
        person.name = donor.name
        person.tokens = person.tokens | donor.tokens
        if (person.found.by_leaders_table or person.found.dateline_person) and donor.code:
            person.code, person.reason = donor.code, f"surname → {donor.reason}"
            person.found = donor.found.through(Step.SURNAME)
            person.title = donor.title


_SINGLE_TITLE_WORDS = {w for w in _TITLE_WORDS if " " not in w and "-" not in w}
# Names of days and months, which wire copy puts right after a name ("Nakasone Monday said").
_TIME_NAMES = frozenset(WEEKDAYS) | frozenset(MONTHS)


def first_name_of_another(name: str, after: str, on_date: dt.date | None) -> bool:
    """A leader's name that is the first name of someone else's full name: followed by a capitalised word
    that is no title, day, month or place, the two no leader's name ("Abbas Hussain", a drugmaker's
    executive, is not Mahmoud Abbas; "Major League Baseball" is not John Major; "Nakasone Monday said",
    "President Reagan", "Mahmoud Abbas" are read as before)."""
    low = after.lower()
    return (
        low not in _SINGLE_TITLE_WORDS
        and low not in _TIME_NAMES
        and not gazetteer().find_all(after)
        and leader_code(f"{name} {after}", on_date) is None
    )


# A capitalised word of five letters or more followed by a lower-case word or a stop ("Schultz is currently
# visiting Peking", "said Reyners."); such a word after another capitalised one (_misspelt_surnames).
_ALONE_AS_A_NAME = re.compile(r"\b([A-Z][a-z]{4,})\b(?=\s+[a-z]|[,.;:])")
_AFTER_A_CAPITALISED_WORD = re.compile(r"\b([A-Z][\w'’.-]*) ([A-Z][a-z]{4,})\b")


def _one_letter_off(a: str, b: str) -> bool:
    """Two different words one edit apart: a letter added, dropped or changed, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _split_name(title: str, name: str) -> tuple[str, str]:
    """(title, name) with title words the name pattern swallowed moved back to the title, possessives cut.

    "Treasury" + "Secretary James Baker" → ("Treasury Secretary", "James Baker"); "Carlsson's" → "Carlsson".
    """
    words = name.split()
    for i, word in enumerate(words):
        if re.search(r"['’]s?$", word) and i > 0 or re.search(r"['’]s$", word):
            words = words[: i + 1]
            words[-1] = re.sub(r"['’]s?$", "", words[-1])
            break
    last_title = max((i for i, w in enumerate(words[:-1]) if w.lower() in _SINGLE_TITLE_WORDS), default=-1)
    if last_title >= 0:
        title = f"{title} {' '.join(words[: last_title + 1])}"
        words = words[last_title + 1 :]
    return title, " ".join(w for w in words if w)


_SOURCE_AFTER = re.compile(
    r"^[\w\s.,'’\-]{0,25}?\b(?:said|says|told|tells|stated|added|announced|reported)\b"
)


def without_article(tokens) -> set[str]:
    """ "al-Sisi", "el-Baradei" are later written without the article: "Sisi", "Baradei"."""
    variants = {re.sub(r"^(?:al|el|ad|ar|as|ash|at|az|an)-", "", t) for t in tokens if "-" in t}
    return {v for v in variants if len(v) > 2}


_PORTFOLIO_AND = re.compile(r"(?:^|\s)([A-Z][a-z]+) and ([A-Z][a-z]+ (?:[\w’'\-]+ )*)$")


def _portfolio_pair(raw_prefix: str, prefix: str) -> str:
    """The prefix with a ministry's portfolio of two words joined by "and" kept whole ("Tanzania's
    Agriculture and Livestock Development Minister"): its owner stands before the pair. Not when anything else
    stands before "and" ("Germany and Spanish Prime Minister X", "Hollande and German Chancellor Merkel"):
    that "and" joins two actors."""
    m = _PORTFOLIO_AND.search(raw_prefix)
    if m is None or not raw_prefix.endswith(prefix) or not prefix.strip().startswith(m.group(2).split()[0]):
        return prefix
    if m.group(1).lower() not in lexicon().set("ministry_portfolios"):
        return prefix  # "Hollande and German Chancellor Merkel": two actors
    start = m.start(1)
    before = re.split(
        r"[,;:\"“(]|\b(?:and|with|by|to|the|a|an|at|in|on|from|The|A|An|At|In|On)\b", raw_prefix[:start]
    )[-1]
    return before + raw_prefix[start:]


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """The words of state titles and their qualifiers ("Under Secretary", "Assistant Secretary"): a "name"
    made only of them is the rest of a title."""
    titles = {*lexicon()["state_titles"], *lexicon()["visitor_titles"]}
    words = {w for t in titles for w in re.findall(r"[a-z]+", t)} - _TITLES_THAT_ARE_NAMES
    return frozenset(
        words | {"under", "assistant", "associate", "acting", "vice", "general", "senior", "principal"}
    )


# Royal and religious titles are personal names too ("Sheikh Sultan", "Mervyn King"): never a title's rest.
_TITLES_THAT_ARE_NAMES = frozenset(
    {"king", "queen", "prince", "crown", "emir", "sultan", "sheikh", "shah", "pope", "cardinal", "sovereign"}
    | {"monarch", "ayatollah", "vizier", "leader", "speaker", "chief", "head", "state"}
)


# The nouns of a government a leader's name may qualify ("the Reagan administration", "the Thatcher
# government").
GOVERNMENT_TITLES = frozenset({"administration", "government", "cabinet"})


def _bare_name(word: str) -> str:
    """A word as a name, without a possessive ending or trailing punctuation ("Reagan's" -> "Reagan")."""
    return re.sub(r"(?:'s|’s|')$", "", word.strip(",.;:"))


class PeopleIndex:
    """Every titled person and unnamed official speaker in an article, in text order."""

    def __init__(self, text: str, on_date: dt.date | None, home_code: str | None):
        self.text = text
        self.on_date = on_date
        self.home_code = home_code
        self.people: list[Person] = []
        self.by_token: dict[str, Person] = {}
        self.misspelt: dict[str, Person] = {}  # a surname misspelt -> its person (_misspelt_surnames)
        self._scan(text)

    @cached_property
    def by_surname(self) -> dict[str, Person]:
        """Named people by the last word of their name, the word later mentions use."""
        named = {tok: p for tok, p in self.by_token.items() if p.name and tok == p.name.split()[-1]}
        return {**named, **self.misspelt}

    @cached_property
    def full_names(self) -> list[str]:
        """The names of more than one word the article gives people ("Miguel de la Madrid")."""
        return [p.name for p in self.people if p.name and " " in p.name]

    def first_named_in(self, text: str) -> Person | None:
        """The state person whose surname comes first in text (the subject, in English word order)."""
        found = [
            (m.start(), person)
            for surname, person in self.by_surname.items()
            if person.is_state
            for m in [re.search(rf"\b{re.escape(surname)}\b", text)]
            if m is not None
        ]
        return min(found, key=lambda pair: pair[0])[1] if found else None

    @cached_property
    def _names_the_commission(self) -> str | None:
        return eu_code_named(self.text, self.on_date)

    def _commission_office(self, title: str, prefix: str = "") -> str | None:
        """The EU's code for a commissioner ("Trade Commissioner X", "X, the European commissioner for tax")
        or an office of a bare "Commission" ("Commission spokesman X"; not "Federal Trade Commission
        chairman"), in a story that names the European Commission; else None."""
        commission = "commissioner" in title.lower() or re.fullmatch(r"(?:[Tt]he\s+)?Commission\s*", prefix)
        return self._names_the_commission if commission else None

    def _antecedent_country(self, text: str, at: int, phrase: str) -> str | None:
        """The state "the country's" / "the kingdom's" before a title stands for: the last country named
        before it ("Saudi Arabia is pumping more. Ali al-Naimi, the kingdom's oil minister"), else None."""
        if not _ANAPHORIC_OWNER.search(phrase):
            return None
        hits = gazetteer().find_all(text[max(0, at - 800) : at], self.on_date)
        owners = [place.code for *_, place in hits if place.kind in {"country", "demonym"}]
        return owners[-1] if owners else None

    def _owner_code(self, phrase: str) -> str | None:
        # "the Japanese ambassador to the U.S.": the state an envoy is sent to does not own the envoy.
        phrase = _ENVOY_TO.sub(r"\1", phrase)
        head, *after = re.split(r"\s+(?:in|at|near)\s+", phrase, maxsplit=1)
        hits = gazetteer().find_all(head, self.on_date)
        if (
            len(hits) >= 2
            and hits[-1][3].kind == "igo"
            and hits[-2][3].kind in {"country", "demonym"}
            and re.fullmatch(r"(?:['’]s)?\s+", head[hits[-2][1] : hits[-1][0]])
            and _DELEGATE_TITLE.search(head[hits[-1][1] :])
        ):
            # "Iran's OPEC governor", "Greek U.N. Representative", "Mexico's WTO ambassador": a state's
            # delegate to the body, not the body's own officer ("Britain's EU Commissioner" is the EU's)
            return hits[-2][3].code
        first = gazetteer().find_all(after[0], self.on_date)[:1] if not hits and after else []
        if first and _STATE_OFFICE_AT.match(after[0]):
            # "head of the Gulf desk at the Soviet Foreign Ministry": a desk of a state's ministry is that
            # state's (not "economist at Nomura in Tokyo": a place is no office)
            hits = first
        elif first and first[0][3].kind == "igo" and re.fullmatch(r"(?:the\s+)?", after[0][: first[0][0]]):
            # "deputy director of research at the IMF": the IGO itself, named right after "at"
            hits = first
        # The owner named nearest to the title: "Vietnam hosted South Korean President Lee" → KOR.
        for _, _, _, place in reversed(hits):
            if place.kind != "city" or len(hits) == 1:
                return place.code
        return None

    def _without_trailing_state(self, name: str) -> str:
        """ "told visiting U.S. Secretary of State George Hale Egypt's troubles were over": a country's name
        run on after a full name (a clause with no "that") is none of the name."""
        words = name.split()
        if len(words) < 3:
            return name
        for cut in (1, 2):
            rest, tail = " ".join(words[:-cut]), " ".join(words[-cut:])
            hits = gazetteer().find_all(tail, self.on_date)
            if (
                len(words) - cut >= 2
                and len(hits) == 1
                and hits[0][3].kind == "country"
                and hits[0][1] - hits[0][0] == len(tail)
            ):
                return rest
        return name

    def _not_a_name(self, name: str) -> bool:
        """Place names, demonyms and organisation words that the name pattern also matches."""
        # Cities are also surnames ("Li Wei"); demonyms and organisations never are, nor is a country named
        # whole ("South Africa"); a country's name as the surname after a first name is ("SNB Chairman Thomas
        # Jordan").
        hits = gazetteer().find_all(name, self.on_date)
        if any(
            place.kind != "city" and not _surname_country(name, at, place, self.on_date)
            for at, _, _, place in hits
        ):
            return True
        if all(re.fullmatch(r"[A-Z]\.", w) for w in name.split()):
            return True  # "chief U.S. economist": an abbreviation's first letter is no initial of a name
        if re.search(r"\bOfficers?\b", name):
            return True  # "Chief Financial Officer Paul Tufano": the rest of a company title
        words = set(re.findall(r"[a-z]+", name.lower()))
        if words <= _title_words():
            return True  # "U.S. Treasury Under Secretary for ... Lael Brainard": the rest of a title
        return bool(words & lexicon().set("non_state_words"))

    def _scan(self, text: str) -> None:
        found: list[Person] = []
        self._scan_titled(text, found)
        self._scan_title_then_name(text, found)
        self._scan_name_then_title(text, found)
        self._scan_unnamed(text, found)
        self._scan_leader_surnames(text, found)
        self._scan_named_after_title(text, found)
        found.sort(key=lambda p: p.start)
        _resolve_short_mentions(found)
        self.people = found
        for person in found:
            for tok in sorted(set(person.tokens) | without_article(person.tokens)):
                self.by_token.setdefault(tok, person)
                # Later surname-only mentions resolve to the fullest earlier mention.
                if not person.found.dateline_person or tok not in self.by_token:
                    self.by_token[tok] = self.by_token.get(tok, person)
        for word, person in self._misspelt_surnames(text).items():
            self.by_token[word] = person
            self.misspelt[word] = person

    def _misspelt_surnames(self, text: str) -> dict[str, Person]:
        """A state person's surname misspelt elsewhere in the article ("Schultz" after "George Shultz",
        "Reynders" after "Didier Reyners", "Schaueble" after "Wolfgang Schaeuble"): wire copy of every era has
        such slips, in the full name or in the later mention. A capitalised word
        one letter off (a letter added, dropped or changed, or two swapped) the surname of exactly one state
        person the article names in full with a state resolves to that person, when it is used alone as a
        name (followed by a lower-case word or a stop) and never inside a longer name ("Howard Schultz":
        someone else; a title before it is fine), is no title word, no place, no plural of the surname ("the
        Clintons") and no name of someone else of the article, and is not written in lower case elsewhere (no
        English word)."""
        surnames: dict[str, Person] = {}
        for p in self.people:
            words = p.name.split() if p.is_state and p.code and p.name else []
            if len(words) > 1 and len(words[-1]) >= 5:
                surnames.setdefault(words[-1], p)
        out: dict[str, Person] = {}
        if not surnames:
            return out
        in_longer_names = {
            m.group(2)
            for m in _AFTER_A_CAPITALISED_WORD.finditer(text)
            if m.group(1).lower() not in _SINGLE_TITLE_WORDS
        }
        for m in _ALONE_AS_A_NAME.finditer(text):
            word = m.group(1)
            if (
                word in self.by_token
                or word in out
                or word in in_longer_names
                or word.lower() in _SINGLE_TITLE_WORDS
            ):
                continue
            near = {id(p): p for s, p in surnames.items() if _one_letter_off(word, s) and word != s + "s"}
            if len(near) != 1:
                continue
            if re.search(rf"\b{word.lower()}\b", text) or gazetteer().lookup(word, self.on_date):
                continue
            out[word] = next(iter(near.values()))
        return out

    def _scan_titled(self, text: str, found: list[Person]) -> None:
        """Titled people: "Russian President Vladimir Putin", with the owner of the title."""
        for m in _title_matches(_TITLED, text):
            title_text, name = _split_name(m.group("title"), m.group("name").strip())
            name = self._without_trailing_state(name)
            toks = [t for t in name.split() if t not in _STOP_NAME_TOKENS]
            if not toks or name.split()[0] in _STOP_NAME_TOKENS or self._not_a_name(name):
                continue
            # Up to six words before the title qualify it ("Brazil's
            # central bank governor"), within this clause.
            before = text[max(0, m.start() - 80) : m.start()]
            # "Italy's then-prime minister": the office held at the time, owned as any other; "U.S.
            # Under-Secretary of State X", "China's Vice-Premier X": the rank's first word is no owner's word
            before = re.sub(r"\b(?:[Tt]hen|[Uu]nder|[Vv]ice|[Dd]eputy|[Ss]ub)-$", "", before)
            # Words in parentheses count too: "Food and Agricultural Organisation (FAO) director".
            words = re.search(r"(?:[\w.’'\-()]+ ){0,6}$", before)
            raw_prefix = words.group(0) if words else ""
            prefix = _clause_prefix(raw_prefix)
            title_phrase = f"{prefix}{title_text}"
            after = text[m.end() : m.end() + 60]
            of_owner = re.match(r" of (?:the )?([A-Z][\w.]*(?: [A-Z][\w.]*){0,3})", after)
            code = self._owner_code(title_phrase) or (
                self._owner_code(of_owner.group(1)) if of_owner else None
            )
            if not code and _ACRONYM_END.search(raw_prefix):
                # "Dutch central bank (DNB) governor Nout Wellink": the owner stands before the acronym (and
                # is the body the title is of: "Electronic Industries Association of Japan (EIAJ) Chairman"
                # is no state's)
                title_phrase = f"{_clause_prefix(_ACRONYM_END.sub(' ', raw_prefix))}{title_text}"
                code = self._owner_code(title_phrase)
            reason = "title with nationality" if code else ""
            source = Source.TEXT
            led = leader_code(name, self.on_date)
            if led and not code:
                code, reason, source = led, "leaders table", Source.LEADERS_TABLE
            boss = None if code else self._person_before(prefix, found)
            if boss is not None:
                # "Merkel spokesman Steffen Seibert", "Putin spokesman Dmitry Peskov": a state person's aide.
                code, reason = boss[0], f"{title_text.lower()} of {boss[1]}"
            if not code and (commission := self._commission_office(title_text, prefix)):
                # "Economic and Monetary Affairs Commissioner Joaquin Almunia", "Commission spokesman Amadeu
                # Altafaj" in a story on the EU
                code, reason = commission, "an office of the European Commission"
            # (the words before a company's instrument code too: "Toyota Motor Corp ( 7203.T ) President")
            owner_words = raw_prefix if _RIC_AFTER.search(raw_prefix) else prefix
            employer = None if code else self._company_before(owner_words, title_text, found)
            placed = None if code else self._placed_in(text, m.start() - len(prefix))
            if placed:
                # "In Caracas, President Jaime Lusinchi said": wire style places a statement of the place's
                # own official this way (under a QUITO dateline, Lusinchi is no Ecuadorean).
                code, reason = placed, "official of the place the sentence opens with"
            if not code:
                code = self._antecedent_country(text, m.start() - len(prefix), title_phrase)
                reason = "the country named before" if code else reason
            if not code:
                code = self._speaks_for(text, m.start() - len(prefix), m.end())
                reason = "the state whose intent the sentence reports" if code else reason
            if not code and self.home_code:
                code, reason, source = self.home_code, "dateline country", Source.DATELINE
            state, why = _is_state_title(title_phrase + (of_owner.group(0) if of_owner else ""))
            if employer:
                state, why = False, f"employer named before the title ({employer})"
            found.append(
                Person(
                    name,
                    _ENVOY_TO.sub(r"\1", title_text).lower(),  # the title, not the post ("ambassador")
                    code,
                    m.start() - len(prefix),
                    m.start("name") + m.group("name").find(name) + len(name),
                    state,
                    reason if state else why,
                    frozenset(toks),
                    Found(source) if state else FROM_TEXT,
                )
            )

    def _speaks_for(self, text: str, start: int, end: int) -> str | None:
        """The state an official of no stated nationality speaks for when the sentence he closes reports that
        state's own intent ("Ecuador will ask OPEC to raise its quota, deputy Energy Minister X said"): wire
        style leaves the nationality to the sentence's subject."""
        if not _SAID_AFTER.match(text, end):
            return None
        head = text[max(0, start - 300) : start]
        opening = re.split(r"(?:^|\n|[.!?]\s|\s[-–—]{1,2}\s)", head)[-1]
        m = _STATE_INTENT.match(opening)
        if m is None:
            return None
        hits = [h for h in gazetteer().find_all(m.group(1), self.on_date) if h[3].kind in {"country"}]
        if len(hits) != 1 or hits[0][1] - hits[0][0] != len(m.group(1)):
            return None
        return hits[0][3].code

    def _placed_in(self, text: str, start: int) -> str | None:
        """The country of the place a sentence opens with when only that stands before the title ("In
        Caracas, President X"; also after a "where" clause on the place: "In Italy, where the central bank
        said ..., Economy Minister X said"), if it is not the dateline's."""
        line = text[max(0, start - 300) : start]
        m = _PLACE_OPENING.search(line)
        return self._foreign_place(m.group(1)) if m else None

    def _paragraph_placed_in(self, text: str, start: int) -> str | None:
        """The country of the place the paragraph opens with ("In Taipei, Taiwan said it would not recognise
        the agreement. A Foreign Ministry statement said ..."), if it is not the dateline's."""
        para = text.rfind("\n", 0, start) + 1
        if para == 0 and self.home_code:
            return None  # the dateline's own paragraph
        m = re.match(r"\s*In ([A-Z][\w.’'\- ]{1,40}?), ", text[para:start])
        return self._foreign_place(m.group(1)) if m else None

    def _foreign_place(self, name: str) -> str | None:
        """The country of a name that is one city or country and nothing more, if it is not the dateline's."""
        hits = [h for h in gazetteer().find_all(name, self.on_date) if h[3].kind in {"city", "country"}]
        if len(hits) != 1 or hits[0][1] - hits[0][0] != len(name):
            return None
        code = hits[0][3].code
        return code if code != self.home_code else None

    def _person_before(self, prefix: str, found: list[Person]) -> tuple[str, str] | None:
        """(code, name) of the state person whose surname stands right before a title ("Merkel spokesman"):
        named earlier in the article, or a leader of the day."""
        word = _word_before_title(prefix)
        if word is None:
            return None
        named = (p for p in reversed(found) if p.name and p.code and p.is_state and word in p.tokens)
        person = next(named, None)
        if person is not None:
            return person.code, person.name
        led = leader_code(word, self.on_date)
        return (led, word) if led else None

    def _company_before(self, prefix: str, title: str, found: list[Person]) -> str | None:
        """ "Sprint spokesman Matthew Sullivan", "Porsche Chairman Wolfgang Porsche": a name right before a
        spokesman's or an executive's title that is no place, leader, acronym or state institution is the
        employer, a company or a body of its own. Only for such titles: "Energy Minister X" is a state's."""
        if title.lower() not in _EMPLOYEE_TITLES and title.lower().split()[-1] not in _EMPLOYEE_TITLES:
            return None  # (also "finance director", "communications director": an executive's portfolio)
        if any(bank in prefix.lower() for bank in lexicon()["state_bank_words"]):
            return None  # "The Central Bank president"
        word = _word_before_title(prefix)
        if word is None:
            return None
        if (
            word.lower() in _STATE_BODY_WORDS
            or gazetteer().find_all(word, self.on_date)
            or leader_code(word, self.on_date)
            or any(word in p.tokens for p in found)
        ):
            return None
        return word

    def _scan_title_then_name(self, text: str, found: list[Person]) -> None:
        """Title, owner, then the name: "the president of Ghana, John Mensah"."""
        for m in _title_matches(_TITLE_OF_THEN_NAME, text):
            name = m.group("name").strip()
            if self._not_a_name(name) or any(p.start < m.end() and m.start() < p.end for p in found):
                continue
            code = self._owner_code(m.group("owner")) or leader_code(name, self.on_date)
            if not code:
                continue
            state, why = _is_state_title(f"{m.group('title')} of {m.group('owner')}")
            found.append(_named_person(m, name, code, state, "title of a named state" if state else why))

    def _scan_name_then_title(self, text: str, found: list[Person]) -> None:
        """Name, then the title in apposition: "Rolando Arrivillaga, World Bank representative"."""
        for m in _NAME_THEN_TITLE.finditer(text):
            name = m.group("name").strip()
            if (
                _RELATIVE_PHRASE.match(m.group("prefix"))
                or name.split()[0] in _STOP_NAME_TOKENS
                or self._not_a_name(name)
                or (len(name.split()) < 2 and not leader_code(name, self.on_date))
                or any(p.start < m.end() and m.start() < p.end for p in found)
            ):
                continue
            # The employer may follow the title word ("chief fund manager at Ichiyoshi Investment", "head of
            # the Bank of France"), up to the end of the apposition.
            suffix, rest = _within_the_sentence(m.group("suffix"), _apposition_rest(text, m.end()))
            phrase = f"{m.group('prefix')}{m.group('title')}{suffix}"
            code = self._owner_code(phrase) or self._owner_code(rest) or leader_code(name, self.on_date)
            # "Stephen Roach, Morgan Stanley's Asia chairman": the employer named before the title.
            employer = None if code else self._company_before(m.group("prefix"), m.group("title"), found)
            state, why = _is_state_title(phrase + rest)
            if employer:
                state, why = False, f"employer named before the title ({employer})"
            elif (
                not code
                and (after := _employer_after(suffix + rest, self.on_date))
                # "a spokesman for Schaeuble": one the article titles as an official is no employer
                and not any(after.split()[-1] in p.tokens and p.is_state for p in found)
            ):
                state, why = False, f"employer named after the title ({after})"
            code = code or self._antecedent_country(text, m.start(), phrase)
            # "Algirdas Semeta, the European commissioner responsible for tax" in a story on the EU
            code = code or self._commission_office(m.group("title"))
            source = Source.TEXT
            if not code and self.home_code:
                code, source = self.home_code, Source.DATELINE
            wording = "title apposition" + (", dateline country" if source is Source.DATELINE else "")
            found.append(_named_person(m, name, code, state, wording if state else why, Found(source)))

    def _scan_unnamed(self, text: str, found: list[Person]) -> None:
        """Unnamed official speakers: "a Treasury spokesman", "the U.S. embassy in Hanoi"."""
        for m in _UNNAMED.finditer(text):
            if any(p.start <= m.start("title") < p.end for p in found):
                continue
            # Up to four words before the office name qualify it ("a Treasury spokesman", "the U.S. embassy").
            before = text[max(0, m.start() - 60) : m.start()]
            words = re.search(r"(?:[\w.’'\-]+\s+){0,4}$", before)
            bounds = rf"[,;:\"“(]|{_SENTENCE_END}|\b(?:and|with|by|told|said|to)\b"
            raw = re.split(bounds, words.group(0) if words else "")[-1]
            # Keep only the qualifier words next to the office ("a
            # Treasury", "U.S.", "foreign"), not a verb before them.
            kept: list[str] = []
            for word in reversed(raw.split()):
                if word[:1].isupper() or word.lower() in _OFFICE_QUALIFIERS:
                    kept.insert(0, word)
                else:
                    break
            prefix = (" ".join(kept) + " ") if kept else ""
            phrase = f"{prefix}{m.group('title')}{m.group('suffix')}"
            code = self._owner_code(phrase) or self._antecedent_country(text, m.start() - len(prefix), before)
            reason, source = "office of a named state", Source.TEXT
            if not code and m.group("title").lower() in GOVERNMENT_TITLES:
                # "the Reagan administration", "the Thatcher government": the leader's state
                code = next((c for w in kept if (c := leader_code(_bare_name(w), self.on_date))), None)
                reason = "government named by its leader" if code else reason
            owned = not kept and raw.split()[-1:] in (["its"], ["their"], ["his"], ["her"])
            if (
                not code
                and not owned  # "its central bank governor": some state's, said in the sentence
                and re.search(_HOME_INSTITUTIONS, phrase, re.I)
            ):
                # "In Tokyo, the government raised its outlook" (under a WASHINGTON dateline): the institution
                # of the place the sentence opens with, else the dateline's
                placed = self._placed_in(text, m.start() - len(prefix)) or self._paragraph_placed_in(
                    text, m.start() - len(prefix)
                )
                code, reason, source = (
                    (placed, "institution of the place the sentence opens with", Source.TEXT)
                    if placed
                    else (self.home_code, "institution of the dateline country", Source.DATELINE_INSTITUTION)
                )
            if not code:
                continue
            state, why = _is_state_title(phrase)
            before_kept = raw.split()[: len(raw.split()) - len(kept)]
            if state and before_kept and before_kept[-1].lower() in {"former", "retired", "ex"}:
                state, why = False, "a former official"  # "a former Brazilian government official"
            found.append(
                Person(
                    None,
                    m.group("title").lower(),
                    code,
                    m.start() - len(prefix),
                    m.end(),
                    state,
                    reason if state else why,
                    found=Found(source) if state else FROM_TEXT,
                )
            )

    def _scan_named_after_title(self, text: str, found: list[Person]) -> None:
        """A source the article gives by title and names just after, in the next quote's attribution ("...,
        Chile's foreign minister said on Tuesday. '...,' Heraldo Munoz told a news conference"): the name
        is that title's holder. Only with no other named person between them and within two sentences."""
        for m in _TITLE_SOURCE.finditer(text):
            if any(p.start <= m.start("title") < p.end for p in found):
                continue
            phrase = f"{m.group('owner')} {m.group('title')}"
            code = self._owner_code(m.group("owner"))
            state, _ = _is_state_title(phrase)
            if not code or not state:
                continue
            window = text[m.end() : m.end() + 400]
            later = _LATER_NAMED_SOURCE.search(window)
            if later is None or len(re.findall(_SENTENCE_END, text[m.start() : m.end() + later.start()])) > 1:
                continue
            group = "name" if later.group("name") else "name2"
            name = later.group(group)
            start, end = m.end() + later.start(group), m.end() + later.end(group)
            tokens = frozenset(t for t in name.split() if t not in _STOP_NAME_TOKENS)
            if (
                name.split()[0] in _STOP_NAME_TOKENS
                or self._not_a_name(name)
                or any(p.start < end and m.start() < p.end for p in found)  # someone named between
                or any(tokens & p.tokens for p in found)
            ):
                continue
            title = m.group("title").lower()
            found.append(Person(name, title, code, start, end, True, "named after its title", tokens))

    def _scan_leader_surnames(self, text: str, found: list[Person]) -> None:
        """Leaders named without a title ("Putin said")."""
        # Leaders named without a title ("Putin said"); one alternation regex keeps this cheap.
        for m in _leader_surname_regex().finditer(text):
            if any(p.start <= m.start() < p.end for p in found):
                continue
            name_tok = m.group(0)
            before = text[max(0, m.start() - 12) : m.start()].lower()
            # "De la Madrid said": the surname with its particle is the leader's full name
            name_tok = next(
                (
                    r.name
                    for r in leaders()[name_tok]
                    if _particle(r.name) and before.endswith(f"{_particle(r.name)} ")
                ),
                name_tok,
            )
            code = leader_code(name_tok, self.on_date)
            first = re.search(r"\b([A-Z][a-z]+)\s+$", text[max(0, m.start() - 20) : m.start()])
            if (
                code
                and first
                and first.group(1).lower() not in _NOT_FIRST_NAMES
                and first.group(1).lower() not in _SINGLE_TITLE_WORDS
                and leader_code(f"{first.group(1)} {name_tok}", self.on_date) is None
            ):
                continue  # "said Bruno Paulson, bank analyst": another person of that surname
            after = re.match(r"\s([A-Z][a-z]+)\b", text[m.end() : m.end() + 20])
            if code and after and first_name_of_another(name_tok, after.group(1), self.on_date):
                continue  # "emerging markets head Abbas Hussain": a first name of someone else's full name
            if code:
                office = leaders()[name_tok][0].office
                found.append(
                    Person(
                        name_tok,
                        office,
                        code,
                        m.start(),
                        m.end(),
                        True,
                        "leaders table",
                        frozenset([name_tok]),
                        Found(Source.LEADERS_TABLE),
                    )
                )

    def person_by_name(self, tokens: list[str]) -> Person | None:
        for tok in tokens:
            person = self.by_token.get(tok)
            if person is not None:
                return person
        return None

    def person_at(self, start: int, end: int) -> Person | None:
        for person in self.people:
            if person.start < end and start < person.end:
                return person
        return None

    def salient_before(self, offset: int, window: int = 600) -> Person | None:
        """For "he"/"she": among named state people mentioned
        shortly before, the one the article talks about most."""
        # Candidates are named people whose surname occurs shortly before; later mentions use the bare
        # surname, so occurrences are counted in the text, not only where a title made them indexable.
        window_text = self.text[max(0, offset - window) : offset]
        best, best_score = None, None
        for surname, person in self.by_surname.items():
            last = window_text.rfind(surname)
            if last < 0 or not re.search(rf"\b{re.escape(surname)}\b", window_text):
                continue
            # Ties go to the one named earliest in its paragraph: subjects come before objects in English.
            pos = max(0, offset - window) + last
            # Paragraph start: wire paragraphs are mostly one sentence, and "U.S. " would fool a ". " search.
            sentence_start = self.text.rfind("\n", 0, pos)
            score = (
                len(re.findall(rf"\b{re.escape(surname)}\b", self.text[:offset])),
                -(pos - sentence_start),
            )
            if best_score is None or score > best_score:
                best, best_score = person, score
        return best or self.last_before(offset, named=True)

    def last_before(
        self, offset: int, title_word: str | None = None, named: bool = False, a_person: bool = False
    ) -> Person | None:
        """The last person before offset; for a definite title
        ("the official said") the last *source* with it. `a_person`: only someone "he" or "she" can be (no
        unnamed ministry, embassy or parliament).

        News refers back to the official who was quoted ("..., officials said. The official said ..."), not to
        officials who were only mentioned ("talks with U.S. officials").
        """
        best = None
        best_source = None
        for person in self.people:
            if person.start >= offset:
                break
            if (named or a_person and person.title not in _PERSON_OFFICES) and not person.name:
                continue
            if (
                title_word
                and title_word not in person.title
                and title_word not in (person.name or "").lower()
            ):
                continue
            best = person
            if title_word and self._is_source(person):
                best_source = person
        return best_source or best

    def _is_source(self, person: Person) -> bool:
        after = re.split(r"[.!?;]\s|\n", self.text[person.end : person.end + 40])[
            0
        ]  # within its own sentence
        before = self.text[max(0, person.start - 16) : person.start].lower()
        return bool(_SOURCE_AFTER.match(after)) or before.rstrip().endswith("according to")
