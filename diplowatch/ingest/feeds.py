"""RSS/Atom feeds into the raw folder: fetch each configured feed (`feed_config`) incrementally (conditional
GET and a per-feed cursor of seen entries), optionally fetch each entry's page, and write new entries as JSON
Lines under `<raw>/feeds/<feed-name>/<YYYY-MM-DD>.jsonl`, where the `articles` stage reads them like any file.

The feed stage never writes `articles`: the raw files are the durable record of what was fetched (also of a
page that could not be fetched: the line carries a note), so one stage owns the articles table. The
stage writes only its own state (`feed_state`, `feed_entries_seen`) and the current feed failures
(`ingest_errors` rows whose source_path is the feed URL), in one transaction after the files are written.
"""

from __future__ import annotations

import json
import os
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
from diplowatch.ingest.feed_config import Feed
from diplowatch.ingest.feed_entries import entry_key, entry_line, entry_link
from diplowatch.ingest.http import AddressPolicy, Fetched, Fetcher, FetchError
from diplowatch.ingest.text import html_fragment_to_text
from diplowatch.schemas import frame_from_rows, polars_schema

#: Rows of `ingest_errors` owned by the feed stage (feed URLs); the articles stage owns every other row.
FEED_ERRORS_WHERE = "regexp_matches(source_path, '^https?://')"
#: Entry keys kept per feed in the cursor; feeds list tens of entries, so this is months of history.
MAX_SEEN_PER_FEED = 10_000
#: An article page is abandoned above this size, whatever the feed's `max_bytes`.
PAGE_MAX_BYTES = 5 * 1024 * 1024


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
    links = {i: entry_link(e) for i, e in enumerate(taken) if entry_link(e)} if feed.fetch_full_page else {}
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
