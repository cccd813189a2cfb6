"""The HTML report: written by `diplowatch report`; in headless Chromium every chart renders, offline."""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from diplowatch.analytics import charts
from diplowatch.analytics.report import build_report
from diplowatch.cli import app
from tests.fixtures.known_db import build_known_db
from tests.fixtures.paths import ROOT

SCREENSHOT = ROOT / "docs" / "report-screenshot.png"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--window-size=1200,900",
    "--remote-debugging-port=0",
]


def chromium_binary() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if path := shutil.which(name):
            return path
    pytest.skip(
        "no Chromium on this machine: install Debian's `chromium` (.ci/run does) to test the report in a "
        "browser"
    )


class DevTools:
    """A minimal Chrome DevTools Protocol client over one page target: commands, events seen so far."""

    def __init__(self, websocket):
        self.ws = websocket
        self.next_id = 0
        self.events: list[dict] = []

    def send(self, method: str, timeout: float = 30, **params) -> dict:
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        deadline = time.monotonic() + timeout
        while True:
            message = json.loads(self.ws.recv(timeout=max(0.1, deadline - time.monotonic())))
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            if "method" in message:
                self.events.append(message)

    def evaluate(self, expression: str):
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")


class Browser:
    """Headless Chromium with a fresh profile, DevTools port from the profile's DevToolsActivePort."""

    def __init__(self, binary: str, profile: Path):
        self.profile = profile
        self.process = subprocess.Popen(
            [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def page_websocket_url(self, timeout: float = 30) -> str:
        port_file = self.profile / "DevToolsActivePort"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"chromium exited: {self.process.stderr.read().decode(errors='replace')[-2000:]}"
                )
            if port_file.exists() and port_file.read_text().strip():
                port = port_file.read_text().split()[0]
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=5) as response:
                        targets = json.load(response)
                except OSError:
                    targets = []
                pages = [t for t in targets if t.get("type") == "page"]
                if pages:
                    return pages[0]["webSocketDebuggerUrl"]
            time.sleep(0.1)
        raise RuntimeError("chromium did not open its DevTools port in time")

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stderr.close()


@pytest.fixture(scope="module")
def known_db(tmp_path_factory) -> Path:
    return build_known_db(tmp_path_factory.mktemp("report") / "known.duckdb")


def test_report_command_writes_a_self_contained_page(known_db, tmp_path):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["report", "--db", str(known_db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text()
    assert page.count('class="chart"') == 4
    # Nothing is fetched from elsewhere: no external script, stylesheet or font.
    assert "<script src" not in page and "<link" not in page and "@import" not in page
    assert "cdn.jsdelivr" not in page and "unpkg.com" not in page
    assert "window.vegaEmbed" in page


def test_report_without_visits_says_so_instead_of_drawing_empty_charts(tmp_path):
    from diplowatch import store

    with store.connect(tmp_path / "empty.duckdb") as con:
        page = build_report(con)
    assert page.count("no data yet") == 4 and 'class="chart"' not in page


def test_report_renders_every_chart_in_headless_chromium_without_errors(known_db, tmp_path):
    binary = chromium_binary()
    from websockets.sync.client import connect as ws_connect

    out = tmp_path / "report.html"
    with duckdb.connect(str(known_db), read_only=True) as con:
        out.write_text(build_report(con, now=datetime(2025, 3, 1, 12, 0, tzinfo=UTC)))
        expected_bars = charts.visits_per_month_frame(con).height
        expected_pairs = charts.top_pairs_frame(con).height
        nodes, edges = charts.network_frames(con)

    browser = Browser(binary, tmp_path / "profile")
    try:
        with ws_connect(browser.page_websocket_url(), max_size=None, open_timeout=30) as ws:
            page = DevTools(ws)
            for domain in ("Runtime", "Log", "Network", "Page"):
                page.send(f"{domain}.enable")
            page.send("Page.navigate", url=out.as_uri())
            deadline = time.monotonic() + 60
            while page.evaluate("document.body && document.body.dataset.chartsRendered") is None:
                assert time.monotonic() < deadline, "the charts did not finish rendering within 60 s"
                time.sleep(0.2)
            rendered = int(page.evaluate("document.body.dataset.chartsRendered"))
            svgs = page.evaluate("document.querySelectorAll('.chart svg.marks').length")
            bars = page.evaluate("document.querySelectorAll('#visits-per-month .mark-rect path').length")
            pair_bars = page.evaluate("document.querySelectorAll('#top-pairs .mark-rect path').length")
            node_marks = page.evaluate("document.querySelectorAll('#network .mark-symbol path').length")
            texts = page.evaluate(
                "Array.from(document.querySelectorAll('#network .mark-text text')).map(t => t.textContent)"
            )
            width, height = (
                page.send("Page.getLayoutMetrics")["cssContentSize"][k] for k in ("width", "height")
            )
            shot = page.send(
                "Page.captureScreenshot",
                format="png",
                captureBeyondViewport=True,
                clip={"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
            )
            time.sleep(0.3)  # let late console messages arrive
            page.send("Runtime.evaluate", expression="1")
    finally:
        browser.close()

    problems = []
    for event in page.events:
        method, params = event["method"], event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            problems.append(
                "console."
                + params["type"]
                + ": "
                + " ".join(str(a.get("value", a.get("description"))) for a in params.get("args", []))
            )
        elif method == "Runtime.exceptionThrown":
            problems.append(
                f"exception: {params['exceptionDetails'].get('text')} "
                f"{params['exceptionDetails'].get('exception', {}).get('description', '')}"
            )
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            problems.append(f"log: {params['entry'].get('text')} {params['entry'].get('url', '')}")
        elif method == "Network.requestWillBeSent":
            url = params["request"]["url"]
            if not url.startswith(("file:", "data:", "about:")):
                problems.append(f"network request (the report must work offline): {url}")
    assert problems == []

    assert rendered == svgs == 4
    assert bars == expected_bars > 0  # one bar per month and status
    assert pair_bars >= expected_pairs > 0
    assert node_marks >= nodes.height > 0 and set(nodes["code"]) <= set(texts)

    png = base64.b64decode(shot["data"])
    assert png.startswith(b"\x89PNG") and len(png) > 20_000
    (tmp_path / "report-screenshot.png").write_bytes(png)
    # The screenshot people look at is refreshed only when it changed, so a test run leaves git clean.
    if not SCREENSHOT.exists() or SCREENSHOT.read_bytes() != png:
        SCREENSHOT.parent.mkdir(exist_ok=True)
        SCREENSHOT.write_bytes(png)
