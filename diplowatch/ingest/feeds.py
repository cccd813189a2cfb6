"""RSS/Atom feeds into the raw folder: read the feeds config, fetch each feed incrementally (conditional GET
and a per-feed cursor of seen entries), optionally fetch each entry's page, and write new entries as JSON
Lines under `<raw>/feeds/<feed-name>/<YYYY-MM-DD>.jsonl`, where the `articles` stage reads them like any file.

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
import unicodedata
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import polars as pl

from diplowatch import store
from diplowatch.ingest import http
from diplowatch.ingest.http import AddressPolicy, Fetched, Fetcher, FetchError, FetchLimits
from diplowatch.ingest.pages import extract_page
from diplowatch.ingest.text import BinaryContent, decode_bytes, html_fragment_to_text
from diplowatch.schemas import frame_from_rows, polars_schema

#: Feed names become folder names: 1-64 lower-case ASCII letters, digits, `-` and `_`, starting with a letter
#: or digit; matched whole (`fullmatch`: no trailing newline, no control character, nothing that climbs out of
#: `<raw>/feeds/`).
FEED_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
#: Rows of `ingest_errors` owned by the feed stage (feed URLs); the articles stage owns every other row.
FEED_ERRORS_WHERE = "regexp_matches(source_path, '^https?://')"
#: Entry keys kept per feed in the cursor; feeds list tens of entries, so this is months of history.
MAX_SEEN_PER_FEED = 10_000
#: An article page is abandoned above this size, whatever the feed's `max_bytes`.
PAGE_MAX_BYTES = 5 * 1024 * 1024
_FEED_KEYS = {
    "name",
    "url",
    "source",
    "fetch_full_page",
    "max_entries_per_run",
    "timeout_seconds",
    "max_bytes",
    "max_redirects",
    "max_seconds_per_run",
    "page_concurrency",
    "allow_internal",
}


class FeedConfigError(ValueError):
    """The feeds config file is missing or wrong; the message says where and what to fix."""


def check_feed_name(name) -> str:
    """The name, when it is a valid feed name (FEED_NAME); FeedConfigError saying what is wrong otherwise."""
    if isinstance(name, str) and FEED_NAME.fullmatch(name):
        return name
    problem = ""
    if isinstance(name, str) and any(unicodedata.category(ch).startswith("C") for ch in name):
        problem = " (it holds a control character, e.g. a newline)"
    raise FeedConfigError(
        f"`name` must be 1-64 lower-case letters, digits, - or _, starting with a letter or digit, "
        f"since it is also a folder name{problem} (got {name!r})"
    )


@dataclass(frozen=True)
class Feed:
    """One configured feed."""

    name: str
    url: str
    source: str | None = None  # publisher name to record; default: the feed's own title
    fetch_full_page: bool = False  # follow each entry's link and extract the page's main text
    max_entries_per_run: int = 200  # more new entries wait for the next run (bounds the run's time)
    limits: FetchLimits = field(default_factory=FetchLimits)
    max_seconds_per_run: float = (
        300.0  # the feed and its pages, per run; pages not reached wait for the next run
    )
    page_concurrency: int = 4  # pages fetched at once
    allow_internal: tuple[str, ...] = ()  # non-public hosts/addresses/networks that links may still reach

    def __post_init__(self) -> None:
        check_feed_name(self.name)
        if not self.max_seconds_per_run > 0:
            raise FeedConfigError(
                f"`max_seconds_per_run` must be a positive number (got {self.max_seconds_per_run!r})"
            )
        if not 1 <= self.page_concurrency <= 16:
            raise FeedConfigError(
                f"`page_concurrency` must be between 1 and 16 (got {self.page_concurrency!r})"
            )
        try:
            AddressPolicy(tuple(self.allow_internal))
        except ValueError as exc:
            raise FeedConfigError(str(exc)) from None


def load_feeds_config(path: str | os.PathLike) -> list[Feed]:
    """Parse a feeds TOML file: an optional `[defaults]` table and one `[[feed]]` table per feed."""
    path = Path(path)
    try:
        config = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FeedConfigError(
            f"feeds config {path} does not exist; set DIPLOWATCH_FEEDS to an existing file "
            "(see feeds.toml at the repository root) or leave it empty for no feeds"
        ) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise FeedConfigError(f"feeds config {path} is not valid TOML: {exc}") from None
    unknown = set(config) - {"defaults", "feed"}
    if unknown:
        raise FeedConfigError(
            f"feeds config {path}: unknown top-level keys {sorted(unknown)}; use [defaults] and [[feed]]"
        )
    defaults = config.get("defaults", {})
    feeds, names = [], set()
    for number, entry in enumerate(config.get("feed", []), start=1):
        where = f"feeds config {path}, feed #{number}"
        if not isinstance(entry, dict):
            raise FeedConfigError(f"{where}: expected a [[feed]] table")
        feed = _feed_from_table({**defaults, **entry}, where)
        if feed.name in names:
            raise FeedConfigError(f"{where}: the name {feed.name!r} is used twice")
        names.add(feed.name)
        feeds.append(feed)
    return feeds


def _feed_from_table(merged: dict, where: str) -> Feed:
    unknown = set(merged) - _FEED_KEYS
    if unknown:
        raise FeedConfigError(f"{where}: unknown keys {sorted(unknown)}; allowed: {sorted(_FEED_KEYS)}")
    name, url = merged.get("name"), merged.get("url")
    try:
        check_feed_name(name)
    except FeedConfigError as exc:
        raise FeedConfigError(f"{where}: {exc}") from None
    if not isinstance(url, str) or not re.fullmatch(r"https?://[^/\s]+\S*", url):
        raise FeedConfigError(f"{where} ({name}): `url` must be an http(s) URL (got {url!r})")
    allow = merged.get("allow_internal", [])
    if not isinstance(allow, list):
        raise FeedConfigError(
            f"{where} ({name}): `allow_internal` must be a list of host names, IP addresses or "
            f'networks, e.g. ["intranet.example", "10.1.0.0/16"] (got {allow!r})'
        )
    timeout = merged.get("timeout_seconds", FetchLimits.read_timeout)
    try:
        limits = FetchLimits(
            read_timeout=float(timeout),
            total_timeout=3 * float(timeout),
            max_bytes=int(merged.get("max_bytes", FetchLimits.max_bytes)),
            max_redirects=int(merged.get("max_redirects", FetchLimits.max_redirects)),
        )
        return Feed(
            name,
            url,
            merged.get("source"),
            bool(merged.get("fetch_full_page", False)),
            int(merged.get("max_entries_per_run", 200)),
            limits,
            float(merged.get("max_seconds_per_run", Feed.max_seconds_per_run)),
            int(merged.get("page_concurrency", Feed.page_concurrency)),
            tuple(allow),
        )
    except (TypeError, ValueError) as exc:
        raise FeedConfigError(f"{where} ({name}): {exc}") from None


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
    return (
        raw if isinstance(raw, str) else None
    )  # left for the reader to check (and note) like any input date


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


def _entry_link(entry) -> str | None:
    link = entry.get("link")
    return link if isinstance(link, str) and link.strip() else None


def entry_line(entry, feed: Feed, feed_title: str | None, page: Fetched | FetchError | None = None) -> dict:
    """The JSON Lines record of a feed entry (the format the `.jsonl` reader reads), with any notes. `page` is
    the fetched entry page (or why it could not be fetched) when the feed fetches full pages."""
    link = _entry_link(entry)
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


def fetch_pages(
    fetcher: Fetcher, feed: Feed, links: dict[int, str], deadline: float
) -> dict[int, Fetched | FetchError]:
    """Fetch the entries' pages, `feed.page_concurrency` at a time, each within its own limits and all by
    `deadline` (the feed's time budget for the run). A page not started by then, or cut off by it, is left out
    of the result: its entry waits for the next run."""
    limits = replace(feed.limits, max_bytes=min(feed.limits.max_bytes, PAGE_MAX_BYTES))

    def fetch_one(link: str) -> Fetched | FetchError | None:
        if http.monotonic() >= deadline:
            return None
        try:
            return fetcher.fetch(link, limits, deadline=deadline)
        except FetchError as exc:
            return None if exc.reason == "timeout" and http.monotonic() >= deadline else exc

    with ThreadPoolExecutor(
        max_workers=feed.page_concurrency, thread_name_prefix=f"feed-{feed.name}"
    ) as pool:
        results = dict(zip(links, pool.map(fetch_one, links.values()), strict=True))
    return {index: result for index, result in results.items() if result is not None}


def _conditional_headers(state: dict) -> dict[str, str]:
    headers = {}
    if state.get("etag"):
        headers["If-None-Match"] = state["etag"]
    if state.get("last_modified"):
        headers["If-Modified-Since"] = state["last_modified"]
    return headers


def _parse_feed(fetched: Fetched, feed: Feed):
    """feedparser's result, or FetchError("not_a_feed") when the response is no RSS/Atom feed."""
    import feedparser  # only needed when feeds are configured

    parsed = feedparser.parse(
        fetched.content,
        response_headers={
            "content-type": fetched.headers.get("content-type", "application/xml"),
            "content-location": fetched.url,
        },
    )
    if not parsed.get("version") and not parsed.entries:
        kind = fetched.headers.get("content-type", "unknown content type")
        why = parsed.get("bozo_exception") or "no RSS or Atom root element"
        raise FetchError(
            "not_a_feed",
            f"{feed.url}: the response ({kind}) is not an RSS or Atom feed ({why}); check the feed URL",
        )
    return parsed


def fetch_feed(fetcher: Fetcher, feed: Feed, state: dict | None, seen: set[str]) -> FeedOutcome:
    """Fetch one feed (conditionally, when state has validators) and build the lines of its new entries, the
    whole within the feed's time budget for the run (`max_seconds_per_run`)."""
    deadline = http.monotonic() + feed.max_seconds_per_run
    state = state or {}
    old = {"etag": state.get("etag"), "last_modified": state.get("last_modified")}
    try:
        fetched = fetcher.fetch(
            feed.url, feed.limits, _conditional_headers(state), trusted=True, deadline=deadline
        )
        if fetched.not_modified:
            return FeedOutcome(feed, "not_modified", **old)
        parsed = _parse_feed(fetched, feed)
    except FetchError as exc:
        reason = exc.reason if exc.reason == "not_a_feed" else f"feed_{exc.reason}"
        return FeedOutcome(feed, "failed", error=FetchError(reason, exc.detail), **old)
    feed_title = html_fragment_to_text(parsed.feed.get("title")) or None
    new_entries, keys = [], set()
    for entry in parsed.entries:
        key = entry_key(entry)
        if key not in seen and key not in keys:
            keys.add(key)
            new_entries.append(entry)
    taken = new_entries[: feed.max_entries_per_run]
    pages: dict[int, Fetched | FetchError] = {}
    links = {i: _entry_link(e) for i, e in enumerate(taken) if _entry_link(e)} if feed.fetch_full_page else {}
    if links:
        pages = fetch_pages(fetcher, feed, links, deadline)
    lines = [
        entry_line(e, feed, feed_title, pages.get(i))
        for i, e in enumerate(taken)
        if i not in links or i in pages
    ]  # an entry whose page was not reached in time waits for the next run
    deferred = len(new_entries) - len(lines)
    # With entries left over, keep the old validators: a 304 next time would hide the deferred entries.
    validators = (
        old
        if deferred > 0
        else {"etag": fetched.headers.get("etag"), "last_modified": fetched.headers.get("last-modified")}
    )
    return FeedOutcome(feed, "ok", lines, deferred=deferred, **validators)


def write_entry_lines(raw_dir: str | os.PathLike, feed_name: str, lines: list[dict], day: date) -> Path:
    """Append the lines to `<raw>/feeds/<feed>/<day>.jsonl` (skipping ids already there), atomically: the file
    is rewritten beside itself and renamed, so a reader never sees half a file."""
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


def fetch_feeds(
    feeds: Iterable[Feed],
    raw_dir: str | os.PathLike,
    state: dict[str, dict],
    seen: pl.DataFrame,
    now: datetime | None = None,
) -> FeedRun:
    """Fetch every feed and write the new entries' files; a failing feed is an outcome, never an exception."""
    now = now or datetime.now(UTC)
    outcomes = []
    for feed in feeds:
        keys = (
            set(seen.filter(pl.col("feed_name") == feed.name)["entry_key"].to_list())
            if seen.height
            else set()
        )
        with Fetcher(AddressPolicy(feed.allow_internal)) as fetcher:
            outcome = fetch_feed(fetcher, feed, state.get(feed.name), keys)
        if outcome.lines:
            outcome.written_to = str(write_entry_lines(raw_dir, feed.name, outcome.lines, now.date()))
        outcomes.append(outcome)
    return FeedRun(outcomes, now)


def _cursor(seen: pl.DataFrame, names: list[str], new_rows: pl.DataFrame) -> pl.DataFrame:
    """The feeds' cursor after the run: earlier entries and new ones, newest first, capped per feed."""
    schema = polars_schema("feed_entries_seen")
    earlier = (
        seen.filter(pl.col("feed_name").is_in(names)).select(list(schema)).cast(schema)
        if seen.height
        else None
    )
    cursor = pl.concat([f for f in (earlier, new_rows) if f is not None])
    return (
        cursor.unique(["feed_name", "entry_key"], keep="first", maintain_order=True)
        .sort(["feed_name", "first_seen_at", "entry_key"], descending=[False, True, False])
        .group_by("feed_name", maintain_order=True)
        .head(MAX_SEEN_PER_FEED)
    )


def feed_writes(run: FeedRun, state: dict[str, dict], seen: pl.DataFrame) -> list[store.Write]:
    """The run's state, cursor and current feed failures as one set of writes (one transaction)."""
    names = [o.feed.name for o in run.outcomes]
    state_rows, seen_rows, errors = [], [], []
    for outcome in run.outcomes:
        before = state.get(outcome.feed.name) or {}
        failed = outcome.status == "failed"
        state_rows.append(
            {
                "feed_name": outcome.feed.name,
                "feed_url": outcome.feed.url,
                "etag": outcome.etag,
                "last_modified": outcome.last_modified,
                "last_status": outcome.status,
                "last_error": outcome.error.detail if failed else None,
                "consecutive_failures": (before.get("consecutive_failures") or 0) + 1 if failed else 0,
                "entries_written": len(outcome.lines),
                "last_attempt_at": run.now,
                "last_success_at": before.get("last_success_at") if failed else run.now,
            }
        )
        if failed:
            errors.append(
                {
                    "source_path": outcome.feed.url,
                    "line_number": None,
                    "reason": outcome.error.reason,
                    "detail": f"feed `{outcome.feed.name}`: {outcome.error.detail}; retried on the next run "
                    f"({state_rows[-1]['consecutive_failures']} failure(s) in a row)",
                    "recorded_at": run.now,
                }
            )
        seen_rows += [
            {
                "feed_name": outcome.feed.name,
                "entry_key": line["id"],
                "entry_url": line["url"],
                "written_to": outcome.written_to,
                "first_seen_at": run.now,
            }
            for line in outcome.lines
        ]
    cursor = _cursor(seen, names, frame_from_rows("feed_entries_seen", seen_rows))
    in_feeds = ("feed_name IN (SELECT unnest(?::VARCHAR[]))", (names,))
    return [
        store.Write("feed_state", frame_from_rows("feed_state", state_rows), *in_feeds),
        store.Write("feed_entries_seen", cursor, *in_feeds),
        store.Write("ingest_errors", frame_from_rows("ingest_errors", errors), FEED_ERRORS_WHERE),
    ]


def ingest_feeds(
    open_connection: Callable[[], AbstractContextManager[duckdb.DuckDBPyConnection]],
    feeds: list[Feed],
    raw_dir: str | os.PathLike,
    now: datetime | None = None,
) -> FeedRun:
    """The whole feed stage: read the cursor, fetch (no database connection held meanwhile), write the entry
    files, then the feeds' state, cursor and failures in one transaction.

    `open_connection()` opens a connection for one `with` block: `functools.partial(store.connect, path)`, or
    a Dagster DuckDB resource's `get_connection`.
    """
    with open_connection() as con:
        state, seen = read_feed_state(con)
    run = fetch_feeds(feeds, raw_dir, state, seen, now)
    with open_connection() as con:
        store.apply_writes(con, feed_writes(run, state, seen))
    return run
