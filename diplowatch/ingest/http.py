"""Fetching feeds and pages over HTTP with hard limits, and only from where they may come from.

Limits: timeouts, ONE wall-clock deadline for a whole fetch (every redirect hop, connect, TLS handshake and
read shares it), a size cap enforced while streaming, a redirect cap, http/https only, a User-Agent naming
the project.

Where from (server-side request forgery): a URL from a feed (an entry's link, a redirect, a page link) is
fetched only when every address its host resolves to is public — not loopback, private, link-local (cloud
metadata at 169.254.169.254), shared (100.64/10), multicast, reserved or otherwise special — unless the host
or address is on the feed's `allow_internal` list. The check runs in the connection itself (an httpcore
network backend): the host is resolved once, every address is checked, and the socket connects to the
checked address (the Host header and TLS SNI/certificate still use the name), so a DNS answer that changes
between the check and the connect ("DNS rebinding") cannot pass. Only the configured feed URL itself is
trusted (`Fetcher.fetch(..., trusted=True)`): its redirects are checked like any other URL.
"""

from __future__ import annotations

import contextvars
import ipaddress
import math
import socket
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

try:
    _VERSION = version("diplowatch")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without installing
    _VERSION = "dev"

USER_AGENT = f"diplowatch/{_VERSION} (news ingestion for diplomatic-visit research; feed reader)"
_REDIRECTS = {301, 302, 303, 307, 308}

#: The clock of every time limit here and in the feed stage (an attribute, so a test can drive it).
_clock = time.monotonic


def monotonic() -> float:
    return _clock()


@dataclass(frozen=True)
class FetchLimits:
    """Bounds on one HTTP fetch (one feed document or one article page)."""

    connect_timeout: float = 10.0
    read_timeout: float = 20.0  # longest wait for the next bytes
    total_timeout: float = 60.0  # the whole fetch, every redirect hop included: nothing can hold a run longer
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


class BlockedAddress(FetchError):
    """A URL whose host resolves to an address that may not be reached (see AddressPolicy)."""

    def __init__(self, detail: str):
        super().__init__("blocked_address", detail)


# --- which addresses may be reached -----------------------------------------------------------------------

#: Special-purpose ranges that Python's `is_global` lets through (3.11): IETF protocol assignments, where some
#: clouds serve instance metadata (192.0.0.192), benchmarking, and the local-use NAT64 prefix.
_SPECIAL_NETWORKS = tuple(
    ipaddress.ip_network(n) for n in ("192.0.0.0/24", "100.64.0.0/10", "198.18.0.0/15", "64:ff9b:1::/48")
)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def _embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for (mapped ::ffff:a.b.c.d, 6to4, NAT64), if any."""
    if ip.version != 6:
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def is_public_address(ip: IPAddress) -> bool:
    """True for a globally routable unicast address; False for loopback, private, link-local (cloud
    metadata), shared, multicast, reserved, unspecified and other special-purpose addresses."""
    embedded = _embedded_ipv4(ip)
    if embedded is not None:
        return is_public_address(embedded)
    special = ip.is_multicast or ip.is_reserved or ip.is_loopback or ip.is_link_local or ip.is_private
    return ip.is_global and not special and not any(ip in network for network in _SPECIAL_NETWORKS)


def _resolve(host: str, port: int) -> list[str]:
    """Every address `host` resolves to (once: the addresses checked are the ones connected to)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise httpcore.ConnectError(f"cannot resolve {host!r}: {exc}") from exc
    return list(dict.fromkeys(info[4][0] for info in infos))


@dataclass(frozen=True)
class AddressPolicy:
    """Which non-public destinations may still be reached: `allow_internal` lists host names (exact,
    case-insensitive), IP addresses and networks (CIDR), e.g. ("intranet.example", "10.1.0.0/16")."""

    allow_internal: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for entry in self.allow_internal:
            parse_allow_entry(entry)  # fail on construction, not on the first fetch

    def addresses(self, host: str, port: int) -> list[str]:
        """The addresses to connect to for host:port; BlockedAddress when any of them is not allowed."""
        names, networks = self._entries()
        resolved = _resolve(host, port)
        if host.lower().rstrip(".") in names:
            return resolved
        for address in resolved:
            # An IPv6 zone (fe80::1%eth0) is not part of the address.
            ip = ipaddress.ip_address(address.split("%", 1)[0])
            if not is_public_address(ip) and not any(ip in network for network in networks):
                raise BlockedAddress(
                    f"{host} resolves to {ip}, which is not a public address (loopback, private, "
                    "link-local, metadata or another special range): not fetched, since a feed must not make "
                    "this machine read internal pages; if the host is meant to be fetched, add it to "
                    "`allow_internal` in the feeds config",
                )
        return resolved

    def _entries(self) -> tuple[set[str], list[ipaddress.IPv4Network | ipaddress.IPv6Network]]:
        names, networks = set(), []
        for entry in self.allow_internal:
            parsed = parse_allow_entry(entry)
            (names.add if isinstance(parsed, str) else networks.append)(parsed)
        return names, networks


def parse_allow_entry(entry: str) -> str | ipaddress.IPv4Network | ipaddress.IPv6Network:
    """An `allow_internal` entry as a network (an address or CIDR) or a lower-cased host name; ValueError
    saying what is wrong otherwise."""
    if not isinstance(entry, str) or not entry.strip():
        raise ValueError(f"`allow_internal` entries are host names, IP addresses or networks; got {entry!r}")
    try:
        return ipaddress.ip_network(entry.strip(), strict=False)
    except ValueError:
        pass
    name = entry.strip().lower().rstrip(".")
    if not all(part and len(part) < 64 and part.replace("-", "").isalnum() for part in name.split(".")):
        raise ValueError(f"`allow_internal` entry {entry!r} is neither a host name nor an IP address/network")
    return name


# --- the connection: checked address, one deadline --------------------------------------------------------

#: The deadline (`monotonic()`) of the fetch running in this thread; it caps every socket operation.
_DEADLINE: contextvars.ContextVar[float] = contextvars.ContextVar(
    "diplowatch_fetch_deadline", default=math.inf
)


def _capped(timeout: float | None, error: type[httpcore.TimeoutException]) -> float | None:
    remaining = _DEADLINE.get() - monotonic()
    if math.isinf(remaining):
        return timeout
    if remaining <= 0:
        raise error("the fetch's total time limit is used up")
    return remaining if timeout is None else min(timeout, remaining)


class _DeadlineStream(httpcore.NetworkStream):
    """A socket stream whose every read, write and TLS handshake waits at most until the fetch's deadline."""

    def __init__(self, stream: httpcore.NetworkStream):
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _capped(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _capped(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context, server_hostname: str | None = None, timeout: float | None = None):
        timeout = _capped(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._stream.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str):
        return self._stream.get_extra_info(info)


class GuardedBackend(httpcore.NetworkBackend):
    """httpcore's network backend with the address check (`policy`; None = no check, for trusted URLs) made on
    the addresses actually connected to, and the fetch's deadline on every socket operation."""

    def __init__(self, policy: AddressPolicy | None):
        self._policy = policy
        self._sockets = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable | None = None,
    ) -> httpcore.NetworkStream:
        addresses = self._policy.addresses(host, port) if self._policy is not None else [host]
        failure: Exception | None = None
        for address in addresses:
            try:
                stream = self._sockets.connect_tcp(
                    address, port, _capped(timeout, httpcore.ConnectTimeout), local_address, socket_options
                )
            except httpcore.ConnectError as exc:
                failure = exc
                continue
            return _DeadlineStream(stream)
        raise failure or httpcore.ConnectError(f"{host!r} has no address")

    def connect_unix_socket(self, *_args, **_kwargs):
        """Refused (httpcore's backends must offer it): feeds are fetched over TCP only."""
        raise httpcore.ConnectError("feeds are fetched over TCP only")

    def sleep(self, seconds: float) -> None:
        self._sockets.sleep(seconds)


class _GuardedTransport(httpx.HTTPTransport):
    """httpx's transport over GuardedBackend. httpx 0.28 has no option for httpcore's network backend
    (encode/httpx#3180) and sends every request through `self._pool`, so the pool is built here; the tests of
    blocked addresses fail if a later httpx stops using it."""

    def __init__(self, policy: AddressPolicy | None):
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=20,
            max_keepalive_connections=10,
            keepalive_expiry=5.0,
            network_backend=GuardedBackend(policy),
        )


def _client(policy: AddressPolicy | None) -> httpx.Client:
    # Redirects are followed by `Fetcher.fetch` (each hop checked), never by httpx. No proxy from the
    # environment: through a proxy, the address check could not see where a request really goes.
    return httpx.Client(
        transport=_GuardedTransport(policy),
        follow_redirects=False,
        trust_env=False,
        headers={"User-Agent": USER_AGENT},
    )


# --- fetching -----------------------------------------------------------------------------------------------


class Fetcher:
    """HTTP fetches for one feed: the configured feed URL (trusted) and everything reached from it (checked
    against `policy`). Thread-safe: pages may be fetched from several threads at once."""

    def __init__(self, policy: AddressPolicy = AddressPolicy()):
        self.policy = policy
        self._checked = _client(policy)
        self._trusted = _client(None)

    def close(self) -> None:
        self._checked.close()
        self._trusted.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def fetch(
        self,
        url: str,
        limits: FetchLimits = FetchLimits(),
        headers: dict[str, str] | None = None,
        *,
        trusted: bool = False,
        deadline: float = math.inf,
    ) -> Fetched:
        """GET `url` within `limits` and by `deadline` (on `monotonic()`, e.g. the feed's time budget for the
        run), following redirects by hand; raise FetchError (never another exception) when that is not
        possible. `trusted`: `url` is the configured feed URL, fetched without the address check (its
        redirects are checked)."""
        deadline = min(deadline, monotonic() + limits.total_timeout)
        token = _DEADLINE.set(deadline)
        try:
            return self._follow(url, limits, headers or {}, trusted, deadline)
        finally:
            _DEADLINE.reset(token)

    def _follow(
        self, url: str, limits: FetchLimits, headers: dict[str, str], trusted: bool, deadline: float
    ) -> Fetched:
        current = url
        for hop in range(limits.max_redirects + 1):
            scheme = urlsplit(current).scheme.lower()
            if scheme not in ("http", "https"):
                raise FetchError("unsupported_scheme", f"{current!r}: only http and https URLs are fetched")
            remaining = deadline - monotonic()
            if remaining <= 0:
                raise _out_of_time(url, current, limits)
            client = self._trusted if trusted and hop == 0 else self._checked
            timeout = httpx.Timeout(
                min(limits.read_timeout, remaining), connect=min(limits.connect_timeout, remaining)
            )
            try:
                with client.stream("GET", current, headers=headers, timeout=timeout) as response:
                    if response.status_code in _REDIRECTS and "location" in response.headers:
                        current = urljoin(current, response.headers["location"])
                        continue
                    return _read_body(response, current, limits, deadline)
            except BlockedAddress as exc:
                raise FetchError(exc.reason, f"{current}: {exc.detail}") from None
            except httpx.TimeoutException as exc:
                if monotonic() >= deadline:
                    raise _out_of_time(url, current, limits) from None
                raise FetchError(
                    "timeout", f"{current}: no response within the time limits ({type(exc).__name__})"
                ) from None
            except httpx.HTTPError as exc:
                raise FetchError("unreachable", f"{current}: {type(exc).__name__}: {exc}") from None
        raise FetchError("too_many_redirects", f"{url}: more than {limits.max_redirects} redirects")


def _out_of_time(url: str, current: str, limits: FetchLimits) -> FetchError:
    where = url if current == url else f"{url} (redirected to {current})"
    return FetchError(
        "timeout",
        f"{where}: not done within the time limit ({limits.total_timeout:g} s for the "
        "whole fetch, redirects included, or the feed's time budget for this run)",
    )


def _read_body(response: httpx.Response, url: str, limits: FetchLimits, deadline: float) -> Fetched:
    headers = {k.lower(): v for k, v in response.headers.items()}
    if response.status_code == 304:
        return Fetched(url, 304, b"", headers)
    if response.status_code >= 400 or response.status_code < 200:
        raise FetchError("http_error", f"{url}: HTTP {response.status_code} {response.reason_phrase}")
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise FetchError(
            "too_large", f"{url}: announces {declared} bytes, above the {limits.max_bytes}-byte cap"
        )
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limits.max_bytes:
            raise FetchError("too_large", f"{url}: more than {limits.max_bytes} bytes; stopped reading")
        if monotonic() > deadline:
            raise FetchError("timeout", f"{url}: still sending at the time limit; stopped reading")
        chunks.append(chunk)
    return Fetched(url, response.status_code, b"".join(chunks), headers)
