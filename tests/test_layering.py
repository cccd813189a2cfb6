"""The layers import one way: `diplowatch` (no Dagster) <- `assets` <- `pipelines`, and no production code
imports the tests or the benchmark. Read from the source (every import, also inside functions), so a lazy
import cannot slip through the way it would past a check of what a module has loaded."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: What each layer must not import (a top-level name, or a prefix ending in `*`).
FORBIDDEN = {
    "diplowatch": ("dagster", "dagster_*", "assets", "pipelines", "tests", "bench"),
    "assets": ("pipelines", "tests", "bench"),
    "pipelines": ("tests", "bench"),
}
WHY = {
    "diplowatch": "the core runs without Dagster (CLI, benchmark) and knows nothing of the layers above",
    "assets": "asset definitions do not depend on the code location that assembles them",
    "pipelines": "production code does not depend on the tests or the benchmark",
}


def imported_names(source: str, module: str) -> Iterator[tuple[int, str]]:
    """(line, dotted module name) of every import in `source`, the module `module` (dotted): `import`,
    `from ... import` (relative ones resolved), and `importlib.import_module` / `__import__` of a literal."""
    package = module.split(".")[:-1]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            yield node.lineno, ".".join([*base, *([node.module] if node.module else [])])
        elif isinstance(node, ast.Call) and _is_dynamic_import(node.func) and node.args:
            if isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                yield node.lineno, node.args[0].value


def _is_dynamic_import(func: ast.expr) -> bool:
    if isinstance(func, ast.Name):
        return func.id in {"__import__", "import_module"}
    return isinstance(func, ast.Attribute) and func.attr == "import_module"


def _forbids(pattern: str, name: str) -> bool:
    top = name.split(".")[0]
    return top.startswith(pattern[:-1]) if pattern.endswith("*") else top == pattern


def violations(layer: str, module: str, source: str) -> list[str]:
    """The imports of one module of `layer` that go against the layering, as `module:line imports name`."""
    return [
        f"{module}:{line} imports {name} ({layer} must not import {pattern}: {WHY[layer]})"
        for line, name in imported_names(source, module)
        for pattern in FORBIDDEN[layer]
        if _forbids(pattern, name)
    ]


def tree_violations(root: Path) -> list[str]:
    """Every upward import in the layers' packages under `root`."""
    found = []
    for layer in FORBIDDEN:
        for path in sorted((root / layer).rglob("*.py")):
            module = ".".join(path.relative_to(root).with_suffix("").parts)
            found += violations(layer, module, path.read_text(encoding="utf-8"))
    return found


def test_the_layers_import_one_way():
    found = tree_violations(ROOT)
    assert not found, "upward imports:\n" + "\n".join(found)


def test_every_layer_has_modules_to_check():
    """A renamed or emptied layer folder would make the check above pass on nothing."""
    for layer in FORBIDDEN:
        assert len(list((ROOT / layer).rglob("*.py"))) >= 5, layer


@pytest.mark.parametrize(
    ("layer", "module", "source"),
    [
        ("diplowatch", "diplowatch.store", "import dagster"),
        ("diplowatch", "diplowatch.store", "from dagster_duckdb import DuckDBResource"),
        ("diplowatch", "diplowatch.stages.events", "def f():\n    from pipelines.jobs import events_job\n"),
        (
            "diplowatch",
            "diplowatch.stages.events",
            "class A:\n    def m(self):\n        import assets.checks\n",
        ),
        ("diplowatch", "diplowatch.stages.events", "from ...assets import partitions"),
        ("diplowatch", "diplowatch.cli", "import importlib\nimportlib.import_module('dagster')"),
        ("diplowatch", "diplowatch.cli", "__import__('pipelines.launch')"),
        ("assets", "assets.ingest", "from pipelines.jobs import events_job"),
        ("assets", "assets.ingest", "from tests.fixtures.extractors import StubExtractor"),
        ("pipelines", "pipelines.launch", "from bench.run import main"),
    ],
)
def test_an_upward_import_is_caught(layer, module, source):
    assert violations(layer, module, source)


@pytest.mark.parametrize(
    ("layer", "module", "source"),
    [
        ("diplowatch", "diplowatch.stages.events", "from diplowatch import store\nimport polars as pl"),
        ("diplowatch", "diplowatch.stages.events", "from . import staging\nfrom .spill import batched"),
        ("assets", "assets.ingest", "from dagster import asset\nfrom diplowatch.stages import articles"),
        ("pipelines", "pipelines.definitions", "from assets import ingest\nfrom diplowatch import settings"),
    ],
)
def test_a_downward_import_passes(layer, module, source):
    assert violations(layer, module, source) == []


def test_a_planted_module_fails_the_tree_check(tmp_path):
    for layer in FORBIDDEN:
        (tmp_path / layer).mkdir()
        (tmp_path / layer / "__init__.py").write_text("")
    (tmp_path / "diplowatch" / "fine.py").write_text("from diplowatch import store\n")
    (tmp_path / "diplowatch" / "planted.py").write_text("def later():\n    from assets.resources import x\n")
    assert tree_violations(tmp_path) == [
        "diplowatch.planted:2 imports assets.resources (diplowatch must not import assets: "
        f"{WHY['diplowatch']})"
    ]
