"""RSS/Atom feeds into the raw folder: read the feeds config, fetch each feed incrementally (conditional GET and
a per-feed cursor of seen entries), optionally fetch each entry's page, and write new entries as JSON Lines
under `<raw>/feeds/<feed-name>/<YYYY-MM-DD>.jsonl`, where the `articles` stage reads them like any file.

The feed stage never writes `articles`: the raw files are the durable record of what was fetched (also of a
page that could not be fetched: the line carries a note), so one stage owns the articles table. The
stage writes only its own state (`feed_state`, `feed_entries_seen`) and the current feed failures
(`ingest_errors` rows whose source_path is the feed URL), in one transaction after the files are written.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import polars as pl

from diplowatch import store
from diplowatch.ingest.http import FetchError, FetchLimits, fetch, new_client
from diplowatch.ingest.pages import extract_page
from diplowatch.ingest.text import BinaryContent, decode_bytes, html_fragment_to_text
from diplowatch.schemas import frame_from_rows, polars_schema

#: Feed names become folder names: nothing that could climb out of `<raw>/feeds/`.
FEED_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
#: Rows of `ingest_errors` owned by the feed stage (feed URLs); the articles stage owns every other row.
FEED_ERRORS_WHERE = "regexp_matches(source_path, '^https?://')"
#: Entry keys kept per feed in the cursor; feeds list tens of entries, so this is months of history.
MAX_SEEN_PER_FEED = 10_000
_FEED_KEYS = {"name", "url", "source", "fetch_full_page", "max_entries_per_run", "timeout_seconds", "max_bytes",
              "max_redirects"}


class FeedConfigError(ValueError):
    """The feeds config file is missing or wrong; the message says where and what to fix."""


@dataclass(frozen=True)
class Feed:
    """One configured feed."""

    name: str
    url: str
    source: str | None = None  # publisher name to record; default: the feed's own title
    fetch_full_page: bool = False  # follow each entry's link and extract the page's main text
    max_entries_per_run: int = 200  # more new entries wait for the next run (bounds the run's time)
    limits: FetchLimits = field(default_factory=FetchLimits)


def load_feeds_config(path: str | os.PathLike) -> list[Feed]:
    """Parse a feeds TOML file: an optional `[defaults]` table and one `[[feed]]` table per feed."""
    path = Path(path)
    try:
        config = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FeedConfigError(f"feeds config {path} does not exist; set DIPLOWATCH_FEEDS to an existing file "
                              "(see feeds.toml at the repository root) or leave it empty for no feeds") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise FeedConfigError(f"feeds config {path} is not valid TOML: {exc}") from None
    unknown = set(config) - {"defaults", "feed"}
    if unknown:
        raise FeedConfigError(f"feeds config {path}: unknown top-level keys {sorted(unknown)}; use [defaults] and [[feed]]")
    defaults = config.get("defaults", {})
    feeds, names = [], set()
    for number, entry in enumerate(config.get("feed", []), start=1):
        where = f"feeds config {path}, feed #{number}"
        if not isinstance(entry, dict):
            raise FeedConfigError(f"{where}: expected a [[feed]] table")
        merged = {**defaults, **entry}
        unknown = set(merged) - _FEED_KEYS
        if unknown:
            raise FeedConfigError(f"{where}: unknown keys {sorted(unknown)}; allowed: {sorted(_FEED_KEYS)}")
        name, url = merged.get("name"), merged.get("url")
        if not isinstance(name, str) or not FEED_NAME.match(name):
            raise FeedConfigError(f"{where}: `name` must be lower-case letters, digits, - or _ (got {name!r})")
        if name in names:
            raise FeedConfigError(f"{where}: the name {name!r} is used twice")
        if not isinstance(url, str) or not re.match(r"^https?://[^/\s]+", url):
            raise FeedConfigError(f"{where} ({name}): `url` must be an http(s) URL (got {url!r})")
        try:
            limits = FetchLimits(
                read_timeout=float(merged.get("timeout_seconds", FetchLimits.read_timeout)),
                total_timeout=3 * float(merged.get("timeout_seconds", FetchLimits.read_timeout)),
                max_bytes=int(merged.get("max_bytes", FetchLimits.max_bytes)),
                max_redirects=int(merged.get("max_redirects", FetchLimits.max_redirects)),
            )
            feed = Feed(name, url, merged.get("source"), bool(merged.get("fetch_full_page", False)),
                        int(merged.get("max_entries_per_run", 200)), limits)
        except (TypeError, ValueError) as exc:
            raise FeedConfigError(f"{where} ({name}): {exc}") from None
        names.add(name)
        feeds.append(feed)
    return feeds


@dataclass
class FeedOutcome:
    """What one feed's fetch produced: entry lines to write, the new cursor and state, or the failure."""

    feed: Feed
    status: str  # ok / not_modified / failed
    lines: list[dict] = field(default_factory=list)
    error: FetchError | None = None
    etag: str | None = None
    last_modified: str | None = None
    deferred: int = 0  # new entries left for the next run (max_entries_per_run)
    written_to: str | None = None


@dataclass
class FeedRun:
    """The outcome of a fetch of every configured feed, ready to be written."""

    outcomes: list[FeedOutcome]
    now: datetime

    @property
    def counts(self) -> dict[str, int]:
        return {
            "feeds": len(self.outcomes),
            "feeds_failed": sum(o.status == "failed" for o in self.outcomes),
            "feeds_not_modified": sum(o.status == "not_modified" for o in self.outcomes),
            "entries_written": sum(len(o.lines) for o in self.outcomes),
            "entries_deferred": sum(o.deferred for o in self.outcomes),
        }


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
    return raw if isinstance(raw, str) else None  # left for the reader to check (and note) like any input date


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


def entry_line(entry, feed: Feed, feed_title: str | None, page_fetcher: Callable[[str], object] | None) -> dict:
    """The JSON Lines record of a feed entry (the format the `.jsonl` reader reads), with any notes."""
    link = entry.get("link") if isinstance(entry.get("link"), str) else None
    line = {
        "id": entry_key(entry), "title": html_fragment_to_text(entry.get("title")) or None,
        "text": _entry_text(entry), "url": link, "source": feed.source or feed_title or feed.name,
        "published_at": _entry_date(entry), "source_kind": "feed", "feed": feed.name, "feed_url": feed.url,
    }
    if feed.fetch_full_page and link and page_fetcher is not None:
        try:
            fetched = page_fetcher(link)
            page = extract_page(_decode_page(fetched), fetched.url)
            if page is None:
                raise FetchError("no_main_text", f"{link}: no article text found in the page")
        except (FetchError, BinaryContent) as exc:
            detail = exc.detail if isinstance(exc, FetchError) else f"{link}: {exc}"
            text_note = "the feed's summary is kept as the text" if line["text"] else "the entry has no text"
            line["notes"] = [{"reason": "page_fetch_failed", "detail": f"{detail}; {text_note}"}]
        else:
            line["text"] = page.text
            line["title"] = line["title"] or page.title
            line["published_at"] = line["published_at"] or page.date
            line["source"] = feed.source or page.site or line["source"]
    return line


def fetch_feed(client, feed: Feed, state: dict | None, seen: set[str],
               page_fetcher: Callable[[str], object] | None = None) -> FeedOutcome:
    """Fetch one feed (conditionally, when state has validators) and build the lines of its new entries."""
    import feedparser  # only needed when feeds are configured

    state = state or {}
    headers = {}
    if state.get("etag"):
        headers["If-None-Match"] = state["etag"]
    if state.get("last_modified"):
        headers["If-Modified-Since"] = state["last_modified"]
    old = {"etag": state.get("etag"), "last_modified": state.get("last_modified")}
    try:
        fetched = fetch(client, feed.url, feed.limits, headers)
    except FetchError as exc:
        return FeedOutcome(feed, "failed", error=FetchError(f"feed_{exc.reason}", exc.detail), **old)
    if fetched.not_modified:
        return FeedOutcome(feed, "not_modified", **old)
    parsed = feedparser.parse(fetched.content, response_headers={
        "content-type": fetched.headers.get("content-type", "application/xml"), "content-location": fetched.url})
    if not parsed.get("version") and not parsed.entries:
        kind = fetched.headers.get("content-type", "unknown content type")
        why = parsed.get("bozo_exception") or "no RSS or Atom root element"
        return FeedOutcome(feed, "failed", error=FetchError("not_a_feed", f"{feed.url}: the response ({kind}) is not "
                           f"an RSS or Atom feed ({why}); check the feed URL"), **old)
    feed_title = html_fragment_to_text(parsed.feed.get("title")) or None
    new_entries, keys = [], set()
    for entry in parsed.entries:
        key = entry_key(entry)
        if key in seen or key in keys:
            continue
        keys.add(key)
        new_entries.append(entry)
    taken, deferred = new_entries[:feed.max_entries_per_run], len(new_entries) - feed.max_entries_per_run
    lines = [entry_line(e, feed, feed_title, page_fetcher) for e in taken]
    # With entries left over, keep the old validators: a 304 next time would hide the deferred entries.
    validators = old if deferred > 0 else {"etag": fetched.headers.get("etag"),
                                           "last_modified": fetched.headers.get("last-modified")}
    return FeedOutcome(feed, "ok", lines, deferred=max(deferred, 0), **validators)


def write_entry_lines(raw_dir: str | os.PathLike, feed_name: str, lines: list[dict], day: date) -> Path:
    """Append the lines to `<raw>/feeds/<feed>/<day>.jsonl` (skipping ids already there), atomically: the file is
    rewritten beside itself and renamed, so a reader never sees half a file."""
    folder = Path(raw_dir) / "feeds" / feed_name
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{day.isoformat()}.jsonl"
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    present = set()
    for old_line in existing.splitlines():
        try:
            present.add(json.loads(old_line).get("id"))
        except (json.JSONDecodeError, AttributeError):
            continue
    fresh = [json.dumps(line, ensure_ascii=False) for line in lines if line["id"] not in present]
    if not fresh:
        return path
    if existing and not existing.endswith("\n"):
        existing += "\n"
    temporary = folder / f".{path.name}.tmp"  # hidden: the folder reader skips it
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(existing + "\n".join(fresh) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    return path


def read_feed_state(con: duckdb.DuckDBPyConnection) -> tuple[dict[str, dict], pl.DataFrame]:
    """(feed_name -> feed_state row, every feed_entries_seen row)."""
    state = store.read_frame(con, "SELECT * FROM feed_state")
    seen = store.read_frame(con, "SELECT * FROM feed_entries_seen")
    return {row["feed_name"]: row for row in state.iter_rows(named=True)}, seen


def fetch_feeds(feeds: Iterable[Feed], raw_dir: str | os.PathLike, state: dict[str, dict], seen: pl.DataFrame,
                now: datetime | None = None, client=None) -> FeedRun:
    """Fetch every feed and write the new entries' files; a failing feed is an outcome, never an exception."""
    now = now or datetime.now(UTC)
    own_client = client is None
    client = client or new_client()
    outcomes = []
    try:
        for feed in feeds:
            keys = set(seen.filter(pl.col("feed_name") == feed.name)["entry_key"].to_list()) if seen.height else set()
            page_limits = replace(feed.limits, max_bytes=min(feed.limits.max_bytes, 5 * 1024 * 1024))
            outcome = fetch_feed(client, feed, state.get(feed.name), keys,
                                 lambda url, limits=page_limits: fetch(client, url, limits))
            if outcome.lines:
                outcome.written_to = str(write_entry_lines(raw_dir, feed.name, outcome.lines, now.date()))
            outcomes.append(outcome)
    finally:
        if own_client:
            client.close()
    return FeedRun(outcomes, now)


def feed_writes(run: FeedRun, state: dict[str, dict], seen: pl.DataFrame) -> list[store.Write]:
    """The run's state, cursor and current feed failures as one set of writes (one transaction)."""
    names = [o.feed.name for o in run.outcomes]
    state_rows, seen_rows, errors = [], [], []
    for outcome in run.outcomes:
        before = state.get(outcome.feed.name) or {}
        failed = outcome.status == "failed"
        state_rows.append({
            "feed_name": outcome.feed.name, "feed_url": outcome.feed.url, "etag": outcome.etag,
            "last_modified": outcome.last_modified, "last_status": outcome.status,
            "last_error": outcome.error.detail if failed else None,
            "consecutive_failures": (before.get("consecutive_failures") or 0) + 1 if failed else 0,
            "entries_written": len(outcome.lines), "last_attempt_at": run.now,
            "last_success_at": before.get("last_success_at") if failed else run.now,
        })
        if failed:
            errors.append({"source_path": outcome.feed.url, "line_number": None, "reason": outcome.error.reason,
                           "detail": f"feed `{outcome.feed.name}`: {outcome.error.detail}; retried on the next run "
                                     f"({state_rows[-1]['consecutive_failures']} failure(s) in a row)",
                           "recorded_at": run.now})
        seen_rows += [{"feed_name": outcome.feed.name, "entry_key": line["id"], "entry_url": line["url"],
                       "written_to": outcome.written_to, "first_seen_at": run.now} for line in outcome.lines]
    schema = polars_schema("feed_entries_seen")
    earlier = seen.filter(pl.col("feed_name").is_in(names)).select(list(schema)).cast(schema) if seen.height else None
    cursor = pl.concat([f for f in (earlier, frame_from_rows("feed_entries_seen", seen_rows)) if f is not None])
    cursor = (cursor.unique(["feed_name", "entry_key"], keep="first", maintain_order=True)
              .sort(["feed_name", "first_seen_at", "entry_key"], descending=[False, True, False])
              .group_by("feed_name", maintain_order=True).head(MAX_SEEN_PER_FEED))
    in_feeds = ("feed_name IN (SELECT unnest(?::VARCHAR[]))", (names,))
    return [
        store.Write("feed_state", frame_from_rows("feed_state", state_rows), *in_feeds),
        store.Write("feed_entries_seen", cursor, *in_feeds),
        store.Write("ingest_errors", frame_from_rows("ingest_errors", errors), FEED_ERRORS_WHERE),
    ]


def ingest_feeds(db_path: str | os.PathLike, feeds: list[Feed], raw_dir: str | os.PathLike,
                 now: datetime | None = None, client=None) -> FeedRun:
    """The whole feed stage: read the cursor, fetch (no database lock held meanwhile), write files, then state."""
    with store.connect(db_path) as con:
        state, seen = read_feed_state(con)
    run = fetch_feeds(feeds, raw_dir, state, seen, now, client)
    with store.connect(db_path) as con:
        store.apply_writes(con, feed_writes(run, state, seen))
    return run
