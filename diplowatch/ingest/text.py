"""Turning untrusted bytes and values into text and dates: decoding with a recorded fallback, binary
detection, date parsing with plausibility bounds, HTML fragments to plain text."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser

#: Dates before this are not publication dates of news we can use (typos like 0202, epoch zeros).
EARLIEST_PUBLICATION = date(1900, 1, 1)
#: A publication date may be at most this far after the run's day (time zones, feeds dated "tomorrow").
FUTURE_TOLERANCE = timedelta(days=1)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


#: Characters removed from article text before anything else reads it: zero-width space, non-joiner and
#: joiner, word joiner, zero-width no-break space (BOM), soft hyphen, the invisible math operators, and the
#: bidirectional controls (LRM/RLM marks, embeddings, overrides, isolates). A reader sees nothing of them, but
#: they split words ("Pu\u200btin" is no name), make copies of one article differ, and can reorder what is
#: displayed (the "Trojan Source" trick).
INVISIBLE_CHARACTERS = (
    "\u200b\u200c\u200d\u2060\ufeff\u00ad\u2061\u2062\u2063\u2064"
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_DROP_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE_CHARACTERS))


def normalize_text(text: str) -> str:
    """The form in which article text is stored and read: invisible characters (INVISIBLE_CHARACTERS) removed,
    then Unicode NFKC (compatibility forms folded: "\ufb01" -> "fi", full-width letters -> ASCII, no-break
    space -> space). Applied once, at ingestion (`RawArticle`), so dedup, extraction and every stored offset
    work on the same text."""
    return unicodedata.normalize("NFKC", text.translate(_DROP_INVISIBLE))


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes; `fallback` says how, when the bytes were not UTF-8 (None when they were)."""

    text: str
    fallback: str | None = None


class BinaryContent(ValueError):
    """The bytes are not text (NUL bytes or many control characters)."""


def decode_bytes(raw: bytes) -> Decoded:
    """UTF-8 (BOM stripped) or UTF-16 with a BOM; else the charset detector's best guess, else cp1252/latin-1.

    Raises BinaryContent for data that is not text at all, so it is recorded rather than decoded into noise.
    """
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            text = ""
        # Random bytes after a UTF-16 BOM decode to "valid" CJK noise; real text has line breaks or spaces.
        if text and any(ch.isspace() for ch in text[:4096]):
            return Decoded(_check_not_binary(text))
    head = raw[:65536]
    if head.count(b"\x00") > len(head) // 100:  # a stray NUL in one line is that line's problem
        raise BinaryContent("the file is full of NUL bytes: it is binary data, not text")
    try:
        return Decoded(_check_not_binary(raw.decode("utf-8-sig")))
    except UnicodeDecodeError as exc:
        problem = f"not valid UTF-8 ({exc.reason} at byte {exc.start})"
    candidates = ["cp1252"] if _reads_as_western(raw) else []
    if not candidates:
        # imported lazily: only non-Western, non-UTF-8 input needs it
        from charset_normalizer import from_bytes

        matches = list(from_bytes(raw[:262144]))
        if matches:  # among equally good guesses prefer the Windows code pages, by far the most common
            least_chaos = min(m.chaos for m in matches)
            tied = [m.encoding for m in matches if m.chaos == least_chaos]
            candidates = sorted(tied, key=lambda e: not e.startswith("cp125"))[:1]
    for encoding in candidates + ["cp1252", "latin-1"]:
        try:
            text = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        return Decoded(_check_not_binary(text), f"{problem}; decoded as {encoding}")
    raise AssertionError("latin-1 decodes every byte string")  # pragma: no cover


def _reads_as_western(raw: bytes) -> bool:
    """True when cp1252 decodes the bytes into mostly-ASCII letters with a few accents: Western European text.

    Charset detectors guess poorly on short Latin-1 text (French comes out as Baltic cp1257); text in another
    single-byte script (Cyrillic cp1251, Greek) read as cp1252 is almost all accented letters, so fails this.
    """
    try:
        text = raw[:262144].decode("cp1252")
    except UnicodeDecodeError:
        return False
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(not ch.isascii() for ch in letters) <= len(letters) * 0.2


def _check_not_binary(text: str) -> str:
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) > len(sample) // 100:
        raise BinaryContent("the file is mostly control characters: it is binary data, not text")
    return text


class DateProblem(ValueError):
    """A publication date that is present but cannot be used (wrong type, unparseable, implausible)."""


def parse_published(value, today: date, field: str = "published_at") -> date | None:
    """A publication date (UTC) from an ISO date/datetime or RFC 2822 string; None when absent.

    Raises DateProblem when a value is given but is not a usable date, so the caller can keep the article
    undated and record why.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        parsed = value.astimezone(UTC).date() if value.tzinfo else value.date()
    elif isinstance(value, date):
        parsed = value
    elif isinstance(value, str):
        parsed = _parse_date_string(value.strip(), field)
    else:
        raise DateProblem(
            f"{field} must be an ISO date string (YYYY-MM-DD), got {type(value).__name__} {value!r}"
        )
    if parsed < EARLIEST_PUBLICATION:
        raise DateProblem(
            f"{field} {value!r} is before {EARLIEST_PUBLICATION}: not a plausible publication date"
        )
    if parsed > today + FUTURE_TOLERANCE:
        raise DateProblem(f"{field} {value!r} is in the future (the run's day is {today})")
    return parsed


def _parse_date_string(text: str, field: str) -> date:
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
        return moment.astimezone(UTC).date() if moment.tzinfo else moment.date()
    except ValueError:
        pass
    try:
        moment = parsedate_to_datetime(text)  # RSS style: "Mon, 17 Jun 2024 10:00:00 GMT"
        return moment.astimezone(UTC).date() if moment.tzinfo else moment.date()
    except (TypeError, ValueError, IndexError):
        raise DateProblem(
            f"{field} {text[:80]!r} is not an ISO date (YYYY-MM-DD), ISO datetime or RFC 2822 date"
        ) from None


class _TextCollector(HTMLParser):
    _BLOCKS = {
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "blockquote",
        "section",
        "article",
    }
    _SKIP = {"script", "style", "noscript", "template"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):  # noqa: ARG002 (HTMLParser's signature)
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


def html_fragment_to_text(fragment: str | None) -> str:
    """Plain text of a short HTML fragment (a feed entry's summary or content), one paragraph a line."""
    if not fragment:
        return ""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in "".join(collector.parts).splitlines())
    return "\n".join(line for line in lines if line)
