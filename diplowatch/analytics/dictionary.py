"""The data dictionary (docs/data-dictionary.md), generated from the pandera models and the views."""

from __future__ import annotations

import inspect

import duckdb

from diplowatch import store
from diplowatch.schemas import MODELS
from diplowatch.views import VIEWS

DICTIONARY_PATH = "docs/data-dictionary.md"
REGENERATE = "diplowatch dictionary --out docs/data-dictionary.md"


def _cell(text: str) -> str:
    # A pipe would end the Markdown table cell, even inside backticks.
    return text.replace("|", "\\|").replace("\n", " ")


def describe_check(name: str, stats: dict) -> str:
    """A pandera check in words, e.g. `one of: day, month, year`."""
    match name:
        case "str_matches":
            return f"matches `{stats['pattern']}`"
        case "isin":
            return "one of: " + ", ".join(f"`{v}`" for v in stats["allowed_values"])
        case "notin":
            return "none of: " + ", ".join(f"`{v}`" for v in stats["forbidden_values"])
        case "greater_than_or_equal_to":
            return f"≥ {stats['min_value']}"
        case "greater_than":
            return f"> {stats['min_value']}"
        case "less_than_or_equal_to":
            return f"≤ {stats['max_value']}"
        case "less_than":
            return f"< {stats['max_value']}"
        case "in_range":
            low = "≤" if stats.get("include_min", True) else "<"
            high = "≤" if stats.get("include_max", True) else "<"
            return f"{stats['min_value']} {low} value {high} {stats['max_value']}"
        case "str_length":
            return f"length {stats.get('min_value') or 0}..{stats.get('max_value') or '∞'}"
        case "equal_to":
            return f"= {stats['value']}"
        case _:
            args = ", ".join(f"{k}={v}" for k, v in stats.items())
            return f"{name}({args})" if args else name


def _duckdb_type(dtype) -> str:
    try:
        return store.duckdb_type(dtype)
    except KeyError:
        return str(dtype)


def table_section(table: str) -> list[str]:
    model = MODELS[table]
    schema = model.to_schema()
    keys = store.PRIMARY_KEYS.get(table, ())
    lines = [f"### `{table}`", "", inspect.getdoc(model) or "", ""]
    if keys:
        lines += [f"Primary key: {', '.join(f'`{k}`' for k in keys)}.", ""]
    lines += ["| column | type | nullable | checks | description |", "|---|---|---|---|---|"]
    for name, col in schema.columns.items():
        checks = [describe_check(c.name, c.statistics or {}) for c in col.checks]
        if col.unique:
            checks.insert(0, "unique")
        lines.append(
            f"| `{name}` | {_duckdb_type(col.dtype.type)} | {'yes' if col.nullable else 'no'} | "
            f"{_cell('; '.join(checks))} | {_cell(col.description or '')} |"
        )
    frame_checks = [c.description or c.name for c in schema.checks]
    if frame_checks:
        lines += ["", "Row checks: " + "; ".join(frame_checks) + "."]
    return lines + [""]


def view_section(con: duckdb.DuckDBPyConnection, name: str) -> list[str]:
    view = VIEWS[name]
    types = {row[0]: row[1] for row in con.execute(f"DESCRIBE {name}").fetchall()}
    lines = [f"### `{name}`", "", view.description, "", "| column | type | description |", "|---|---|---|"]
    for column, type_ in types.items():
        lines.append(f"| `{column}` | {type_} | {_cell(view.columns.get(column, ''))} |")
    return lines + ["", "```sql", view.example, "```", ""]


def generate_dictionary() -> str:
    """The whole dictionary as Markdown; the same code always gives the same text."""
    lines = [
        "# Data dictionary",
        "",
        "<!-- Generated from diplowatch/schemas.py (pandera models) and diplowatch/views.py. Do not edit:",
        f"     run `{REGENERATE}`. tests/core/test_dictionary.py fails when this file is stale. -->",
        "",
        "Every table is a pandera model: rows failing a check land in `rejected_rows` with the reasons.",
        "Types are the DuckDB column types. Views are created with the schema and carry their descriptions",
        "as DuckDB comments.",
        "",
        "## Tables",
        "",
    ]
    for table in MODELS:
        lines += table_section(table)
    lines += ["## Views", ""]
    con = duckdb.connect(":memory:")
    try:
        store.ensure_schema(con)
        for name in VIEWS:
            lines += view_section(con, name)
    finally:
        con.close()
    return "\n".join(lines).rstrip("\n") + "\n"
