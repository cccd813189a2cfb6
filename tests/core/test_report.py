"""The HTML report: `diplowatch report` writes one self-contained page; without visits it says so. In a
browser: tests/e2e/test_report_browser.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from diplowatch.analytics.report import build_report
from diplowatch.cli import app
from tests.fixtures.known_db import build_known_db


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
