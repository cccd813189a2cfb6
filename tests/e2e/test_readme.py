"""The README: short, with the two commands; its quick start shows what the user will see (the UI address
`make ui` prints, a first query that runs, the report's path, the screenshots); every query it shows runs; its
cron line runs the nightly partition as cron would; and the paths and links of README and docs exist."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
from datetime import UTC, datetime, timedelta

import duckdb
import pytest
from dagster import DagsterInstance
from typer.testing import CliRunner

from diplowatch.cli import app
from tests.fixtures.known_db import build_known_db
from tests.fixtures.paths import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
#: Screenshots are committed: keep them small.
MAX_PNG_BYTES = 500_000
MAX_README_LINES = 150
#: Documents the README and docs link to that other branches write; a link to them may wait for them.
PENDING_DOCS: dict[str, str] = {}
#: Where paths are checked: the reference docs (the history and notes files keep their wording as it was).
CHECKED_DOCS = [
    "README.md",
    "docs/ingestion.md",
    "docs/operations.md",
    "docs/analytics.md",
    "docs/storage-notes.md",
    "docs/scaling.md",
    "docs/performance.md",
    "docs/extraction.md",
]
_PATH = re.compile(
    r"`((?:diplowatch|assets|pipelines|tests|docs|deploy|bench|samples)/[\w./-]+\.\w+"
    r"|Makefile|dagster\.yaml|workspace\.yaml|feeds\.toml|pyproject\.toml)`"
)


def _quick_start() -> str:
    return README.split("## Quick start", 1)[1].split("\n## ", 1)[0]


def _cron_line(text: str) -> str:
    (line,) = [m for m in re.findall(r"^(?:\S+ ){5}(.+)$", text, re.M) if "diplowatch run --nightly" in m]
    return line


@pytest.fixture(scope="module")
def known_db(tmp_path_factory) -> str:
    return str(build_known_db(tmp_path_factory.mktemp("readme") / "known.duckdb"))


def test_the_readme_is_short_and_starts_with_the_two_commands():
    assert len(README.splitlines()) <= MAX_README_LINES
    first_block = re.search(r"```bash\n(.*?)```", _quick_start(), re.S).group(1)
    assert [line.split()[:2] for line in first_block.splitlines()] == [["make", "demo"], ["make", "test"]]


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


def test_the_first_query_of_the_quick_start_runs(known_db):
    [query] = re.findall(r'diplowatch sql "([^"]+)"', _quick_start())
    result = CliRunner().invoke(app, ["sql", query, "--db", known_db, "--format", "csv"])
    assert result.exit_code == 0, result.output
    header, *rows = result.stdout.splitlines()
    assert header == "pair,visits,first_visit,last_visit" and rows


def test_every_query_the_readme_shows_runs_and_returns_rows(known_db):
    commands = [shlex.split(line.split("#")[0])[1:] for line in re.findall(r"diplowatch sql .*", README)]
    assert len(commands) >= 3
    for arguments in commands:
        result = CliRunner().invoke(app, [*arguments, "--db", known_db, "--format", "csv"])
        assert result.exit_code == 0, (arguments, result.output)
        assert len(result.stdout.splitlines()) >= 2, (arguments, result.stdout)  # a header and rows


def test_operations_gives_the_same_cron_line_as_the_readme():
    assert _cron_line((ROOT / "docs" / "operations.md").read_text(encoding="utf-8")) == _cron_line(README)


@pytest.mark.parametrize("doc", CHECKED_DOCS)
def test_the_paths_and_links_of_the_docs_exist(doc):
    text = (ROOT / doc).read_text(encoding="utf-8")
    folder = (ROOT / doc).parent
    links = [link.split("#")[0] for link in re.findall(r"\]\(([^)#:]+(?:#[^)]*)?)\)", text)]
    missing = [
        link
        for link in links
        if not (folder / link).exists()
        and str((folder / link).resolve().relative_to(ROOT)) not in PENDING_DOCS
    ]
    missing += [
        path for path in _PATH.findall(text) if not (ROOT / path).exists() and path not in PENDING_DOCS
    ]
    assert not missing, f"{doc} points at what does not exist: {missing}"


def test_the_readme_cron_line_runs_the_nightly_partition_without_a_daemon(tmp_path, dagster_home):
    """The README's cron line, run as cron would (a shell, the project folder), loads yesterday's year."""
    command = _cron_line(README).split(">>")[0].strip()  # the log redirection aside
    yesterday = (datetime.now(UTC) - timedelta(days=1)).date()
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "y.txt").write_text(
        f"date {yesterday} Y\nThe Japanese prime minister arrived in Paris on Monday.\n"
    )
    (raw / "old.txt").write_text("date 2001-05-04 Old\nThe Chadian president visited Nigeria last week.\n")
    db = tmp_path / "d.duckdb"
    env = {
        **os.environ,
        "DIPLOWATCH_RAW_DIR": str(raw),
        "DIPLOWATCH_DB": str(db),
        "DAGSTER_HOME": str(dagster_home),
    }
    done = subprocess.run(
        ["bash", "-c", command.replace("cd /path/to/diplowatch", f"cd {ROOT}")],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT published_at FROM articles").fetchall() == [(yesterday,)]
    with DagsterInstance.from_config(str(dagster_home)) as instance:
        (run,) = instance.get_runs()
        assert run.tags["dagster/partition"] == yesterday.strftime("%Y") and run.is_success
