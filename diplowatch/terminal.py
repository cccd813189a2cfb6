"""Polars frames as terminal tables that fit the console's width without breaking a word or a date.

Each column gets a kind from its values:
- *whole*: numbers, dates, booleans and values without spaces up to `WHOLE_MAX` characters (codes, statuses,
  short ids): never wrapped, never shortened;
- *token*: longer values without spaces (hashes, URLs, paths): one line, shortened with "…" when the table
  needs the room (down to `TOKEN_MIN` characters);
- *text*: values with spaces: wrapped at spaces (a word longer than the column ends with "…").
Headers fold after an underscore (`visitor_` / `code`) rather than mid-word. When the columns cannot fit at
their minimum widths, each row is printed as a block of `column  value` lines instead (like psql's expanded
display), which fits any width.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import polars as pl
from rich import box
from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

#: A value without spaces up to this many characters is never shortened (dates with time, codes, short ids).
WHOLE_MAX = 25
#: The narrowest a column of long values without spaces (ids, URLs, paths) gets, "…" included.
TOKEN_MIN = 12
#: Text columns are at least as wide as their longest word, within these bounds.
TEXT_MIN, TEXT_MAX = 8, 20
#: The table layouts tried in turn, with the width their borders and padding take for n columns: the default
#: box (a space each side of a cell, a line between and around cells), then a compact one (two spaces between
#: columns, a rule under the header); past them, one block of lines per row.
LAYOUTS: tuple[tuple[dict, Callable[[int], int]], ...] = (
    ({}, lambda n: 3 * n + 1),
    (
        {"box": box.SIMPLE_HEAD, "show_edge": False, "pad_edge": False, "collapse_padding": True},
        lambda n: 2 * (n - 1),
    ),
)


@dataclass(frozen=True)
class ColumnFit:
    name: str
    kind: str  # "whole", "token" or "text"
    natural: int  # width without folding the header or shortening a value
    minimum: int  # narrowest width that keeps every value whole (token: TOKEN_MIN) and every header piece


def _header_pieces(name: str) -> list[str]:
    """`visitor_code` -> [`visitor_`, `code`]: where a header may fold."""
    return [piece for piece in re.split(r"(?<=_)", name) if piece] or [name]


def _fold_header(name: str, width: int) -> str:
    """The header over as few lines as fit `width`, folded only after underscores."""
    lines: list[str] = []
    for piece in _header_pieces(name):
        if lines and cell_len(lines[-1] + piece) <= width:
            lines[-1] += piece
        else:
            lines.append(piece)
    return "\n".join(lines)


def _column_fit(name: str, dtype: pl.DataType, cells: list[str]) -> ColumnFit:
    longest = max((cell_len(c) for c in cells), default=0)
    header_min = max(cell_len(p) for p in _header_pieces(name))
    natural = max(longest, cell_len(name), 1)
    has_spaces = dtype == pl.String and any(" " in c or "\n" in c for c in cells)
    if not has_spaces and (longest <= WHOLE_MAX or dtype != pl.String):
        kind, minimum = "whole", longest
    elif not has_spaces:
        kind, minimum = "token", TOKEN_MIN
    else:
        word = max((cell_len(w) for c in cells for w in c.split()), default=0)
        kind, minimum = "text", min(longest, max(TEXT_MIN, min(word, TEXT_MAX)))
    return ColumnFit(name, kind, natural, max(minimum, header_min, 1))


def _distribute(fits: list[ColumnFit], available: int) -> list[int] | None:
    """Column widths within `available` (None when even the minimums do not fit). Every column starts at its
    minimum; the room left unfolds the headers of the whole-value columns first (cheap, the shortest first,
    each entirely or not at all), then goes to the text and token columns in proportion to what they lack."""
    widths = [f.minimum for f in fits]
    room = available - sum(widths)
    if room < 0:
        return None
    wants = [(f.natural - f.minimum, i) for i, f in enumerate(fits) if f.natural > f.minimum]
    for want, index in sorted((want, i) for want, i in wants if fits[i].kind == "whole"):
        if want <= room:  # a header only reads better unfolded whole: no partial shares
            widths[index] += want
            room -= want
    others = [(want, i) for want, i in wants if fits[i].kind != "whole"]
    lacking = sum(want for want, _ in others)
    for want, index in others:
        share = want if lacking <= room else room * want // lacking
        widths[index] += share
    return widths


def _choose_layout(fits: list[ColumnFit], width: int) -> tuple[dict, list[int]] | None:
    """The first of LAYOUTS whose columns fit `width` at their minimum, with the column widths; None: none."""
    for options, chrome in LAYOUTS if fits else ():
        widths = _distribute(fits, width - chrome(len(fits)))
        if widths is not None:
            return options, widths
    return None


def _cells(frame: pl.DataFrame) -> list[list[str]]:
    """Each column's values as printed: None as an empty cell."""
    return [["" if v is None else str(v) for v in frame.get_column(c).to_list()] for c in frame.columns]


def frame_table(
    frame: pl.DataFrame, width: int, title: str | None = None, max_rows: int | None = None
) -> Table:
    """`frame` (its first `max_rows` rows) as a rich Table at most `width` cells wide: one line per row when
    the columns fit (boxed, else compact), else a block of `column  value` lines per row."""
    shown = frame if max_rows is None else frame.head(max_rows)
    cells = _cells(shown)
    fits = [_column_fit(n, t, c) for n, t, c in zip(shown.columns, shown.dtypes, cells, strict=True)]
    layout = _choose_layout(fits, width)
    if layout is None:
        return _records_table(shown.columns, cells, fits, width, title)
    options, widths = layout
    # A title wider than a narrow table would wrap; make room for it.
    table = Table(
        title=title, title_justify="left", header_style="bold", min_width=len(title or ""), **options
    )
    for fit, dtype, column_width in zip(fits, shown.dtypes, widths, strict=True):
        table.add_column(
            Text(_fold_header(fit.name, column_width)),
            width=column_width,
            no_wrap=fit.kind != "text",
            overflow="ellipsis",
            justify="right" if dtype.is_numeric() else "left",
        )
    for row in zip(*cells, strict=True):
        table.add_row(*row)
    return table


def _records_table(
    names: list[str], cells: list[list[str]], fits: list[ColumnFit], width: int, title: str | None
) -> Table:
    """One block per row: the column names on the left, the values on the right (wrapped at spaces; a long
    value without spaces shortened with "…"), a dim `row N` line between blocks."""
    name_width = min(max(cell_len(n) for n in names), max(width // 3, 8))
    table = Table(
        title=title,
        title_justify="left",
        show_header=False,
        box=box.SIMPLE,
        pad_edge=False,
        min_width=len(title or ""),
    )
    table.add_column(style="bold", width=name_width, no_wrap=True, overflow="ellipsis")
    table.add_column(overflow="ellipsis", max_width=max(width - name_width - 4, 8))
    rows = list(zip(*cells, strict=True))
    if not rows:
        table.add_row("(no rows)", ", ".join(names))
    for number, row in enumerate(rows, start=1):
        if number > 1:
            table.add_section()
        table.add_row(Text(f"row {number}", style="dim"), "")
        for fit, value in zip(fits, row, strict=True):
            table.add_row(fit.name, Text(value, no_wrap=fit.kind != "text", overflow="ellipsis"))
    return table
