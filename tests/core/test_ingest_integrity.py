"""Integrity of the articles stage: every input accounted for, byte-identical re-runs, a SIGKILL mid-write
leaves the database as before, and two processes writing different partitions at once both succeed."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import UTC, date, datetime

import pytest

from diplowatch import store
from diplowatch.ingest import NOTE_REASONS
from diplowatch.stages.articles import load_articles
from tests.fixtures.hostile import hostile_folder, write_file
from tests.fixtures.paths import ROOT, SAMPLES

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
NEXT_NIGHT = datetime(2026, 1, 3, 3, 4, 5, tzinfo=UTC)
LOADED_TABLES = ["articles", "article_sources", "ingest_errors", "rejected_rows"]


def _load(con, root, now=NOW, partition_dates=None):
    return load_articles(con, root, partition_dates, now=now)


def _input_entries(root):
    """Every directory entry under root that is input: not hidden, not a real directory."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [
            d for d in dirnames if not d.startswith(".") and not os.path.islink(os.path.join(dirpath, d))
        ]
        for name in filenames + [
            d
            for d in os.listdir(dirpath)
            if os.path.islink(os.path.join(dirpath, d)) and os.path.isdir(os.path.join(dirpath, d))
        ]:
            if not name.startswith("."):
                yield os.path.join(dirpath, name)


def _records(path: str) -> list[int]:
    """The record numbers a file holds: non-blank lines (JSONL) or non-blank data rows (CSV)."""
    if path.endswith(".jsonl"):
        with open(path, encoding="utf-8") as handle:
            return [n for n, line in enumerate(handle, start=1) if line.strip()]
    if path.endswith(".csv"):
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(io.StringIO(handle.read())))[1:]
        return list(range(1, sum(1 for r in rows if any(c.strip() for c in r)) + 1))
    return []


def test_accounting_every_input_is_an_article_source_or_an_error(tmp_path, db_path):
    root = hostile_folder(tmp_path / "raw")
    with store.connect(db_path) as con:
        _load(con, root)
        sources = con.execute("SELECT source_path, line_number FROM article_sources").fetchall()
        errors = con.execute("SELECT source_path, line_number, reason FROM ingest_errors").fetchall()
        n_articles, n_linked = con.execute(
            "SELECT count(*), count(*) FILTER (WHERE article_id IN (SELECT article_id FROM article_sources)) "
            "FROM articles"
        ).fetchone()
    accounted_files = {p for p, _ in sources} | {p for p, _, _ in errors}
    accounted_records = {(p, n) for p, n in sources} | {(p, n) for p, n, _ in errors}
    entries = sorted(_input_entries(root))
    assert len(entries) == 19  # the 19 non-hidden entries hostile_folder makes
    missing = [e for e in entries if e not in accounted_files]
    assert not missing, f"inputs neither loaded nor recorded: {missing}"
    # A whole-file error (no line number; not a note on a kept article) accounts for every record of the file.
    rejected_files = {p for p, n, r in errors if n is None and r not in NOTE_REASONS}
    for entry in entries:
        if os.path.isfile(entry) and not os.path.islink(entry) and entry not in rejected_files:
            lost = [n for n in _records(entry) if (entry, n) not in accounted_records]
            assert not lost, f"{entry}: records {lost} neither loaded nor recorded"
    assert str(root / ".hidden.txt") not in accounted_files  # hidden files are documented as not input
    assert n_articles == n_linked > 0  # every article is traced to where it was seen
    reasons = {r for _, _, r in errors}
    assert {
        "empty_file",
        "binary_file",
        "decoded_with_fallback",
        "invalid_json",
        "date_ignored",
        "not_an_object",
        "not_english",
        "missing_text",
        "ragged_row",
        "no_text_column",
        "no_main_text",
        "unsupported_format",
        "symlink_loop",
        "broken_symlink",
        "not_a_regular_file",
        "too_large",
    } <= reasons


def _checksums(con) -> dict[str, tuple[int, str]]:
    """(row count, md5 of every row's full text in a stable order) per table: timestamps included."""
    out = {}
    for table in LOADED_TABLES:
        out[table] = con.execute(
            "SELECT count(*), md5(coalesce(string_agg(t::VARCHAR, '\n' ORDER BY t::VARCHAR), '')) "
            f"FROM {table} t"
        ).fetchone()
    return out


def test_rerun_gives_byte_identical_tables(tmp_path, db_path):
    root = hostile_folder(tmp_path / "raw")
    with store.connect(db_path) as con:
        _load(con, root)
        first = _checksums(con)
        # The next night, same input: every table identical, timestamps included (first-seen times are kept).
        _load(con, root, now=NEXT_NIGHT)
        assert _checksums(con) == first
        # The same for re-running one partition only.
        _load(con, root, now=NEXT_NIGHT, partition_dates=[date(2024, 6, 18)])
        assert _checksums(con) == first
    assert first["articles"][0] > 5 and first["ingest_errors"][0] > 10


# --- crash safety -------------------------------------------------------------------------------------------

KILLED_WRITER = textwrap.dedent("""
    import sys, time
    from datetime import UTC, date, datetime
    from diplowatch import store
    from diplowatch.schemas import frame_from_rows

    n = int(sys.argv[2])
    now = datetime(2026, 1, 2, tzinfo=UTC)
    rows = [{"article_id": f"{i:064x}", "source_path": "bulk.jsonl", "text": "x" * 200,
             "partition_date": date(2024, 1, 1), "date_from_ingest": False, "ingested_at": now}
            for i in range(n)]
    frame = frame_from_rows("articles", rows)
    real_insert = store._insert

    def insert_then_stall(con, table, frame):
        count = real_insert(con, table, frame)
        print(f"INSERTED {table} {count}", flush=True)  # the transaction is open and has written: kill me now
        time.sleep(120)
        return count

    store._insert = insert_then_stall
    with store.connect(sys.argv[1]) as con:
        no_errors = frame_from_rows("ingest_errors", [])
        store.apply_writes(con, [store.Write("articles", frame), store.Write("ingest_errors", no_errors)])
    print("COMMITTED", flush=True)
""")


@pytest.mark.parametrize("rows", [10, 300_000], ids=["small", "large-spills-to-file"])
def test_sigkill_mid_transaction_leaves_the_database_as_before(tmp_path, db_path, rows):
    """The child replaces every article (DELETE all, INSERT `rows`) inside apply_writes and is SIGKILLed after
    the insert ran but before COMMIT. 300k rows make DuckDB write row groups into the file before commit."""
    with store.connect(db_path) as con:
        _load(con, SAMPLES)
        before = _checksums(con)
    assert before["articles"][0] > 0
    script = tmp_path / "writer.py"
    script.write_text(KILLED_WRITER)
    child = subprocess.Popen(
        [sys.executable, str(script), str(db_path), str(rows)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = child.stdout.readline()
        assert line.startswith("INSERTED articles"), line + child.stderr.read()
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
    with store.connect(db_path) as con:
        assert _checksums(con) == before
        _load(con, SAMPLES)  # and the database is still writable
        assert _checksums(con)["articles"] == before["articles"]


# --- concurrency --------------------------------------------------------------------------------------------

PARTITION_WRITER = textwrap.dedent("""
    import os, sys, time
    from datetime import UTC, date, datetime
    from diplowatch import store
    from diplowatch.stages.articles import load_articles

    db, raw, day, release = sys.argv[1], sys.argv[2], date.fromisoformat(sys.argv[3]), sys.argv[4]
    print("CONNECTING", flush=True)
    started = time.monotonic()
    with store.connect(db) as con:
        waited = time.monotonic() - started
        print(f"CONNECTED waited={waited:.2f}", flush=True)
        deadline = time.monotonic() + 60
        while release != "-" and not os.path.exists(release) and time.monotonic() < deadline:
            time.sleep(0.05)  # holds the file, like a long read of the raw folder, until the test says go
        result = load_articles(con, raw, [day], now=datetime(2026, 1, 2, tzinfo=UTC))
    print(f"DONE articles={result.counts['articles']} waited={waited:.2f}", flush=True)
""")


def test_two_processes_writing_different_partitions_both_succeed(tmp_path, db_path):
    raw = tmp_path / "raw"
    for i, day in enumerate(["2024-06-17", "2024-06-18"]):
        lines = [
            json.dumps({"id": f"{day}-{n}", "text": f"Article {n} of {day}.", "published_at": day})
            for n in range(50)
        ]
        write_file(raw / f"day{i}.jsonl", "\n".join(lines))
    script = tmp_path / "writer.py"
    script.write_text(PARTITION_WRITER)
    with store.connect(db_path):
        pass  # schema created up front, so both processes only write
    release = tmp_path / "release"
    first = subprocess.Popen(
        [sys.executable, str(script), str(db_path), str(raw), "2024-06-17", str(release)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert first.stdout.readline() == "CONNECTING\n"
    assert first.stdout.readline().startswith("CONNECTED")  # the first holds the file from here on
    second = subprocess.Popen(
        [sys.executable, str(script), str(db_path), str(raw), "2024-06-18", "-"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert second.stdout.readline() == "CONNECTING\n"
    # Without the bounded wait in store.connect the second would fail at once on the file lock:
    with pytest.raises(Exception, match="lock"):
        with store.connect(db_path, lock_wait=0):
            pass
    time.sleep(1.0)  # the second process is now waiting for the lock...
    release.touch()  # ...and the first one writes its partition and lets go
    out1, err1 = first.communicate(timeout=120)
    out2, err2 = second.communicate(timeout=120)
    assert first.returncode == 0, err1
    assert second.returncode == 0, err2
    assert "DONE articles=50" in out1 and "DONE articles=50" in out2
    waited = float(out2.split("waited=")[-1])
    assert waited > 0.5, "the second process should have waited for the first one's lock"
    with store.connect(db_path) as con:
        per_day = con.execute(
            "SELECT partition_date::VARCHAR, count(*) FROM articles GROUP BY 1 ORDER BY 1"
        ).fetchall()
    assert per_day == [("2024-06-17", 50), ("2024-06-18", 50)]
