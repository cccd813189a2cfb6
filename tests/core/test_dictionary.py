"""The data dictionary is generated from the code: the committed file must be what the code generates."""

from __future__ import annotations

from typer.testing import CliRunner

from diplowatch.analytics.dictionary import DICTIONARY_PATH, REGENERATE, describe_check, generate_dictionary
from diplowatch.cli import app
from diplowatch.schemas import MODELS
from diplowatch.views import VIEWS
from tests.fixtures.paths import ROOT


def test_committed_dictionary_is_what_the_code_generates():
    committed = (ROOT / DICTIONARY_PATH).read_text(encoding="utf-8")
    assert committed == generate_dictionary(), f"{DICTIONARY_PATH} is stale: run `{REGENERATE}` and commit it"


def test_dictionary_covers_every_table_column_and_view_column():
    text = generate_dictionary()
    for table, model in MODELS.items():
        assert f"### `{table}`" in text
        for column, col in model.to_schema().columns.items():
            assert f"| `{column}` |" in text
            assert (col.description or "").replace("|", "\\|") in text
    for name, view in VIEWS.items():
        assert f"### `{name}`" in text and view.description in text and view.example in text


def test_checks_are_described_in_words():
    assert describe_check("isin", {"allowed_values": ["day", "month"]}) == "one of: `day`, `month`"
    assert describe_check("in_range", {"min_value": 0.0, "max_value": 1.0}) == "0.0 ≤ value ≤ 1.0"
    assert describe_check("str_matches", {"pattern": "^[A-Z]{3}$"}) == "matches `^[A-Z]{3}$`"
    assert describe_check("custom", {"k": 1}) == "custom(k=1)"


def test_dictionary_command_writes_and_checks(tmp_path):
    out = tmp_path / "dictionary.md"
    runner = CliRunner()
    assert runner.invoke(app, ["dictionary", "--out", str(out), "--check"]).exit_code == 1  # missing = stale
    assert runner.invoke(app, ["dictionary", "--out", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8") == generate_dictionary()
    assert runner.invoke(app, ["dictionary", "--out", str(out), "--check"]).exit_code == 0
    out.write_text("edited by hand\n")
    result = runner.invoke(app, ["dictionary", "--out", str(out), "--check"])
    assert result.exit_code == 1 and "stale" in result.output
