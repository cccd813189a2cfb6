"""The feeds config (DIPLOWATCH_FEEDS): a TOML file with an optional `[defaults]` table and a `[[feed]]` table
per feed, read into checked `Feed`s; every mistake is a FeedConfigError saying where and what to fix."""

from __future__ import annotations

import os
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from diplowatch.ingest.http import AddressPolicy, FetchLimits

#: Feed names become folder names: 1-64 lower-case ASCII letters, digits, `-` and `_`, starting with a letter
#: or digit; matched whole (`fullmatch`: no trailing newline, no control character, nothing that climbs out of
#: `<raw>/feeds/`).
FEED_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
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
