"""Terminal tables fit 80 and 120 columns without splitting a word or a date across lines."""

from __future__ import annotations

import io
import json
import re
from datetime import date

import polars as pl
import pytest
from rich.console import Console
from typer.testing import CliRunner

from diplowatch import terminal
from diplowatch.cli import app
from tests.fixtures.known_db import build_known_db

SENTENCE = (
    "Russian President Vladimir Putin is all set to visit North Korea on 18-19 June, aiming to underscore "
    "Moscow's burgeoning partnership with the reclusive nuclear-armed state, reported Reuters on 17 June."
)
#: What the tables are drawn with, besides spaces.
BOX_CHARS = "│┃┏┓┗┛┣┫┳┻╋━─┡┩╇└┘├┤┬┴┼"


def _wide_frame() -> pl.DataFrame:
    """Like `SELECT * FROM visit_mentions`: ids, codes, names, dates as dates and as text, long sentences."""
    return pl.DataFrame(
        {
            "mention_id": ["54d30248c6a1e0f9b2d7", "1ae87b4bb8f7e955d636"],
            "article_id": ["7f214f2ff5c1" + "a" * 52, "0b1c" + "e" * 60],
            "visitor_name": ["Vladimir Putin", "Kenji Morita"],
            "visitor_code": ["RUS", "JPN"],
            "host_code": ["PRK", "DEU"],
            "location": ["Pyongyang", "New Delhi"],
            "start_date": [date(2024, 6, 18), date(2025, 3, 4)],
            "end_date": [date(2024, 6, 19), None],
            "first_reported": ["2024-06-17", "2025-03-04"],
            "status": ["planned", "ongoing"],
            "url": ["https://example.org/world/asia/putin-to-visit-north-korea-2024-06-17?ref=front", None],
            "sentence": [SENTENCE, "Japanese Foreign Minister Kenji Morita arrived in Berlin on Tuesday."],
            "confidence": [0.85, 0.7],
        }
    )


def _render(frame: pl.DataFrame, width: int, title: str | None = None) -> str:
    console = Console(width=width, file=io.StringIO(), color_system=None)
    console.print(terminal.frame_table(frame, width, title))
    return console.file.getvalue()


def _allowed_words(frame: pl.DataFrame, title: str | None) -> set[str]:
    words = {"row", "(no", "rows)", *(title or "").split()}
    for name in frame.columns:
        words |= {name, *terminal._header_pieces(name)}
    for column in frame.columns:
        for value in frame[column].to_list():
            words |= set(("" if value is None else str(value)).split())
    return words


def _assert_nothing_split(frame: pl.DataFrame, out: str, width: int, title: str | None = None) -> None:
    assert max(len(line) for line in out.splitlines()) <= width
    words = _allowed_words(frame, title)
    for number in range(1, frame.height + 1):
        words.add(str(number))
    for token in re.split(f"[\\s{BOX_CHARS}]+", out):
        if not token:
            continue
        if token.endswith("…"):  # shortened, never split: the rest of the word is not on the next line
            assert any(w.startswith(token[:-1]) for w in words), token
        else:
            assert token in words, f"{token!r} is a piece of a word split across lines"
    # Header pieces may stand on their own lines; the values' whole words must not.
    for column in frame.columns:
        for value in frame[column].to_list():
            if isinstance(value, date) or (
                isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)
            ):
                assert str(value) in out, f"date {value} split or missing"


@pytest.mark.parametrize("width", [80, 120])
def test_a_wide_frame_splits_no_word_and_no_date(width):
    frame = _wide_frame()
    _assert_nothing_split(frame, _render(frame, width), width)


@pytest.mark.parametrize("width", [80, 120])
def test_a_narrow_frame_is_one_line_per_row_with_whole_dates(width):
    frame = _wide_frame().select("visitor_code", "host_code", "start_date", "end_date", "status", "sentence")
    out = _render(frame, width, title="visits (2)")
    _assert_nothing_split(frame, out, width, title="visits (2)")
    assert "visitor_" in out and "row 1" not in out  # a table with a header, not a block per row
    assert re.search(r"RUS .*PRK .*2024-06-18 .*2024-06-19 .*planned", out), "one line per row"


def test_layouts_go_from_boxed_to_compact_to_one_block_per_row():
    frame = _wide_frame().select(
        "mention_id",
        "visitor_name",
        "visitor_code",
        "host_code",
        "location",
        "start_date",
        "end_date",
        "first_reported",
        "status",
        "confidence",
    )
    assert "┏" in _render(frame.select("visitor_code", "start_date"), 80)  # fits boxed
    assert "┏" in _render(frame, 160)
    compact = _render(frame, 120)
    assert "┏" not in compact and "row 1" not in compact and "mention_id" in compact
    assert "row 1" in _render(frame, 80) and "row 2" in _render(frame, 80)


def test_long_tokens_are_shortened_with_an_ellipsis_and_numbers_align_right():
    frame = _wide_frame().select("article_id", "url", "visitor_code", "start_date", "confidence")
    out = _render(frame, 80)
    assert "7f214f2ff5c1" in out and "…" in out
    assert re.search(r" 0\.85 │", out) and re.search(r"  0\.7 │", out)


def test_an_empty_result_shows_its_columns():
    frame = _wide_frame().head(0)
    out = _render(frame, 80, title="nothing")
    assert "(no rows)" in out and "mention_id" in out


@pytest.fixture(scope="module")
def known_db(tmp_path_factory) -> str:
    return str(build_known_db(tmp_path_factory.mktemp("terminal") / "known.duckdb"))


@pytest.mark.parametrize("width", [80, 120])
def test_sql_tables_fit_the_terminal(known_db, width, monkeypatch):
    monkeypatch.setenv("COLUMNS", str(width))
    query = "SELECT * FROM visits ORDER BY visit_id"
    result = CliRunner().invoke(app, ["sql", query, "--db", known_db])
    assert result.exit_code == 0, result.output
    as_json = CliRunner().invoke(app, ["sql", query, "--db", known_db, "--format", "json"])
    frame = pl.DataFrame(json.loads(as_json.stdout))
    _assert_nothing_split(frame, result.stdout, width)
