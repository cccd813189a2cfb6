"""Cheap rule-based sentence splitting and dateline parsing, run before any statistical model."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from diplowatch.nlp.actors import Place, gazetteer

# Tokens after which a period does not end a sentence (titles, initials, months, US states, "U.S.").
_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen",
    "gov",
    "rep",
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "sgt",
    "st",
    "jr",
    "sr",
    "prof",
    "corp",
    "inc",
    "co",
    "ltd",
    "no",
    "vs",
    "jan",
    "feb",
    "mar",
    "apr",
    "aug",
    "sept",
    "sep",
    "oct",
    "nov",
    "dec",
    "calif",
    "fla",
    "mass",
    "conn",
    "ill",
    "mich",
    "n.j",
    "n.y",
    "d.c",
    "u.s",
    "u.k",
    "u.n",
    "e.u",
    "mt",
    "ft",
    "messrs",
    "rev",
    "hon",
    "pres",
    "adm",
    "cmdr",
    "gens",
    "sens",
    "reps",
    "pct",
    "approx",
    "dept",
    "govt",
}

_SENT_END = re.compile(r"(?<=[.!?])(?P<close>[\"'”’)]*)\s+(?=[\"'“‘(]*[A-Z0-9])")

MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    )
}
MONTH_ABBR = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Dateline:
    place_text: str
    place: Place | None
    date: dt.date | None
    end: int  # offset in the text where the dateline ends
    # the places of a story filed from two ("LUXEMBOURG/ATHENS"), which has no one place it is told from
    filed_from: tuple[Place, ...] = ()


_REOPENED = re.compile(r"\s*[\"“][A-Z]")
# A bullet between spaces starts an item of its own, whatever ended the one before: wire factboxes run their
# list on in one line ("TOP DEVELOPMENTS * BP can extend ... * Cameron hopes ...").
_BULLET = re.compile(r"(?:^|[ \t])[*•▪■][ \t]+")


def _blocks(text: str):
    """(start, text) of each paragraph, and of each bulleted item within one."""
    for para in re.finditer(r"[^\n]+", text):
        at = para.start()
        for m in _BULLET.finditer(para.group()):
            yield at, text[at : para.start() + m.start()]
            at = para.start() + m.end()
        yield at, text[at : para.end()]


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with offsets: paragraphs by line, then at
    sentence-final punctuation not after an abbreviation.

    Linear in the text: quotation marks are counted as the scan moves on, not again from the paragraph start.
    """
    sentences: list[Sentence] = []
    for pstart, ptext in _blocks(text):
        if not ptext.strip():
            continue
        cut = 0
        counted = straight = curly_open = curly_close = 0
        last_close = max(ptext.rfind('"'), ptext.rfind("”"))
        for m in _SENT_END.finditer(ptext):
            before = ptext[cut : m.start()].rstrip("\"'”’)")
            last = re.search(r"(\S+)$", before[-60:])
            word = last.group(1).lower().rstrip(".") if last else ""
            word = word.lstrip("(\"'“‘")
            if (
                word in _ABBREVIATIONS
                or re.fullmatch(r"[a-z]", word)
                or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word)
            ):
                continue
            # Inside a quotation that closes later in the paragraph the speaker comes after it: keep it whole.
            upto_end = m.start() + len(m.group("close"))
            seen = ptext[counted:upto_end]
            straight += seen.count('"')
            curly_open += seen.count("“")
            curly_close += seen.count("”")
            counted = upto_end
            opened = straight % 2 == 1 or curly_open > curly_close
            if opened and _REOPENED.match(ptext, m.end()):
                # 'problems with Libor. "In the spring of 2008, ...': wire copy re-opens a quotation that runs
                # on without closing the one before; the sentence ends here and the count starts again
                straight = curly_open = curly_close = 0
            elif opened and last_close >= m.end():
                continue
            _add(sentences, text, pstart + cut, pstart + upto_end)
            cut = m.end()
        _add(sentences, text, pstart + cut, pstart + len(ptext))
    return [Sentence(i, s.start, s.end, s.text) for i, s in enumerate(sentences)]


# Where an over-long sentence may be cut, best first: after a clause mark, then at any space.
_SAFE_CUTS = (re.compile(r"[;:]\s"), re.compile(r",\s"), re.compile(r"\s"))


def bound_sentences(sentences: list[Sentence], max_chars: int) -> tuple[list[Sentence], list[str]]:
    """Sentences no longer than max_chars: longer ones cut at the last clause mark or space before the limit.

    Returns the sentences (renumbered, offsets still into the article text) and one note per sentence cut.
    """
    out: list[Sentence] = []
    notes: list[str] = []
    for sent in sentences:
        if len(sent.text) <= max_chars:
            out.append(Sentence(len(out), sent.start, sent.end, sent.text))
            continue
        pieces = 0
        rest_start = 0
        while len(sent.text) - rest_start > max_chars:
            window = sent.text[rest_start : rest_start + max_chars]
            cut = next(
                (m.end() for rx in _SAFE_CUTS for m in [_last_match(rx, window, max_chars // 2)] if m),
                max_chars,
            )
            out.append(_piece(out, sent, rest_start, rest_start + cut))
            rest_start += cut
            pieces += 1
        out.append(_piece(out, sent, rest_start, len(sent.text)))
        notes.append(
            f"sentence at chars {sent.start}-{sent.end} ({len(sent.text):,} chars) cut into {pieces + 1} "
            f"parts of "
            f"at most {max_chars:,} chars"
        )
    return out, notes


def _last_match(rx: re.Pattern, window: str, min_end: int) -> re.Match | None:
    """The last match of rx in window that ends past min_end (a cut that keeps at least half the window)."""
    found = None
    for m in rx.finditer(window, min_end):
        found = m
    return found


def _piece(out: list[Sentence], sent: Sentence, start: int, end: int) -> Sentence:
    text = sent.text[start:end]
    lead = len(text) - len(text.lstrip())
    text = text.strip() or text
    return Sentence(len(out), sent.start + start + lead, sent.start + start + lead + len(text), text)


# A wire copy's section heading run into the paragraph it heads ("BE FIRM ON IRAN Sarkozy urged Beijing
# ...", "SAUDI ARABIA Key to any OPEC decision ..."): two or more upper-case words, one of three letters or
# more, before a capitalised word in mixed case. One upper-case word is left alone: it is as often an acronym
# that begins the sentence ("OPEC President ...", "BOJ Governor ...").
_HEADING = re.compile(
    r"(?:[A-Z0-9][A-Z0-9'’&/-]*\s+){2,8}(?=[A-Z][a-z])"
    # two clauses of a heading ("EURO ZONE SHAKY, U.S. IMPROVES Blanchard applauded ..."): a comma between
    # upper-case words, abbreviations too
    r"|(?:[A-Z0-9][A-Z0-9.'’&/-]*\s+)+?[A-Z0-9][A-Z0-9.'’&/-]*,\s+(?:[A-Z0-9][A-Z0-9.'’&/-]*\s+){1,6}(?=[A-Z][a-z])"
)


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    heading = _HEADING.match(text, start, end) if start > 0 else None
    if heading is not None and re.search(r"[A-Z]{3}", heading.group()):
        # The heading is a sentence of its own: it is no part of the subject that follows it.
        _add(out, text, start, heading.end())
        start = heading.end()
    if end > start:
        out.append(Sentence(len(out), start, end, text[start:end]))


# "BERNE, March 4 -", "BAGHDAD (AFP) -", and the wire's variants: a second place after a slash ("HANOVER,
# Germany/MILAN (Reuters) -": read, but no one place), no space after the dash ("DETROIT
# (Reuters) -Consumer"), or an agency in brackets with no dash at all ("LONDON (Reuters) A consortium").
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z .'\-]{1,40}?)"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?))?"
    r"(?P<second>/[A-Z][A-Z .'\-]{1,40}?)?"
    r"(?:,\s*(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2}))?"
    r"(?:\s*\([A-Za-z .!]+\)\s*(?:-{1,2}|—|–)\s*"
    r"|\s*(?:-{1,2}|—|–)\s"
    r"|\s*\((?:Reuters|AP|AFP|UPI|Xinhua|Kyodo|dpa|Bloomberg)[A-Za-z .!]*\)\s+(?=[A-Z\"“])"
    r"|(?P<colon>\s*:\s+(?=[A-Z\"“])))"
)


# "Tokyo, April 17 -": the 1987 wire's occasional mixed-case dateline, read only with its day and a place the
# gazetteer knows (a capitalised word before a comma is too common to take on its own).
_MIXED_CASE_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][a-z]+(?:[ .'\-][A-Z][a-z]+){0,3})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?))?"
    r",\s*(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2})\s*(?:-{1,2}|—|–)\s"
)


def parse_dateline(text: str, published_at: dt.date | None) -> Dateline | None:
    """The "BERNE, March 4 -" / "BAGHDAD (AFP) -" opening of a wire story, if any."""
    m = _DATELINE.match(text)
    mixed_case = m is None
    if mixed_case:
        m = _MIXED_CASE_DATELINE.match(text)
    if not m:
        return None
    place_text = m.group("place").strip()
    if place_text in {"AP", "AFP", "REUTERS", "UPI"}:
        return Dateline(place_text, None, None, m.end())
    gaz = gazetteer()
    if m.groupdict().get("second"):
        # A story filed from two places ("LUXEMBOURG/ATHENS") has no one place it is told from.
        second = m.group("second")[1:].strip()
        both = (gaz.lookup(p, published_at, in_text=False) for p in (place_text, second))
        return Dateline(place_text.title(), None, None, m.end(), tuple(p for p in both if p is not None))
    place = gaz.lookup(place_text, published_at, in_text=False)
    region = gaz.lookup(m.group("region"), published_at, in_text=False) if m.group("region") else None
    if place is None:
        place = region
    elif region is not None and region.kind in {"country", "state"} and place.code != region.code:
        # "CHATHAM, Massachusetts", "SAN JOSE, Costa Rica": the region written after the place says whose
        # it is (not England's Chatham)
        place = dataclasses.replace(place, code=region.code)
    if place is None and (mixed_case or m.group("colon")):
        # "ISLAMABAD: The government ..." (AFP's and the Asian wires' colon) only with a place the gazetteer
        # knows: a capitalised label before a colon is as often a speaker in a transcript ("MARK COLVIN:")
        return None
    day = None
    if m.group("month") and published_at is not None:
        month = MONTHS.get(m.group("month").lower()) or MONTH_ABBR.get(
            m.group("month").lower()[:4].rstrip(".")
        )
        if month is None:
            month = MONTH_ABBR.get(m.group("month").lower()[:3])
        if month:
            try:
                day = dt.date(published_at.year, month, int(m.group("day")))
            except ValueError:
                day = None
            # Wire dates can lag the dateline by a day; trust the dateline only when close.
            if day is not None and abs((day - published_at).days) > 3:
                day = None
    return Dateline(place_text.title(), place, day, m.end())


# A direct quotation: a closed one, or one left open to the end of the sentence (a quote that runs on into the
# next paragraph).
_QUOTE = re.compile(r"[\"“]([^\"“”]{8,})[\"”]|^[\"“]([^\"“”]{8,})$|(?<=\s)[\"“]([^\"“”]{8,})$")


def quote_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, words) of each direct quotation in a sentence's text."""
    out = []
    for m in _QUOTE.finditer(text):
        g = next(i for i in (1, 2, 3) if m.group(i) is not None)
        words = m.group(g).rstrip(" ,")
        out.append((m.start(g), m.start(g) + len(words), words))
    return out
