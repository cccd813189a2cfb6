"""Fetching feeds and pages over HTTP with hard limits: timeouts, a wall-clock deadline, a size cap enforced
while streaming, a redirect cap, http/https only, and a User-Agent naming the project."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urljoin, urlsplit

import httpx

try:
    _VERSION = version("diplowatch")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without installing
    _VERSION = "dev"

USER_AGENT = f"diplowatch/{_VERSION} (news ingestion for diplomatic-visit research; feed reader)"
_REDIRECTS = {301, 302, 303, 307, 308}


@dataclass(frozen=True)
class FetchLimits:
    """Bounds on one HTTP fetch (one feed document or one article page)."""

    connect_timeout: float = 10.0
    read_timeout: float = 20.0  # longest wait for the next bytes
    total_timeout: float = 60.0  # the whole fetch, redirects included: a server trickling bytes cannot hold a run
    max_bytes: int = 10 * 1024 * 1024  # after content decoding, so a gzip bomb is capped too
    max_redirects: int = 5


@dataclass(frozen=True)
class Fetched:
    """A completed response (2xx or 304)."""

    url: str  # after redirects
    status: int
    content: bytes
    headers: dict[str, str] = field(default_factory=dict)  # lower-cased names

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchError(Exception):
    """A fetch that did not give a usable response; `reason` is the `ingest_errors` reason."""

    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


def new_client(limits: FetchLimits = FetchLimits()) -> httpx.Client:
    """An HTTP client for feeds: redirects are followed by `fetch` (to check each hop), never by httpx."""
    timeout = httpx.Timeout(limits.read_timeout, connect=limits.connect_timeout)
    return httpx.Client(timeout=timeout, follow_redirects=False, headers={"User-Agent": USER_AGENT})


def fetch(client: httpx.Client, url: str, limits: FetchLimits = FetchLimits(),
          headers: dict[str, str] | None = None) -> Fetched:
    """GET `url` within `limits`; raise FetchError (never another exception) when that is not possible."""
    deadline = time.monotonic() + limits.total_timeout
    current = url
    timeout = httpx.Timeout(limits.read_timeout, connect=limits.connect_timeout)
    for _hop in range(limits.max_redirects + 1):
        scheme = urlsplit(current).scheme.lower()
        if scheme not in ("http", "https"):
            raise FetchError("unsupported_scheme", f"{current!r}: only http and https URLs are fetched")
        try:
            with client.stream("GET", current, headers=headers or {}, timeout=timeout) as response:
                if response.status_code in _REDIRECTS and "location" in response.headers:
                    current = urljoin(current, response.headers["location"])
                    continue
                return _read_body(response, current, limits, deadline)
        except httpx.TimeoutException as exc:
            raise FetchError("timeout", f"{current}: no response within the time limits ({type(exc).__name__})") from None
        except httpx.HTTPError as exc:
            raise FetchError("unreachable", f"{current}: {type(exc).__name__}: {exc}") from None
    raise FetchError("too_many_redirects", f"{url}: more than {limits.max_redirects} redirects")


def _read_body(response: httpx.Response, url: str, limits: FetchLimits, deadline: float) -> Fetched:
    headers = {k.lower(): v for k, v in response.headers.items()}
    if response.status_code == 304:
        return Fetched(url, 304, b"", headers)
    if response.status_code >= 400 or response.status_code < 200:
        raise FetchError("http_error", f"{url}: HTTP {response.status_code} {response.reason_phrase}")
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise FetchError("too_large", f"{url}: announces {declared} bytes, above the {limits.max_bytes}-byte cap")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limits.max_bytes:
            raise FetchError("too_large", f"{url}: more than {limits.max_bytes} bytes; stopped reading")
        if time.monotonic() > deadline:
            raise FetchError("timeout", f"{url}: still sending after {limits.total_timeout:g} s; stopped reading")
        chunks.append(chunk)
    return Fetched(url, response.status_code, b"".join(chunks), headers)
