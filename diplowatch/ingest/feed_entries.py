"""A feed entry as a line of the raw folder's JSON Lines: its key in the feed's cursor, its date, its text and
the text of its page when the feed fetches full pages (or a note saying why it could not)."""

from __future__ import annotations

import hashlib
import re
from datetime import date

from diplowatch.ingest.feed_config import Feed
from diplowatch.ingest.http import Fetched, FetchError
from diplowatch.ingest.pages import extract_page
from diplowatch.ingest.text import BinaryContent, decode_bytes, html_fragment_to_text


def entry_key(entry) -> str:
    """The entry's identity within its feed: its id (guid), else its link, else a hash of title + summary."""
    for key in ("id", "link"):
        value = entry.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    digest = hashlib.sha256(f"{entry.get('title', '')}\n{entry.get('summary', '')}".encode()).hexdigest()
    return f"sha256:{digest}"


def _entry_date(entry) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:  # feedparser gives a UTC struct_time
            try:
                return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
            except ValueError:
                return None
    raw = entry.get("published") or entry.get("updated")
    # Left for the reader to check (and note) like any input date.
    return raw if isinstance(raw, str) else None


def _entry_text(entry) -> str:
    contents = entry.get("content") or []
    best = max((c.get("value", "") for c in contents), key=len, default="")
    return html_fragment_to_text(best or entry.get("summary") or entry.get("description") or "")


def _decode_page(fetched) -> str:
    charset = re.search(r"charset=([\w.-]+)", fetched.headers.get("content-type", ""), re.IGNORECASE)
    if charset:
        try:
            return fetched.content.decode(charset.group(1))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(fetched.content).text


def entry_link(entry) -> str | None:
    link = entry.get("link")
    return link if isinstance(link, str) and link.strip() else None


def entry_line(entry, feed: Feed, feed_title: str | None, page: Fetched | FetchError | None = None) -> dict:
    """The JSON Lines record of a feed entry (the format the `.jsonl` reader reads), with any notes. `page` is
    the fetched entry page (or why it could not be fetched) when the feed fetches full pages."""
    link = entry_link(entry)
    line = {
        "id": entry_key(entry),
        "title": html_fragment_to_text(entry.get("title")) or None,
        "text": _entry_text(entry),
        "url": link,
        "source": feed.source or feed_title or feed.name,
        "published_at": _entry_date(entry),
        "source_kind": "feed",
        "feed": feed.name,
        "feed_url": feed.url,
    }
    if page is None:
        return line
    try:
        if isinstance(page, FetchError):
            raise page
        extracted = extract_page(_decode_page(page), page.url)
        if extracted is None:
            raise FetchError("no_main_text", f"{link}: no article text found in the page")
    except (FetchError, BinaryContent) as exc:
        detail = exc.detail if isinstance(exc, FetchError) else f"{link}: {exc}"
        text_note = "the feed's summary is kept as the text" if line["text"] else "the entry has no text"
        line["notes"] = [{"reason": "page_fetch_failed", "detail": f"{detail}; {text_note}"}]
    else:
        line["text"] = extracted.text
        line["title"] = line["title"] or extracted.title
        line["published_at"] = line["published_at"] or extracted.date
        line["source"] = feed.source or extracted.site or line["source"]
    return line
