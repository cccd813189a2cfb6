"""Date expressions in a sentence resolved against the article (dateline) date, with their precision."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from diplowatch.nlp.segment import MONTH_ABBR, MONTHS

WEEKDAYS = {
    d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
}
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fourteen": 14,
    "24-hour": 1,
    "overnight": 2,
}

_M = (
    r"(?P<{n}>January|February|March|April|May|June|July|August|September|October|November|December|Jan|"
    r"Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_MONTH = _M.format(n="m")
_YEAR = r"(?:,?\s+(?P<y>(?:19|20)\d\d))?"
_RANGE_SEP = r"\s*(?:-|–|to|and|through|till|until)\s*"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

PATTERNS = [
    (
        "md_range",
        re.compile(
            _MONTH
            + r"\s+(?P<d1>\d{1,2})"
            + _RANGE_SEP
            + r"(?:"
            + _M.format(n="m2")
            + r"\s+)?(?P<d2>\d{1,2})\b"
            + _YEAR
        ),
    ),
    ("dm_range", re.compile(r"\b(?P<d1>\d{1,2})" + _RANGE_SEP + r"(?P<d2>\d{1,2})\s+" + _MONTH + _YEAR)),
    ("md", re.compile(_MONTH + r"\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?\b" + _YEAR)),
    ("dm", re.compile(r"\b(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + _YEAR)),
    (
        "month",
        re.compile(
            r"\b(?P<rel>in|last|next|this|early|mid|late|since|during|of|from)?\s*-?"
            + _MONTH
            # "November 1985", "November, 1985," (with a comma only before punctuation: not "May, 2000 men")
            + r"(?:\s+(?P<y>(?:19|20)\d\d)|,\s+(?P<yc>(?:19|20)\d\d)(?=\s*[,.;:)]|\s*$))?\b"
        ),
    ),
    (
        "weekday",
        re.compile(
            r"\b(?:(?P<rel>last|next|this|coming|past|this\s+coming|this\s+past)\s+(?P<week>week\s+(?:on\s+)?)?)?"
            r"(?P<w1>" + _WD + r")(?:\s+(?:and|to|through|-)\s+(?P<w2>" + _WD + r"))?"
            r"(?:\s+(?:of\s+)?(?P<rel2>next|last|this)\s+week)?\b",
            re.I,
        ),
    ),
    ("today", re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b", re.I)),
    ("yesterday", re.compile(r"\b(?:yesterday|last night)\b", re.I)),
    ("tomorrow", re.compile(r"\btomorrow\b", re.I)),
    ("year", re.compile(r"\bin\s+(?P<y>(?:19|20)\d\d)\b")),
]
_DURATION = re.compile(
    r"\b(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen)"
    # "two days of talks", "two days of economic talks"
    r"(?:[- ]day\b|\s+days\s+of\s+(?:(?!and\b|or\b)[a-z-]+\s+){0,2}?"
    r"(?:talks|meetings|consultations|negotiations|visits?)\b)"
    r"|\b24-hour\b"
    # "a one-week visit", "a two-week tour", "a week-long trip", "his week-long Washington visit"
    r"|\b(?:(?P<w>one|two|three)[- ]week|week-?long)"
    r"(?=\s+(?:[\w.-]+\s+){0,2}?(?:visit|trip|tour|stay|mission)\b)",
    re.I,
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    start_date: dt.date | None
    end_date: dt.date | None
    precision: str  # day | month | year
    kind: str


def _month(name: str) -> int:
    low = name.lower().rstrip(".")
    return MONTHS.get(low) or MONTH_ABBR.get(low[:4]) or MONTH_ABBR.get(low[:3]) or 0


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year_for(month: int, anchor: dt.date, explicit: str | None, future: bool | None) -> int:
    if explicit:
        return int(explicit)
    # A month without a year is the nearest one in the direction the tense points to.
    if future is True and month < anchor.month - 1:
        return anchor.year + 1
    if future is False and month > anchor.month + 1:
        return anchor.year - 1
    return anchor.year


def _weekday_relative(anchor: dt.date, target: int, rel: str, week: bool) -> dt.date:
    """A weekday its words place: "last Friday" (the one before the article day), "next Monday" / "this
    coming Monday" (the one after), "this Friday" (in the article's week), "Monday next week" / "last week
    on Friday" (in the week after / before)."""
    rel = " ".join(rel.lower().split())
    monday = anchor - dt.timedelta(days=anchor.weekday())
    if week and rel in {"next", "last", "this"}:
        weeks = {"next": 1, "last": -1, "this": 0}[rel]
        return monday + dt.timedelta(days=7 * weeks + target)
    if rel in {"last", "past", "this past"}:
        return anchor - dt.timedelta(days=(anchor.weekday() - target) % 7 or 7)
    if rel in {"next", "coming", "this coming"}:
        return anchor + dt.timedelta(days=(target - anchor.weekday()) % 7 or 7)
    return monday + dt.timedelta(days=target)  # "this Friday"


def _weekday(anchor: dt.date, name: str, future: bool | None) -> dt.date:
    target = WEEKDAYS[name.lower()]
    delta = (target - anchor.weekday()) % 7
    if future is False or (future is None and delta > 3):
        back = (anchor.weekday() - target) % 7
        return anchor - dt.timedelta(days=back)
    return anchor + dt.timedelta(days=delta)


def find_dates(text: str, anchor: dt.date | None, future: bool | None = None) -> list[DateMention]:
    """Date mentions in text. Without an anchor only dates carrying a year can be resolved."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            mention = _resolve(kind, m, anchor, future)
            if mention is None:
                continue
            taken.append((m.start(), m.end()))
            found.append(mention)
    found.sort(key=lambda d: d.start)
    return found


def _resolve_day(kind: str, m: re.Match, anchor: dt.date | None, future: bool | None) -> DateMention | None:
    """A day or a day range with its month ("March 4", "4-6 March")."""
    g = m.groupdict()
    month = _month(g["m"])
    if not month or (anchor is None and not g.get("y")):
        return None
    year = _year_for(month, anchor, g.get("y"), future) if anchor else int(g["y"])
    start = _safe(year, month, int(g["d1"]))
    end = start
    if g.get("d2"):
        month2 = _month(g["m2"]) if g.get("m2") else month
        end = _safe(year, month2, int(g["d2"]))
    if start is None or end is None or end < start:
        return None
    return DateMention(m.start(), m.end(), start, end, "day", kind)


def _resolve_month(kind: str, m: re.Match, anchor: dt.date | None, future: bool | None) -> DateMention | None:
    """A month, with a year or read against the anchor ("in March", "last May", "January 1987")."""
    g = m.groupdict()
    g["y"] = g.get("y") or g.get("yc")
    full_name = g["m"].lower().rstrip(".") in MONTHS
    if not full_name and not g.get("y"):
        return None  # "Jan Nowak", "Mar" alone: an abbreviation needs a day or a year to be a date
    if not g["m"][0].isupper() or (
        g["m"].lower() == "may"
        and not g.get("y")
        and g.get("rel") not in {"in", "last", "next", "early", "late", "mid"}
    ):
        return None
    month = _month(g["m"])
    if not month or (anchor is None and not g.get("y")):
        return None
    rel = (g.get("rel") or "").lower()
    direction = True if rel == "next" else False if rel in {"last", "since"} else future
    year = _year_for(month, anchor, g.get("y"), direction) if anchor else int(g["y"])
    if rel == "last" and not g.get("y") and anchor and month >= anchor.month:
        year = anchor.year - 1
    return DateMention(m.start(), m.end(), dt.date(year, month, 1), None, "month", kind)


def _resolve(kind: str, m: re.Match, anchor: dt.date | None, future: bool | None) -> DateMention | None:
    g = m.groupdict()
    if kind in {"md_range", "dm_range", "md", "dm"}:
        return _resolve_day(kind, m, anchor, future)
    if kind == "month":
        return _resolve_month(kind, m, anchor, future)
    if anchor is None:
        if kind == "year":
            return DateMention(m.start(), m.end(), dt.date(int(g["y"]), 1, 1), None, "year", kind)
        return None
    if kind == "weekday":
        if not g["w1"][0].isupper():
            return None  # matched without case only for its "Last"/"Next" words
        rel = g.get("rel") or g.get("rel2")
        week = bool(g.get("week") or g.get("rel2"))
        start = (
            _weekday_relative(anchor, WEEKDAYS[g["w1"].lower()], rel, week)
            if rel
            else _weekday(anchor, g["w1"], future)
        )
        end = _weekday(start, g["w2"], True) if g.get("w2") else start
        # "weekday": a bare weekday, placed by the tense of its clause; "weekday_relative": by its words.
        return DateMention(m.start(), m.end(), start, end, "day", "weekday_relative" if rel else kind)
    if kind == "today":
        return DateMention(m.start(), m.end(), anchor, anchor, "day", kind)
    if kind == "yesterday":
        day = anchor - dt.timedelta(days=1)
        return DateMention(m.start(), m.end(), day, day, "day", kind)
    if kind == "tomorrow":
        day = anchor + dt.timedelta(days=1)
        return DateMention(m.start(), m.end(), day, day, "day", kind)
    if kind == "year":
        return DateMention(m.start(), m.end(), dt.date(int(g["y"]), 1, 1), None, "year", kind)
    return None


def duration_days(text: str) -> tuple[int, int] | None:
    """(days, offset) of an "N-day" / "24-hour" duration in text, if any."""
    m = _DURATION.search(text)
    if not m:
        return None
    if m.group(0).lower() == "24-hour":
        return 1, m.start()
    if m.group("n") is None:  # weeks
        return 7 * NUMBER_WORDS.get((m.group("w") or "one").lower(), 1), m.start()
    n = m.group("n").lower()
    days = int(n) if n.isdigit() else NUMBER_WORDS.get(n)
    if not days or days > 31:
        return None
    return days, m.start()
