# diplowatch — the two quick-start commands are `make demo` and `make test`.
SHELL := /bin/bash
export UV_PYTHON_DOWNLOADS := never
PYTHON ?= python3
# uv from PATH, else through the interpreter after bootstrapping it with pip.
UV := $(shell command -v uv 2>/dev/null || echo "$(PYTHON) -m uv")
VENV := .venv
RUN := $(VENV)/bin
SHARED ?= ../shared

.PHONY: env demo test ui eval eval-fresh eval-unread error-kinds train lint format bench clean

env: $(VENV)/.synced
$(VENV)/.synced: pyproject.toml uv.lock
	@command -v uv >/dev/null 2>&1 || $(PYTHON) -m uv --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv
	# --compile-bytecode: the packages' .pyc files are written once here. Where PYTHONDONTWRITEBYTECODE is set
	# (containers, CI images) Python would otherwise compile Dagster, spaCy and the rest from source in every
	# process: ~10 s more per `diplowatch run` and per step process (docs/performance.md).
	$(UV) sync --frozen --python $(PYTHON) --compile-bytecode
	@touch $@

demo: env
	$(RUN)/diplowatch run --raw samples/articles --db data/diplowatch.duckdb

test: env
	$(RUN)/pytest -q

# The Dagster UI (webserver + daemon) on HOST:PORT, with the project's instance (DAGSTER_HOME, default
# .dagster_home/, its dagster.yaml refreshed from ./dagster.yaml). `make ui PORT=3001`; HOST=0.0.0.0 exposes it.
# Set on the make command line only: a HOST or PORT in the environment (some shells and hosts export one) must
# not move the UI off the loopback address.
HOST = 127.0.0.1
PORT = 3000
ui: env
	@home=$$($(RUN)/python -m pipelines.dagster_home) && \
	echo "Dagster UI: http://$(HOST):$(PORT)  (instance $$home; Ctrl-C stops it)" && \
	DAGSTER_HOME=$$home exec $(RUN)/dagster dev -w workspace.yaml -h $(HOST) -p $(PORT)

# The Dagster UI read-only (dagster-webserver --read-only): it shows everything but launches nothing, switches no
# schedule or sensor; bound to 127.0.0.1 only, on its own port so it runs beside `make ui`. README: "The UI's exposure".
READONLY_UI_PORT ?= 3001
.PHONY: ui-readonly
ui-readonly: env
	home=$$($(RUN)/python -m pipelines.dagster_home) && \
	DAGSTER_HOME=$$home exec $(RUN)/dagster-webserver --read-only -h 127.0.0.1 -p $(READONLY_UI_PORT) \
		-w workspace.yaml

eval: env
	$(RUN)/diplowatch eval --gold $(SHARED)/eval/dev.jsonl --gold $(SHARED)/eval/train.jsonl --gold $(SHARED)/eval/validation.jsonl --bootstrap 1000

# The fresh helper-labelled sample of the speed corpus (bench/fresh/, labels with spans, no texts; not a gold
# set): joined with ../shared/bench's texts in a temporary folder, then scored. Read heldout100's scores only.
FRESH_NEWS = dev100 dev100b dev100c dev100d dev100e dev100f dev100g dev100h dev100i dev100j dev100k dev100l dev100m dev100n dev100o dev100p dev100q dev100r dev100s dev100t dev100u dev100v dev100w dev100x dev60y
FRESH_1987 = dev1987 dev1987b dev1987c dev1987d dev1987e dev1987f dev1987g dev1987h dev1987i dev1987j dev1987k dev1987l dev1987m dev1987n dev1987o dev1987p dev1987q dev1987r dev1987s dev1987t dev1987u dev1987v dev1987w dev1987x dev1987y dev1987z dev1987aa dev1987ab dev1987ac dev1987ad
FRESH_AG = devag devagb devagc devagd devage devagf devagg
# The parts whose errors no round has read (their scores only): the unseen measure of the next round. A part whose
# errors are read leaves these lists (docs/extraction.md says which round read which part).
UNREAD_1987 = dev1987z dev1987aa dev1987ab dev1987ac dev1987ad
UNREAD_AG = devagb devagd devage devagf
# heldout100 goes last: the pooled row pools every set but the last, so it stays out of the pool.
eval-fresh: env
	bench/fresh_eval.sh $(RUN) "$(FRESH_NEWS)" "$(FRESH_1987)" "$(FRESH_AG)" heldout100

# Only the unread parts and heldout100 (never read), scores only: `make eval-unread` before a round's first change
# and after its last, with REUTERS21578 and AGNEWS_CSV set as for eval-fresh.
eval-unread: env
	bench/fresh_eval.sh $(RUN) "" "$(UNREAD_1987)" "$(UNREAD_AG)" heldout100

# The most common remaining error kinds (record kind and typed detail) on dev + train only: validation's errors
# are not read.
error-kinds: env
	$(RUN)/diplowatch eval --gold $(SHARED)/eval/dev.jsonl --gold $(SHARED)/eval/train.jsonl --error-kinds 10

# Trains the learned parts from dev + train only (fixed seeds); writes diplowatch/data/visit_scorer.json and
# docs/training-report.md, both committed.
train: env
	$(RUN)/python -m diplowatch.nlp.train --gold $(SHARED)/eval/dev.jsonl --gold $(SHARED)/eval/train.jsonl

bench: env
	$(RUN)/python bench/run.py $(BENCH_ARGS)


lint: env
	$(RUN)/ruff check .
	$(RUN)/ruff format --check .

format: env
	$(RUN)/ruff format .

clean:
	rm -rf data .dagster_home .pytest_cache
