# diplowatch — the two quick-start commands are `make demo` and `make test`.
SHELL := /bin/bash
export UV_PYTHON_DOWNLOADS := never
PYTHON ?= python3
# uv from PATH, else through the interpreter after bootstrapping it with pip.
UV := $(shell command -v uv 2>/dev/null || echo "$(PYTHON) -m uv")
VENV := .venv
RUN := $(VENV)/bin
SHARED ?= ../shared

.PHONY: env demo test ui eval train lint bench clean

env: $(VENV)/.synced
$(VENV)/.synced: pyproject.toml uv.lock
	@command -v uv >/dev/null 2>&1 || $(PYTHON) -m uv --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

demo: env
	$(RUN)/diplowatch run --raw samples/articles --db data/diplowatch.duckdb

test: env
	$(RUN)/pytest -q

ui: env
	DAGSTER_HOME=$${DAGSTER_HOME:-$(CURDIR)/.dagster_home}; mkdir -p $$DAGSTER_HOME; \
	[ -f $$DAGSTER_HOME/dagster.yaml ] || cp dagster.yaml $$DAGSTER_HOME/dagster.yaml; \
	DAGSTER_HOME=$$DAGSTER_HOME $(RUN)/dagster dev -w workspace.yaml

eval: env
	$(RUN)/diplowatch eval --gold $(SHARED)/eval/dev.jsonl --gold $(SHARED)/eval/train.jsonl --gold $(SHARED)/eval/validation.jsonl

# Trains the learned parts from dev + train only (fixed seeds); writes diplowatch/data/visit_scorer.json and
# docs/training-report.md, both committed.
train: env
	$(RUN)/python -m diplowatch.nlp.train --gold $(SHARED)/eval/dev.jsonl --gold $(SHARED)/eval/train.jsonl

bench: env
	$(RUN)/python bench/run.py $(BENCH_ARGS)

lint: env
	$(RUN)/ruff check .

clean:
	rm -rf data .dagster_home .pytest_cache
