"""The README's quick start shows what the user will see: the UI address `make ui` prints, a first query that
runs, the report's path, and the screenshots it points at."""

from __future__ import annotations

import re

from typer.testing import CliRunner

from diplowatch.cli import app
from tests.fixtures.known_db import build_known_db
from tests.fixtures.paths import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
#: Screenshots are committed: keep them small.
MAX_PNG_BYTES = 500_000


def _quick_start() -> str:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return section


def test_quick_start_is_short_and_names_the_ui_address_and_the_report_path():
    section = _quick_start()
    block = re.findall(r"```bash\n(.*?)```", section, flags=re.S)
    assert len(block) == 2 and len(block[1].splitlines()) <= 10
    assert 'make ui        # prints "Dagster UI: http://127.0.0.1:3000"' in section  # what `make ui` prints
    assert "diplowatch report   # writes report.html here" in section


def test_the_screenshots_the_readme_points_at_exist_and_are_small():
    shots = set(re.findall(r"docs/[\w-]+\.png", _quick_start()))
    assert shots == {"docs/ui-asset-lineage.png", "docs/report-screenshot.png"}
    for shot in shots:
        data = (ROOT / shot).read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) < MAX_PNG_BYTES, shot


def test_the_first_query_of_the_quick_start_runs(tmp_path):
    [query] = re.findall(r'diplowatch sql "([^"]+)"', _quick_start())
    db = build_known_db(tmp_path / "known.duckdb")
    result = CliRunner().invoke(app, ["sql", query, "--db", str(db), "--format", "csv"])
    assert result.exit_code == 0, result.output
    header, *rows = result.stdout.splitlines()
    assert header == "pair,visits,first_visit,last_visit" and rows
