"""The HTML report in headless Chromium: every chart renders, with no console error and no request leaving the
machine; the screenshot in docs/ is refreshed when it changed."""

from __future__ import annotations

import base64
import time
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from diplowatch.analytics import charts
from diplowatch.analytics.report import build_report
from tests.fixtures.browser import Browser, DevTools, chromium_binary, page_problems
from tests.fixtures.known_db import build_known_db
from tests.fixtures.paths import ROOT

SCREENSHOT = ROOT / "docs" / "report-screenshot.png"
#: What the page is asked once the charts have rendered.
MEASURES = {
    "rendered": "Number(document.body.dataset.chartsRendered)",
    "svgs": "document.querySelectorAll('.chart svg.marks').length",
    "bars": "document.querySelectorAll('#visits-per-month .mark-rect path').length",
    "pair_bars": "document.querySelectorAll('#top-pairs .mark-rect path').length",
    "node_marks": "document.querySelectorAll('#network .mark-symbol path').length",
    "texts": "Array.from(document.querySelectorAll('#network .mark-text text')).map(t => t.textContent)",
}


@pytest.fixture(scope="module")
def known_db(tmp_path_factory) -> Path:
    return build_known_db(tmp_path_factory.mktemp("report") / "known.duckdb")


def _render(binary: str, page_file: Path, profile: Path) -> tuple[dict, bytes, list[dict]]:
    """Open the page, wait for the charts, then (measures, full-page PNG, DevTools events)."""
    from websockets.sync.client import connect as ws_connect

    browser = Browser(binary, profile)
    try:
        with ws_connect(browser.page_websocket_url(), max_size=None, open_timeout=30) as ws:
            page = DevTools(ws)
            for domain in ("Runtime", "Log", "Network", "Page"):
                page.send(f"{domain}.enable")
            page.send("Page.navigate", url=page_file.as_uri())
            deadline = time.monotonic() + 60
            while page.evaluate("document.body && document.body.dataset.chartsRendered") is None:
                assert time.monotonic() < deadline, "the charts did not finish rendering within 60 s"
                time.sleep(0.2)
            measures = {name: page.evaluate(expression) for name, expression in MEASURES.items()}
            size = page.send("Page.getLayoutMetrics")["cssContentSize"]
            clip = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
            shot = page.send("Page.captureScreenshot", format="png", captureBeyondViewport=True, clip=clip)
            time.sleep(0.3)  # let late console messages arrive
            page.send("Runtime.evaluate", expression="1")
    finally:
        browser.close()
    return measures, base64.b64decode(shot["data"]), page.events


def test_report_renders_every_chart_in_headless_chromium_without_errors(known_db, tmp_path):
    binary = chromium_binary()
    out = tmp_path / "report.html"
    with duckdb.connect(str(known_db), read_only=True) as con:
        out.write_text(build_report(con, now=datetime(2025, 3, 1, 12, 0, tzinfo=UTC)))
        expected_bars = charts.visits_per_month_frame(con).height
        expected_pairs = charts.top_pairs_frame(con).height
        nodes, _edges = charts.network_frames(con)

    seen, png, events = _render(binary, out, tmp_path / "profile")

    assert page_problems(events) == []
    assert seen["rendered"] == seen["svgs"] == 4
    assert seen["bars"] == expected_bars > 0  # one bar per month and status
    assert seen["pair_bars"] >= expected_pairs > 0
    assert seen["node_marks"] >= nodes.height > 0 and set(nodes["code"]) <= set(seen["texts"])
    assert png.startswith(b"\x89PNG") and len(png) > 20_000
    # The screenshot people look at is refreshed only when it changed, so a test run leaves git clean.
    if not SCREENSHOT.exists() or SCREENSHOT.read_bytes() != png:
        SCREENSHOT.parent.mkdir(exist_ok=True)
        SCREENSHOT.write_bytes(png)
