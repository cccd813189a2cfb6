"""Feeds cannot make this machine read internal pages (SSRF), and cannot hold a run.

Two local servers on two loopback addresses: the configured feed on 127.0.0.1 (trusted: it is in the config),
"internal" pages on 127.0.0.2. Entry links, redirects and page links reach a non-public address only when the
feeds config allows it (`allow_internal`); the check is made on the address actually connected to, so a DNS
answer that changes in between does not pass. One time limit per fetch covers every redirect hop, one budget
per feed and run covers the feed and its pages, and pages are fetched a few at a time.

Time: the budgets are driven by a fake clock (`diplowatch.ingest.http._clock`) that the servers advance, so
no test here depends on how fast the machine is."""

from __future__ import annotations

import errno
import ipaddress
import json
import socket
import threading
from datetime import UTC, datetime
from functools import partial

import pytest

from diplowatch import store
from diplowatch.ingest import http
from diplowatch.ingest.feed_config import Feed, FeedConfigError, load_feeds_config
from diplowatch.ingest.feeds import ingest_feeds
from diplowatch.ingest.http import AddressPolicy, Fetcher, FetchError, FetchLimits, is_public_address
from tests.fixtures.feed_server import BODY, FeedServer, page, redirect_to, reply, rss

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
FAST = FetchLimits(connect_timeout=1, read_timeout=1, total_timeout=5, max_bytes=1024 * 1024, max_redirects=5)
SECRET = "Internal admin console: the database password is hunter2 and the backup key is under the desk."


@pytest.fixture
def feed_server():
    server = FeedServer("127.0.0.1")
    yield server
    server.close()


@pytest.fixture
def internal():
    server = FeedServer("127.0.0.2")
    server.routes["/secret"] = reply(page("Admin", SECRET), "text/html")
    yield server
    server.close()


class FakeClock:
    """`http._clock` for a test: time moves only when a server handler says so."""

    def __init__(self):
        self.now = 1000.0
        self._lock = threading.Lock()

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        with self._lock:
            self.now += seconds


@pytest.fixture
def clock(monkeypatch) -> FakeClock:
    fake = FakeClock()
    monkeypatch.setattr(http, "_clock", fake)
    return fake


def advancing(clock: FakeClock, seconds: float, route):
    def handler(request):
        clock.advance(seconds)
        route(request)

    return handler


def _entries(links: list[str]) -> list[dict]:
    return [
        {"title": f"Story {i}", "link": link, "guid": f"urn:story:{i}", "summary": f"Summary {i}."}
        for i, link in enumerate(links)
    ]


def _lines(raw) -> list[dict]:
    return [
        json.loads(line)
        for path in sorted((raw / "feeds").rglob("*.jsonl"))
        for line in path.read_text().splitlines()
    ]


def _page_feed(feed_server, limits: FetchLimits = FAST, **kw) -> Feed:
    """A feed on 127.0.0.1 that fetches its entries' pages, which may be on 127.0.0.2."""
    return Feed(
        "wire",
        feed_server.url("/rss.xml"),
        fetch_full_page=True,
        limits=limits,
        allow_internal=("127.0.0.2",),
        **kw,
    )


def _run(tmp_path, *feeds: Feed):
    raw = tmp_path / "raw"
    raw.mkdir(exist_ok=True)
    return ingest_feeds(partial(store.connect, tmp_path / "db.duckdb"), list(feeds), raw, NOW), raw


# --- where links and redirects may go -----------------------------------------------------------------------


def test_entry_links_to_internal_addresses_are_not_fetched(tmp_path, feed_server, internal):
    links = [
        internal.url("/secret"),  # another loopback address
        feed_server.url("/admin"),  # the feed's own host: only the configured feed URL is trusted
        f"http://localhost:{feed_server.port}/admin",  # a name resolving to loopback
        f"http://[::ffff:127.0.0.2]:{internal.port}/secret",  # IPv4-mapped IPv6
    ]
    feed_server.routes["/rss.xml"] = reply(rss(_entries(links)))
    feed_server.routes["/admin"] = reply(page("Admin", SECRET), "text/html")
    run, raw = _run(tmp_path, Feed("wire", feed_server.url("/rss.xml"), fetch_full_page=True, limits=FAST))
    assert run.counts["entries_written"] == 4 and run.counts["feeds_failed"] == 0
    assert internal.requests == [] and [path for path, _ in feed_server.requests] == ["/rss.xml"]
    for i, line in enumerate(_lines(raw)):
        assert line["text"] == f"Summary {i}." and "hunter2" not in json.dumps(line)
        [note] = line["notes"]
        assert note["reason"] == "page_fetch_failed"
        assert "not a public address" in note["detail"] and "allow_internal" in note["detail"]


def test_redirects_to_internal_addresses_are_not_followed(tmp_path, feed_server, internal):
    # The configured feed URL is trusted; where it redirects is checked like any other URL.
    feed_server.routes["/moved.xml"] = redirect_to(internal.url("/rss.xml"))
    internal.routes["/rss.xml"] = reply(rss(_entries(["https://news.example/a"])))
    # A page on an allowed internal host that redirects to a host that is not allowed.
    internal.routes["/story"] = redirect_to(feed_server.url("/admin"))
    feed_server.routes["/admin"] = reply(page("Admin", SECRET), "text/html")
    feed_server.routes["/rss.xml"] = reply(rss(_entries([internal.url("/story")])))
    moved = Feed("moved", feed_server.url("/moved.xml"), limits=FAST)
    wire = _page_feed(feed_server)
    run, raw = _run(tmp_path, moved, wire)
    [failed] = [o for o in run.outcomes if o.status == "failed"]
    assert failed.feed.name == "moved" and failed.error.reason == "feed_blocked_address"
    assert "127.0.0.2" in failed.error.detail and "allow_internal" in failed.error.detail
    assert [path for path, _ in internal.requests] == ["/story"]
    assert "/admin" not in [path for path, _ in feed_server.requests]
    [line] = _lines(raw)
    assert line["text"] == "Summary 0." and "not a public address" in line["notes"][0]["detail"]


def test_allow_internal_in_the_feeds_config_lets_a_listed_host_through(tmp_path, feed_server, internal):
    internal.routes["/story"] = reply(page("Minister visits Paris", BODY.format(who="Japan")), "text/html")
    feed_server.routes["/rss.xml"] = reply(rss(_entries([internal.url("/story"), feed_server.url("/admin")])))
    feed_server.routes["/admin"] = reply(page("Admin", SECRET), "text/html")
    config = tmp_path / "feeds.toml"
    config.write_text(
        '[defaults]\ntimeout_seconds = 1\nfetch_full_page = true\n\n[[feed]]\nname = "intranet"\n'
        f'url = "{feed_server.url("/rss.xml")}"\nallow_internal = ["127.0.0.2"]\n'
    )
    [feed] = load_feeds_config(config)
    assert feed.allow_internal == ("127.0.0.2",)
    _run_result, raw = _run(tmp_path, feed)
    allowed, other = _lines(raw)
    assert allowed["text"] == BODY.format(who="Japan") and "notes" not in allowed
    assert other["text"] == "Summary 1." and "not a public address" in other["notes"][0]["detail"]


def _same_port_servers() -> tuple[FeedServer, FeedServer]:
    """A server on 127.0.0.2 and one on 127.0.0.1 listening on the same port (so one URL fits both)."""
    for _ in range(20):
        first = FeedServer("127.0.0.2")
        try:
            return first, FeedServer("127.0.0.1", first.port)
        except OSError as exc:
            first.close()
            if exc.errno != errno.EADDRINUSE:
                raise
    pytest.fail("no port free on both 127.0.0.1 and 127.0.0.2")


def test_the_address_checked_is_the_address_connected_to(monkeypatch):
    """A host name whose DNS answer changes between the check and the connect (DNS rebinding) cannot pass:
    the name is resolved once per connection and the socket connects to the address that was checked."""
    allowed, forbidden = _same_port_servers()
    real = socket.getaddrinfo
    answers = {
        "rebind.test": ["127.0.0.2", "127.0.0.1", "127.0.0.1", "127.0.0.1"],
        "internal.test": ["127.0.0.2"] * 4,
    }
    asked = []

    def lying_dns(host, port, *args, **kwargs):
        if host not in answers:
            return real(host, port, *args, **kwargs)
        asked.append(host)
        address = answers[host].pop(0)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", lying_dns)
    try:
        for server in (allowed, forbidden):
            server.routes["/page"] = reply(page("A page", BODY.format(who="Chile")), "text/html")
        with Fetcher(AddressPolicy(("127.0.0.2",))) as fetcher:
            fetched = fetcher.fetch(f"http://rebind.test:{allowed.port}/page", FAST)
            with pytest.raises(FetchError) as blocked:  # a new connection: the name now points elsewhere
                fetcher.fetch(f"http://rebind.test:{allowed.port}/page", FAST)
        with Fetcher() as fetcher, pytest.raises(FetchError) as not_allowed:
            fetcher.fetch(f"http://internal.test:{allowed.port}/page", FAST)
    finally:
        allowed.close()
        forbidden.close()
    assert fetched.status == 200 and asked == ["rebind.test", "rebind.test", "internal.test"]
    assert [path for path, _ in allowed.requests] == ["/page"] and forbidden.requests == []
    assert blocked.value.reason == not_allowed.value.reason == "blocked_address"


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("8.8.8.8", True),
        ("2606:4700::1111", True),
        ("127.0.0.1", False),
        ("127.0.0.2", False),
        ("::1", False),
        ("0.0.0.0", False),
        ("::", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("fd00::1", False),
        ("169.254.169.254", False),
        ("fe80::1", False),
        ("fd00:ec2::254", False),  # cloud metadata
        ("100.100.100.200", False),
        ("192.0.0.192", False),  # metadata in shared / IETF ranges
        ("100.64.0.1", False),
        ("198.18.0.1", False),
        ("192.0.2.1", False),
        ("240.0.0.1", False),
        ("224.0.0.251", False),
        ("ff02::1", False),
        ("ff0e::1", False),
        ("255.255.255.255", False),
        ("::ffff:127.0.0.1", False),
        ("::ffff:8.8.8.8", True),
        ("2002:7f00:1::", False),
        ("64:ff9b::a9fe:a9fe", False),
    ],
)
def test_which_addresses_are_public(address, public):
    assert is_public_address(ipaddress.ip_address(address)) is public


def test_every_resolved_address_is_checked(monkeypatch):
    monkeypatch.setattr(http, "_resolve", lambda _host, _port: ["93.184.215.14", "10.0.0.7"])
    with pytest.raises(FetchError, match="resolves to 10.0.0.7"):
        AddressPolicy().addresses("mixed.example", 443)
    assert AddressPolicy(("10.0.0.0/8",)).addresses("mixed.example", 443) == ["93.184.215.14", "10.0.0.7"]
    assert AddressPolicy(("Mixed.Example",)).addresses("mixed.example.", 443) == ["93.184.215.14", "10.0.0.7"]


@pytest.mark.parametrize("allow", ['"127.0.0.2"', '["not a host!"]', "[1]"])
def test_allow_internal_entries_are_checked_when_the_config_is_read(tmp_path, allow):
    config = tmp_path / "feeds.toml"
    config.write_text(f'[[feed]]\nname = "a"\nurl = "https://a.org/f"\nallow_internal = {allow}\n')
    with pytest.raises(FeedConfigError, match="allow_internal"):
        load_feeds_config(config)


# --- time ---------------------------------------------------------------------------------------------------


def test_one_time_limit_covers_every_redirect_hop(feed_server, clock):
    """Each hop answers well within the read timeout, but the hops together pass the fetch's total limit."""
    for hop in range(10):
        feed_server.routes[f"/hop/{hop}"] = advancing(clock, 0.6, redirect_to(f"/hop/{hop + 1}"))
    limits = FetchLimits(connect_timeout=1, read_timeout=1, total_timeout=1.5, max_redirects=20)
    with Fetcher(AddressPolicy(("127.0.0.1",))) as fetcher, pytest.raises(FetchError) as failure:
        fetcher.fetch(feed_server.url("/hop/0"), limits)
    assert failure.value.reason == "timeout" and "redirects included" in failure.value.detail
    assert [path for path, _ in feed_server.requests] == ["/hop/0", "/hop/1", "/hop/2"]


def test_each_feed_has_a_time_budget_per_run_and_pages_left_wait(tmp_path, feed_server, internal, clock):
    links = [internal.url(f"/story/{i}") for i in range(3)]
    feed_server.routes["/rss.xml"] = reply(rss(_entries(links)))
    for i in range(3):
        story = reply(page(f"Story {i}", BODY.format(who=["Japan", "Kenya", "Chile"][i])), "text/html")
        internal.routes[f"/story/{i}"] = advancing(clock, 100, story)
    limits = FetchLimits(connect_timeout=1, read_timeout=1, total_timeout=1000)
    feed = _page_feed(feed_server, limits, max_seconds_per_run=150, page_concurrency=1)
    first, raw = _run(tmp_path, feed)
    # Story 0 took 100 s of the 150 s budget; story 1 ran past it, story 2 was never started: both wait.
    assert first.counts["entries_written"] == 1 and first.counts["entries_deferred"] == 2
    assert [path for path, _ in internal.requests] == ["/story/0", "/story/1"]
    second, _ = _run(tmp_path, feed)
    assert second.counts["entries_written"] == 1 and second.counts["entries_deferred"] == 1
    third, _ = _run(tmp_path, feed)
    assert third.counts["entries_written"] == 1 and third.counts["entries_deferred"] == 0
    lines = _lines(raw)
    assert [line["id"] for line in lines] == ["urn:story:0", "urn:story:1", "urn:story:2"]
    assert all("notes" not in line and line["text"].startswith("The foreign minister") for line in lines)


def test_pages_are_fetched_a_few_at_a_time(tmp_path, feed_server, internal):
    in_flight, most = [0], [0]
    lock = threading.Lock()
    together = threading.Barrier(3, timeout=10)

    def story(request):
        with lock:
            in_flight[0] += 1
            most[0] = max(most[0], in_flight[0])
        try:
            together.wait()  # passes only when three pages are being fetched at once
        finally:
            with lock:
                in_flight[0] -= 1
        reply(page("Story", BODY.format(who="Norway")), "text/html")(request)

    links = [internal.url(f"/story/{i}") for i in range(6)]
    feed_server.routes["/rss.xml"] = reply(rss(_entries(links)))
    for i in range(6):
        internal.routes[f"/story/{i}"] = story
    limits = FetchLimits(connect_timeout=2, read_timeout=15, total_timeout=30)
    feed = _page_feed(feed_server, limits, page_concurrency=3)
    run, raw = _run(tmp_path, feed)
    assert run.counts["entries_written"] == 6 and most[0] == 3
    assert all(line["text"] == BODY.format(who="Norway") for line in _lines(raw))


# --- feed names ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "un-news\\n",
        "un-news\\r",
        "un\\tnews",
        "news\\u0000",
        "news\\u202e",
        "UN-News",
        "-news",
        "caf\\u00e9",
        "a/b",
        "..",
        "x" * 65,
        "",
    ],
)
def test_feed_names_are_checked_whole(tmp_path, name):
    config = tmp_path / "feeds.toml"
    config.write_text(f'[[feed]]\nname = "{name}"\nurl = "https://a.org/f"\n')
    with pytest.raises(FeedConfigError, match="`name` must be 1-64 lower-case letters") as err:
        load_feeds_config(config)
    assert str(config) in str(err.value)


def test_a_feed_with_a_control_character_in_its_name_cannot_be_made():
    with pytest.raises(FeedConfigError, match="control character"):
        Feed("un-news\n", "https://a.org/f")
    assert Feed("un-news_2", "https://a.org/f").name == "un-news_2"
